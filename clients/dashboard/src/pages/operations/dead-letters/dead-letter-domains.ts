import type { DeadLetterStatus } from '../../../generated/graphql.js';

/** The domains with a dead-letter queue of their own, each listed by `<domain>DeadLetterEvents`. */
export const DEAD_LETTER_DOMAINS = ['merchant', 'customer', 'points', 'referral', 'segment', 'tier', 'audit'] as const;
export type DeadLetterDomain = (typeof DEAD_LETTER_DOMAINS)[number];

export const DEAD_LETTER_STATUSES: readonly DeadLetterStatus[] = ['DEAD', 'RETRYING', 'RESOLVED'];

/**
 * The operations hold every domain's field under `@include(if: $<domain>)`: the flags select the
 * one domain whose list (or retry) is wanted, and leave the others out of the request.
 */
export function domainFlags(domain: DeadLetterDomain): Record<DeadLetterDomain, boolean> {
  return Object.fromEntries(DEAD_LETTER_DOMAINS.map((d) => [d, d === domain])) as Record<DeadLetterDomain, boolean>;
}

export function parseDomain(value: string | null | undefined): DeadLetterDomain | null {
  return (DEAD_LETTER_DOMAINS as readonly string[]).includes(value ?? '') ? (value as DeadLetterDomain) : null;
}

/** '' (any status) or a status of the API, from the status select. */
export function parseDeadLetterStatus(value: string | null | undefined): DeadLetterStatus | null {
  return (DEAD_LETTER_STATUSES as readonly string[]).includes(value ?? '') ? (value as DeadLetterStatus) : null;
}

/** The domains that have a dead letter waiting for a retry, in the order of `DEAD_LETTER_DOMAINS`. */
export function domainsNeedingRetry(summary: Partial<Record<DeadLetterDomain, { nodes: unknown[] } | null | undefined>> | undefined): DeadLetterDomain[] {
  return DEAD_LETTER_DOMAINS.filter((domain) => (summary?.[domain]?.nodes.length ?? 0) > 0);
}

export type BadgeTone = 'critical' | 'attention' | 'success' | 'info' | undefined;

/** Waiting for the merchant is critical; a retry under way is news; an applied event is done. */
export function deadLetterTone(status: DeadLetterStatus): BadgeTone {
  return status === 'DEAD' ? 'critical' : status === 'RETRYING' ? 'attention' : 'success';
}
