/**
 * The SQL that starts a run: it writes every customer's facts and fixes the run's plan
 * (`segment_run.plan`) once, so that every batch scores alike whatever changes meanwhile and
 * whichever replica works it.
 *
 * Quintile scoring: over the customers with at least one counted order in the window (not
 * cancelled, placed in the `window_days` before the run's `as_of`), each dimension's value is
 * ranked; a customer's score is `1 + floor(5 × below / (n − 1))`, capped at 5, where `below` is
 * the number of those customers with a strictly lower value and `n` their number. So equal values
 * always score alike (ties take the lower score, deterministically), the lowest value scores 1 and
 * the highest 5, and a large population falls in fifths. A dimension on which everyone is equal
 * (a single customer included) scores 3: with no spread, neither end of the scale means anything.
 * Three customers with distinct values score 1, 3 and 5.
 *
 * The scores are kept as cut points, per dimension the highest value that scores at most 1, 2, 3
 * and 4 (null when no value does), computed here over the whole population; a batch scores each
 * value as 1 plus the number of cut points it exceeds. The value of recency is the last order's
 * time (later is better), of frequency the orders in the window, of monetary the net spend in the
 * window (each order's total less its refunds, never below zero).
 */

/** `segment_settings` as the run reads it, with the defaults of a merchant who never saved any. */
export const SETTINGS_SQL = /* SQL */ `
  select coalesce(s.window_days, 365)::int as window_days, coalesce(s.scoring, 'quintile') as scoring, s.thresholds,
         coalesce((select z.name from pg_timezone_names z where z.name = s.timezone), 'UTC') as timezone,
         coalesce(s.version, 0)::int as version
    from (select 1) as one left join segment_settings s on s.merchant_id = $merchant`;

/**
 * Every customer's facts as of the run, from one pass over the merchant's order facts, written to
 * `segment_run_fact` for the batches to read: the last order (not cancelled nor refunded in
 * full, placed by `as_of`), the orders and net spend in the window (cancelled and fully refunded
 * orders count nothing, partial refunds are subtracted).
 */
const FACTS_SQL = /* SQL */ `
  grouped as materialized (
    select o.customer_id, max(o.placed_at) as last_order_at,
           count(*) filter (where o.placed_at > $as_of::timestamptz - make_interval(days => $window_days::int))::int as orders,
           coalesce(sum(greatest(o.total_minor - o.refunded_minor, 0)) filter (where o.placed_at > $as_of::timestamptz - make_interval(days => $window_days::int)), 0)::bigint as spend
      from segment_order o
     -- An order refunded in full counts for nothing, as a cancelled one: not an order, not the last
     -- (a free order, never refunded, still counts). A customer redacted since counts for nothing either.
     where o.merchant_id = $merchant and o.cancelled_at is null and o.total_minor is not null
       and not (o.refunded_minor > 0 and o.refunded_minor >= o.total_minor) and o.placed_at <= $as_of::timestamptz
       and not exists (select 1 from segment_redacted_customer t where t.merchant_id = $merchant and t.customer_id = o.customer_id)
     group by o.customer_id),
  facts as (
    -- In key order: the key's index then grows at its end instead of taking a million random inserts.
    insert into segment_run_fact (merchant_id, run_id, customer_id, last_order_at, orders, spend)
    select $merchant, $run, g.customer_id, g.last_order_at, g.orders, g.spend from grouped g order by g.customer_id
    returning customer_id, last_order_at, orders, spend)`;

/**
 * The cut points over the customers with an order in the window, read off each dimension's values
 * in order: `below` of the value at 1-based position i is less than i, and of the next greater value
 * at least i, so the highest value scoring at most k (`5 × below < k × (n − 1)`) is the one at
 * position ⌈k × (n − 1) / 5⌉ (integer arithmetic). One sort of plain values per dimension, rather
 * than three window passes each sorting the whole population again.
 */
