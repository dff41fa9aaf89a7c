import { isoLocalDate, localDateOf, startOfLocalDay } from '@loyalnest/kit';
import type { ZonedTierSettings } from './tier-program.js';

const DAY_MS = 86_400_000;

/**
 * The stretch of the qualification ledger a placement at one moment reads, as instants. Calendar
 * periods turn at the shop's local midnight of their first day, in its time zone, and also read
 * the period before, since a tier reached then is kept through the current one.
 */
export interface QualificationWindow {
  /** Entries dated from here (inclusive; exclusive for a rolling window) count; null: from the start. */
  currentFrom: Date | null;
  /** Entries dated before this (calendar) or up to it (rolling) count; null: to the end. */
  currentTo: Date | null;
  /** Start of the previous calendar period (inclusive, up to `currentFrom`); null for the other periods. */
  previousFrom: Date | null;
  /** End of the current calendar period (the rollover); null for the other periods. */
  periodEnd: Date | null;
  /** What an entry bonus is paid once per: `lifetime`, a calendar period's first day, or for rolling windows the day it is paid (local dates of the shop). */
  periodKey: string;
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** `at` moved by whole months, the day of month clamped to the target month's last (31 March − 1 month = 28 or 29 February). */
export function addMonths(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(at.getUTCDate(), last), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()));
}

/** Where a rolling window of `months` ending at `now` starts: entries dated after it count. */
export function rollingWindowStart(now: Date, months: number): Date {
  return addMonths(now, -months);
}

/**
 * The first moment an entry dated `at` no longer counts in a rolling window of `months`: the
 * inverse of `rollingWindowStart`. `addMonths(at, months)` alone can be too early: from a day the
 * target month lacks (31 August + 6 months = 28 February) the window start is still before the
 * entry there, and stays so until the next month begins.
 */
export function rollingWindowExit(at: Date, months: number): Date {
  const candidate = addMonths(at, months);
  if (rollingWindowStart(candidate, months) >= at) return candidate;
  return new Date(Date.UTC(candidate.getUTCFullYear(), candidate.getUTCMonth() + 1, 1));
}

type PeriodStart = Pick<ZonedTierSettings, 'periodStartMonth' | 'periodStartDay' | 'timezone'>;

/** The local midnight, in the shop's zone, of the period's first day in `year`. */
function periodStartIn(settings: PeriodStart, year: number): Date {
  return startOfLocalDay(settings.timezone, { year, month: settings.periodStartMonth, day: settings.periodStartDay });
}

/**
 * The calendar period holding `now`: from the latest start day's local midnight not after it, to
 * the next one. Each bound is computed from its own local date, not as a year of milliseconds, so
 * a period that begins in daylight saving time and ends outside it is an hour shorter or longer.
 */
export function calendarPeriodOf(settings: PeriodStart, now: Date): { start: Date; end: Date; previousStart: Date; key: string } {
  const { year } = localDateOf(settings.timezone, now);
  const startYear = periodStartIn(settings, year).getTime() <= now.getTime() ? year : year - 1;
  const start = periodStartIn(settings, startYear);
  return {
    start,
    end: periodStartIn(settings, startYear + 1),
    previousStart: periodStartIn(settings, startYear - 1),
    key: isoLocalDate(localDateOf(settings.timezone, start)),
  };
}

/** The first moment of the calendar period holding `now`, at the shop's local midnight. */
export function calendarPeriodStart(settings: PeriodStart, now: Date): Date {
  return calendarPeriodOf(settings, now).start;
}

export function windowOf(settings: ZonedTierSettings, now: Date): QualificationWindow {
  switch (settings.period) {
    case 'lifetime':
      return { currentFrom: null, currentTo: null, previousFrom: null, periodEnd: null, periodKey: 'lifetime' };
    case 'calendar_year': {
      const period = calendarPeriodOf(settings, now);
      return { currentFrom: period.start, currentTo: period.end, previousFrom: period.previousStart, periodEnd: period.end, periodKey: period.key };
    }
    case 'rolling_months':
      // A rolling window is a span of time, the same instant anywhere; only its bonus's day is the shop's.
      return {
        currentFrom: rollingWindowStart(now, settings.rollingMonths),
        currentTo: now,
        previousFrom: null,
        periodEnd: null,
        periodKey: isoLocalDate(localDateOf(settings.timezone, now)),
      };
  }
}
