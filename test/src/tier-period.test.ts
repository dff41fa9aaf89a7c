import { describe, expect, it } from '@jest/globals';
import { isTimeZone, localDateOf, startOfLocalDay } from '@loyalnest/kit';
import { calendarPeriodOf, windowOf } from '../../subgraphs/tier/src/domain/tier-period.js';
import { place, type MemberState } from '../../subgraphs/tier/src/domain/tier-placement.js';
import { DEFAULT_TIER_SETTINGS, type ZonedTierSettings } from '../../subgraphs/tier/src/domain/tier-program.js';

/** Calendar periods at the shop's midnight: zones east and west of UTC, daylight saving changes, and what placement makes of them. */

const at = (iso: string) => new Date(iso);

function settings(timezone: string, more: Partial<ZonedTierSettings> = {}): ZonedTierSettings {
  return { ...DEFAULT_TIER_SETTINGS, period: 'calendar_year', periodStartMonth: 7, periodStartDay: 1, timezone, ...more };
}

describe('shop time zones', () => {
  it('takes IANA zones the runtime knows, and refuses abbreviations, offsets and unknown names', () => {
    for (const zone of ['Australia/Sydney', 'America/Los_Angeles', 'Europe/Paris', 'UTC', 'Etc/GMT+10']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['Mars/Olympus_Mons', 'EST', '+10:00', '', 'Australia/Sydney\n', 42, null, 'x/'.repeat(40)]) expect(isTimeZone(zone)).toBe(false);
  });

  it("finds a day's first instant where daylight saving time skips its midnight (Santiago, 6 September 2026: 00:00 never shows)", () => {
    const start = startOfLocalDay('America/Santiago', { year: 2026, month: 9, day: 6 });
    expect(start).toEqual(at('2026-09-06T04:00:00Z'));
    expect(localDateOf('America/Santiago', start)).toEqual({ year: 2026, month: 9, day: 6 });
    expect(localDateOf('America/Santiago', new Date(start.getTime() - 1))).toEqual({ year: 2026, month: 9, day: 5 });
  });
});

describe('calendar periods at the shop midnight', () => {
  it('east of UTC (Sydney, a year from 1 July): turns at 14:00 UTC on 30 June, not at UTC midnight', () => {
    const sydney = settings('Australia/Sydney');
    // one second before Sydney's midnight: still the year that began on 1 July 2025
    expect(calendarPeriodOf(sydney, at('2026-06-30T13:59:59Z'))).toEqual({
      start: at('2025-06-30T14:00:00Z'),
      end: at('2026-06-30T14:00:00Z'),
      previousStart: at('2024-06-30T14:00:00Z'),
      key: '2025-07-01',
    });
    // at Sydney's midnight, while it is still 30 June in UTC: the new year
    expect(calendarPeriodOf(sydney, at('2026-06-30T14:00:00Z'))).toMatchObject({ start: at('2026-06-30T14:00:00Z'), end: at('2027-06-30T14:00:00Z'), key: '2026-07-01' });
    // the same moments in UTC turn ten hours later
    expect(calendarPeriodOf(settings('UTC'), at('2026-06-30T14:00:00Z'))).toMatchObject({ start: at('2025-07-01T00:00:00Z'), key: '2025-07-01' });
  });

  it('west of UTC (Los Angeles, a year from 1 January): turns at 08:00 UTC on 1 January', () => {
    const la = settings('America/Los_Angeles', { periodStartMonth: 1, periodStartDay: 1 });
    expect(calendarPeriodOf(la, at('2027-01-01T07:59:59Z'))).toMatchObject({ start: at('2026-01-01T08:00:00Z'), end: at('2027-01-01T08:00:00Z'), key: '2026-01-01' });
    expect(calendarPeriodOf(la, at('2027-01-01T08:00:00Z'))).toMatchObject({ start: at('2027-01-01T08:00:00Z'), key: '2027-01-01' });
  });

  it('across daylight saving changes: a year from 5 November in Los Angeles starts in PST and ends in PDT, one hour shorter', () => {
    const la = settings('America/Los_Angeles', { periodStartMonth: 11, periodStartDay: 5 });
    // PDT ended on 1 November 2026, so 5 November 2026 begins at UTC−8; in 2027 it ends on 7 November, so 5 November 2027 begins at UTC−7
    const period = calendarPeriodOf(la, at('2027-03-15T12:00:00Z'));
    expect(period).toMatchObject({ start: at('2026-11-05T08:00:00Z'), end: at('2027-11-05T07:00:00Z'), key: '2026-11-05' });
    expect(period.end.getTime() - period.start.getTime()).toBe(365 * 86_400_000 - 3_600_000);
    // the new year begins at the PDT midnight, an hour before UTC−8 would have it
    expect(calendarPeriodOf(la, at('2027-11-05T07:00:00Z')).key).toBe('2027-11-05');
    expect(calendarPeriodOf(la, at('2027-11-05T06:59:59Z')).key).toBe('2026-11-05');
  });

  it('keys entry bonuses by the local first day of the period, and rolling windows by the local day', () => {
    expect(windowOf(settings('Australia/Sydney'), at('2026-06-30T15:00:00Z')).periodKey).toBe('2026-07-01');
    expect(windowOf(settings('Australia/Sydney', { period: 'rolling_months' }), at('2026-03-10T20:00:00Z')).periodKey).toBe('2026-03-11');
    expect(windowOf(settings('America/Los_Angeles', { period: 'rolling_months' }), at('2026-03-11T03:00:00Z')).periodKey).toBe('2026-03-10');
    expect(windowOf(settings('Australia/Sydney', { period: 'lifetime' }), at('2026-03-11T03:00:00Z')).periodKey).toBe('lifetime');
  });
});

describe('placement in the shop zone', () => {
  const tiers = [
    { id: 'bronze', threshold: 0, multiplier: 1, entryBonusPoints: null },
    { id: 'silver', threshold: 1, multiplier: 1.5, entryBonusPoints: 10 },
  ];
  const member = (state: Partial<MemberState> = {}): MemberState => ({
    tierId: null,
    tierThreshold: null,
    since: null,
    multiplier: 1,
    heldUntil: null,
    belowSince: null,
    stepNotBefore: null,
    manualTierId: null,
    manualUntil: null,
    warnedFor: null,
    version: 0,
    ...state,
  });

  it("holds a tier earned in the previous period until the shop's midnight, warns a week before it, and pays the bonus under the local period key", () => {
    const program = { settings: settings('Australia/Sydney', { metric: 'orders_count' }), tiers };
    // qualified in the year to 30 June (Sydney); evaluated in the next one
    const placed = place({ program, member: member(), values: { current: 0, previous: 1, oldestInWindow: null }, now: at('2026-12-01T00:00:00Z'), cause: 'event' });
    expect(placed.state).toMatchObject({ tierId: 'silver', heldUntil: at('2027-06-30T14:00:00Z') });
    expect(placed.bonuses).toEqual([{ tierId: 'silver', points: 10, periodKey: '2026-07-01' }]);
    expect(placed.state.nextCheckAt).toEqual(at('2027-06-23T14:00:00Z'));
    const warned = place({ program, member: { ...member(), ...placed.state }, values: { current: 0, previous: 1, oldestInWindow: null }, now: at('2027-06-23T14:00:00Z'), cause: 'daily' });
    expect(warned.expiring).toEqual({ tierId: 'silver', toTierId: 'bronze', effectiveAt: at('2027-06-30T14:00:00Z') });
  });
});
