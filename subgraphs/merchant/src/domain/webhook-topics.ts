import { Scope, type DomainEvent, type EventPayload } from '@loyalnest/kit';

/**
 * The outgoing webhooks' public topics: what partners subscribe to, each fed by one or more
 * internal domain events and carrying a `data` object built from the internal payload by a mapper
 * of its own. Mappers copy ids and figures by name and nothing else, so a field added to an
 * internal payload (an email, a code) never reaches a partner until a mapper names it.
 * Every key of `data` is always present: an absent value is `null`.
 *
 * The enum's values are the wire names (`topic` in the body, `X-LoyalNest-Topic`), so the
 * GraphQL enum (`WebhookTopic`) hands the services wire names and rows store them as they are.
 */
export enum WebhookTopic {
  CUSTOMER_CREATED = 'customer.created',
  POINTS_EARNED = 'points.earned',
  POINTS_REDEEMED = 'points.redeemed',
  POINTS_ADJUSTED = 'points.adjusted',
  POINTS_EXPIRED = 'points.expired',
  POINTS_REVERSED = 'points.reversed',
  REWARD_REDEEMED = 'reward.redeemed',
  REDEMPTION_UPDATED = 'redemption.updated',
  TIER_CHANGED = 'tier.changed',
  REFERRAL_COMPLETED = 'referral.completed',
  SEGMENT_CHANGED = 'segment.changed',
}

/** The `apiVersion` of every body: bumped when a body's shape changes in a way receivers must know of. */
export const WEBHOOK_API_VERSION = '2026-12';

export type WebhookData = Record<string, string | number | null>;

/*
 * What the fan-out reads of the internal payloads. The points, tier and segment subgraphs depend on
 * this one (directly or through another), so their `topics.ts` cannot be imported here without a
 * workspace dependency cycle: the fields read are declared locally, after
 * points `LedgerEntryPosted`, tier `TierChanged`, segment `SegmentChanged` and referral
 * `ReferralCompleted` (test/src/webhook-topics.test.ts types its samples with the producers' own
 * types, so a renamed field fails the typecheck there). The untyped events
 * (`customer.created`, `reward.redeemed`, `redemption.*`) are declared after their `ctx.emit` calls
 * (customer `customer.service.ts`, points `redemption.service.ts`, `redemption-settlement.service.ts`).
 */
type LedgerEntryRead = {
  entryId: string;
  customerId: string;
  source: string;
  status: string;
  points: number;
  balance: number;
  pending: number;
  orderId: string | null;
  reversesEntryId: string | null;
};
type CustomerCreatedRead = { customerId: string };
type ReferralCompletedRead = {
  referralId: string;
  advocateId: string;
  friendCustomerId: string;
  points: number;
  orderId: string | null;
  orderTotalMinor: number | null;
  currency: string | null;
  completedAt: string;
};
type RedemptionRead = { redemptionId: string; rewardId: string; customerId: string; points?: number; shopifyOrderId?: string | number | null };
type TierChangedRead = { customerId: string; from: string | null; to: string | null; direction: string; reason: string; multiplier: number };
type SegmentChangedRead = { customerId: string; from: string | null; to: string | null; recency: number | null; frequency: number | null; monetary: number | null };

