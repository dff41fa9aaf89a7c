import { createHash } from 'node:crypto';
import type { AuditEntry } from '../entities/audit-entry.entity.js';

/** `prev_hash` of a merchant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: all of them but the hash itself (and `prev_hash`, which prefixes them). */
export type ChainedFields = Omit<AuditEntry, 'hash' | 'prevHash'>;

/**
 * JSON with object keys sorted at every depth and dates as ISO 8601, so the same entry always
 * serializes to the same bytes, whether it is being written or read back from PostgreSQL (jsonb
 * does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** sha256(prev_hash + canonical serialization of the entry's fields), hex. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const fields: ChainedFields = {
    id: entry.id,
    merchantId: entry.merchantId,
    sequence: entry.sequence,
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    summary: entry.summary,
    requestId: entry.requestId,
    // Left out when absent, so entries written before correlation ids were kept hash as they did.
    correlationId: entry.correlationId ?? undefined,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    sourceKind: entry.sourceKind,
    sourceTopic: entry.sourceTopic,
    sourceEventId: entry.sourceEventId,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export type ChainBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';

export interface ChainBreak {
  sequence: number;
  entryId: string;
  reason: ChainBreakReason;
  /** The sequence the chain expected at this entry; differs from `sequence` on a gap. */
  expectedSequence: number;
}

/**
 * Checks entries in sequence order, a batch at a time: `next` takes the entries after the last one
 * checked. Per entry, in this order: its sequence follows the previous one's (a deleted entry
 * shows as a gap), its `prev_hash` is the previous entry's `hash`, and its `hash` is what its
 * fields hash to (an edited entry shows here).
 */
export class ChainWalker {
  private expectedSequence = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;
  firstBreak: ChainBreak | null = null;
  head: { sequence: number; hash: string } | null = null;

  /** Returns false once a break is found: nothing after it can be trusted to link. */
  check(entries: AuditEntry[]): boolean {
    for (const entry of entries) {
      this.checked++;
      const reason: ChainBreakReason | null =
        entry.sequence !== this.expectedSequence
          ? 'sequence_gap'
          : entry.prevHash !== this.prevHash
            ? 'prev_hash_mismatch'
            : entryHash(entry.prevHash, entry) !== entry.hash
              ? 'hash_mismatch'
              : null;
      if (reason) {
        this.firstBreak = { sequence: entry.sequence, entryId: entry.id, reason, expectedSequence: this.expectedSequence };
        return false;
      }
      this.expectedSequence = entry.sequence + 1;
      this.prevHash = entry.hash;
      this.head = { sequence: entry.sequence, hash: entry.hash };
    }
    return true;
  }
}
