import type { TierChangeReason } from '../topics.js';
import { addDays, rollingWindowExit, windowOf, type QualificationWindow } from './tier-period.js';
import type { TierProgramSettings, ZonedTierSettings } from './tier-program.js';

/** Why a member is being placed: an event about them, the daily job, a hand assignment, or a program change. */
export type EvaluationCause = 'event' | 'daily' | 'assignment' | 'program_changed';

/** How long before a pending downgrade takes effect `tier.expiring_soon` goes out (a constant, the same for every program). */
export const EXPIRING_SOON_DAYS = 7;

/** One tier as placement needs it; a program's tiers come lowest threshold first. */
export interface PlacementTier {
  id: string;
  /** Whole points, orders or currency units. */
  threshold: number;
  multiplier: number;
  entryBonusPoints: number | null;
}

export interface PlacementProgram {
  settings: ZonedTierSettings;
  tiers: PlacementTier[];
}

/** What the store holds of a member before this placement. */
export interface MemberState {
  tierId: string | null;
  /** The held tier's threshold when last placed (null: unknown), for a tier the program no longer has. */
  tierThreshold: number | null;
  since: Date | null;
  /** The multiplier last announced to the points domain (1 when none). */
  multiplier: number;
  heldUntil: Date | null;
  belowSince: Date | null;
  /** Under `one_tier_at_a_time`, the earliest moment of the next step down. */
  stepNotBefore: Date | null;
  manualTierId: string | null;
  manualUntil: Date | null;
  warnedFor: Date | null;
  version: number;
}

/**
 * The metric over the window: `current` over the current period or window (all time for
 * lifetime), `previous` over the previous calendar period (0 otherwise), `oldestInWindow` the date
 * of the oldest positive entry of a rolling window (null otherwise). Amount spent in thousandths.
 */
export interface MetricValues {
  current: number;
  previous: number;
  oldestInWindow: Date | null;
  /**
   * Rolling windows: the date of the entry whose leaving the window first takes the metric below
   * the threshold of the tier it reaches now (null: no entry does, or another period), and the
   * metric once it has left. With no new entry, that is when the tier is lost, grace aside.
   */
  dropFrom?: Date | null;
  valueAfterDrop?: number;
  /**
   * Rolling windows, a member below the tier they hold: the moment the ledger took the metric
   * below it (the latest within the window; null or absent: not found, the grace counts from now).
   */
  slidBelowAt?: Date | null;
}

export interface PlacementInput {
  program: PlacementProgram;
  member: MemberState;
  values: MetricValues;
  now: Date;
  cause: EvaluationCause;
  /** Rolling windows: ids of the tiers whose entry bonus this member was paid within the last N months. */
  bonusesInWindow?: ReadonlySet<string>;
}

export interface TierChange {
  from: string | null;
  to: string | null;
  direction: 'up' | 'down';
  reason: TierChangeReason;
}

export interface EntryBonusDue {
  tierId: string;
  points: number;
  periodKey: string;
}

export interface PendingDowngrade {
  tierId: string;
  toTierId: string | null;
  effectiveAt: Date;
}

/** The member's new state and what happened: the change, the multiplier announcement, the bonuses due, the warning due. */
export interface Placement {
  state: MemberState & { qualifiedTierId: string | null; metricValue: number; nextCheckAt: Date | null };
  change: TierChange | null;
  /** The tier stayed but its multiplier is not the one last announced (the program changed). */
  multiplierChanged: boolean;
  bonuses: EntryBonusDue[];
  /** A downgrade within `EXPIRING_SOON_DAYS` that was not warned of yet. */
  expiring: PendingDowngrade | null;
}

/**
 * Decides a member's tier at `now` from the program, their stored state and their metric, without
 * any I/O (the evaluation service feeds it, the recompute calls it per member). Indexes below are
 * positions in `program.tiers`, -1 meaning no tier.
 */
