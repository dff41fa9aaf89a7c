import { GDPR_TOPICS, isUuid, MUTATION_EXECUTED, withoutSealedBody, type DomainEvent, type EventHandler, type MerchantEventsPreparation } from '@loyalnest/kit';
import type { AuditDraft, AuditService } from '../services/audit.service.js';
import { isPurged } from './audit-gdpr.consumer.js';

/** Topics whose entity is not named by their first segment: topic → entity type, the payload key of its id, the action. */
const ENTITY_OF_TOPIC: Record<string, [entityType: string, idKey: string, action?: string]> = {
  'shopify.webhook_applied': ['WebhookDelivery', 'deliveryId', 'applied'],
  'webhook_subscription_delivery.replayed': ['WebhookSubscriptionDelivery', 'deliveryId'],
};

/**
 * Topic prefixes likewise: `shopify.webhook.orders/paid` is a delivery received, `gdpr.*` a GDPR
 * request, `webhook_subscription.*` (created, updated, secret_rotated, deleted, disabled) an
 * outgoing webhook subscription.
 */
const ENTITY_OF_PREFIX: [prefix: string, entityType: string, idKey: string, action: string | null][] = [
  ['shopify.webhook.', 'WebhookDelivery', 'deliveryId', 'received'],
  ['gdpr.', 'GdprRequest', 'requestId', null],
  ['webhook_subscription.', 'WebhookSubscription', 'subscriptionId', null],
];

/** An id (UUID, Shopify numeric id), a field name, a topic or scope: what a summary may hold. */
const SAFE_STRING = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,199}$/;
const MAX_DEPTH = 3;

/** `api_key` → `ApiKey`. */
function pascal(name: string): string {
  return name.replace(/(^|[_-])([a-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());
}

/** `api_key` → `apiKey`. */
function camel(name: string): string {
  const p = pascal(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/**
 * Payloads carry ids and field names by convention; the audit log is kept forever, so it keeps
 * only values that look like that (ids, identifiers, numbers, booleans) and lists the paths of
 * anything else it dropped, rather than trusting every producer to get it right.
 */
export function summarize(payload: Record<string, unknown>, omit: string | null): Record<string, unknown> {
  const redacted: string[] = [];
  const keep = (value: unknown, path: string, depth: number): unknown => {
    if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
    if (typeof value === 'string' && SAFE_STRING.test(value)) return value;
    if (Array.isArray(value) && depth < MAX_DEPTH) {
      const items = value.map((item, i) => keep(item, `${path}[${i}]`, depth + 1));
      return items.filter((item) => item !== undefined);
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && depth < MAX_DEPTH) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const kept = keep(item, path ? `${path}.${key}` : key, depth + 1);
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    redacted.push(path);
    return undefined;
  };
  const rest = Object.fromEntries(Object.entries(payload).filter(([key]) => key !== omit));
  const summary = keep(rest, '', 0) as Record<string, unknown>;
  return redacted.length ? { ...summary, redacted } : summary;
}

/**
 * What an event says happened, as an audit entry. A topic `<domain>.<action>` is about entity
 * `<Domain>` (`customer.updated` → Customer, `updated`), identified by the payload's
 * `<domain>Id`; the rest of the payload is the summary. `audit.mutation_executed` is entity
 * `Mutation`, identified by the mutation's name, action `executed`, its outcome in the summary.
 */
export function draftFromEvent(event: DomainEvent): AuditDraft {
  // The audit trail is kept forever; a webhook's body, even encrypted, must go when it is erased.
  const payload = withoutSealedBody(event.payload ?? {});
  let entityType: string;
  let idKey: string | null;
  let action: string;
  if (event.topic === MUTATION_EXECUTED) {
    [entityType, idKey, action] = ['Mutation', 'mutation', 'executed'];
  } else {
    const dot = event.topic.indexOf('.');
    const domain = dot < 0 ? event.topic : event.topic.slice(0, dot);
    action = dot < 0 ? 'occurred' : event.topic.slice(dot + 1);
    const prefixed = ENTITY_OF_PREFIX.find(([prefix]) => event.topic.startsWith(prefix));
    const known = ENTITY_OF_TOPIC[event.topic];
    if (known) [entityType, idKey, action] = [known[0], known[1], known[2] ?? action];
    else if (prefixed) [entityType, idKey, action] = [prefixed[1], prefixed[2], prefixed[3] ?? action];
    else [entityType, idKey] = [pascal(domain), `${camel(domain)}Id`];
    if (!(idKey in payload) && 'id' in payload) idKey = 'id';
  }
  const rawId = idKey !== null ? payload[idKey] : undefined;
  const entityId = typeof rawId === 'string' && (isUuid(rawId) || SAFE_STRING.test(rawId)) ? rawId : null;
  return {
    actorKind: event.actor?.kind ?? 'system',
    actorId: event.actor?.id || 'unknown',
    entityType: entityType.slice(0, 100),
    entityId,
    action: action.slice(0, 100),
    summary: summarize(payload, entityId !== null ? idKey : null),
    requestId: event.requestId ?? null,
    correlationId: event.correlationId ?? null,
    occurredAt: new Date(event.occurredAt),
    sourceKind: event.topic === MUTATION_EXECUTED ? 'mutation' : 'event',
    sourceTopic: event.topic,
    sourceEventId: event.id,
  };
}

/** What `prepareAuditEvents` found for a merchant's events of a batch. */
interface PreparedMerchant {
  purged: boolean;
}

/**
 * Takes the purge lock and looks for the merchant's tombstone once for all of a merchant's events
 * of a batch, not once per event (two of each event's four statements). Under the lock (shared:
 * consumers never wait for each other), which a shop redaction holds exclusively while it purges,
 * an event in flight sees the tombstone once the purge commits, and never stages an entry the
 * purge would miss; held until the batch commits, the lock keeps the answer true for the whole
 * batch. Except for a batch that itself carries the merchant's shop redaction: the events after
 * it must see the tombstone it writes, so each of them looks for itself.
 */
export function prepareAuditEvents(audit: AuditService): MerchantEventsPreparation {
  return async (db, events, runtime) => {
    if (events.some((event) => event.topic === GDPR_TOPICS.redactShop)) return undefined;
    await audit.holdAgainstPurge(db);
    return { purged: await isPurged(db, runtime.config) } satisfies PreparedMerchant;
  };
}

/** The audit subgraph's consumer of every topic: one entry per event, staged for the event's merchant's chain. */
export function auditConsumer(audit: AuditService): EventHandler {
  return async (ctx, event, runtime, prepared) => {
    let purged = (prepared as PreparedMerchant | undefined)?.purged;
    if (purged === undefined) {
      // Called alone (see `prepareAuditEvents`): the same lock and look, for this event.
      await audit.holdAgainstPurge(ctx);
      purged = await isPurged(ctx, runtime.config);
    }
    if (purged) {
      // An event of a merchant whose data GDPR shop/redact removed: record nothing, not even
      // that it was consumed (that row would be a row of the merchant). A redelivery lands here again.
      await ctx.em.execute('delete from consumed_event where consumer = ? and event_id = ?', [runtime.name, event.id]);
      return;
    }
    // Staged, not chained: the chainer job links staged entries in batches, so one busy merchant's
    // events do not take its chain lock one at a time (see jobs/audit-chainer.job.ts).
    await audit.stage(ctx, draftFromEvent(event));
  };
}
