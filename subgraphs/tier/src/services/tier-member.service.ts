import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import type { EventOrigin } from '@loyalnest/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { rollingWindowStart, windowOf } from '../domain/tier-period.js';
import { datePendingSlides } from '../ledger/tier-slide.query.js';
import { place, type EvaluationCause, type MemberState, type MetricValues, type Placement, type PlacementProgram } from '../domain/tier-placement.js';
import { TIER_CHANGED, TIER_EXPIRING_SOON, TIER_MULTIPLIER_CHANGED, type TierEntryBonus } from '../topics.js';
import type { TierProgramService } from './tier-program.service.js';

export type { EvaluationCause } from '../domain/tier-placement.js';

/** A program as placement reads it, with the version members are stamped with. */
export interface LoadedProgram extends PlacementProgram {
  version: number;
}

interface MemberRow {
  customer_id: string;
  tier_id: string | null;
  tier_threshold: string | null;
  since: Date | null;
  qualified_tier_id: string | null;
  metric_value: string;
  next_check_at: Date | null;
  multiplier: string;
  held_until: Date | null;
  below_since: Date | null;
  step_not_before: Date | null;
  manual_tier_id: string | null;
  manual_until: Date | null;
  warned_for: Date | null;
  version: number;
}

/**
 * Every statement over a set of members also bounds them by the set's first and last id: the
 * planner cannot see into the id list, and the bounds turn a scan of the merchant's members or
 * ledger into a range of its index (a recompute's batch is a contiguous range; an event's, one id).
 */
const IN_RANGE = 'customer_id between ?::uuid and ?::uuid';

/** The first and last of ids sorted as the store sorts UUIDs (lowercase hex compares alike). */
function bounds(sortedIds: string[]): [string, string] {
  return [sortedIds[0], sortedIds[sortedIds.length - 1]];
}

const NO_VALUES: MetricValues = { current: 0, previous: 0, oldestInWindow: null };

/**
 * Places members in their tier and records what follows: the member rows, the history, the entry
 * bonuses and the events, for any number of customers at once in the caller's transaction. Every
 * step is one statement for the whole set (lock, aggregate, update, inserts), and placement itself
 * is the pure `place`, so the event path, the daily job and a recompute share one code path.
 */
export class TierMemberService {
  /** One program read per request context: a consumer's event, a job's batch, a recompute's batch. */
  private readonly programs = new WeakMap<RequestContext, Promise<LoadedProgram>>();

  constructor(private readonly tierPrograms: TierProgramService) {}

  program(ctx: RequestContext): Promise<LoadedProgram> {
    let found = this.programs.get(ctx);
    if (!found) {
      found = this.load(ctx.em, ctx.merchantId!);
      this.programs.set(ctx, found);
    }
    return found;
  }

  /** The program read once for a merchant's events of a consumer batch (`prepareMerchantEvents`), handed to each through `adopt`. */
  async load(em: EntityManager, merchantId: string): Promise<LoadedProgram> {
    const view = await this.tierPrograms.programIn(em, merchantId);
    return {
      version: view.version,
      settings: view,
      tiers: view.tiers.map((t) => ({ id: t.id, threshold: t.threshold, multiplier: Number(t.earnMultiplier), entryBonusPoints: t.entryBonusPoints ?? null })),
    };
  }

  /** Lets a context use a program read already. */
  adopt(ctx: RequestContext, program: LoadedProgram): void {
    this.programs.set(ctx, Promise.resolve(program));
  }

  /**
   * Takes the members' row locks, creating the rows of customers not yet members: the existing
   * rows first, in customer id order, then the new rows, inserted in customer id order. Every
   * writer (events, the daily job, assignments, a recompute) locks this way, so two transactions
   * locking overlapping sets wait rather than deadlock. Must come before any write to their ledger
   * rows. When every member exists (a recompute's batch, an event's second call) it is one statement.
   */
  async lock(ctx: Pick<RequestContext, 'em' | 'merchantId'>, customerIds: string[]): Promise<MemberRow[]> {
    const sorted = [...new Set(customerIds.map((c) => c.toLowerCase()))].sort();
    const found = await this.lockExisting(ctx, sorted);
    if (found.length === sorted.length) return found;
    const have = new Set(found.map((r) => r.customer_id));
    const missing = sorted.filter((id) => !have.has(id));
    await ctx.em.execute(
      `insert into tier_member (merchant_id, customer_id, created_at, updated_at)
       select ?, c, now(), now() from unnest(?::uuid[]) as c order by 2 on conflict do nothing`,
      [ctx.merchantId!, uuidArray(missing)],
    );
    const created = await this.lockExisting(ctx, missing);
    return [...found, ...created].sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
  }

