import { badInput, decodeCursor, pageSize, toPage, type PageInfo, type RequestContext } from '@loyalnest/kit';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { AuditEntryEntity, type AuditEntry, type AuditSourceKind } from '../entities/audit-entry.entity.js';
import { ChainWalker, entryHash, GENESIS_HASH, type ChainBreak } from './audit-chain.js';

/** An entry before the chain places it: everything but id, merchant, sequence, hashes and recorded-at. */
export interface AuditDraft {
  actorKind: string;
  actorId: string;
  entityType: string;
  entityId: string | null;
  action: string;
  summary: Record<string, unknown>;
  requestId: string | null;
  correlationId?: string | null;
  occurredAt: Date;
  sourceKind: AuditSourceKind;
  sourceTopic: string;
  sourceEventId: string;
}

export interface AuditFilter {
  entityType?: string | null;
  entityId?: string | null;
  actorKind?: string | null;
  actorId?: string | null;
  action?: string | null;
  /** Entries that occurred at or after this instant. */
  from?: Date | null;
  /** Entries that occurred before this instant. */
  to?: Date | null;
}

export interface ChainVerification {
  ok: boolean;
  entriesChecked: number;
  firstBreak: ChainBreak | null;
  /** The last entry, when the whole chain verified. */
  head: { sequence: number; hash: string } | null;
}

/** Two-key advisory lock namespace of chain appends (the second key is the merchant's). */
const CHAIN_LOCK = 0x4155_4454; // "AUDT"
const VERIFY_BATCH = 500;

/** Serializes everything that changes one merchant's chain, until the transaction ends (re-entrant). */
async function lockChain(em: EntityManager, merchantId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [CHAIN_LOCK, merchantId]);
}

/** Staging (shared) against a shop redaction's purge (exclusive) of the same merchant. */
const PURGE_LOCK = 0x4155_5047; // "AUPG"

export class AuditService {
  /** Takes the chain lock of the caller's merchant in the caller's transaction (an event handler's). */
  async lockChain(ctx: RequestContext): Promise<void> {
    await lockChain(ctx.em, ctx.merchantId!);
  }

  /**
   * Consumers hold this (shared, so they never wait for each other) while they check that the
   * merchant was not purged and stage an entry; a purge takes it exclusively, so no staging
   * straddles a purge.
   */
  async holdAgainstPurge(ctx: Pick<RequestContext, 'em' | 'merchantId'>, exclusive = false): Promise<void> {
    await ctx.em.execute(`select pg_advisory_xact_lock${exclusive ? '' : '_shared'}(?, hashtext(?))`, [PURGE_LOCK, ctx.merchantId!]);
  }

  /** Stages an entry for the chainer, in the caller's transaction; takes no chain lock. */
  async stage(ctx: RequestContext, draft: AuditDraft): Promise<void> {
    await ctx.em.execute('insert into audit_pending (id, merchant_id, draft) values (?, ?, ?::jsonb)', [uuidv7(), ctx.merchantId!, JSON.stringify(draft)]);
  }

  /**
   * Links up to `limit` staged entries of the caller's merchant into its chain, in staging order,
   * under the chain lock, in one transaction, and returns how many. Concurrent chainers (replicas)
   * serialize on the lock; the second finds the rows gone.
   */
  async chainPending(ctx: RequestContext, limit: number, purged: (em: EntityManager) => Promise<boolean>): Promise<number> {
    const merchantId = ctx.merchantId!;
    return ctx.em.transactional(async (em) => {
      await lockChain(em, merchantId);
      if (await purged(em)) {
        await em.execute('delete from audit_pending where merchant_id = ?', [merchantId]);
        return 0;
      }
      const pending = await em.execute<{ id: string; draft: AuditDraft & { occurredAt: string } }[]>(
        'select id, draft from audit_pending where merchant_id = ? order by id limit ?',
        [merchantId, limit],
      );
      if (!pending.length) return 0;
      const [last] = await em.execute<{ sequence: string; hash: string }[]>(
        'select sequence, hash from audit_entry where merchant_id = ? order by sequence desc limit 1',
        [merchantId],
      );
      let prevHash = last?.hash ?? GENESIS_HASH;
      let sequence = last ? Number(last.sequence) : 0;
      const recordedAt = new Date();
      const entries: AuditEntry[] = pending.map(({ draft }) => {
        const entry: Omit<AuditEntry, 'hash'> = {
          id: uuidv7(),
          merchantId,
          sequence: ++sequence,
          ...draft,
          // Drafts staged before correlation ids were kept have none.
          correlationId: draft.correlationId ?? null,
          occurredAt: new Date(draft.occurredAt),
          recordedAt,
          prevHash,
        };
        const hashed: AuditEntry = { ...entry, hash: entryHash(prevHash, entry) };
        prevHash = hashed.hash;
        return hashed;
      });
      await em.insertMany(AuditEntryEntity, entries);
      const ids = `{${pending.map((p) => p.id).join(',')}}`;
      await em.execute('delete from audit_pending where merchant_id = ? and id = any(?::uuid[])', [merchantId, ids]);
      return entries.length;
    });
  }

