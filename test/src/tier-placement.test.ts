import { describe, expect, it } from '@jest/globals';
import { place, type EvaluationCause, type MemberState, type PlacementProgram } from '../../subgraphs/tier/src/domain/tier-placement.js';
import { rollingWindowExit, rollingWindowStart } from '../../subgraphs/tier/src/domain/tier-period.js';
import { DEFAULT_TIER_SETTINGS, type ZonedTierSettings } from '../../subgraphs/tier/src/domain/tier-program.js';
import { milliOf } from '../../subgraphs/tier/src/services/qualification-ledger.service.js';

/** Placement alone, without a store: every rule of keeping and losing a tier. */

const BRONZE = { id: 'bronze', threshold: 0, multiplier: 1, entryBonusPoints: null };
const SILVER = { id: 'silver', threshold: 100, multiplier: 1.25, entryBonusPoints: 10 };
const GOLD = { id: 'gold', threshold: 500, multiplier: 1.5, entryBonusPoints: 50 };
const PLATINUM = { id: 'platinum', threshold: 1000, multiplier: 2, entryBonusPoints: 100 };
const TIERS = [BRONZE, SILVER, GOLD, PLATINUM];

const NOW = new Date('2026-08-15T12:00:00.000Z');
const day = (n: number, from = NOW) => new Date(from.getTime() + n * 86_400_000);

function program(settings: Partial<ZonedTierSettings> = {}, tiers = TIERS): PlacementProgram {
  return { settings: { ...DEFAULT_TIER_SETTINGS, timezone: 'UTC', ...settings }, tiers };
}

function member(state: Partial<MemberState> = {}): MemberState {
  return { tierId: null, tierThreshold: null, since: null, multiplier: 1, heldUntil: null, belowSince: null, stepNotBefore: null, manualTierId: null, manualUntil: null, warnedFor: null, version: 0, ...state };
}

function at(
  p: PlacementProgram,
  m: MemberState,
  current: number,
  options: { previous?: number; now?: Date; cause?: EvaluationCause; oldest?: Date; paid?: string[]; dropFrom?: Date; afterDrop?: number } = {},
) {
  return place({
    program: p,
    member: m,
    values: { current, previous: options.previous ?? 0, oldestInWindow: options.oldest ?? null, dropFrom: options.dropFrom ?? null, valueAfterDrop: options.afterDrop ?? 0 },
    now: options.now ?? NOW,
    cause: options.cause ?? 'event',
    bonusesInWindow: options.paid ? new Set(options.paid) : undefined,
  });
}