export function place(input: PlacementInput): Placement {
  const { program, member, values, now, cause } = input;
  const { settings, tiers } = program;
  const window = windowAt(settings, now);
  const scale = settings.metric === 'amount_spent' ? 1000 : 1;
  const rank = (id: string | null) => (id === null ? -1 : tiers.findIndex((t) => t.id === id));
  const qualifiedBy = (value: number) => {
    let found = -1;
    for (let i = 0; i < tiers.length && tiers[i].threshold * scale <= value; i++) found = i;
    return found;
  };
  const qCurrent = qualifiedBy(values.current);
  const earned = Math.max(qCurrent, settings.period === 'calendar_year' ? qualifiedBy(values.previous) : -1);
  // A tier the program no longer has counts as none for placement; the move out of it is ranked by its last threshold.
  const current = rank(member.tierId);
  const heldRemoved = member.tierId !== null && current < 0;
  const manualRank = rank(member.manualTierId);
  const manualActive = manualRank >= 0 && (member.manualUntil === null || member.manualUntil > now);
  const manualEnded = member.manualTierId !== null && !manualActive;
  const oneStep = settings.downgradePolicy === 'one_tier_at_a_time';
  const checks: (Date | null)[] = [];

  let target = current;
  let reason: TierChangeReason = 'qualified';
  let belowSince: Date | null = null;
  let stepNotBefore: Date | null = null;
  let pending: { effectiveAt: Date; to: number } | null = null;

  if (manualActive) {
    target = manualRank;
    reason = 'assigned';
    if (member.manualUntil) {
      checks.push(member.manualUntil);
      if (earned < target) pending = { effectiveAt: member.manualUntil, to: earned };
    }
  } else if (manualEnded || earned >= current) {
    // Hand assignments were not earned: when one ends the metric places the member directly.
    target = earned;
    reason = manualEnded ? 'assignment_ended' : heldRemoved ? 'program_changed' : 'qualified';
  } else {
    // Below the tier held: down now, or once the grace or the next step point comes.
    const rolling = settings.period === 'rolling_months';
    belowSince = rolling ? (member.belowSince ?? slidBelowAt(values, now)) : null;
    const graceEnd = rolling ? addDays(belowSince!, settings.graceDays) : now;
    const gate = oneStep && member.stepNotBefore && member.stepNotBefore > now ? member.stepNotBefore : null;
    const effectiveAt = gate && gate > graceEnd ? gate : graceEnd;
    const stepTo = oneStep ? Math.max(current - 1, earned) : earned;
    if (effectiveAt <= now) {
      target = stepTo;
      reason = downgradeReason(settings, member, cause, belowSince !== null && belowSince < now);
      belowSince = null;
      if (target > earned) {
        // One step taken, more to come: the next no sooner than the next downgrade point.
        if (rolling) belowSince = now;
        stepNotBefore = settings.period === 'calendar_year' ? window.periodEnd : addDays(now, rolling && settings.graceDays > 0 ? settings.graceDays : 1);
        pending = { effectiveAt: stepNotBefore!, to: Math.max(target - 1, earned) };
      }
    } else {
      pending = { effectiveAt, to: stepTo };
      stepNotBefore = gate;
    }
  }

  if (!pending && !manualActive && settings.period === 'rolling_months' && target >= 0 && target === earned && values.dropFrom) {
    // Placed where the window puts them, and the window will slide past what holds the tier: the
    // downgrade's date is known now (that entry's exit, plus the grace), so it is announced ahead.
    const fallsTo = qualifiedBy(values.valueAfterDrop ?? 0);
    pending = { effectiveAt: addDays(rollingWindowExit(values.dropFrom, settings.rollingMonths), settings.graceDays), to: oneStep ? Math.max(target - 1, fallsTo) : fallsTo };
  }

  // A calendar tier held only through the previous period lasts to this period's end.
  const heldUntil = !manualActive && settings.period === 'calendar_year' && target >= 0 && qCurrent < target ? window.periodEnd : null;
  if (heldUntil && !pending) pending = { effectiveAt: heldUntil, to: oneStep ? Math.max(target - 1, qCurrent) : qCurrent };

  const to = target >= 0 ? tiers[target].id : null;
  const change: TierChange | null =
    to === member.tierId
      ? null
      : {
          from: member.tierId,
          to,
          direction: (heldRemoved ? target >= 0 && member.tierThreshold !== null && tiers[target].threshold > member.tierThreshold : target > current) ? 'up' : 'down',
          reason: cause === 'program_changed' && reason !== 'assigned' ? 'program_changed' : reason,
        };
  const multiplier = target >= 0 ? tiers[target].multiplier : 1;
  const multiplierChanged = !change && multiplier !== member.multiplier;

  const bonuses: EntryBonusDue[] = [];
  // Leaving a removed tier enters nothing the member had not reached: no entry bonus, whichever way it goes.
  if (target > current && !heldRemoved) {
    const entered = settings.skippedTierBonus === 'all' ? tiers.slice(current + 1, target + 1) : [tiers[target]];
    for (const tier of entered) {
      if (!tier.entryBonusPoints || tier.entryBonusPoints <= 0) continue;
      if (settings.period === 'rolling_months' && input.bonusesInWindow?.has(tier.id)) continue;
      bonuses.push({ tierId: tier.id, points: tier.entryBonusPoints, periodKey: window.periodKey });
    }
  }

  let expiring: PendingDowngrade | null = null;
  // A warning names one downgrade: once none is pending (a new entry called it off, or it took
  // effect) it is forgotten, so a later fall is announced for its own date.
  let warnedFor = pending && target >= 0 && pending.to < target ? member.warnedFor : null;
  if (pending && target >= 0 && pending.to < target) {
    const warnAt = addDays(pending.effectiveAt, -EXPIRING_SOON_DAYS);
    const warned = warnedFor !== null && warnedFor.getTime() === pending.effectiveAt.getTime();
    if (!warned && warnAt <= now) {
      expiring = { tierId: tiers[target].id, toTierId: pending.to >= 0 ? tiers[pending.to].id : null, effectiveAt: pending.effectiveAt };
      warnedFor = pending.effectiveAt;
    } else if (!warned) {
      checks.push(warnAt);
    }
    checks.push(pending.effectiveAt);
  }
  if (target >= 0) {
    checks.push(window.periodEnd, heldUntil, stepNotBefore);
    if (settings.period === 'rolling_months' && values.oldestInWindow) checks.push(rollingWindowExit(values.oldestInWindow, settings.rollingMonths));
  }

  return {
    state: {
      tierId: to,
      tierThreshold: target >= 0 ? tiers[target].threshold : null,
      since: change ? now : member.since,
      multiplier,
      heldUntil,
      belowSince,
      stepNotBefore,
      manualTierId: manualActive ? member.manualTierId : null,
      manualUntil: manualActive ? member.manualUntil : null,
      warnedFor,
      version: member.version + (change || multiplierChanged ? 1 : 0),
      qualifiedTierId: earned >= 0 ? tiers[earned].id : null,
      metricValue: values.current,
      nextCheckAt: earliestAfter(checks, now),
    },
    change,
    multiplierChanged,
    bonuses,
    expiring,
  };
}