/** A string id or null; a number (a Shopify id read from a bigint column) as its decimal string. */
function id(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function figure(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const ledgerEntry = (p: LedgerEntryRead): WebhookData => ({
  customerId: id(p.customerId),
  entryId: id(p.entryId),
  points: figure(p.points),
  balance: figure(p.balance),
  pending: figure(p.pending),
  status: text(p.status),
  source: text(p.source),
  orderId: id(p.orderId),
});

/** `redemption.updated` from one of the redemption's terminal events. */
const redemptionUpdate =
  (status: 'USED' | 'EXPIRED' | 'CANCELLED' | 'FAILED') =>
  (p: RedemptionRead): WebhookData => ({
    redemptionId: id(p.redemptionId),
    rewardId: id(p.rewardId),
    customerId: id(p.customerId),
    status,
    orderId: status === 'USED' ? id(p.shopifyOrderId) : null,
    // Cancelled and failed redemptions gave their points back (a reverse entry of the spend).
    pointsReturned: status === 'CANCELLED' || status === 'FAILED' ? (figure(p.points) ?? 0) : 0,
  });

type Mapper = (payload: never) => WebhookData;

/**
 * One public topic: what it tells, the read scope a caller needs to receive it (besides
 * `webhooks:manage`: a subscription is a way of reading that data), and the internal events it is
 * made from.
 */
interface TopicDefinition {
  description: string;
  scope: string;
  from: Record<string, Mapper>;
}

export const WEBHOOK_TOPICS: Record<WebhookTopic, TopicDefinition> = {
  [WebhookTopic.CUSTOMER_CREATED]: {
    description: 'A customer joined the loyalty program. `data`: `{ customerId }`.',
    scope: Scope.CUSTOMERS_READ,
    from: { 'customer.created': (p: CustomerCreatedRead) => ({ customerId: id(p.customerId) }) },
  },
  [WebhookTopic.POINTS_EARNED]: {
    description: 'Points were earned (an order, an activity, a referral, a tier bonus…). `data`: the ledger entry `{ customerId, entryId, points, balance, pending, status, source, orderId }`.',
    scope: Scope.POINTS_READ,
    from: { 'points.earned': ledgerEntry },
  },
  [WebhookTopic.POINTS_REDEEMED]: {
    description: 'Points were spent on a reward (negative `points`). `data`: the ledger entry, as for POINTS_EARNED.',
    scope: Scope.POINTS_READ,
    from: { 'points.redeemed': ledgerEntry },
  },
  [WebhookTopic.POINTS_ADJUSTED]: {
    description: 'An admin, a partner or Shopify Flow awarded or deducted points by hand. `data`: the ledger entry, as for POINTS_EARNED.',
    scope: Scope.POINTS_READ,
    from: { 'points.adjusted': ledgerEntry },
  },
  [WebhookTopic.POINTS_EXPIRED]: {
    description: 'Points ran out (negative `points`). `data`: the ledger entry, as for POINTS_EARNED.',
    scope: Scope.POINTS_READ,
    from: { 'points.expired': ledgerEntry },
  },
  [WebhookTopic.POINTS_REVERSED]: {
    description: 'An earlier entry was reversed: an earn taken back (refund, cancellation) or a spend given back. `data`: the ledger entry, as for POINTS_EARNED, plus `reversesEntryId`.',
    scope: Scope.POINTS_READ,
    from: { 'points.reversed': (p: LedgerEntryRead) => ({ ...ledgerEntry(p), reversesEntryId: id(p.reversesEntryId) }) },
  },
  [WebhookTopic.REWARD_REDEEMED]: {
    description: "A reward was redeemed and its discount code issued (the code itself is never sent). `data`: `{ redemptionId, rewardId, customerId, points }`.",
    scope: Scope.POINTS_READ,
    from: {
      'reward.redeemed': (p: RedemptionRead) => ({ redemptionId: id(p.redemptionId), rewardId: id(p.rewardId), customerId: id(p.customerId), points: figure(p.points) }),
    },
  },
  [WebhookTopic.REDEMPTION_UPDATED]: {
    description:
      "A redemption reached its end: its code was used on an order (USED, `orderId` is Shopify's), ran out (EXPIRED), was cancelled or could not be issued (CANCELLED, FAILED: `pointsReturned` were given back). `data`: `{ redemptionId, rewardId, customerId, status, orderId, pointsReturned }`.",
    scope: Scope.POINTS_READ,
    from: {
      'redemption.used': redemptionUpdate('USED'),
      'redemption.expired': redemptionUpdate('EXPIRED'),
      'redemption.cancelled': redemptionUpdate('CANCELLED'),
      'redemption.failed': redemptionUpdate('FAILED'),
    },
  },
  [WebhookTopic.TIER_CHANGED]: {
    description: "A customer's VIP tier changed, up or down. `data`: `{ customerId, fromTierId, toTierId, direction, reason, multiplier }` (tier ids null for no tier).",
    scope: Scope.TIERS_READ,
    from: {
      'tier.changed': (p: TierChangedRead) => ({
        customerId: id(p.customerId),
        fromTierId: id(p.from),
        toTierId: id(p.to),
        direction: text(p.direction),
        reason: text(p.reason),
        multiplier: figure(p.multiplier),
      }),
    },
  },
  [WebhookTopic.REFERRAL_COMPLETED]: {
    description: "A referral completed: the friend's qualifying order passed the hold and the advocate earned. `data`: `{ referralId, advocateId, friendCustomerId, points, orderId, orderTotalMinor, currency, completedAt }`.",
    scope: Scope.REFERRALS_READ,
    from: {
      'referral.completed': (p: ReferralCompletedRead) => ({
        referralId: id(p.referralId),
        advocateId: id(p.advocateId),
        friendCustomerId: id(p.friendCustomerId),
        points: figure(p.points),
        orderId: id(p.orderId),
        orderTotalMinor: figure(p.orderTotalMinor),
        currency: text(p.currency),
        completedAt: text(p.completedAt),
      }),
    },
  },
  [WebhookTopic.SEGMENT_CHANGED]: {
    description: "A recompute moved a customer from one RFM segment to another. `data`: `{ customerId, from, to, recency, frequency, monetary }` (segment handles; null for none).",
    scope: Scope.SEGMENTS_READ,
    from: {
      'segment.changed': (p: SegmentChangedRead) => ({
        customerId: id(p.customerId),
        from: text(p.from),
        to: text(p.to),
        recency: figure(p.recency),
        frequency: figure(p.frequency),
        monetary: figure(p.monetary),
      }),
    },
  },
};

/** The topics of `topics` the caller's scopes do not let it read, with the scope each needs. */
export function unreadableTopics(topics: readonly WebhookTopic[], scopes: readonly string[]): { topic: WebhookTopic; scope: string }[] {
  return topics.filter((topic) => !scopes.includes(WEBHOOK_TOPICS[topic].scope)).map((topic) => ({ topic, scope: WEBHOOK_TOPICS[topic].scope }));
}

/** The topics the caller's scopes let it read (all of them for an admin). */
export function readableTopics(scopes: readonly string[]): WebhookTopic[] {
  return (Object.keys(WEBHOOK_TOPICS) as WebhookTopic[]).filter((topic) => scopes.includes(WEBHOOK_TOPICS[topic].scope));
}

/** Internal topic → the public topic it feeds and its mapper. */
const BY_INTERNAL = new Map<string, { topic: WebhookTopic; map: (payload: EventPayload) => WebhookData }>(
  Object.entries(WEBHOOK_TOPICS).flatMap(([topic, { from }]) =>
    Object.entries(from).map(([internal, map]) => [internal, { topic: topic as WebhookTopic, map: map as (payload: EventPayload) => WebhookData }] as const),
  ),
);

/** The internal domain events the fan-out consumes. */
export const FANOUT_INTERNAL_TOPICS: readonly string[] = [...BY_INTERNAL.keys()];

/** The public topic an internal event feeds and its `data`, or null when it feeds none. */
export function publicEventOf(event: Pick<DomainEvent, 'topic' | 'payload'>): { topic: WebhookTopic; data: WebhookData } | null {
  const found = BY_INTERNAL.get(event.topic);
  return found ? { topic: found.topic, data: found.map(event.payload) } : null;
}

/**
 * The exact JSON body of one delivery, fixed when it is recorded and sent byte for byte on every
 * attempt and replay. Key order is part of the contract (receivers may hash or log it as is).
 */
export function webhookBody(delivery: {
  id: string;
  topic: WebhookTopic;
  eventId: string;
  occurredAt: string;
  merchantId: string;
  shopDomain: string;
  data: WebhookData;
}): string {
  return JSON.stringify({
    id: delivery.id,
    topic: delivery.topic,
    eventId: delivery.eventId,
    occurredAt: new Date(delivery.occurredAt).toISOString(),
    merchantId: delivery.merchantId,
    shopDomain: delivery.shopDomain,
    apiVersion: WEBHOOK_API_VERSION,
    data: delivery.data,
  });
}
