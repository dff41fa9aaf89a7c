import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** Where an entry comes from: a domain event, or a mutation (through its `audit.mutation_executed` event). */
export const AUDIT_SOURCE_KINDS = ['event', 'mutation'] as const;
export type AuditSourceKind = (typeof AUDIT_SOURCE_KINDS)[number];

/** Transaction-local setting `loyalnest_audit_purge_merchant` sets so the append-only trigger lets its deletes through. */
export const AUDIT_PURGE_SETTING = 'loyalnest.audit_purge';

/**
 * One line of a merchant's audit trail. Append-only in the database: the service role may only
 * insert and select, and a trigger refuses UPDATE, DELETE and TRUNCATE to everyone, the owner
 * included, except the deletes of `loyalnest_audit_purge_merchant` (GDPR `shop/redact`).
 *
 * Entries are hash-chained per merchant: `sequence` counts 1, 2, 3… and `hash` is
 * sha256(`prev_hash` + the canonical serialization of the entry's other fields), `prev_hash` being
 * the previous entry's hash (64 zeros for the first). `summary` holds ids and field names only.
 */
export const AuditEntryEntity = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    sequence: p.bigint('number'),
    actorKind: p.string().length(20),
    actorId: p.string().length(255),
    entityType: p.string().length(100),
    entityId: p.string().length(255).nullable(),
    action: p.string().length(100),
    summary: p.json<Record<string, unknown>>(),
    requestId: p.string().length(100).nullable(),
    correlationId: p.string().length(128).nullable(),
    occurredAt: p.datetime(),
    recordedAt: p.datetime(),
    sourceKind: p.enum(AUDIT_SOURCE_KINDS),
    sourceTopic: p.string().length(100),
    sourceEventId: p.uuid(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  uniques: [
    // A second writer at the same place in the chain fails here rather than forking it.
    { properties: ['merchantId', 'sequence'], name: 'audit_entry_merchant_sequence_unique' },
    { properties: ['merchantId', 'sourceEventId'], name: 'audit_entry_merchant_source_unique' },
  ],
  indexes: [
    { properties: ['merchantId', 'entityType', 'entityId', 'sequence'], name: 'audit_entry_entity_index' },
    { properties: ['merchantId', 'actorKind', 'actorId', 'sequence'], name: 'audit_entry_actor_index' },
    { properties: ['merchantId', 'occurredAt'], name: 'audit_entry_occurred_index' },
  ],
  triggers: [
    {
      name: 'audit_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: `if TG_OP = 'DELETE' and current_setting('${AUDIT_PURGE_SETTING}', true) = OLD.merchant_id::text then return OLD; end if;
raise exception 'audit_entry is append-only: % refused', TG_OP;`,
    },
    {
      name: 'audit_entry_no_truncate',
      timing: 'before',
      events: ['truncate'],
      forEach: 'statement',
      body: `raise exception 'audit_entry is append-only: TRUNCATE refused';`,
    },
  ],
  ...tenantOwned('audit_entry'),
});

export type AuditEntry = InferEntity<typeof AuditEntryEntity>;