  /** Locks those of the members (ids lowercase and sorted) who exist, creating none, in id order. */
  lockExisting(ctx: Pick<RequestContext, 'em' | 'merchantId'>, sortedIds: string[]): Promise<MemberRow[]> {
    return ctx.em.execute<MemberRow[]>(
      `select customer_id, tier_id, tier_threshold, since, qualified_tier_id, metric_value, next_check_at, multiplier, held_until, below_since, step_not_before,
              manual_tier_id, manual_until, warned_for, version
         from tier_member where merchant_id = ? and ${IN_RANGE} and customer_id = any(?::uuid[])
        order by customer_id for update`,
      [ctx.merchantId!, ...bounds(sortedIds), uuidArray(sortedIds)],
    );
  }

  evaluate(ctx: RequestContext, customerId: string, cause: EvaluationCause, now: Date = new Date()): Promise<{ evaluated: number; changed: number }> {
    return this.evaluateMany(ctx, [customerId], cause, now);
  }

  /** Re-places the customers at `now` in the caller's transaction (a consumer's, a job's), or one of its own. */
  async evaluateMany(
    ctx: RequestContext,
    customerIds: string[],
    cause: EvaluationCause,
    now: Date = new Date(),
    origins?: Map<string, EventOrigin | undefined>,
  ): Promise<{ evaluated: number; changed: number }> {
    if (customerIds.length === 0) return { evaluated: 0, changed: 0 };
    return inRequestTransaction(ctx, async () => {
      const program = await this.program(ctx);
      const rows = await this.lock(ctx, customerIds);
      const ids = rows.map((r) => r.customer_id);
      const values = await this.metricValues(ctx, program, ids, now);
      await datePendingSlides(ctx.em, ctx.merchantId!, program, rows, values, now);
      const paid = program.settings.period === 'rolling_months' ? await this.bonusesSince(ctx, ids, rollingWindowStart(now, program.settings.rollingMonths)) : new Map<string, Set<string>>();
      const placed = rows.map((row) => ({
        customerId: row.customer_id,
        row,
        placement: place({ program, member: memberOf(row), values: values.get(row.customer_id) ?? NO_VALUES, now, cause, bonusesInWindow: paid.get(row.customer_id) }),
      }));
      // A member whose state stays as stored is not written: every event, bonus and warning comes
      // with a change of state, and a recompute mostly re-places members where they are.
      const moved = placed.filter((p) => !sameState(p.row, p.placement.state));
      if (moved.length > 0) await this.write(ctx, program, moved, now, origins);
      return { evaluated: placed.length, changed: moved.filter((p) => p.placement.change).length };
    });
  }

  /** Each member's metric over the program's window at `now`, in one aggregate over the ledger. */
  private async metricValues(ctx: RequestContext, program: LoadedProgram, customerIds: string[], now: Date): Promise<Map<string, MetricValues>> {
    const { settings } = program;
    const window = windowOf(settings, now);
    const base = [ctx.merchantId!, ...bounds(customerIds), uuidArray(customerIds), settings.metric];
    const scope = `merchant_id = ? and ${IN_RANGE} and customer_id = any(?::uuid[]) and metric = ? and qualifies_at is not null`;
    let rows: { customer_id: string; current: string | null; previous: string | null; oldest: Date | null; drop_from?: Date | null; after_drop?: string | null }[];
    switch (settings.period) {
      case 'lifetime':
        rows = await ctx.em.execute(`select customer_id, sum(amount) as current, 0 as previous, null::timestamptz as oldest from tier_qualification where ${scope} group by customer_id`, base);
        break;
      case 'calendar_year':
        rows = await ctx.em.execute(
          `select customer_id, sum(amount) filter (where qualifies_at >= ?) as current, sum(amount) filter (where qualifies_at < ?) as previous, null::timestamptz as oldest
             from tier_qualification where ${scope} and qualifies_at >= ? and qualifies_at < ? group by customer_id`,
          [window.currentFrom, window.currentFrom, ...base, window.previousFrom, window.currentTo],
        );
        break;
      case 'rolling_months':
        // `after`: the metric once the entries up to this one's date have left the window; `reached`:
        // the threshold of the tier the whole window reaches. The first entry whose leaving takes the
        // metric below it dates the downgrade ahead of time (for its `tier.expiring_soon`).
        rows = await ctx.em.execute(
          `select customer_id, sum(amount) as current, 0 as previous, min(qualifies_at) filter (where amount > 0) as oldest,
                  min(qualifies_at) filter (where after < reached) as drop_from, (array_agg(after order by qualifies_at) filter (where after < reached))[1] as after_drop
             from (select customer_id, amount, qualifies_at, total - sum(amount) over (partition by customer_id order by qualifies_at) as after,
                          (select max(t) from unnest(?::bigint[]) as t where t <= total) as reached
                     from (select customer_id, amount, qualifies_at, sum(amount) over (partition by customer_id) as total
                             from tier_qualification where ${scope} and qualifies_at > ? and qualifies_at <= ?) as entries) as slid
            group by customer_id`,
          [`{${program.tiers.map((t) => t.threshold * (settings.metric === 'amount_spent' ? 1000 : 1)).join(',')}}`, ...base, window.currentFrom, window.currentTo],
        );
        break;
    }
    return new Map(
      rows.map((r) => [
        r.customer_id,
        {
          current: Number(r.current ?? 0),
          previous: Number(r.previous ?? 0),
          oldestInWindow: r.oldest ? new Date(r.oldest) : null,
          dropFrom: r.drop_from ? new Date(r.drop_from) : null,
          valueAfterDrop: Number(r.after_drop ?? 0),
        },
      ]),
    );
  }

