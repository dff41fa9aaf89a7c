import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import {
  bonusesOf,
  changesOf,
  customerIdOf,
  DAY_MS,
  deliver,
  memberOf,
  paidOrder,
  refundBody,
  runDaily,
  saveProgram,
  TIER_EVENTS_ENV,
  tierEvents,
  tierSettled,
} from './support/tier-members.js';
import { tierInput, updateTierProgram, type TierProgramNode } from './support/tiers.js';

/** Customers placed in tiers from their orders, end to end: signed order webhooks in, tier rows and events out. */
describe('tier membership from orders', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
  });
  afterAll(() => gateway.stop());

  /** A customer created by their first order (paid, `total` EUR, placed at `placedAt`); returns their LoyalNest id. */
  async function firstOrder(merchant: TestMerchant, total: string, placedAt?: Date): Promise<{ customerId: string; shopify: string; orderId: string }> {
    const shopify = shopifyId();
    const orderId = shopifyId();
    await deliver(gateway, merchant, 'orders/paid', paidOrder(orderId, shopify, total, placedAt));
    await tierSettled(merchant);
    return { customerId: await customerIdOf(gateway, merchant, shopify), shopify, orderId };
  }

  it('orders count, lifetime: a customer crosses a threshold and is upgraded once, duplicates change nothing', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 2, 10], ['Gold', 3, 20]]);
    const { customerId, shopify } = await firstOrder(merchant, '20.00');
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Bronze, metric_value: '1', version: 1 });

    // when the second order arrives three times (the same event twice, the same order under another event id)
    const second = paidOrder(shopifyId(), shopify, '20.00');
    const eventId = randomUUID();
    await Promise.all([deliver(gateway, merchant, 'orders/paid', second, eventId), deliver(gateway, merchant, 'orders/paid', second, eventId), deliver(gateway, merchant, 'orders/paid', second)]);
    await tierSettled(merchant);

    // then Silver once, its bonus once
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: '2', version: 2, multiplier: '1.50' });
    expect(await changesOf(merchant, customerId)).toEqual([
      { from_tier_id: null, to_tier_id: tiers.Bronze, direction: 'up', reason: 'qualified', version: 1 },
      { from_tier_id: tiers.Bronze, to_tier_id: tiers.Silver, direction: 'up', reason: 'qualified', version: 2 },
    ]);
    const changed = await tierEvents(merchant, 'tier.changed', customerId);
    expect(changed).toHaveLength(2);
    expect(changed[1]).toEqual({
      customerId,
      from: tiers.Bronze,
      to: tiers.Silver,
      direction: 'up',
      reason: 'qualified',
      multiplier: 1.5,
      version: 2,
      entryBonuses: [{ tierId: tiers.Silver, points: 10, idempotencyKey: `tier:${customerId}:${tiers.Silver}:lifetime` }],
    });
  });

  it('amount spent, replace by metric: a refund that drops the metric below a threshold re-places at once', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'AMOUNT_SPENT', downgradePolicy: 'REPLACE_BY_METRIC' }, [['Bronze', 0], ['Silver', 50], ['Gold', 100]]);
    const { customerId, orderId } = await firstOrder(merchant, '114.00');
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Gold, metric_value: '114000' });

    await deliver(gateway, merchant, 'refunds/create', refundBody(shopifyId(), orderId, '70.00'));
    await tierSettled(merchant);

    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Bronze, metric_value: '44000' });
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Gold, to_tier_id: tiers.Bronze, direction: 'down', reason: 'metric_lowered' });
  });

  it('amount spent, one tier at a time: a cancellation steps down one tier now and the next on the following day', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'AMOUNT_SPENT', downgradePolicy: 'ONE_TIER_AT_A_TIME' }, [['Bronze', 0], ['Silver', 50], ['Gold', 100]]);
    const { customerId, shopify, orderId } = await firstOrder(merchant, '114.00');
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Gold);

    await deliver(gateway, merchant, 'orders/cancelled', { ...paidOrder(orderId, shopify, '114.00'), financial_status: 'refunded', cancelled_at: new Date().toISOString() });
    await tierSettled(merchant);
    const stepped = await memberOf(merchant, customerId);
    expect(stepped).toMatchObject({ tier_id: tiers.Silver, metric_value: '0' });
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ to_tier_id: tiers.Silver, reason: 'metric_lowered' });

    // not before the next day; then the next step
    await runDaily(gateway, new Date(Date.now() + DAY_MS / 2));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    await runDaily(gateway, new Date(stepped!.next_check_at!.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
  });

  it.each([
    ['ALL', ['Silver', 'Gold']],
    ['HIGHEST_ONLY', ['Gold']],
  ])('skipped tiers pay the entry bonus of %s once, under duplicate and reordered events', async (setting, paid) => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'AMOUNT_SPENT', skippedTierBonus: setting }, [['Bronze', 0], ['Silver', 50, 10], ['Gold', 100, 20]]);
    const shopify = shopifyId();
    const orderId = shopifyId();
    const paidBody = paidOrder(orderId, shopify, '114.00');
    // the paid version first, then the creation (pending), each twice under other event ids
    await deliver(gateway, merchant, 'orders/paid', paidBody);
    await tierSettled(merchant);
    await deliver(gateway, merchant, 'orders/create', { ...paidBody, financial_status: 'pending' });
    await Promise.all([deliver(gateway, merchant, 'orders/paid', paidBody), deliver(gateway, merchant, 'orders/create', { ...paidBody, financial_status: 'pending' })]);
    await tierSettled(merchant);
    const customerId = await customerIdOf(gateway, merchant, shopify);

    const expected = paid.map((name) => ({ tierId: tiers[name], points: name === 'Silver' ? 10 : 20, idempotencyKey: `tier:${customerId}:${tiers[name]}:lifetime` }));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Gold);
    expect((await tierEvents(merchant, 'tier.changed', customerId)).flatMap((e) => e.entryBonuses as unknown[])).toEqual(expected);
    expect(await bonusesOf(merchant, customerId)).toEqual(paid.map((name) => ({ tier_id: tiers[name], period_key: 'lifetime', points: name === 'Silver' ? 10 : 20 })));

    // and re-placing the member (the daily job, a recompute) pays nothing again
    await runDaily(gateway, new Date(Date.now() + 400 * DAY_MS));
    expect(await bonusesOf(merchant, customerId)).toHaveLength(paid.length);
  });

  it('rolling window: the window slides past the order, and the downgrade comes when the grace runs out, not before', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 10 }, [['Bronze', 0], ['Silver', 1]]);
    const placedAt = new Date(Date.now() - 300 * DAY_MS);
    const { customerId } = await firstOrder(merchant, '20.00', placedAt);
    const member = await memberOf(merchant, customerId);
    expect(member?.tier_id).toBe(tiers.Silver);
    // the order leaves the window a year after it was placed
    const leaves = member!.next_check_at!;
    expect(Math.abs(leaves.getTime() - placedAt.getTime() - 365 * DAY_MS)).toBeLessThan(2 * DAY_MS);

    // when the window has slid past it: below since then, still Silver
    await runDaily(gateway, new Date(leaves.getTime() + 1000));
    const below = await memberOf(merchant, customerId);
    expect(below).toMatchObject({ tier_id: tiers.Silver, metric_value: '0' });
    expect(below?.below_since).not.toBeNull();
    // a week before the grace ends: warned once, still Silver
    await runDaily(gateway, new Date(leaves.getTime() + 3 * DAY_MS + 2000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    expect(await tierEvents(merchant, 'tier.expiring_soon', customerId)).toEqual([{ customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: new Date(below!.below_since!.getTime() + 10 * DAY_MS).toISOString() }]);
    await runDaily(gateway, new Date(leaves.getTime() + 9 * DAY_MS));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);

    // then down once the grace has run out
    await runDaily(gateway, new Date(below!.below_since!.getTime() + 10 * DAY_MS));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: 'grace_expired' });
    expect(await tierEvents(merchant, 'tier.expiring_soon', customerId)).toHaveLength(1);
  });

  it('calendar year: a tier reached in a period is kept through the next one and lost at its end', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'CALENDAR_YEAR', periodStartMonth: 1, periodStartDay: 1 }, [['Bronze', 0], ['Silver', 1]]);
    const { customerId } = await firstOrder(merchant, '20.00');
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    const year = new Date().getUTCFullYear();

    // the next period: kept, held until its end
    await runDaily(gateway, new Date(Date.UTC(year + 1, 0, 1, 0, 0, 1)));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, held_until: new Date(Date.UTC(year + 2, 0, 1)) });
    await runDaily(gateway, new Date(Date.UTC(year + 1, 11, 31, 23, 59)));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);

    // the period after: lost
    await runDaily(gateway, new Date(Date.UTC(year + 2, 0, 1, 0, 0, 1)));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: 'period_ended' });
  });

  it('50 concurrent orders of one customer end in one final tier, each change recorded once, no lost update', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 10], ['Gold', 25], ['Platinum', 50]]);
    const { customerId, shopify } = await firstOrder(merchant, '20.00');

    // race: 49 more orders of the same customer at once
    await Promise.all(Array.from({ length: 49 }, () => deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '20.00'))));
    await tierSettled(merchant, 60_000);

    const member = await memberOf(merchant, customerId);
    expect(member).toMatchObject({ tier_id: tiers.Platinum, metric_value: '50' });
    const changes = await changesOf(merchant, customerId);
    expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => i + 1));
    expect(member?.version).toBe(changes.length);
    expect(changes.at(-1)?.to_tier_id).toBe(tiers.Platinum);
    // every step up happened once: each tier entered once, in order
    expect(changes.map((c) => c.to_tier_id)).toEqual([...new Set(changes.map((c) => c.to_tier_id))]);
  });

  it('a member whose tier left the program moves down by its last threshold, with no entry bonus and no upgrade', async () => {
    const merchant = await createMerchant(gateway);
    const before = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Gold', 3, 20]]);
    const { customerId, shopify } = await firstOrder(merchant, '20.00');
    for (let i = 0; i < 2; i++) await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '20.00'));
    await tierSettled(merchant);
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: before.Gold, tier_threshold: '3' });

    // when Gold leaves the program (Bronze's id, named, becomes a Silver at 2 with a bonus; a new Basic at 0) and the member's next order re-places them
    const saved = await updateTierProgram(gateway, merchant.auth, {
      metric: 'ORDERS_COUNT',
      tiers: [tierInput('Basic', 0), tierInput('Silver', 2, { id: before.Bronze, earnMultiplier: 1.5, entryBonusPoints: 10 })],
    });
    expect(saved.__typename).toBe('TierProgram');
    expect((saved as TierProgramNode).tiers.map((t) => t.id)).not.toContain(before.Gold);
    await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '20.00'));
    await tierSettled(merchant);

    // then down to Silver (2 below Gold's 3), not "up", and Silver's bonus is not paid
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: before.Bronze, tier_threshold: '2', metric_value: '4' });
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: before.Gold, to_tier_id: before.Bronze, direction: 'down', reason: 'program_changed' });
    expect((await tierEvents(merchant, 'tier.changed', customerId)).at(-1)).toMatchObject({ from: before.Gold, to: before.Bronze, direction: 'down', entryBonuses: [] });
    expect((await bonusesOf(merchant, customerId)).map((b) => b.tier_id)).toEqual([before.Gold]);
  });

  it('the daily job goes on past a merchant whose evaluation fails, and reports it', async () => {
    const merchants = [await createMerchant(gateway), await createMerchant(gateway)];
    for (const m of merchants) {
      await saveProgram(gateway, m, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 1 }, [['Bronze', 0], ['Silver', 1]]);
      await deliver(gateway, m, 'orders/paid', paidOrder(shopifyId(), shopifyId(), '20.00'));
      await tierSettled(m);
    }
    // merchants are taken in id order: the failing one first
    const [failing, healthy] = [...merchants].sort((x, y) => (x.id < y.id ? -1 : 1));
    // a fault: every write to the failing merchant's members raises
    const fault = `tier_fault_${failing.id.replace(/-/g, '')}`;
    await withOwnerDb('tier', (db) =>
      db.query(`create function ${fault}() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$;
                create trigger ${fault} before update on tier_member for each row when (new.merchant_id = '${failing.id}') execute function ${fault}();`),
    );
    try {
      const run = await runDaily(gateway, new Date(Date.now() + 62 * DAY_MS));
      expect(run.failedMerchants).toContain(failing.id);
      expect(run.failedMerchants).not.toContain(healthy.id);
      expect(run.byMerchant[healthy.id]).toBe(1);
      expect(run.byMerchant[failing.id]).toBeUndefined();
    } finally {
      await withOwnerDb('tier', (db) => db.query(`drop trigger ${fault} on tier_member; drop function ${fault}();`));
    }
    // the healthy merchant's member slid down; the failing one's is still due
    const { rows } = await withOwnerDb('tier', (db) =>
      db.query<{ merchant_id: string; changed: number }>(
        `select merchant_id, (select count(*)::int from tier_change c where c.merchant_id = m.merchant_id and c.reason = 'grace_expired') as changed from tier_member m where merchant_id = any($1)`,
        [[failing.id, healthy.id]],
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.merchant_id, r.changed]))).toEqual({ [failing.id]: 0, [healthy.id]: 1 });
  });

  it('the daily job on two concurrent runners re-places each due member once', async () => {
    const merchant = await createMerchant(gateway);
    await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 1 }, [['Bronze', 0], ['Silver', 1]]);
    await Promise.all(Array.from({ length: 30 }, () => deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopifyId(), '20.00'))));
    await tierSettled(merchant, 60_000);

    // race: two replicas run the job at the same moment, two months on
    const now = new Date(Date.now() + 62 * DAY_MS);
    const due = await withOwnerDb('tier', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from tier_member where next_check_at <= $1', [now])).rows[0].n);
    const runs = await Promise.all([runDaily(gateway, now), runDaily(gateway, now)]);

    // then each of this merchant's 30 members was re-placed by exactly one of them, no member of any merchant twice
    expect((runs[0].byMerchant[merchant.id] ?? 0) + (runs[1].byMerchant[merchant.id] ?? 0)).toBe(30);
    expect(runs[0].evaluated + runs[1].evaluated).toBeLessThanOrEqual(due);
    // and stepped down once, and is due no more
    const { rows } = await withOwnerDb('tier', (db) =>
      db.query<{ placed: number; changed: number; due: number }>(
        `select count(*) filter (where evaluated_at = $2)::int as placed,
                (select count(*)::int from tier_change c where c.merchant_id = $1 and c.reason = 'grace_expired') as changed,
                count(*) filter (where next_check_at <= $2)::int as due
           from tier_member where merchant_id = $1`,
        [merchant.id, now],
      ),
    );
    expect(rows[0]).toEqual({ placed: 30, changed: 30, due: 0 });
  });
});
