import { describe, expect, it } from '@jest/globals';
import { customerLabel, FEED_LENGTH, lineOf, withNewest } from '../../../clients/dashboard/src/pages/overview/activity-lines.js';
import { axisTop, dayIn, daysBetween, lastValue, nextMinute, periodOf, redemptionRate, revenueIn, runsOf, segmentSeries, shareOf } from '../../../clients/dashboard/src/pages/overview/overview-kpis.js';

describe('the overview’s period', () => {
  it('sums the last N × 24 hours, and charts the N shop-local days ending today', () => {
    // 03:30 UTC on 1 March is still 28 February in New York (a leap year's 29th)
    const now = new Date('2028-03-01T03:30:00Z');
    expect(periodOf(7, now, 'America/New_York')).toEqual({
      from: '2028-02-23T03:30:00.000Z',
      to: '2028-03-01T03:30:00.000Z',
      fromDay: '2028-02-23',
      toDay: '2028-02-29',
    });
    expect(periodOf(30, now, 'UTC')).toMatchObject({ fromDay: '2028-02-01', toDay: '2028-03-01' });
    expect(periodOf(90, now, 'Australia/Sydney')).toMatchObject({ toDay: '2028-03-01', fromDay: '2027-12-03' });
  });

  it('reads an instant’s day in the shop’s zone', () => {
    expect(dayIn(new Date('2026-12-31T23:30:00Z'), 'Europe/Paris')).toBe('2027-01-01');
    expect(dayIn(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12-31');
  });

  it('lists every day between two, across a month’s end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(daysBetween('2026-02-02', '2026-02-01')).toEqual([]);
  });
});

describe('the redemption rate', () => {
  it('is redeemed ÷ issued', () => {
    expect(redemptionRate(400, 100)).toBe(0.25);
    expect(redemptionRate(100, 150)).toBe(1.5);
  });

  it('is none when nothing (or less than nothing) was issued, and never negative', () => {
    expect(redemptionRate(0, 50)).toBeNull();
    expect(redemptionRate(-20, 0)).toBeNull();
    expect(redemptionRate(100, -10)).toBe(0);
  });
});

describe('members’ revenue in the shop’s currency', () => {
  it('takes the shop currency’s line and sets the others apart', () => {
    const lines = [
      { currency: 'EUR', orders: 3, net: '120.50' },
      { currency: 'USD', orders: 1, net: '20.00' },
      { currency: null, orders: 2, net: '8.00' },
    ];
    expect(revenueIn(lines, 'EUR')).toEqual({ net: '120.50', orders: 3, others: [lines[1], lines[2]] });
  });

  it('is zero when there was no order in that currency', () => {
    expect(revenueIn([{ currency: 'USD', orders: 1, net: '5.00' }], 'EUR')).toEqual({ net: '0', orders: 0, others: [{ currency: 'USD', orders: 1, net: '5.00' }] });
    expect(revenueIn([], 'EUR')).toEqual({ net: '0', orders: 0, others: [] });
  });
});

describe('the segment chart’s series', () => {
  const segments = [
    { handle: 'champions', name: 'Champions' },
    { handle: 'at-risk', name: 'At risk' },
    { handle: 'new', name: 'New' },
  ];

  it('has one line per counted segment, in the segments’ order, a value per day and a gap where no run counted', () => {
    const counts = [
      { day: '2026-03-02', handle: 'at-risk', members: 4 },
      { day: '2026-03-01', handle: 'champions', members: 10 },
      { day: '2026-03-03', handle: 'champions', members: 12 },
      { day: '2026-03-03', handle: 'at-risk', members: 3 },
      { day: '2026-02-28', handle: 'champions', members: 99 },
      { day: '2026-03-03', handle: 'renamed-since', members: 1 },
    ];
    expect(segmentSeries(counts, segments, '2026-03-01', '2026-03-03')).toEqual({
      days: ['2026-03-01', '2026-03-02', '2026-03-03'],
      series: [
        { handle: 'champions', name: 'Champions', values: [10, null, 12] },
        { handle: 'at-risk', name: 'At risk', values: [null, 4, 3] },
        { handle: 'renamed-since', name: 'renamed-since', values: [null, null, 1] },
      ],
      max: 12,
    });
  });

  it('is empty without counts', () => {
    expect(segmentSeries([], segments, '2026-03-01', '2026-03-07')).toMatchObject({ series: [], max: 0 });
  });

  it('breaks a line where a day has no count, and reads the last counted value', () => {
    expect(runsOf([1, 2, null, 4, null, null, 7])).toEqual([[0, 1], [3], [6]]);
    expect(runsOf([null, null])).toEqual([]);
    expect(lastValue([3, 5, null])).toBe(5);
    expect(lastValue([null])).toBeNull();
  });

  it('tops the axis at a round number with a whole half', () => {
    expect([0, 1, 2, 3, 9, 10, 11, 45, 81, 100, 1234].map(axisTop)).toEqual([2, 2, 2, 4, 10, 20, 20, 60, 100, 200, 2000]);
  });

  it('gives shares of a total, none of nothing', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(3, 0)).toBe(0);
  });
});

