import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, customerIdOf, deliver, memberOf, paidOrder, refundBody, saveProgram, TIER_EVENTS_ENV, tierSettled } from './support/tier-members.js';

/**
 * Reversals of earns lower the points-earned metric: `points.reversed` says what it reverses
 * (`reversesKind`, `reversesSource`, `reversesEntryId`), and the tier domain takes only reversals
 * of qualifying earns.
 */
describe('tier membership from points reversed', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let tiers: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
    merchant = await createMerchant(gateway);
    tiers = await saveProgram(gateway, merchant, { metric: 'POINTS_EARNED' }, [['Bronze', 0], ['Silver', 50]]);
  });
  afterAll(() => gateway.stop());

  it('a refund that reverses the order earn lowers the metric and the tier (metric_lowered)', async () => {
    const shopify = shopifyId();
    const orderId = shopifyId();
    await deliver(gateway, merchant, 'orders/paid', { ...paidOrder(orderId, shopify, '114.00'), total_line_items_price: '114.00' });
    const customerId = await eventually(async () => customerIdOf(gateway, merchant, shopify).catch(() => undefined), 20_000, 'customer created');
    await eventually(async () => (await memberOf(merchant, customerId))?.tier_id === tiers.Silver || undefined, 20_000, 'Silver');

    await deliver(gateway, merchant, 'refunds/create', refundBody(shopifyId(), orderId, '114.00'));
    await eventually(
      async () => {
        const { rows } = await withOwnerDb('points', (db) => db.query("select 1 from outbox_event where merchant_id = $1 and topic = 'points.reversed' and payload->>'customerId' = $2", [merchant.id, customerId]));
        return rows.length > 0 || undefined;
      },
      20_000,
      'points reversed',
    );
    await tierSettled(merchant);

    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Bronze, metric_value: '0' });
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: 'metric_lowered' });
  });
});
