import type { Tier } from '../entities/tier.entity.js';
import type { TierMetric, TierProgramSettings } from './tier-program.js';

/** A `tier_member` row as the read side needs it (the engine writes it; see the membership migration). */
export interface MemberRow {
  customerId: string;
  tierId: string | null;
  since: Date | null;
  /** The metric at the last evaluation, over the program's period or window; thousandths of a currency unit for amount spent. */
  metricValue: number;
  heldUntil: Date | null;
  belowSince: Date | null;
  manualTierId: string | null;
  manualUntil: Date | null;
}

/** What a customer holds and how far they are from the next tier and from keeping this one. */
export interface TierStanding {
  customerId: string;
  current: Tier | null;
  since: Date | null;
  expiresAt: Date | null;
  assigned: { tier: Tier; until: Date | null } | null;
  progress: {
    metric: TierMetric;
    value: number;
    nextTier: Tier | null;
    deltaToNext: number | null;
    deltaToRetain: number | null;
  };
}

const DAY_MS = 86_400_000;

/** Amount spent is kept in thousandths of the currency unit; thresholds and the API speak whole units. */
export function metricUnits(metric: TierMetric, stored: number): number {
  return metric === 'amount_spent' ? stored / 1000 : stored;
}

/** Differences of thousandths as units, without binary fractions leaking into the answer (0.1 + 0.2). */
function roundFor(metric: TierMetric, value: number): number {
  return metric === 'amount_spent' ? Math.round(value * 1000) / 1000 : value;
}

/**
 * A customer's standing under the program, at `now`, from their member row (null: never evaluated,
 * so the metric is 0 and they hold the first tier only when its threshold is 0).
 *
 * - `expiresAt`: the earliest date the current tier would be lost unless earned again: the end of
 *   the period after the one it was earned in (`held_until`), the end of a rolling window's grace
 *   (`below_since` + `graceDays`), or the end of a hand assignment (`manual_until`); null when none
 *   applies (a lifetime tier, a tier the window still holds, an open-ended assignment).
 * - `deltaToRetain`: what the metric still needs in the current period or window to keep the
 *   current tier beyond `expiresAt` (its threshold less the value, 0 when reached); null for a
 *   lifetime period, which never loses a tier to time, and for a customer without a tier.
 */
export function standingOf(settings: TierProgramSettings, tiers: Tier[], member: MemberRow | null, customerId: string, now: Date): TierStanding {
  const byId = new Map(tiers.map((t) => [t.id, t]));
  const { metric } = settings;
  const value = metricUnits(metric, member?.metricValue ?? 0);
  const first = tiers[0] ?? null;
  const current = member ? (member.tierId ? byId.get(member.tierId) ?? null : null) : first?.threshold === 0 ? first : null;
  const manualTier = member?.manualTierId ? byId.get(member.manualTierId) ?? null : null;
  const manualActive = manualTier !== null && (member!.manualUntil === null || member!.manualUntil > now);
  const assigned = manualActive ? { tier: manualTier, until: member!.manualUntil } : null;

  const candidates: Date[] = [];
  if (current && member) {
    if (settings.period === 'calendar_year' && member.heldUntil) candidates.push(member.heldUntil);
    if (settings.period === 'rolling_months' && member.belowSince) candidates.push(new Date(member.belowSince.getTime() + settings.graceDays * DAY_MS));
    if (assigned?.until) candidates.push(assigned.until);
  }
  const expiresAt = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;

  const nextTier = current ? tiers.find((t) => t.position > current.position) ?? null : first;
  const deltaToNext = nextTier ? roundFor(metric, Math.max(0, nextTier.threshold - value)) : null;
  const deltaToRetain = settings.period === 'lifetime' || !current ? null : roundFor(metric, Math.max(0, current.threshold - value));

  return {
    customerId,
    current,
    since: member?.since ?? null,
    expiresAt,
    assigned,
    progress: { metric, value, nextTier, deltaToNext, deltaToRetain },
  };
}