  /**
   * Appends an entry to the caller's merchant's chain. Appends for one merchant serialize on a
   * transaction-scoped advisory lock taken before the chain's head is read, so two consumers never
   * link to the same head; the unique (merchant, sequence) key would refuse a fork anyway. Runs in
   * the caller's transaction when there is one (the event consumer's), else in its own.
   */
  async append(ctx: RequestContext, draft: AuditDraft): Promise<AuditEntry> {
    const merchantId = ctx.merchantId!;
    const run = async (em: EntityManager) => {
      await lockChain(em, merchantId);
      const [last] = await em.execute<{ sequence: string; hash: string }[]>(
        'select sequence, hash from audit_entry where merchant_id = ? order by sequence desc limit 1',
        [merchantId],
      );
      const prevHash = last?.hash ?? GENESIS_HASH;
      const entry: Omit<AuditEntry, 'hash'> = {
        id: uuidv7(),
        merchantId,
        sequence: last ? Number(last.sequence) + 1 : 1,
        ...draft,
        correlationId: draft.correlationId ?? null,
        recordedAt: new Date(),
        prevHash,
      };
      const hashed: AuditEntry = { ...entry, hash: entryHash(prevHash, entry) };
      await em.insert(AuditEntryEntity, hashed);
      return hashed;
    };
    return ctx.em.isInTransaction() ? run(ctx.em) : ctx.em.transactional(run);
  }

  /** Newest first (by sequence); the cursor is an entry id. */
  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; filter?: AuditFilter | null }): Promise<{ nodes: AuditEntry[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const where: FilterQuery<AuditEntry> = {};
    if (after) {
      const cursor = await ctx.em.findOne(AuditEntryEntity, { id: after }, { fields: ['sequence'], disableIdentityMap: true });
      if (!cursor) throw badInput('after', 'is not a cursor returned by this API');
      where.sequence = { $lt: cursor.sequence };
    }
    const filter = args.filter ?? {};
    if (filter.entityType != null) where.entityType = filter.entityType;
    if (filter.entityId != null) where.entityId = filter.entityId;
    if (filter.actorKind != null) where.actorKind = filter.actorKind;
    if (filter.actorId != null) where.actorId = filter.actorId;
    if (filter.action != null) where.action = filter.action;
    if (filter.from != null || filter.to != null) {
      if (filter.from != null && filter.to != null && filter.from >= filter.to) throw badInput('filter.to', 'must be later than filter.from');
      where.occurredAt = { ...(filter.from != null && { $gte: filter.from }), ...(filter.to != null && { $lt: filter.to }) };
    }
    const rows = await ctx.em.find(AuditEntryEntity, where, { orderBy: { sequence: 'desc' }, limit: size + 1, disableIdentityMap: true });
    return toPage(rows, size);
  }

  /** Walks the caller's merchant's whole chain from sequence 1 and reports the first broken link. */
  async verify(ctx: RequestContext): Promise<ChainVerification> {
    const walker = new ChainWalker();
    let after = 0;
    for (;;) {
      const batch = await ctx.em.find(AuditEntryEntity, { sequence: { $gt: after } }, { orderBy: { sequence: 'asc' }, limit: VERIFY_BATCH, disableIdentityMap: true });
      if (!walker.check(batch) || batch.length < VERIFY_BATCH) break;
      after = batch[batch.length - 1].sequence;
    }
    const ok = walker.firstBreak === null;
    return { ok, entriesChecked: walker.checked, firstBreak: walker.firstBreak, head: ok ? walker.head : null };
  }

  /**
   * Deletes every audit entry of the caller's merchant, for GDPR `shop/redact`, and returns how
   * many. It is the only way rows leave the table: `loyalnest_audit_purge_merchant` runs as the
   * owner and only for the merchant the transaction acts for, and the append-only trigger lets
   * exactly its deletes through. The merchant's next entry starts a new chain at sequence 1.
   */
  async purgeMerchant(ctx: RequestContext): Promise<number> {
    const merchantId = ctx.merchantId;
    if (!merchantId) throw new Error('purgeMerchant: the caller acts for no merchant');
    const run = async (em: EntityManager) => {
      const [row] = await em.execute<{ deleted: string }[]>('select loyalnest_audit_purge_merchant(?) as deleted', [merchantId]);
      return Number(row.deleted);
    };
    return ctx.em.isInTransaction() ? run(ctx.em) : ctx.em.transactional(run);
  }
}
