import type { TierProgramSettings } from './tier-program.js';

const DAY_MS = 86_400_000;

/**
 * The stretch of the qualification ledger a placement at one moment reads, in UTC. Calendar
 * periods also read the period before, since a tier reached then is kept through the current one.
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
  /** What an entry bonus is paid once per: `lifetime`, a calendar period's first day, or for rolling windows the day it is paid. */
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

function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The first moment of the calendar period holding `now`: the latest start day (UTC midnight) not after it. */
export function calendarPeriodStart(settings: Pick<TierProgramSettings, 'periodStartMonth' | 'periodStartDay'>, now: Date): Date {
  const year = now.getUTCFullYear();
  const thisYear = new Date(Date.UTC(year, settings.periodStartMonth - 1, settings.periodStartDay));
  return thisYear.getTime() <= now.getTime() ? thisYear : new Date(Date.UTC(year - 1, settings.periodStartMonth - 1, settings.periodStartDay));
}

export function windowOf(settings: TierProgramSettings, now: Date): QualificationWindow {
  switch (settings.period) {
    case 'lifetime':
      return { currentFrom: null, currentTo: null, previousFrom: null, periodEnd: null, periodKey: 'lifetime' };
    case 'calendar_year': {
      const start = calendarPeriodStart(settings, now);
      const end = addMonths(start, 12);
      return { currentFrom: start, currentTo: end, previousFrom: addMonths(start, -12), periodEnd: end, periodKey: isoDate(start) };
    }
    case 'rolling_months':
      return { currentFrom: rollingWindowStart(now, settings.rollingMonths), currentTo: now, previousFrom: null, periodEnd: null, periodKey: isoDate(now) };
  }
}
