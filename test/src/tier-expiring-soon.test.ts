import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rollingWindowExit } from '../../subgraphs/tier/src/domain/tier-period.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, customerIdOf, DAY_MS, deliver, memberOf, paidOrder, runDaily, saveProgram, TIER_EVENTS_ENV, tierEvents, tierSettled } from './support/tier-members.js';

const HOUR_MS = 3_600_000;

/**
 * `tier.expiring_soon` for rolling windows, through the daily job at chosen moments: the date a
 * tier is lost is known from the entries in the window (when the one that keeps it leaves, plus
 * the grace), so it is announced a week ahead whatever the grace, once, and never for a drop that
 * a new order called off.
 */
describe('tier expiring soon in rolling windows', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
  });
  afterAll(() => gateway.stop());

  /** A customer's paid orders, one per date (oldest first), then settled; returns their LoyalNest id and Shopify id. */
  async function ordersAt(merchant: TestMerchant, dates: Date[], total = '20.00', shopify = shopifyId()): Promise<{ customerId: string; shopify: string }> {
    for (const placedAt of dates) await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, total, placedAt));
    await tierSettled(merchant);
    return { customerId: await customerIdOf(gateway, merchant, shopify), shopify };
  }

  const warningsOf = (merchant: TestMerchant, customerId: string) => tierEvents(merchant, 'tier.expiring_soon', customerId);

  it('without grace: announced a week before the order leaves the window, once, and the drop comes on that date', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 0 }, [['Bronze', 0], ['Silver', 1]]);
    const placedAt = new Date(Date.now() - 300 * DAY_MS);
    const { customerId } = await ordersAt(merchant, [placedAt]);
    const drop = rollingWindowExit(placedAt, 12);
    // the member is due when the warning is
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, next_check_at: new Date(drop.getTime() - 7 * DAY_MS) });

    // an hour before the week: nothing yet
    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS - HOUR_MS));
    expect(await warningsOf(merchant, customerId)).toEqual([]);
    // a week before: announced with the drop's date; the job again changes nothing
    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS + 1000));
    await runDaily(gateway, new Date(drop.getTime() - 2 * DAY_MS));
    const expected = [{ customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: drop.toISOString() }];
    expect(await warningsOf(merchant, customerId)).toEqual(expected);
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);

    // then down on that date, and no second warning
    await runDaily(gateway, new Date(drop.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: 'grace_expired' });
    expect(await warningsOf(merchant, customerId)).toEqual(expected);
  });

  it('with a grace shorter than the week: announced before the window slides, and the job running after the slide keeps the announced date', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 3 }, [['Bronze', 0], ['Silver', 1]]);
    const placedAt = new Date(Date.now() - 300 * DAY_MS);
    const { customerId } = await ordersAt(merchant, [placedAt]);
    const slides = rollingWindowExit(placedAt, 12);
    const drop = new Date(slides.getTime() + 3 * DAY_MS);

    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS + 1000));
    const expected = [{ customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: drop.toISOString() }];
    expect(await warningsOf(merchant, customerId)).toEqual(expected);

    // the job comes 40 minutes after the slide: below since the slide itself, the drop still on the announced date
    await runDaily(gateway, new Date(slides.getTime() + 40 * 60_000));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, below_since: slides, next_check_at: drop });
    await runDaily(gateway, new Date(drop.getTime() - 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    await runDaily(gateway, new Date(drop.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
    expect(await warningsOf(merchant, customerId)).toEqual(expected);
  });

  it('dates the drop by the entry whose leaving takes the metric below the tier, not by the oldest one (amount spent)', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'AMOUNT_SPENT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 0 }, [['Bronze', 0], ['Silver', 50], ['Gold', 100]]);
    // 30 + 30 + 50 = 110: Gold; the first leaving leaves 80 (Silver), so Gold drops then; to Silver
    const dates = [300, 250, 100].map((days) => new Date(Date.now() - days * DAY_MS));
    const shopify = shopifyId();
    await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '30.00', dates[0]));
    await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '30.00', dates[1]));
    const { customerId } = await ordersAt(merchant, [dates[2]], '50.00', shopify);
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Gold);

    const firstDrop = rollingWindowExit(dates[0], 12);
    await runDaily(gateway, new Date(firstDrop.getTime() - 7 * DAY_MS + 1000));
    expect(await warningsOf(merchant, customerId)).toEqual([{ customerId, tierId: tiers.Gold, toTierId: tiers.Silver, effectiveAt: firstDrop.toISOString() }]);
    await runDaily(gateway, new Date(firstDrop.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);

    // Silver (50) holds while 80 and then 50 are left: it is lost when the third order (50) leaves, not the second (30)
    const second = rollingWindowExit(dates[1], 12);
    const lost = rollingWindowExit(dates[2], 12);
    await runDaily(gateway, new Date(second.getTime() - 7 * DAY_MS + 1000));
    expect(await warningsOf(merchant, customerId)).toHaveLength(1);
    await runDaily(gateway, new Date(second.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    expect(await memberOf(merchant, customerId)).toMatchObject({ next_check_at: new Date(lost.getTime() - 7 * DAY_MS) });
    await runDaily(gateway, new Date(lost.getTime() - 7 * DAY_MS + 1000));
    expect((await warningsOf(merchant, customerId)).at(-1)).toEqual({ customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: lost.toISOString() });
    expect(await warningsOf(merchant, customerId)).toHaveLength(2);
  });

  it('what if a new order comes before the week? The drop is called off: no warning at its old date, none when the old order leaves', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 2 }, [['Bronze', 0], ['Silver', 1]]);
    const placedAt = new Date(Date.now() - 300 * DAY_MS);
    const { customerId, shopify } = await ordersAt(merchant, [placedAt]);
    const drop = new Date(rollingWindowExit(placedAt, 12).getTime() + 2 * DAY_MS);

    // a new order today: Silver until a year from now
    await ordersAt(merchant, [new Date()], '20.00', shopify);
    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS + 1000));
    await runDaily(gateway, new Date(drop.getTime() + 1000));
    expect(await warningsOf(merchant, customerId)).toEqual([]);
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    expect((await memberOf(merchant, customerId))?.warned_for).toBeNull();
  });

  it('what if the new order comes after the warning? Nothing is sent again, and the tier stays', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 0 }, [['Bronze', 0], ['Silver', 1]]);
    const placedAt = new Date(Date.now() - 360 * DAY_MS);
    const { customerId, shopify } = await ordersAt(merchant, [placedAt]);
    const drop = rollingWindowExit(placedAt, 12);
    // the warning is due already (the drop is within the week): the order's own evaluation sent it
    expect(drop.getTime() - Date.now()).toBeLessThan(7 * DAY_MS);
    expect(await warningsOf(merchant, customerId)).toHaveLength(1);

    await ordersAt(merchant, [new Date()], '20.00', shopify);
    await runDaily(gateway, new Date(drop.getTime() + 1000));
    await runDaily(gateway, new Date(drop.getTime() + 2 * DAY_MS));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    expect(await warningsOf(merchant, customerId)).toHaveLength(1);
    // The first placement may be Bronze then Silver, or straight Silver when customer.created and
    // the order share a consumer batch; either way the customer was never moved down.
    const changes = await changesOf(merchant, customerId);
    expect(changes.at(-1)?.to_tier_id).toBe(tiers.Silver);
    expect(changes.filter((c) => c.direction === 'down')).toEqual([]);
  });
});
