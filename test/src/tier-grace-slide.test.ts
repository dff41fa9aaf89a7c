import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { rollingWindowExit } from '../../subgraphs/tier/src/domain/tier-period.js';
import type { EvaluationCause } from '../../subgraphs/tier/src/domain/tier-placement.js';
import { TierMemberService } from '../../subgraphs/tier/src/services/tier-member.service.js';
import { TierProgramService } from '../../subgraphs/tier/src/services/tier-program.service.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, customerIdOf, DAY_MS, deliver, memberOf, paidOrder, runDaily, saveProgram, TIER_EVENTS_ENV, tierEvents, tierSettled } from './support/tier-members.js';

const MINUTE_MS = 60_000;

/**
 * When a rolling window's member falls below their tier, the grace counts from the slide the
 * ledger shows (the exit of the entry that took the metric below), whoever evaluates them first:
 * the daily job, an event about them, a program change's recompute. A fall that a new order cured
 * is forgotten, so the next fall gets its own full grace and its own warning.
 */
describe('tier grace from the slide itself', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
  });
  afterAll(() => gateway.stop());

  async function ordersAt(merchant: TestMerchant, dates: Date[], shopify = shopifyId()): Promise<{ customerId: string; shopify: string }> {
    for (const placedAt of dates) await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '20.00', placedAt));
    await tierSettled(merchant);
    return { customerId: await customerIdOf(gateway, merchant, shopify), shopify };
  }

  /** Places the customer at `now` as the consumer of an event about them (or a recompute) would. */
  function evaluateAt(merchant: TestMerchant, customerId: string, cause: EvaluationCause, now: Date) {
    const ctx = runtime(gateway, 'tier').createContext(systemCaller(ADMIN_SCOPES, merchant.id));
    return new TierMemberService(new TierProgramService()).evaluate(ctx, customerId, cause, now);
  }

  const warningsOf = (merchant: TestMerchant, customerId: string) => tierEvents(merchant, 'tier.expiring_soon', customerId);

  it('what if the customer recovers and then falls again? The second fall gets a full grace and its own warning a week before its own date', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 30 }, [['Bronze', 0], ['Silver', 2]]);
    const o1 = new Date(Date.now() - 300 * DAY_MS);
    const o2 = new Date(o1.getTime() + 27 * DAY_MS);
    const x = rollingWindowExit(o1, 12);
    // the order that restores Silver, dated 25 days after the first fall (it counts from then)
    const { customerId } = await ordersAt(merchant, [o1, o2, new Date(x.getTime() + 25 * DAY_MS)]);
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);

    // first fall at X, warned at X+23 for X+30
    await runDaily(gateway, new Date(x.getTime() + 1000));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, below_since: x });
    await runDaily(gateway, new Date(x.getTime() + 23 * DAY_MS + 1000));
    const first = { customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: new Date(x.getTime() + 30 * DAY_MS).toISOString() };
    expect(await warningsOf(merchant, customerId)).toEqual([first]);

    // X+25: the new order cures it (its event's evaluation, at the moment the order counts from)
    await evaluateAt(merchant, customerId, 'event', new Date(x.getTime() + 25 * DAY_MS + 1000));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, below_since: null });

    // X+27: the second order leaves; below again, since that exit, not since X
    const again = rollingWindowExit(o2, 12);
    const drop = new Date(again.getTime() + 30 * DAY_MS);
    await runDaily(gateway, new Date(again.getTime() + 1000));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, below_since: again, next_check_at: new Date(drop.getTime() - 7 * DAY_MS) });
    // the cured date passes: still Silver, nothing new announced
    await runDaily(gateway, new Date(x.getTime() + 30 * DAY_MS + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    expect(await warningsOf(merchant, customerId)).toEqual([first]);

    // a week before its own date, its own warning
    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS - MINUTE_MS));
    expect(await warningsOf(merchant, customerId)).toHaveLength(1);
    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS + 1000));
    expect(await warningsOf(merchant, customerId)).toEqual([first, { ...first, effectiveAt: drop.toISOString() }]);

    await runDaily(gateway, new Date(drop.getTime() - 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    await runDaily(gateway, new Date(drop.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
    expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: 'grace_expired' });
    expect(await warningsOf(merchant, customerId)).toHaveLength(2);
  });

  it('what if an event or a recompute sees the slide before the job? Same slide, same date, no second warning', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 3 }, [['Bronze', 0], ['Silver', 1]]);
    const placedAt = new Date(Date.now() - 300 * DAY_MS);
    const { customerId } = await ordersAt(merchant, [placedAt]);
    const slides = rollingWindowExit(placedAt, 12);
    const drop = new Date(slides.getTime() + 3 * DAY_MS);
    await runDaily(gateway, new Date(drop.getTime() - 7 * DAY_MS + 1000));
    const expected = [{ customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: drop.toISOString() }];
    expect(await warningsOf(merchant, customerId)).toEqual(expected);

    // 10 minutes after the slide an event about them is evaluated (it does not lift them)
    await evaluateAt(merchant, customerId, 'event', new Date(slides.getTime() + 10 * MINUTE_MS));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, below_since: slides, next_check_at: drop });
    // then a program change's recompute and the job: nothing moves
    await evaluateAt(merchant, customerId, 'program_changed', new Date(slides.getTime() + 20 * MINUTE_MS));
    await runDaily(gateway, new Date(slides.getTime() + 40 * MINUTE_MS));
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, below_since: slides, next_check_at: drop });
    expect(await warningsOf(merchant, customerId)).toEqual(expected);

    await runDaily(gateway, new Date(drop.getTime() - 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Silver);
    await runDaily(gateway, new Date(drop.getTime() + 1000));
    expect((await memberOf(merchant, customerId))?.tier_id).toBe(tiers.Bronze);
    expect(await warningsOf(merchant, customerId)).toEqual(expected);
  });

  it('what if nobody looks until the whole grace has passed? The job and an event alike demote at once, not after a fresh grace', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 12, graceDays: 3 }, [['Bronze', 0], ['Silver', 1]]);
    const late = async (cause: EvaluationCause | 'job') => {
      const placedAt = new Date(Date.now() - 300 * DAY_MS);
      const { customerId } = await ordersAt(merchant, [placedAt]);
      const after = new Date(rollingWindowExit(placedAt, 12).getTime() + 5 * DAY_MS);
      if (cause === 'job') await runDaily(gateway, after);
      else await evaluateAt(merchant, customerId, cause, after);
      expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Bronze, below_since: null });
      expect((await changesOf(merchant, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: cause === 'program_changed' ? 'program_changed' : 'grace_expired' });
    };
    await late('job');
    await late('event');
    await late('program_changed');
  });
});
