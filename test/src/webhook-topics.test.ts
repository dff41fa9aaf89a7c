import { describe, expect, it } from '@jest/globals';
import type { LedgerEntryPosted } from '@loyalnest/points/topics';
import type { ReferralCompleted } from '@loyalnest/referral/topics';
import type { SegmentChanged } from '@loyalnest/segment/topics';
import type { TierChanged } from '@loyalnest/tier/topics';
import { FANOUT_INTERNAL_TOPICS, publicEventOf, readableTopics, unreadableTopics, webhookBody, WebhookTopic, WEBHOOK_TOPICS } from '../../subgraphs/merchant/src/domain/webhook-topics.js';

/** What no webhook body may ever carry, whatever an internal payload holds. */
const PII = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+33 1 23 45 67 89', address: '1 rue de la Paix', code: 'LOYAL-SECRET-10', discountCode: 'LOYAL-SECRET-10', note: 'call me', fingerprints: { email: 'h' }, fields: ['email'] };

const ledger = { entryId: 'e1', customerId: 'c1', kind: 'adjust', source: 'admin', status: 'posted', points: 40, balance: 140, pending: 5, orderId: null, reversesEntryId: null, reversesKind: null, reversesSource: null, reversesCreatedAt: null } satisfies LedgerEntryPosted;

/**
 * One internal payload per internal topic, as its producer emits it. The typed ones are checked
 * against the producers' own payload types (`satisfies`): the fan-out declares the fields it reads
 * locally (a workspace cycle forbids the import), so a field renamed by a producer fails the
 * typecheck here, and its mapper's null fails EXPECTED, instead of reaching partners as null.
 */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'customer.created': { customerId: 'c1', fields: ['email', 'firstName'] },
  'points.earned': { ...ledger, kind: 'earn', source: 'order', orderId: '820982911946154508' } satisfies LedgerEntryPosted,
  'points.redeemed': { ...ledger, kind: 'redeem', source: 'reward', points: -100 } satisfies LedgerEntryPosted,
  'points.adjusted': ledger,
  'points.expired': { ...ledger, kind: 'expire', source: 'expiry', points: -10 } satisfies LedgerEntryPosted,
  'points.reversed': { ...ledger, kind: 'reverse', reversesEntryId: 'e0', reversesKind: 'earn', reversesSource: 'order', reversesCreatedAt: '2026-12-01T00:00:00.000Z' } satisfies LedgerEntryPosted,
  'reward.redeemed': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', points: 300 },
  'redemption.used': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', shopifyOrderId: 820982911946154508n },
  'redemption.expired': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1' },
  'redemption.cancelled': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', points: 300, refundEntryId: 'e9', reason: 'customer asked' },
  'redemption.failed': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', errorCode: 'SHOPIFY_REJECTED', points: 300, refundEntryId: 'e9' },
  'tier.changed': { customerId: 'c1', from: null, to: 't2', direction: 'up', reason: 'qualified', multiplier: 1.5, version: 3, entryBonuses: [{ tierId: 't2', points: 50, idempotencyKey: 'k' }] } satisfies TierChanged,
  'referral.completed': { referralId: 'f1', advocateId: 'c1', friendCustomerId: null, points: 500, orderId: '1001', orderTotalMinor: 12_345, currency: 'EUR', completedAt: '2026-12-01T10:00:00.000Z' } satisfies ReferralCompleted,
  'segment.changed': { customerId: 'c1', from: 'at_risk', to: 'champions', runId: 'run1', recency: 5, frequency: 4, monetary: 5 } satisfies SegmentChanged,
};

const EXPECTED: Record<string, Record<string, unknown>> = {
  'customer.created': { customerId: 'c1' },
  'points.earned': { customerId: 'c1', entryId: 'e1', points: 40, balance: 140, pending: 5, status: 'posted', source: 'order', orderId: '820982911946154508' },
  'points.adjusted': { customerId: 'c1', entryId: 'e1', points: 40, balance: 140, pending: 5, status: 'posted', source: 'admin', orderId: null },
  'points.reversed': { customerId: 'c1', entryId: 'e1', points: 40, balance: 140, pending: 5, status: 'posted', source: 'admin', orderId: null, reversesEntryId: 'e0' },
  'reward.redeemed': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', points: 300 },
  'redemption.used': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', status: 'USED', orderId: '820982911946154508', pointsReturned: 0 },
  'redemption.expired': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', status: 'EXPIRED', orderId: null, pointsReturned: 0 },
  'redemption.cancelled': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', status: 'CANCELLED', orderId: null, pointsReturned: 300 },
  'redemption.failed': { redemptionId: 'r1', rewardId: 'w1', customerId: 'c1', status: 'FAILED', orderId: null, pointsReturned: 300 },
  'tier.changed': { customerId: 'c1', fromTierId: null, toTierId: 't2', direction: 'up', reason: 'qualified', multiplier: 1.5 },
  'referral.completed': { referralId: 'f1', advocateId: 'c1', friendCustomerId: null, points: 500, orderId: '1001', orderTotalMinor: 12_345, currency: 'EUR', completedAt: '2026-12-01T10:00:00.000Z' },
  'segment.changed': { customerId: 'c1', from: 'at_risk', to: 'champions', recency: 5, frequency: 4, monetary: 5 },
};

