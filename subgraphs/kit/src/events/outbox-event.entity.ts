import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { tenantOwned } from '../tenancy.js';
import { markOutboxWritten } from './commit-wake.js';

/**
 * The transactional outbox: a domain event written by the same flush, in the same transaction,
 * as the change it reports, so a change is never committed without its event or the reverse.
 * The relay publishes unpublished rows to the consuming subgraphs' queues and sets `published_at`.
 * Payloads carry ids only; consumers read anything personal from its owner. The one exception is
 * a webhook delivery's event, which carries the body encrypted as the inbox holds it and is erased
 * with it (`SEALED_BODY_KEY`). The actor and request id say who caused the event, for the audit trail.
 */
export const OutboxEventEntity = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    topic: p.string().length(100),
    version: p.integer().default(1),
    payload: p.json<Record<string, unknown>>(),
    occurredAt: p.datetime().onCreate(() => new Date()),
    publishedAt: p.datetime().nullable(),
    /** The caller whose request caused the event (null on rows written before it was kept). */
    actorKind: p.string().length(20).nullable(),
    actorId: p.string().length(255).nullable(),
    requestId: p.string().length(100).nullable(),
    correlationId: p.string().length(128).nullable(),
  },
  indexes: [
    { properties: ['publishedAt', 'id'], name: 'outbox_event_unpublished_index' },
    // The relay's claim, in id order (the stores' `outbox_backlog` migration says why it is partial).
    { name: 'outbox_event_unclaimed_index', expression: 'create index "outbox_event_unclaimed_index" on "outbox_event" ("id") where "published_at" is null' },
  ],
  // Marks the transaction for the wake its process sends after commit (no NOTIFY: see commit-wake.ts).
  triggers: [markOutboxWritten()],
  ...tenantOwned('outbox_event'),
});

export type OutboxEvent = InferEntity<typeof OutboxEventEntity>;
