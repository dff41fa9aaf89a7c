import type { EntityManager } from '@mikro-orm/postgresql';
import { rollingWindowStart } from '../domain/tier-period.js';
import type { MetricValues, PlacementProgram } from '../domain/tier-placement.js';

/** What the slide query needs of a locked member row (ids sorted as the store sorts them). */
export interface SlideMember {
  customer_id: string;
  tier_id: string | null;
  /** The held tier's threshold when last placed, as the store returns a bigint. */
  tier_threshold: string | null;
  below_since: Date | null;
}

const NO_VALUES: MetricValues = { current: 0, previous: 0, oldestInWindow: null };

/**
 * Rolling windows: for each member now below the tier they hold and not yet known to be, the
 * latest moment within the current window the ledger took their metric below that tier's
 * threshold (an entry leaving the window, or a negative entry), set as their `slidBelowAt`. Whoever sees the slide first (an
 * event, the job, a recompute) dates the grace from that same instant, so the downgrade and its
 * warning keep one date. A held tier whose threshold changed since the last placement fell by
 * the program's change, not the ledger: that grace counts from now. A member last placed with
 * the metric at the threshold did not slide before that placement, whatever a refund has since
 * rewritten in the ledger's past.
 */
export async function datePendingSlides(em: EntityManager, merchantId: string, program: PlacementProgram, rows: SlideMember[], values: Map<string, MetricValues>, now: Date): Promise<void> {
  const { settings, tiers } = program;
  if (settings.period !== 'rolling_months') return;
  const scale = settings.metric === 'amount_spent' ? 1000 : 1;
  const below = rows.flatMap((row) => {
    const tier = tiers.find((t) => t.id === row.tier_id);
    const threshold = tier ? tier.threshold * scale : null;
    const sameThreshold = row.tier_threshold === null || Number(row.tier_threshold) === tier?.threshold;
    const v = values.get(row.customer_id);
    return threshold !== null && sameThreshold && row.below_since === null && (v?.current ?? 0) < threshold ? [{ id: row.customer_id, threshold }] : [];
  });
  if (below.length === 0) return;
  const ids = below.map((b) => b.id);
  const windowStart = rollingWindowStart(now, settings.rollingMonths);
  // Every entry counts from its date to its exit (rollingWindowExit, in UTC): the metric at any
  // moment after the window's start is the running sum of those steps over the entries dated
  // after the start of the window before it.
  const exit = `(case when (q + ?::interval) - ?::interval >= q then q + ?::interval else date_trunc('month', q + ?::interval) + interval '1 month' end) at time zone 'UTC'`;
  const months = `${settings.rollingMonths} months`;
  const found = await em.execute<{ customer_id: string; slid_at: Date }[]>(
    `with entries as (select customer_id, amount, qualifies_at, qualifies_at at time zone 'UTC' as q from tier_qualification
                       where merchant_id = ? and customer_id between ?::uuid and ?::uuid and customer_id = any(?::uuid[]) and metric = ? and qualifies_at is not null and qualifies_at > ? and qualifies_at <= ?),
          steps as (select customer_id, qualifies_at as at, amount as delta from entries
                    union all select customer_id, ${exit} as at, -amount from entries),
          moments as (select customer_id, at, sum(delta) as delta from steps where at <= ? group by customer_id, at),
          running as (select customer_id, at, delta, sum(delta) over (partition by customer_id order by at) as after from moments)
     select r.customer_id, greatest(max(r.at), case when m.metric_value >= x.threshold then m.evaluated_at end) as slid_at
       from running r join unnest(?::uuid[], ?::bigint[]) as x(customer_id, threshold) on x.customer_id = r.customer_id
       join tier_member m on m.merchant_id = ? and m.customer_id = r.customer_id
      where r.at > ? and r.after - r.delta >= x.threshold and r.after < x.threshold group by r.customer_id, m.metric_value, m.evaluated_at, x.threshold`,
    [
      merchantId,
      ids[0],
      ids[ids.length - 1],
      `{${ids.join(',')}}`,
      settings.metric,
      rollingWindowStart(windowStart, settings.rollingMonths),
      now,
      months,
      months,
      months,
      months,
      now,
      `{${ids.join(',')}}`,
      `{${below.map((b) => b.threshold).join(',')}}`,
      merchantId,
      windowStart,
    ],
  );
  // A member whose window is now empty has no values of their own yet.
  for (const row of found) values.set(row.customer_id, { ...(values.get(row.customer_id) ?? NO_VALUES), slidBelowAt: new Date(row.slid_at) });
}
