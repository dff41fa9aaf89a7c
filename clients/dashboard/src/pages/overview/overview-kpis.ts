/** The overview's periods: the last 7, 30 or 90 days. */
export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];
export const DEFAULT_PERIOD: PeriodDays = 30;

const DAY_MS = 86_400_000;

export interface Period {
  /** The instants the ledger and the orders are summed over: [from, to). */
  from: string;
  to: string;
  /** The same period as shop-local days, `YYYY-MM-DD`, both included, for the daily segment counts. */
  fromDay: string;
  toDay: string;
}

/** `YYYY-MM-DD` of an instant in a time zone (en-CA writes dates that way). */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The day `days` before a `YYYY-MM-DD` day, in calendar arithmetic (no zone can shift it). */
export function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last `days` days up to `now`: the rolling window for the sums (`days` × 24 hours back), and
 * for the chart the `days` shop-local days ending today, so that the chart's last point is today's.
 */
/** The start of the minute after `at` (itself when it is one): a period's end that stays put for a minute. */
export function nextMinute(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
}

export function periodOf(days: number, now: Date, timeZone: string): Period {
  const toDay = dayIn(now, timeZone);
  return { from: new Date(now.getTime() - days * DAY_MS).toISOString(), to: now.toISOString(), fromDay: daysBefore(toDay, days - 1), toDay };
}

/**
 * Points redeemed ÷ points issued over the period, or null when nothing (or, after reversals, less
 * than nothing) was issued: a rate of something over nothing means nothing.
 */
export function redemptionRate(issued: number, redeemed: number): number | null {
  if (issued <= 0) return null;
  return Math.max(0, redeemed) / issued;
}

export interface RevenueLine {
  currency: string | null;
  orders: number;
  net: string;
}

export interface Revenue {
  /** Net revenue in the shop's currency, a decimal string ("0" when there was none). */
  net: string;
  /** Orders in the shop's currency. */
  orders: number;
  /** Lines in other currencies (or none named), which the shop-currency figure leaves out. */
  others: RevenueLine[];
}

/** The shop-currency line of `memberRevenue`, apart from any in other currencies. */
export function revenueIn(lines: RevenueLine[], currency: string): Revenue {
  const own = lines.find((line) => line.currency === currency);
  return { net: own?.net ?? '0', orders: own?.orders ?? 0, others: lines.filter((line) => line !== own && line.orders > 0) };
}

export interface DayCount {
  day: string;
  handle: string;
  members: number;
}

export interface Series {
  handle: string;
  name: string;
  /** Members per day of `days`; null on a day no run counted. */
  values: (number | null)[];
}

export interface SeriesSet {
  days: string[];
  series: Series[];
  max: number;
}

/** Every day from `fromDay` to `toDay`, both included. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let day = fromDay; day <= toDay; day = daysBefore(day, -1)) days.push(day);
  return days;
}

/**
 * The daily counts as one line per segment over every day of the period, in the order the
 * segments are listed; a segment with no count at all in the period is left out (nothing to draw).
 */
export function segmentSeries(counts: DayCount[], segments: { handle: string; name: string }[], fromDay: string, toDay: string): SeriesSet {
  const days = daysBetween(fromDay, toDay);
  const index = new Map(days.map((day, i) => [day, i]));
  const byHandle = new Map<string, (number | null)[]>();
  let max = 0;
  for (const count of counts) {
    const i = index.get(count.day);
    if (i === undefined) continue;
    let values = byHandle.get(count.handle);
    if (!values) byHandle.set(count.handle, (values = days.map(() => null)));
    values[i] = count.members;
    max = Math.max(max, count.members);
  }
  const known = new Set(segments.map((s) => s.handle));
  const named = segments.filter((s) => byHandle.has(s.handle)).map((s) => ({ handle: s.handle, name: s.name, values: byHandle.get(s.handle)! }));
  const unnamed = [...byHandle.keys()].filter((h) => !known.has(h)).map((h) => ({ handle: h, name: h, values: byHandle.get(h)! }));
  return { days, series: [...named, ...unnamed], max };
}

/** The last counted value of a series, for the text summary of the chart. */
export function lastValue(values: (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
}

/** Each part's share of the total, 0 when the total is 0. */
export function shareOf(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

/** Runs of consecutive counted days, as indexes: a day without a count breaks the line rather than inventing one. */
export function runsOf(values: (number | null)[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

/**
 * The chart's top: the maximum rounded up to 2, 4, 6, 8 or 10 × a power of ten, at least 2, so that
 * its half (the middle grid line) is a whole number of members too.
 */
export function axisTop(max: number): number {
  if (max <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(max));
  return [2, 4, 6, 8, 10].find((m) => m * power >= max)! * power;
}