/**
 * An event that lowers the metric is `metric_lowered`; otherwise the clock did it: a calendar
 * period ending, a rolling window sliding until its grace (if any) ran out.
 */
function downgradeReason(settings: TierProgramSettings, member: MemberState, cause: EvaluationCause, fellEarlier: boolean): TierChangeReason {
  switch (settings.period) {
    case 'lifetime':
      return 'metric_lowered';
    case 'calendar_year':
      return cause === 'event' ? 'metric_lowered' : 'period_ended';
    case 'rolling_months':
      // Below since before this evaluation (an earlier placement saw it, or the window slid
      // before it): the grace ran out, whatever brought this evaluation.
      return cause === 'event' && member.belowSince === null && !fellEarlier ? 'metric_lowered' : 'grace_expired';
  }
}

/**
 * When a rolling window's member fell below their tier: the moment the ledger says (an entry's
 * exit, a negative entry), whoever brings this evaluation, so the grace counts from the slide
 * itself and the downgrade keeps the date its warning named; now when the ledger does not tell.
 */
function slidBelowAt(values: MetricValues, now: Date): Date {
  return values.slidBelowAt && values.slidBelowAt <= now ? values.slidBelowAt : now;
}

let lastWindow: { settings: ZonedTierSettings; at: number; window: QualificationWindow } | null = null;

/** A batch places every member at one `now` under one program: its window is computed once, not per member. */
function windowAt(settings: ZonedTierSettings, now: Date): QualificationWindow {
  if (lastWindow?.settings !== settings || lastWindow.at !== now.getTime()) lastWindow = { settings, at: now.getTime(), window: windowOf(settings, now) };
  return lastWindow.window;
}

function earliestAfter(moments: (Date | null)[], now: Date): Date | null {
  let earliest: Date | null = null;
  for (const at of moments) if (at && at > now && (!earliest || at < earliest)) earliest = at;
  return earliest;
}
