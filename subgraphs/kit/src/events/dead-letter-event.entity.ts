import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { tenantOwned } from '../tenancy.js';
import { wakeRelay } from './notify.js';

/**
 * dead: every attempt failed, waiting for an admin; retrying: an admin asked for another round
 * and it has not settled yet; resolved: a later round applied it.
 */
export const DEAD_LETTER_STATUSES = ['dead', 'retrying', 'resolved'] as const;
export type DeadLetterStatusValue = (typeof DEAD_LETTER_STATUSES)[number];

/**
 * An event this store's consumer could not apply after its last attempt. It keeps the whole
 * event (payloads carry ids only) so a retry needs nothing from the producer, and the error
 * message without a stack trace or SQL (see `describeError`).
 */
export const DeadLetterEventEntity = defineEntity({
  name: 'DeadLetterEvent',
  tableName: 'dead_letter_event',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    consumer: p.string().length(50),
    eventId: p.uuid(),
    topic: p.string().length(100),
    version: p.integer(),
    occurredAt: p.datetime(),
    payload: p.json<Record<string, unknown>>(),
    actorKind: p.string().length(20).nullable(),
    actorId: p.string().length(255).nullable(),
    requestId: p.string().length(100).nullable(),
    correlationId: p.string().length(128).nullable(),
    error: p.string().length(1000),
    /** Attempts made over every round, retries included. */
    attempts: p.integer(),
    status: p.enum(DEAD_LETTER_STATUSES),
    failedAt: p.datetime(),
    retryRequestedAt: p.datetime().nullable(),
    /** When the retry was last put on the queue; cleared by a new failure. */
    retryEnqueuedAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['consumer', 'eventId'], name: 'dead_letter_event_consumer_event_unique' }],
  indexes: [{ properties: ['status', 'retryEnqueuedAt'], name: 'dead_letter_event_status_index' }],
  // A retry asked for wakes the pump that puts it back on the queue; the pump's own claim (which
  // sets `retry_enqueued_at`) and every other change wake nobody.
  triggers: [wakeRelay('dead_letter_event_notify', ['insert', 'update'], `new.status = 'retrying' and new.retry_enqueued_at is null`)],
  ...tenantOwned('dead_letter_event'),
});

export type DeadLetterEvent = InferEntity<typeof DeadLetterEventEntity>;