describe('the public webhook topics', () => {
  it('feed every public topic from at least one internal event, and take each internal event once', () => {
    expect(Object.keys(WEBHOOK_TOPICS).sort()).toEqual(Object.values(WebhookTopic).sort());
    for (const topic of Object.values(WebhookTopic)) expect(Object.keys(WEBHOOK_TOPICS[topic].from).length).toBeGreaterThan(0);
    expect(new Set(FANOUT_INTERNAL_TOPICS).size).toBe(FANOUT_INTERNAL_TOPICS.length);
    expect([...FANOUT_INTERNAL_TOPICS].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('need the read scope of the data they carry', () => {
    expect(Object.fromEntries(Object.values(WebhookTopic).map((topic) => [topic, WEBHOOK_TOPICS[topic].scope]))).toEqual({
      'customer.created': 'customers:read',
      'points.earned': 'points:read',
      'points.redeemed': 'points:read',
      'points.adjusted': 'points:read',
      'points.expired': 'points:read',
      'points.reversed': 'points:read',
      'reward.redeemed': 'points:read',
      'redemption.updated': 'points:read',
      'tier.changed': 'tiers:read',
      'referral.completed': 'referrals:read',
      'segment.changed': 'segments:read',
    });
    expect(readableTopics(['webhooks:manage'])).toEqual([]);
    expect(readableTopics(['webhooks:manage', 'tiers:read', 'segments:read']).sort()).toEqual([WebhookTopic.SEGMENT_CHANGED, WebhookTopic.TIER_CHANGED].sort());
    expect(unreadableTopics([WebhookTopic.POINTS_EARNED, WebhookTopic.SEGMENT_CHANGED], ['points:read'])).toEqual([{ topic: WebhookTopic.SEGMENT_CHANGED, scope: 'segments:read' }]);
  });

  it('map each internal payload to its data exactly: ids and figures by name, absent values null', () => {
    for (const [internal, payload] of Object.entries(SAMPLES)) {
      const published = publicEventOf({ topic: internal, payload });
      expect(published).not.toBeNull();
      if (EXPECTED[internal]) expect({ internal, data: published!.data }).toEqual({ internal, data: EXPECTED[internal] });
    }
    expect(publicEventOf({ topic: 'redemption.used', payload: { redemptionId: 'r1' } })!.data).toEqual({ redemptionId: 'r1', rewardId: null, customerId: null, status: 'USED', orderId: null, pointsReturned: 0 });
    expect(publicEventOf({ topic: 'order.recorded', payload: { customerId: 'c1' } })).toBeNull();
    expect(publicEventOf({ topic: 'points.released', payload: { customerId: 'c1' } })).toBeNull();
  });

  it('let no PII key or value through, whatever the internal payload carries', () => {
    for (const [internal, payload] of Object.entries(SAMPLES)) {
      const { data } = publicEventOf({ topic: internal, payload: { ...payload, ...PII, customer: { ...PII } } })!;
      for (const key of Object.keys(PII)) expect({ internal, has: key in data }).toEqual({ internal, has: false });
      const text = JSON.stringify(data);
      for (const value of ['ada@example.com', 'Ada', 'Lovelace', 'LOYAL-SECRET-10', 'rue de la Paix', '+33']) expect(text).not.toContain(value);
      for (const value of Object.values(data)) expect(['string', 'number', 'object'].includes(typeof value) && (typeof value !== 'object' || value === null)).toBe(true);
    }
  });

  it('build the body in the contract\'s key order, numbers as numbers', () => {
    const body = webhookBody({
      id: 'd1',
      topic: WebhookTopic.POINTS_ADJUSTED,
      eventId: 'ev1',
      occurredAt: '2026-12-06T16:00:00Z',
      merchantId: 'm1',
      shopDomain: 'shop.myshopify.com',
      data: publicEventOf({ topic: 'points.adjusted', payload: ledger })!.data,
    });
    expect(body).toBe(
      '{"id":"d1","topic":"points.adjusted","eventId":"ev1","occurredAt":"2026-12-06T16:00:00.000Z","merchantId":"m1","shopDomain":"shop.myshopify.com","apiVersion":"2026-12",' +
        '"data":{"customerId":"c1","entryId":"e1","points":40,"balance":140,"pending":5,"status":"posted","source":"admin","orderId":null}}',
    );
  });
});
