import type { ActorKind, AuditEntryFilter } from '../../../generated/graphql.js';

export const ACTOR_KINDS: readonly ActorKind[] = ['ADMIN', 'PARTNER', 'FLOW', 'SHOPPER', 'SYSTEM'];

/** The audit trail's filter form as typed: every field a string, '' when left empty. */
export interface AuditFilterForm {
  entityType: string;
  actorKind: string;
  action: string;
  /** `YYYY-MM-DD`, the first day shown (from its start, UTC). */
  from: string;
  /** `YYYY-MM-DD`, the last day shown (to its end, UTC). */
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterForm = { entityType: '', actorKind: '', action: '', from: '', to: '' };

export type AuditFilterProblem = 'invalidDate' | 'toBeforeFrom' | 'tooLong';

export interface AuditFilterResult {
  /** The API's filter, or null when nothing narrows the trail. */
  filter: AuditEntryFilter | null;
  /** Problems by the form's field; the filter is not sent while there is any. */
  problems: Partial<Record<keyof AuditFilterForm, AuditFilterProblem>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_TEXT = 200;

/** Midnight UTC of a `YYYY-MM-DD` day, or null when it is not a real day. */
export function dayStart(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2026-02-31 over to March: such a day does not exist.
  return date.toISOString().slice(0, 10) === day ? date : null;
}

/**
 * The form as the API's `AuditEntryFilter`: blanks left out, text trimmed, the days as instants.
 * `to` names the last day to include, so the API gets the next day's midnight (its `to` excludes).
 */
export function auditFilterOf(form: AuditFilterForm): AuditFilterResult {
  const problems: AuditFilterResult['problems'] = {};
  const filter: AuditEntryFilter = {};
  for (const key of ['entityType', 'action'] as const) {
    const value = form[key].trim();
    if (value.length > MAX_TEXT) problems[key] = 'tooLong';
    else if (value) filter[key] = value;
  }
  if ((ACTOR_KINDS as readonly string[]).includes(form.actorKind)) filter.actorKind = form.actorKind as ActorKind;
  const from = form.from ? dayStart(form.from) : null;
  const to = form.to ? dayStart(form.to) : null;
  if (form.from && !from) problems.from = 'invalidDate';
  if (form.to && !to) problems.to = 'invalidDate';
  if (from && to && to < from) problems.to = 'toBeforeFrom';
  if (from) filter.from = from.toISOString();
  if (to) filter.to = new Date(to.getTime() + DAY_MS).toISOString();
  return { filter: Object.keys(filter).length ? filter : null, problems };
}
