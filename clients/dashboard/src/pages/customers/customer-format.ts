import type { LocaleCode } from '../../generated/graphql.js';

/** The parts of a customer a name is made of. */
export interface NamedCustomer {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/** "First Last", else the email, else null (an erased customer keeps neither). */
export function customerName(customer: NamedCustomer): string | null {
  const name = [customer.firstName, customer.lastName].filter((part) => part && part.trim()).join(' ').trim();
  return name || customer.email || null;
}

/**
 * How far the customer is towards the next tier, 0–100 for a progress bar: the metric as it is
 * over what it will be on reaching the tier. Null at the top (no next tier).
 */
export function tierProgressPercent(value: number, deltaToNext: number | null): number | null {
  if (deltaToNext === null) return null;
  if (deltaToNext <= 0) return 100;
  const target = value + deltaToNext;
  return target <= 0 ? 0 : Math.min(100, Math.max(0, Math.round((value / target) * 100)));
}

/** The email a search should send: trimmed, and none at all for an empty box. */
export function emailFilter(typed: string): string | null {
  const email = typed.trim();
  return email === '' ? null : email;
}

/** The dashboard's language as the API's LocaleCode, for fields that take a locale. */
export function apiLocale(locale: Lowercase<LocaleCode>): LocaleCode {
  return locale.toUpperCase() as LocaleCode;
}
