/**
 * Wall-clock arithmetic in a shop's IANA time zone with the runtime's own time zone data (Intl),
 * no library: a shop's calendar dates (a period's first day, a bonus's day) are its local dates,
 * and the instants they start at move with its UTC offset and daylight saving time.
 */

/** The zone of a merchant whose zone is not known (installed before the app asked Shopify for it). */
export const DEFAULT_TIME_ZONE = 'UTC';

/** A date on a wall calendar: month 1 to 12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (building one parses the zone's rules); numeric parts, 24-hour clock. */
function formatterOf(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, found);
  }
  return found;
}

/**
 * Whether `zone` is an IANA zone this runtime knows (`Australia/Sydney`, `UTC`). Fixed offsets
 * (`+10:00`) and abbreviations (`EST`, which Intl also takes) are refused: a shop's zone has rules.
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  if (zone !== 'UTC' && !zone.includes('/')) return false;
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `zone` at `at`, as the UTC instant that would read the same (milliseconds dropped). */
function wallClockMs(zone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(new Date(at))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The date the shop's calendar shows at `at`. */
export function localDateOf(zone: string, at: Date): LocalDate {
  const wall = new Date(wallClockMs(zone, at.getTime()));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** `2026-07-01`: a local date as the keys and logs spell it. */
export function isoLocalDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first instant of `date` in `zone`: its local midnight. Two guesses, from the zone's UTC
 * offset at the UTC midnight of that date and at the first guess, cover a daylight saving change
 * between them; where the change skips midnight itself (clocks going from 23:59:59 to 01:00), the
 * day begins at the change, which is the guess whose wall clock already shows the date. A date
 * beyond its month's days rolls over (29 February of a common year is 1 March).
 */
export function startOfLocalDay(zone: string, date: LocalDate): Date {
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  const first = midnight - (wallClockMs(zone, midnight) - midnight);
  const second = midnight - (wallClockMs(zone, first) - first);
  const candidates = [first, second].filter((at) => wallClockMs(zone, at) >= midnight).sort((a, b) => a - b);
  // Both guesses short of the date only where an offset changes by more than a day: no zone does.
  return new Date(candidates[0] ?? Math.max(first, second));
}