  /** Tiers whose entry bonus each member was paid after `since`: a rolling window pays a tier's bonus once per window. */
  private async bonusesSince(ctx: RequestContext, customerIds: string[], since: Date): Promise<Map<string, Set<string>>> {
    const rows = await ctx.em.execute<{ customer_id: string; tier_id: string }[]>(
      `select customer_id, tier_id from tier_bonus where merchant_id = ? and ${IN_RANGE} and customer_id = any(?::uuid[]) and paid_at > ?`,
      [ctx.merchantId!, ...bounds(customerIds), uuidArray(customerIds), since],
    );
    const paid = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!paid.has(row.customer_id)) paid.set(row.customer_id, new Set());
      paid.get(row.customer_id)!.add(row.tier_id);
    }
    return paid;
  }

  /** The members' new state, the history and the bonuses, one statement each, then the events (written with the caller's flush). */
  private async write(ctx: RequestContext, program: LoadedProgram, placed: { customerId: string; placement: Placement }[], now: Date, origins?: Map<string, EventOrigin | undefined>): Promise<void> {
    const merchantId = ctx.merchantId!;
    await ctx.em.execute(
      `update tier_member m set tier_id = x.tier_id, tier_threshold = x.tier_threshold, since = x.since, qualified_tier_id = x.qualified_tier_id, metric_value = x.metric_value,
              held_until = x.held_until, below_since = x.below_since, step_not_before = x.step_not_before, manual_tier_id = x.manual_tier_id,
              manual_until = x.manual_until, manual_by = case when x.manual_tier_id is null then null else m.manual_by end, warned_for = x.warned_for,
              next_check_at = x.next_check_at, multiplier = x.multiplier, version = x.version, evaluated_at = ?, program_version = ?, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as x(customer_id uuid, tier_id uuid, tier_threshold bigint, since timestamptz, qualified_tier_id uuid, metric_value bigint,
              held_until timestamptz, below_since timestamptz, step_not_before timestamptz, manual_tier_id uuid, manual_until timestamptz,
              warned_for timestamptz, next_check_at timestamptz, multiplier numeric, version int)
        where m.merchant_id = ? and m.${IN_RANGE} and m.customer_id = x.customer_id`,
      [now, program.version, JSON.stringify(placed.map(({ customerId, placement: { state } }) => ({ customer_id: customerId, ...snake(state) }))), merchantId, ...bounds(placed.map((p) => p.customerId))],
    );

    const changes = placed.filter((p) => p.placement.change);
    if (changes.length > 0) {
      await ctx.em.execute(
        `insert into tier_change (id, merchant_id, customer_id, from_tier_id, to_tier_id, direction, reason, version, changed_at)
         select x.id, ?, x.customer_id, x.from_tier_id, x.to_tier_id, x.direction, x.reason, x.version, ?
           from jsonb_to_recordset(?::jsonb) as x(id uuid, customer_id uuid, from_tier_id uuid, to_tier_id uuid, direction text, reason text, version int)`,
        [
          merchantId,
          now,
          JSON.stringify(
            changes.map(({ customerId, placement: { change, state } }) => ({
              id: uuidv7(),
              customer_id: customerId,
              from_tier_id: change!.from,
              to_tier_id: change!.to,
              direction: change!.direction,
              reason: change!.reason,
              version: state.version,
            })),
          ),
        ],
      );
    }

    const due = placed.flatMap(({ customerId, placement }) => placement.bonuses.map((b) => ({ customer_id: customerId, tier_id: b.tierId, period_key: b.periodKey, points: b.points })));
    const bonuses = new Map<string, TierEntryBonus[]>();
    if (due.length > 0) {
      // Only what this statement inserted is paid: a tier's bonus of one period never twice, whatever re-places the member.
      const inserted = await ctx.em.execute<{ customer_id: string; tier_id: string; period_key: string; points: number }[]>(
        `insert into tier_bonus (merchant_id, customer_id, tier_id, period_key, points, paid_at)
         select ?, x.customer_id, x.tier_id, x.period_key, x.points, ? from jsonb_to_recordset(?::jsonb) as x(customer_id uuid, tier_id uuid, period_key text, points int)
         on conflict do nothing returning customer_id, tier_id, period_key, points`,
        [merchantId, now, JSON.stringify(due)],
      );
      for (const row of inserted) {
        if (!bonuses.has(row.customer_id)) bonuses.set(row.customer_id, []);
        bonuses.get(row.customer_id)!.push({ tierId: row.tier_id, points: row.points, idempotencyKey: `tier:${row.customer_id}:${row.tier_id}:${row.period_key}` });
      }
    }

    for (const { customerId, placement } of placed) {
      const { change, state, expiring } = placement;
      const multiplier = state.multiplier;
      const origin = origins?.get(customerId);
      if (change) {
        ctx.emit(TIER_CHANGED, { customerId, ...change, multiplier, version: state.version, entryBonuses: bonuses.get(customerId) ?? [] }, origin);
      } else if (placement.multiplierChanged) {
        ctx.emit(TIER_MULTIPLIER_CHANGED, { customerId, tierId: state.tierId, multiplier, version: state.version }, origin);
      }
      if (expiring) ctx.emit(TIER_EXPIRING_SOON, { customerId, tierId: expiring.tierId, toTierId: expiring.toTierId, effectiveAt: expiring.effectiveAt.toISOString() }, origin);
    }
  }
}