describe('the live feed’s lines', () => {
  const noTier = () => null;
  const noSegment = () => null;
  const points = (kind: string, delta: number) => ({ kind: 'points.changed', details: { kind, delta, balance: 100 }, committedAt: '2026-03-01T00:00:00Z' });

  it('says what each change of points did', () => {
    expect(
      [points('earn', 40), points('redeem', -200), points('adjust', 25), points('adjust', -5), points('expire', -10), points('reverse', -40), points('reverse', 200), points('release', 60)].map((a) => lineOf(a, noTier, noSegment)),
    ).toEqual([
      { key: 'earned', points: 40 },
      { key: 'redeemed', points: 200 },
      { key: 'awarded', points: 25 },
      { key: 'deducted', points: 5 },
      { key: 'expired', points: 10 },
      { key: 'reversedEarn', points: 40 },
      { key: 'reversedSpend', points: 200 },
      { key: 'released', points: 60 },
    ]);
  });

  it('names tiers and segments as the merchant does, and tells other kinds apart', () => {
    const tierName = (id: string) => (id === 't-gold' ? 'Gold' : null);
    const segmentName = (handle: string) => (handle === 'champions' ? 'Champions' : null);
    const at = '2026-03-01T00:00:00Z';
    expect(lineOf({ kind: 'tier.changed', details: { toTierId: 't-gold', direction: 'up' }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'tierUp', tier: 'Gold' });
    expect(lineOf({ kind: 'tier.changed', details: { toTierId: null, direction: 'down' }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'tierDown', tier: null });
    expect(lineOf({ kind: 'segment.changed', details: { from: null, to: 'champions' }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'segment', segment: 'Champions' });
    expect(lineOf({ kind: 'segment.changed', details: { from: 'champions', to: 'x-new' }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'segment', segment: 'x-new' });
    expect(lineOf({ kind: 'segment.changed', details: { from: 'champions', to: null }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'segment', segment: null });
    expect(lineOf({ kind: 'redemption.updated', details: { status: 'ISSUED' }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'redemption', status: 'redemptionIssued' });
    expect(lineOf({ kind: 'webhook.received', details: { topic: 'orders/create' }, committedAt: at }, tierName, segmentName)).toEqual({ key: 'webhook', topic: 'orders/create' });
    expect(lineOf({ kind: 'referral.done', details: {}, committedAt: at }, tierName, segmentName)).toEqual({ key: 'other', kind: 'referral.done' });
  });

  it('puts the newest first and keeps at most FEED_LENGTH', () => {
    let feed: number[] = [];
    for (let i = 1; i <= FEED_LENGTH + 5; i++) feed = withNewest(feed, i);
    expect(feed).toHaveLength(FEED_LENGTH);
    expect(feed[0]).toBe(FEED_LENGTH + 5);
    expect(feed[FEED_LENGTH - 1]).toBe(6);
  });

  it('names a customer by name, else email, else not at all', () => {
    expect(customerLabel({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })).toBe('Ada Lovelace');
    expect(customerLabel({ firstName: null, lastName: null, email: 'ada@example.com' })).toBe('ada@example.com');
    expect(customerLabel({ firstName: null, lastName: null, email: null })).toBeNull();
    expect(customerLabel(null)).toBeNull();
  });
});

describe('nextMinute', () => {
  it('ends a period at the next whole minute, so refreshes within a minute read the same period', () => {
    expect(nextMinute(new Date('2028-03-01T10:15:00.001Z')).toISOString()).toBe('2028-03-01T10:16:00.000Z');
    expect(nextMinute(new Date('2028-03-01T10:15:59.999Z')).toISOString()).toBe('2028-03-01T10:16:00.000Z');
    expect(nextMinute(new Date('2028-03-01T10:15:00.000Z')).toISOString()).toBe('2028-03-01T10:15:00.000Z');
  });
});
