import { webhookSignatureFailure, type VerifyWebhookSignatureOptions, type WebhookSignatureFailure } from './webhook-signature.js';

/** A points ledger entry, in `points.*` deliveries. */
export interface PointsEntryData {
  customerId: string;
  entryId: string;
  /** Signed: earned and given back positive, spent, expired and reversed earnings negative. Null only if the event lacked it. */
  points: number | null;
  /** The customer's spendable points after the entry; null when the event did not carry it. */
  balance: number | null;
  /** The customer's points held until their release after the entry; null when the event did not carry it. */
  pending: number | null;
  /** `posted`: counts in the balance now; `pending`: held until released. */
  status: string;
  /** What caused it: `order`, `activity`, `referral`, `tier`, `admin`, `partner`, `flow`, `signup`, `birthday`, `reward`, `expiry`. */
  source: string;
  /** Shopify's order id, or null. */
  orderId: string | null;
}

/** Each topic's `data`: ids and figures only, every key present (`null` when it has no value). */
export interface WebhookTopicData {
  'customer.created': { customerId: string };
  'points.earned': PointsEntryData;
  'points.redeemed': PointsEntryData;
  'points.adjusted': PointsEntryData;
  'points.expired': PointsEntryData;
  'points.reversed': PointsEntryData & { reversesEntryId: string | null };
  'reward.redeemed': { redemptionId: string; rewardId: string; customerId: string; points: number | null };
  'redemption.updated': {
    redemptionId: string;
    rewardId: string;
    customerId: string;
    status: 'USED' | 'EXPIRED' | 'CANCELLED' | 'FAILED';
    /** The Shopify order it was used on, when `USED`; else null. */
    orderId: string | null;
    /** Points given back, when `CANCELLED` or `FAILED`; else 0. */
    pointsReturned: number;
  };
  'tier.changed': {
    customerId: string;
    fromTierId: string | null;
    toTierId: string | null;
    direction: string;
    reason: string;
    multiplier: number | null;
  };
  'referral.completed': {
    referralId: string;
    advocateId: string;
    friendCustomerId: string | null;
    points: number | null;
    /** Shopify's order id; null when the event did not carry it. */
    orderId: string | null;
    /** The order's total in minor units; null when unknown. */
    orderTotalMinor: number | null;
    currency: string | null;
    completedAt: string;
  };
  'segment.changed': {
    customerId: string;
    /** Segment handles; null outside every segment. */
    from: string | null;
    to: string | null;
    recency: number | null;
    frequency: number | null;
    monetary: number | null;
  };
}

/** A topic's name on the wire (`points.earned`); the API's `WebhookTopic` enum spells it `POINTS_EARNED`. */
export type WebhookTopicName = keyof WebhookTopicData;

export const WEBHOOK_TOPIC_NAMES = [
  'customer.created',
  'points.earned',
  'points.redeemed',
  'points.adjusted',
  'points.expired',
  'points.reversed',
  'reward.redeemed',
  'redemption.updated',
  'tier.changed',
  'referral.completed',
  'segment.changed',
] as const satisfies readonly WebhookTopicName[];

/** One delivery's body, for one topic. */
export interface WebhookEventOf<T extends WebhookTopicName> {
  /** The delivery's id (`X-LoyalNest-Delivery-Id`): the same at every retry and replay; dedupe on it. */
  id: string;
  topic: T;
  /** The event's id: the same in each of the merchant's subscriptions' deliveries of it. */
  eventId: string;
  /** When it happened (ISO 8601); deliveries may arrive in any order. */
  occurredAt: string;
  merchantId: string;
  shopDomain: string;
  apiVersion: string;
  data: WebhookTopicData[T];
}

/** A delivery's body: `switch (event.topic)` narrows `data` to the topic's. */
export type WebhookEvent = { [T in WebhookTopicName]: WebhookEventOf<T> }[WebhookTopicName];

/**
 * Why `parseWebhook` refused a delivery. The signature's failures mean it did not come from
 * LoyalNest as it is (answer `401`); `malformed_body` and `unknown_topic` mean a signed body this
 * version of the SDK cannot read (answer `2xx` and look into it, or it is retried for days).
 */
export type WebhookFailure = WebhookSignatureFailure | 'malformed_body' | 'unknown_topic';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    message: string,
    readonly reason: WebhookFailure,
  ) {
    super(message);
  }
}

const ENVELOPE_STRINGS = ['id', 'topic', 'eventId', 'occurredAt', 'merchantId', 'shopDomain', 'apiVersion'] as const;

const SIGNATURE_MESSAGES: Record<WebhookSignatureFailure, string> = {
  malformed_signature: 'the X-LoyalNest-Signature header is missing or not t=…,v1=…',
  stale_timestamp: 'the signature’s timestamp is too far from now',
  signature_mismatch: 'the signature does not match the body under this secret',
};

/**
 * Verifies a delivery (`verifyWebhookSignature`), then parses its body into a typed event. Throws
 * a `WebhookVerificationError` whose `reason` says what was wrong.
 *
 * ```ts
 * const event = await parseWebhook({ body: rawBody, signature: req.headers['x-loyalnest-signature'], secret });
 * if (event.topic === 'points.earned') console.log(event.data.customerId, event.data.balance);
 * ```
 */
export async function parseWebhook(options: VerifyWebhookSignatureOptions): Promise<WebhookEvent> {
  const failure = await webhookSignatureFailure(options);
  if (failure) throw new WebhookVerificationError(`webhook refused: ${SIGNATURE_MESSAGES[failure]}`, failure);
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof options.body === 'string' ? options.body : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(options.body));
  } catch {
    throw new WebhookVerificationError('webhook body is not UTF-8 JSON', 'malformed_body');
  }
  const body = parsed as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || ENVELOPE_STRINGS.some((key) => typeof body[key] !== 'string') || typeof body.data !== 'object' || body.data === null) {
    throw new WebhookVerificationError('webhook body is not a LoyalNest delivery', 'malformed_body');
  }
  if (!(WEBHOOK_TOPIC_NAMES as readonly string[]).includes(body.topic as string)) {
    throw new WebhookVerificationError(`webhook topic ${String(body.topic)} is unknown to this SDK version`, 'unknown_topic');
  }
  return body as unknown as WebhookEvent;
}