/** A Postgres array literal of UUIDs, for `= any(?::uuid[])`: the index is probed for each in order, no list to parse and hash. */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

function sameState(row: MemberRow, state: Placement['state']): boolean {
  const time = (value: Date | null) => (value ? new Date(value).getTime() : null);
  return (
    row.tier_id === state.tierId &&
    (row.tier_threshold === null ? null : Number(row.tier_threshold)) === state.tierThreshold &&
    row.qualified_tier_id === state.qualifiedTierId &&
    Number(row.metric_value) === state.metricValue &&
    Number(row.multiplier) === state.multiplier &&
    row.manual_tier_id === state.manualTierId &&
    row.version === state.version &&
    time(row.since) === time(state.since) &&
    time(row.next_check_at) === time(state.nextCheckAt) &&
    time(row.held_until) === time(state.heldUntil) &&
    time(row.below_since) === time(state.belowSince) &&
    time(row.step_not_before) === time(state.stepNotBefore) &&
    time(row.manual_until) === time(state.manualUntil) &&
    time(row.warned_for) === time(state.warnedFor)
  );
}

function memberOf(row: MemberRow): MemberState {
  const at = (value: Date | null) => (value ? new Date(value) : null);
  return {
    tierId: row.tier_id,
    tierThreshold: row.tier_threshold === null ? null : Number(row.tier_threshold),
    since: at(row.since),
    multiplier: Number(row.multiplier),
    heldUntil: at(row.held_until),
    belowSince: at(row.below_since),
    stepNotBefore: at(row.step_not_before),
    manualTierId: row.manual_tier_id,
    manualUntil: at(row.manual_until),
    warnedFor: at(row.warned_for),
    version: row.version,
  };
}

function snake(state: Placement['state']): Record<string, unknown> {
  return {
    tier_id: state.tierId,
    tier_threshold: state.tierThreshold,
    since: state.since,
    qualified_tier_id: state.qualifiedTierId,
    metric_value: state.metricValue,
    held_until: state.heldUntil,
    below_since: state.belowSince,
    step_not_before: state.stepNotBefore,
    manual_tier_id: state.manualTierId,
    manual_until: state.manualUntil,
    warned_for: state.warnedFor,
    next_check_at: state.nextCheckAt,
    multiplier: state.multiplier,
    version: state.version,
  };
}
