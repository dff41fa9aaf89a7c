import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award, DEDUCT } from './support/points.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { customerIdOf, deliver, memberOf, paidOrder, saveProgram, TIER_EVENTS_ENV, tierSettled } from './support/tier-members.js';

/** Points earned as the qualification metric: earns count, spending and admin adjustments never do. */
describe('tier membership from points earned', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let tiers: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
    merchant = await createMerchant(gateway);
    tiers = await saveProgram(gateway, merchant, { metric: 'POINTS_EARNED' }, [['Bronze', 0], ['Silver', 50], ['Gold', 100_000]]);
  });
  afterAll(() => gateway.stop());

  /** The customer's earns (kind `earn`, not tier bonuses) as the points domain announced them. */
  async function earned(customerId: string): Promise<number> {
    const { rows } = await withOwnerDb('points', (db) =>
      db.query<{ n: number }>("select coalesce(sum((payload->>'points')::int), 0)::int as n from outbox_event where merchant_id = $1 and topic = 'points.earned' and payload->>'customerId' = $2 and payload->>'kind' = 'earn' and payload->>'source' <> 'tier'", [merchant.id, customerId]),
    );
    return rows[0].n;
  }

  it('an order earn lifts the customer; spending points and admin adjustments leave the metric and the tier alone', async () => {
    const shopify = shopifyId();
    await deliver(gateway, merchant, 'orders/paid', { ...paidOrder(shopifyId(), shopify, '114.00'), total_line_items_price: '114.00' });
    const customerId = await eventually(async () => customerIdOf(gateway, merchant, shopify).catch(() => undefined), 20_000, 'customer created');
    const points = await eventually(async () => ((await earned(customerId)) > 0 ? earned(customerId) : undefined), 20_000, 'points earned');
    await tierSettled(merchant);
    expect(points).toBeGreaterThanOrEqual(50);
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: String(points) });

    // when the customer spends points, and an admin adds and removes some
    const spent = await gateway.gql<{ deductPoints: { __typename: string } }>(DEDUCT, { input: { customerId, points: points - 1 } }, merchant.auth);
    expect(spent.data?.deductPoints.__typename).toBe('PointsChange');
    await award(gateway, merchant, customerId, 1_000_000);
    await tierSettled(merchant);

    // then the metric is what was earned, and the tier stays
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: String(points) });
  });
});
