/** The live feed keeps this many lines: enough to read back, bounded however busy the shop is. */
export const FEED_LENGTH = 50;

/** One thing that happened, as `merchantActivity` sends it. */
export interface Activity {
  kind: string;
  details: Record<string, unknown>;
  committedAt: string;
}

/** What a feed line says, by its message key, with the values to fill in. */
export type ActivityLine =
  | { key: 'earned' | 'redeemed' | 'awarded' | 'deducted' | 'expired' | 'reversedEarn' | 'reversedSpend' | 'released'; points: number }
  | { key: 'redemption'; status: RedemptionStatusKey | null }
  | { key: 'tierUp' | 'tierDown'; tier: string | null }
  | { key: 'segment'; segment: string | null }
  | { key: 'webhook'; topic: string }
  | { key: 'other'; kind: string };

/** A redemption's status as the key of its words in the merchant's language; null for one this page does not know. */
export type RedemptionStatusKey = 'redemptionPending' | 'redemptionIssued' | 'redemptionFailed' | 'redemptionUsed' | 'redemptionExpired' | 'redemptionCancelled';

const REDEMPTION_STATUSES: Record<string, RedemptionStatusKey> = {
  PENDING: 'redemptionPending',
  ISSUED: 'redemptionIssued',
  FAILED: 'redemptionFailed',
  USED: 'redemptionUsed',
  EXPIRED: 'redemptionExpired',
  CANCELLED: 'redemptionCancelled',
};

function redemptionStatusOf(status: string | null): RedemptionStatusKey | null {
  return status ? (REDEMPTION_STATUSES[status.toUpperCase()] ?? null) : null;
}

const numberOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * The readable line of one activity. `tierName` and `segmentName` turn the ids and handles the
 * event carries into the names the merchant gave them (an unknown one reads as null).
 */
export function lineOf(activity: Activity, tierName: (id: string) => string | null, segmentName: (handle: string) => string | null): ActivityLine {
  const d = activity.details;
  switch (activity.kind) {
    case 'points.changed': {
      const delta = numberOf(d.delta);
      const points = Math.abs(delta);
      switch (d.kind) {
        case 'earn':
          return { key: 'earned', points };
        case 'redeem':
          return { key: 'redeemed', points };
        case 'adjust':
          return { key: delta >= 0 ? 'awarded' : 'deducted', points };
        case 'expire':
          return { key: 'expired', points };
        case 'reverse':
          // A reversal taking points away undoes an earn; one giving them back undoes a spend.
          return { key: delta < 0 ? 'reversedEarn' : 'reversedSpend', points };
        case 'release':
          return { key: 'released', points };
        default:
          return { key: delta >= 0 ? 'awarded' : 'deducted', points };
      }
    }
    case 'redemption.updated':
      return { key: 'redemption', status: redemptionStatusOf(textOf(d.status)) };
    case 'tier.changed': {
      const to = textOf(d.toTierId);
      return { key: d.direction === 'down' ? 'tierDown' : 'tierUp', tier: to ? tierName(to) : null };
    }
    case 'segment.changed': {
      const to = textOf(d.to);
      return { key: 'segment', segment: to ? (segmentName(to) ?? to) : null };
    }
    case 'webhook.received':
      return { key: 'webhook', topic: textOf(d.topic) ?? '' };
    default:
      return { key: 'other', kind: activity.kind };
  }
}

/** The feed with a new activity on top, at most `FEED_LENGTH` lines. */
export function withNewest<T>(feed: T[], activity: T): T[] {
  return [activity, ...feed].slice(0, FEED_LENGTH);
}

/** How a customer is named in the feed: their name, else their email, else null (a line without one). */
export function customerLabel(customer: { firstName: string | null; lastName: string | null; email: string | null } | null | undefined): string | null {
  if (!customer) return null;
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  return name || customer.email || null;
}