const CUTS_SQL = /* SQL */ `
  population as (
    select last_order_at as r, orders as f, spend as m from facts where orders > 0),
  sorted as (
    select count(*)::int as n, array_agg(r order by r) as r, array_agg(f order by f) as f, array_agg(m order by m) as m from population),
  cuts as (
    select jsonb_build_object(${['r', 'f', 'm'].map((d) => `'${d}', jsonb_build_array(${[1, 2, 3, 4].map((k) => cut(d as 'r' | 'f' | 'm', k)).join(', ')})`).join(', ')}) as cuts,
           s.n as population
      from sorted s)`;

/**
 * The highest value of a dimension that scores at most `k`: on a dimension where everyone is equal
 * every value scores 3, so the only value for 3 and 4 and none for 1 and 2.
 */
function cut(dimension: 'r' | 'f' | 'm', k: number): string {
  const flat = `s.${dimension}[1] = s.${dimension}[s.n]`;
  return `case when ${flat} then ${k >= 3 ? `s.${dimension}[s.n]` : 'null'} else s.${dimension}[(${k} * (s.n - 1) + 4) / 5] end`;
}

const NO_CUTS_SQL = /* SQL */ `
  cuts as (select null::jsonb as cuts, null::int as population)`;

/**
 * Starts the queued run `$run`: its facts, status running, `as_of`, the plan, and `total` (every
 * customer the run will cover: those the domain knows and those with a counted order). The RFM
 * grid (`cells`) maps each of the 125 score triples to the first RFM segment by position whose
 * ranges hold it; custom segments keep their rules, `scored` saying whether any score rule narrows
 * them (then only scored customers can match).
 */
export function startRunSql(quintiles: boolean): string {
  return /* SQL */ `
  with ${FACTS_SQL},
  ${quintiles ? CUTS_SQL : NO_CUTS_SQL},
  defs as (select * from segment_definition where merchant_id = $merchant),
  grid as (
    -- Cell (r − 1) × 25 + (f − 1) × 5 + (m − 1) is the segment of the scores r, f, m.
    select jsonb_agg((select d.handle from defs d
                       where d.kind = 'rfm' and r.v between d.recency_min and d.recency_max and f.v between d.frequency_min and d.frequency_max
                         and m.v between d.monetary_min and d.monetary_max
                       order by d.position limit 1) order by r.v, f.v, m.v) as cells
      from generate_series(1, 5) as r(v) cross join generate_series(1, 5) as f(v) cross join generate_series(1, 5) as m(v)),
  custom as (
    select coalesce(jsonb_agg(jsonb_build_object(
             'handle', d.handle, 'rmin', d.recency_min, 'rmax', d.recency_max, 'fmin', d.frequency_min, 'fmax', d.frequency_max,
             'mmin', d.monetary_min, 'mmax', d.monetary_max, 'tiers', to_jsonb(d.tier_ids), 'pmin', d.points_min, 'pmax', d.points_max,
             'scored', (d.recency_min, d.recency_max, d.frequency_min, d.frequency_max, d.monetary_min, d.monetary_max) <> (1, 5, 1, 5, 1, 5))
             order by d.position), '[]'::jsonb) as custom
      from defs d where d.kind = 'custom'),
  -- The customers with facts, plus the known ones without: an anti join, which a merchant's first
  -- run (no known customer yet) ends before hashing the facts at all, where a union hashed a
  -- million ids from each side.
  counted as (select count(*)::int as facts from grouped),
  covered as (
    select n.facts + (select count(*)::int from segment_customer k
                       where k.merchant_id = $merchant and not exists (select 1 from grouped g where g.customer_id = k.customer_id)) as total,
           n.facts
      from counted n)
  update segment_run r
     set status = 'running', as_of = $as_of::timestamptz, started_at = coalesce(r.started_at, now()), settings_version = $version,
         total = covered.total, processed = 0, changed = 0, cursor = null, error = null,
         plan = jsonb_build_object('windowDays', $window_days::int, 'scoring', $scoring::text, 'thresholds', $thresholds::jsonb, 'timezone', $timezone::text,
                                   'population', cuts.population, 'facts', covered.facts, 'cuts', cuts.cuts, 'cells', grid.cells, 'custom', custom.custom)
    from cuts, grid, custom, covered
   where r.id = $run
  returning r.total`;
}