describe('tier placement', () => {
  it('places by the highest threshold reached, and a first tier at 0 takes everyone', () => {
    expect(at(program(), member(), 0).state.tierId).toBe('bronze');
    expect(at(program(), member(), 99).state.tierId).toBe('bronze');
    expect(at(program(), member(), 100).state.tierId).toBe('silver');
    expect(at(program(), member(), 999).state.tierId).toBe('gold');
    expect(at(program(), member(), 5000).state.tierId).toBe('platinum');
    // below a first tier that does not start at 0: no tier, no change
    const noFloor = program({}, [SILVER, GOLD]);
    expect(at(noFloor, member(), 50)).toMatchObject({ change: null, state: { tierId: null, multiplier: 1 } });
  });

  it('reads amount spent in thousandths against thresholds in whole currency units', () => {
    const spent = program({ metric: 'amount_spent' });
    expect(at(spent, member(), 99_999).state.tierId).toBe('bronze');
    expect(at(spent, member(), 100_000).state.tierId).toBe('silver');
  });

  it('upgrades at once, with the multiplier of the new tier and one version more', () => {
    const placed = at(program(), member({ tierId: 'bronze', version: 3 }), 600);
    expect(placed.change).toEqual({ from: 'bronze', to: 'gold', direction: 'up', reason: 'qualified' });
    expect(placed.state).toMatchObject({ tierId: 'gold', since: NOW, multiplier: 1.5, version: 4, qualifiedTierId: 'gold', metricValue: 600 });
  });

  it('pays the entry bonus of every tier passed (all) or of the highest only, once per period key', () => {
    expect(at(program({ skippedTierBonus: 'all' }), member({ tierId: 'bronze' }), 1200).bonuses).toEqual([
      { tierId: 'silver', points: 10, periodKey: 'lifetime' },
      { tierId: 'gold', points: 50, periodKey: 'lifetime' },
      { tierId: 'platinum', points: 100, periodKey: 'lifetime' },
    ]);
    expect(at(program({ skippedTierBonus: 'highest_only' }), member({ tierId: 'bronze' }), 1200).bonuses).toEqual([{ tierId: 'platinum', points: 100, periodKey: 'lifetime' }]);
    // calendar: the period's first day; rolling: the day paid, skipping tiers paid within the window
    expect(at(program({ period: 'calendar_year', periodStartMonth: 7, periodStartDay: 1 }), member(), 150).bonuses).toEqual([{ tierId: 'silver', points: 10, periodKey: '2026-07-01' }]);
    expect(at(program({ period: 'rolling_months' }), member(), 600, { paid: ['silver'] }).bonuses).toEqual([{ tierId: 'gold', points: 50, periodKey: '2026-08-15' }]);
    // no bonus on a downgrade, nor staying
    expect(at(program(), member({ tierId: 'gold' }), 0).bonuses).toEqual([]);
    expect(at(program(), member({ tierId: 'gold', multiplier: 1.5 }), 600)).toMatchObject({ change: null, bonuses: [], multiplierChanged: false });
  });

  it('lifetime, replace by metric: a lowered metric re-places at once (metric_lowered)', () => {
    const placed = at(program(), member({ tierId: 'platinum', multiplier: 2 }), 120);
    expect(placed.change).toEqual({ from: 'platinum', to: 'silver', direction: 'down', reason: 'metric_lowered' });
    expect(placed.state.nextCheckAt).toBeNull();
  });

  it('lifetime, one tier at a time: one step now, the next no sooner than the next day', () => {
    const p = program({ downgradePolicy: 'one_tier_at_a_time' });
    const first = at(p, member({ tierId: 'platinum', multiplier: 2 }), 0);
    expect(first.change).toMatchObject({ from: 'platinum', to: 'gold', reason: 'metric_lowered' });
    expect(first.state).toMatchObject({ stepNotBefore: day(1), nextCheckAt: day(1) });
    const stepped = member({ ...first.state });
    // the warning of the next step is due at once (less than 7 days ahead), then nothing before the step point
    expect(first.expiring).toEqual({ tierId: 'gold', toTierId: 'silver', effectiveAt: day(1) });
    expect(at(p, stepped, 0, { now: day(0.5), cause: 'daily' }).change).toBeNull();
    const second = at(p, stepped, 0, { now: day(1), cause: 'daily' });
    expect(second.change).toMatchObject({ from: 'gold', to: 'silver', direction: 'down' });
    expect(second.state.stepNotBefore).toEqual(day(2));
  });

  it('calendar year: a tier reached in a period is kept until the end of the next one, then lost (period_ended)', () => {
    const p = program({ period: 'calendar_year', periodStartMonth: 7, periodStartDay: 1 });
    // reached Gold in the period 2025-07-01..2026-07-01; nothing yet in this one
    const kept = at(p, member({ tierId: 'gold', multiplier: 1.5 }), 0, { previous: 600, cause: 'daily' });
    expect(kept.change).toBeNull();
    expect(kept.state).toMatchObject({ tierId: 'gold', heldUntil: new Date('2027-07-01T00:00:00.000Z'), nextCheckAt: new Date('2027-06-24T00:00:00.000Z') });
    // a week before the end: warned once
    const warnedAt = new Date('2027-06-25T00:00:00.000Z');
    const warning = at(p, member({ ...kept.state }), 0, { previous: 600, now: warnedAt, cause: 'daily' });
    expect(warning.expiring).toEqual({ tierId: 'gold', toTierId: 'bronze', effectiveAt: new Date('2027-07-01T00:00:00.000Z') });
    expect(at(p, member({ ...warning.state }), 0, { previous: 600, now: day(1, warnedAt), cause: 'daily' }).expiring).toBeNull();
    // the next period starts: the ended one (now "previous") had nothing
    const rolled = at(p, member({ ...warning.state }), 0, { previous: 0, now: new Date('2027-07-01T00:00:00.000Z'), cause: 'daily' });
    expect(rolled.change).toEqual({ from: 'gold', to: 'bronze', direction: 'down', reason: 'period_ended' });
  });

  it('calendar year: a refund that undoes the tier reached this period lowers it at once (metric_lowered)', () => {
    const p = program({ period: 'calendar_year', periodStartMonth: 1, periodStartDay: 1 });
    expect(at(p, member({ tierId: 'gold', multiplier: 1.5 }), 50, { previous: 20 }).change).toEqual({ from: 'gold', to: 'bronze', direction: 'down', reason: 'metric_lowered' });
  });

  it('calendar year, one tier at a time: one step at the rollover, the next at the following period end', () => {
    const p = program({ period: 'calendar_year', periodStartMonth: 1, periodStartDay: 1, downgradePolicy: 'one_tier_at_a_time' });
    const rollover = new Date('2027-01-01T00:00:00.000Z');
    const first = at(p, member({ tierId: 'platinum', multiplier: 2 }), 0, { previous: 0, now: rollover, cause: 'daily' });
    expect(first.change).toMatchObject({ to: 'gold', reason: 'period_ended' });
    expect(first.state.stepNotBefore).toEqual(new Date('2028-01-01T00:00:00.000Z'));
    expect(at(p, member({ ...first.state }), 0, { now: new Date('2027-06-01T00:00:00.000Z'), cause: 'daily' }).change).toBeNull();
    expect(at(p, member({ ...first.state }), 0, { now: new Date('2028-01-01T00:00:00.000Z'), cause: 'daily' }).change).toMatchObject({ from: 'gold', to: 'silver' });
  });

  it('rolling window with grace: below since the slide, downgraded when the grace runs out (grace_expired), not before', () => {
    const p = program({ period: 'rolling_months', rollingMonths: 12, graceDays: 10 });
    const slid = at(p, member({ tierId: 'gold', multiplier: 1.5 }), 50, { cause: 'daily' });
    expect(slid.change).toBeNull();
    expect(slid.state).toMatchObject({ tierId: 'gold', belowSince: NOW, nextCheckAt: day(3) });
    const warned = at(p, member({ ...slid.state }), 50, { now: day(3), cause: 'daily' });
    expect(warned.expiring).toEqual({ tierId: 'gold', toTierId: 'bronze', effectiveAt: day(10) });
    expect(warned.state.nextCheckAt).toEqual(day(10));
    expect(at(p, member({ ...warned.state }), 50, { now: day(9.9), cause: 'daily' }).change).toBeNull();
    expect(at(p, member({ ...warned.state }), 50, { now: day(10), cause: 'daily' }).change).toEqual({ from: 'gold', to: 'bronze', direction: 'down', reason: 'grace_expired' });
    // recovering within the grace clears it
    expect(at(p, member({ ...warned.state }), 700, { now: day(5) }).state).toMatchObject({ tierId: 'gold', belowSince: null });
  });

  it('rolling window without grace: down at once; an event says metric_lowered, the slide grace_expired', () => {
    const p = program({ period: 'rolling_months', rollingMonths: 6 });
    expect(at(p, member({ tierId: 'gold', multiplier: 1.5 }), 50).change?.reason).toBe('metric_lowered');
    expect(at(p, member({ tierId: 'gold', multiplier: 1.5 }), 50, { cause: 'daily' }).change?.reason).toBe('grace_expired');
  });

  it('rolling window: a drop whose date the window gives is announced a week ahead under a grace shorter than the week, once per date', () => {
    // Gold is held by an entry of 15 August 2025 whose leaving leaves 150 (Silver): it leaves on 15 August 2026, 12:00
    const dropFrom = new Date('2025-08-15T12:00:00.000Z');
    for (const graceDays of [0, 3, 6]) {
      const p = program({ period: 'rolling_months', rollingMonths: 12, graceDays });
      const effectiveAt = day(graceDays, new Date('2026-08-15T12:00:00.000Z'));
      const early = at(p, member({ tierId: 'gold', multiplier: 1.5 }), 600, { dropFrom, afterDrop: 150, now: day(-8, effectiveAt), cause: 'daily' });
      expect(early.expiring).toBeNull();
      expect(early.state.nextCheckAt).toEqual(day(-7, effectiveAt));
      const due = at(p, member({ tierId: 'gold', multiplier: 1.5 }), 600, { dropFrom, afterDrop: 150, now: day(-7, effectiveAt), cause: 'daily' });
      expect(due.expiring).toEqual({ tierId: 'gold', toTierId: 'silver', effectiveAt });
      expect(at(p, member({ ...due.state }), 600, { dropFrom, afterDrop: 150, now: day(-6, effectiveAt), cause: 'daily' }).expiring).toBeNull();
    }
    // one tier at a time: the announced step is one down, whatever the metric falls to
    const oneStep = program({ period: 'rolling_months', rollingMonths: 12, downgradePolicy: 'one_tier_at_a_time' });
    expect(at(oneStep, member({ tierId: 'platinum', multiplier: 2 }), 1000, { dropFrom, afterDrop: 0, now: new Date('2026-08-10T00:00:00.000Z') }).expiring).toMatchObject({ tierId: 'platinum', toTierId: 'gold' });
  });

  it('rolling window: the next check is when the oldest entry in the window leaves it', () => {
    const p = program({ period: 'rolling_months', rollingMonths: 12 });
    const placed = at(p, member({ tierId: 'gold', multiplier: 1.5 }), 600, { oldest: new Date('2025-11-30T08:00:00.000Z') });
    expect(placed.state.nextCheckAt).toEqual(new Date('2026-11-30T08:00:00.000Z'));
  });

  it('rolling window: an entry dated on a day the exit month lacks is checked when it really leaves, never dropped', () => {
    // 31 August + 6 months clamps to 28 February, where the window still starts on 28 August
    const p = program({ period: 'rolling_months', rollingMonths: 6 });
    const oldest = new Date('2026-08-31T08:00:00.000Z');
    const placed = at(p, member({ tierId: 'gold', multiplier: 1.5 }), 600, { oldest, now: new Date('2027-02-28T09:00:00.000Z'), cause: 'daily' });
    expect(placed.state.nextCheckAt).toEqual(new Date('2027-03-01T00:00:00.000Z'));
    for (const months of [6, 12]) {
      for (const entry of ['2026-08-29', '2026-08-30', '2026-08-31', '2027-08-29', '2027-08-31', '2028-02-29', '2027-12-31', '2027-03-31']) {
        const entered = new Date(`${entry}T23:30:00.000Z`);
        const exit = rollingWindowExit(entered, months);
        // counted just before the exit, not from it on, by the window's own start
        expect(rollingWindowStart(new Date(exit.getTime() - 1), months) < entered).toBe(true);
        expect(rollingWindowStart(exit, months) >= entered).toBe(true);
        const justBefore = new Date(exit.getTime() - 3_600_000);
        expect(at(program({ period: 'rolling_months', rollingMonths: months }), member({ tierId: 'gold', multiplier: 1.5 }), 600, { oldest: entered, now: justBefore, cause: 'daily' }).state.nextCheckAt).toEqual(exit);
      }
    }
  });

  it('rolling window, one tier at a time without grace: the next step the next day', () => {
    const p = program({ period: 'rolling_months', downgradePolicy: 'one_tier_at_a_time' });
    const first = at(p, member({ tierId: 'platinum', multiplier: 2 }), 0, { cause: 'daily' });
    expect(first.change).toMatchObject({ to: 'gold', reason: 'grace_expired' });
    expect(first.state.stepNotBefore).toEqual(day(1));
    expect(at(p, member({ ...first.state }), 0, { now: day(1), cause: 'daily' }).change).toMatchObject({ from: 'gold', to: 'silver' });
  });

  it('a hand assignment wins over the metric until it ends, then the metric decides (assignment_ended)', () => {
    const until = day(30);
    const assigned = at(program(), member({ tierId: 'bronze', manualTierId: 'platinum', manualUntil: until }), 120, { cause: 'assignment' });
    expect(assigned.change).toEqual({ from: 'bronze', to: 'platinum', direction: 'up', reason: 'assigned' });
    expect(assigned.bonuses.map((b) => b.tierId)).toEqual(['silver', 'gold', 'platinum']);
    expect(assigned.state).toMatchObject({ manualTierId: 'platinum', manualUntil: until, nextCheckAt: day(23) });
    // the metric lowering changes nothing while it holds
    expect(at(program(), member({ ...assigned.state }), 0).change).toBeNull();
    const ended = at(program(), member({ ...assigned.state }), 120, { now: until, cause: 'daily' });
    expect(ended.change).toEqual({ from: 'platinum', to: 'silver', direction: 'down', reason: 'assignment_ended' });
    expect(ended.state).toMatchObject({ manualTierId: null, manualUntil: null });
    // without `until` it holds for good
    expect(at(program(), member({ tierId: 'gold', manualTierId: 'gold', multiplier: 1.5 }), 0, { now: day(3650), cause: 'daily' })).toMatchObject({ change: null, state: { nextCheckAt: null } });
  });

  it('announces a new multiplier of the same tier, and re-places a member whose tier left the program', () => {
    const edited = at(program(), member({ tierId: 'gold', multiplier: 1.2, version: 5 }), 600, { cause: 'program_changed' });
    expect(edited).toMatchObject({ change: null, multiplierChanged: true, state: { multiplier: 1.5, version: 6 } });
  });

  it('moves a member whose tier left the program by the held tier\'s last threshold, and pays no entry bonus for it', () => {
    const withoutGold = program({}, [BRONZE, SILVER, PLATINUM]);
    // Gold (500) held, Silver (100) now the highest reached: a step down, no bonus for Bronze or Silver
    const removed = at(withoutGold, member({ tierId: 'gold', tierThreshold: 500, multiplier: 1.5 }), 600, { cause: 'program_changed' });
    expect(removed.change).toEqual({ from: 'gold', to: 'silver', direction: 'down', reason: 'program_changed' });
    expect(removed.bonuses).toEqual([]);
    expect(removed.state.tierThreshold).toBe(100);
    // the threshold unknown (never evaluated since it was stored): down, no bonus
    const unknown = at(withoutGold, member({ tierId: 'gold', multiplier: 1.5 }), 600, { cause: 'program_changed' });
    expect(unknown.change).toMatchObject({ to: 'silver', direction: 'down' });
    // whatever brings the evaluation, the program change is why the member moved
    expect(at(withoutGold, member({ tierId: 'gold', tierThreshold: 500, multiplier: 1.5 }), 600, { cause: 'event' }).change).toMatchObject({ direction: 'down', reason: 'program_changed' });
    expect(unknown.bonuses).toEqual([]);
    // a held threshold below the tier now reached: up, still no bonus (all or highest only)
    for (const skippedTierBonus of ['all', 'highest_only'] as const) {
      const up = at(program({ skippedTierBonus }, [BRONZE, SILVER, PLATINUM]), member({ tierId: 'gold', tierThreshold: 50, multiplier: 1.5 }), 1200, { cause: 'program_changed' });
      expect(up.change).toMatchObject({ from: 'gold', to: 'platinum', direction: 'up' });
      expect(up.bonuses).toEqual([]);
    }
  });
});

describe('amounts spent in thousandths of the currency unit', () => {
  it('scales minor units by the ISO exponent, exactly', () => {
    expect(milliOf(4250, 'EUR')).toBe(42_500);
    expect(milliOf(1000, 'JPY')).toBe(1_000_000);
    expect(milliOf(1234, 'KWD')).toBe(1234);
    // no currency, or one the runtime does not know: two decimals, as minor units are read
    expect(milliOf(199, null)).toBe(1990);
  });
});
