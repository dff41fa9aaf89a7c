/**
 * The SQL of one batch of a run: the customers whose id is in `($lo, $hi]`, scored, placed and
 * written in one statement, against the plan the run fixed at its start (`segment-plan.sql.ts`).
 */

/**
 * The batch's upper bound: the `$size`-th customer id after `$lo` among those the domain knows and
 * those with facts in the run (each side's first `$size` hold every id of the union's first `$size`,
 * so two index scans with a limit suffice), and how many ids the batch covers.
 */
export const BATCH_BOUNDS_SQL = /* SQL */ `
  with next as (
    select customer_id from (
      (select customer_id from segment_customer where merchant_id = $merchant and customer_id > $lo::uuid order by customer_id limit $size)
      union
      (select customer_id from segment_run_fact where merchant_id = $merchant and run_id = $run and customer_id > $lo::uuid order by customer_id limit $size)) as u
    order by customer_id limit $size)
  select (select customer_id from next order by customer_id desc limit 1) as hi, (select count(*) from next)::int as size`;

/** The SQL type of each dimension's values and cut points: the last order's time, orders, net spend. */
const CUT_TYPES = { r: 'timestamptz', f: 'int', m: 'bigint' } as const;

/** The four cut points of a dimension as columns of `p`, of the dimension's own type (compared exactly, and fast). */
function cutColumns(dimension: 'r' | 'f' | 'm'): string {
  return [0, 1, 2, 3].map((i) => `(plan->'cuts'->'${dimension}'->>${i})::${CUT_TYPES[dimension]} as ${dimension}${i + 1}`).join(', ');
}

/** A quintile score: 1 plus the cut points the value exceeds (a null cut point: no value scores that low). */
function quintile(dimension: 'r' | 'f' | 'm', value: string): string {
  return `1 + ${[1, 2, 3, 4].map((k) => `(p.${dimension}${k} is null or ${value} > p.${dimension}${k})::int`).join(' + ')}`;
}

/** A fixed-threshold score, for "at or above" bounds of scores 2 to 5. */
function atLeast(key: string, value: string): string {
  return `1 + ${[0, 1, 2, 3].map((i) => `(${value} >= (p.thresholds->'${key}'->>${i})::numeric)::int`).join(' + ')}`;
}

const DAYS_SINCE = `floor(extract(epoch from p.as_of - f.last_at) / 86400)`;

/**
 * Recency with fixed thresholds: days since the last order at or below `recencyDays[0]` score 5,
 * `[1]` 4, `[2]` 3, `[3]` 2, more 1.
 */
const RECENCY_DAYS = `case ${[0, 1, 2, 3].map((i) => `when ${DAYS_SINCE} <= (p.thresholds->'recencyDays'->>${i})::numeric then ${5 - i}`).join(' ')} else 1 end`;

/**
 * Scores, places and writes the batch `($lo, $hi]` of run `$run`:
 *
 * - facts as the run computed them at its start (`segment_run_fact`);
 * - scores: quintiles against the run's cut points, or the fixed thresholds; a customer whose
 *   orders all fall before the window scores 1/1/1 under quintiles (outside the population the
 *   quintiles are taken over, and at its bottom on every dimension, so Lost with the defaults);
 *   a customer with no counted order at all is not scored;
 * - the RFM segment from the run's grid of the 125 score triples (`cells`, by index); a triple no
 *   RFM segment covers leaves the customer unscored, as the table requires a segment beside scores;
 * - `segment_customer` written only where scores, segment or values changed (`run_id` and
 *   `scored_at` are the run that last changed them), `segment_since` kept while the segment stays;
 * - history only where scores or segment changed, and a `segment.changed` outbox row (as the kit's
 *   emit writes it, the commit then waking the relay) only where the segment changed;
 * - custom segments' members: joined (their `since` kept while they stay) and left.
 *
 * Returns the ids covered and the segment changes.
 */
export const BATCH_SQL = /* SQL */ `
  with p as (
    select r.as_of, r.plan->>'scoring' as scoring, r.plan->'thresholds' as thresholds, r.plan->'cells' as cells,
           ${cutColumns('r')}, ${cutColumns('f')}, ${cutColumns('m')}
      from segment_run r where r.id = $run),
  facts as (
    select f.customer_id, f.last_order_at as last_at, f.orders, f.spend
      from segment_run_fact f
     where f.merchant_id = $merchant and f.run_id = $run and f.customer_id > $lo::uuid and f.customer_id <= $hi::uuid
       -- Redaction deletes a customer's run facts under the run's lock; this also keeps out a customer
       -- redacted since the run's start however the two interleave.
       and not exists (select 1 from segment_redacted_customer t where t.merchant_id = $merchant and t.customer_id = f.customer_id)),
  known as (
    select c.customer_id, c.recency, c.frequency, c.monetary, c.segment, c.segment_since, c.last_order_at, c.orders_in_window, c.spend_in_window_minor, c.tier_id, c.points_balance
      from segment_customer c
     where c.merchant_id = $merchant and c.customer_id > $lo::uuid and c.customer_id <= $hi::uuid),
  scored as (
    select coalesce(f.customer_id, c.customer_id) as customer_id, f.last_at, f.orders, f.spend, c.customer_id is not null as known,
           c.recency as previous_recency, c.frequency as previous_frequency, c.monetary as previous_monetary, c.segment as previous_segment,
           c.segment_since as previous_since, c.last_order_at as previous_last_at, c.orders_in_window as previous_orders,
           c.spend_in_window_minor as previous_spend, c.tier_id, c.points_balance,
           case when f.customer_id is null then null when p.scoring = 'threshold' then ${RECENCY_DAYS} when f.orders = 0 then 1 else ${quintile('r', 'f.last_at')} end as recency,
           case when f.customer_id is null then null when p.scoring = 'threshold' then ${atLeast('frequencyOrders', 'f.orders')} when f.orders = 0 then 1 else ${quintile('f', 'f.orders')} end as frequency,
           case when f.customer_id is null then null when p.scoring = 'threshold' then ${atLeast('monetaryMinor', 'f.spend')} when f.orders = 0 then 1 else ${quintile('m', 'f.spend')} end as monetary
      -- A full join: the planner cannot run it as a nested loop, whatever it believes of the run's fresh facts.
      from facts f full join known c on c.customer_id = f.customer_id
     cross join p),
  -- Materialized: \`diff\` reads each score and the cell several times, and inlined, each read
  -- would compute its scores and look its cell up in the plan's grid again, per customer.
  placed as materialized (
    select s.*, (select p.cells->>((s.recency - 1) * 25 + (s.frequency - 1) * 5 + (s.monetary - 1)) from p) as cell from scored s),
  diff as (
    select n.customer_id, n.known, n.tier_id, n.points_balance, n.previous_segment, n.previous_since, n.last_at, n.orders, n.spend,
           case when n.cell is not null then n.recency end as recency,
           case when n.cell is not null then n.frequency end as frequency,
           case when n.cell is not null then n.monetary end as monetary,
           n.cell as segment,
           (n.previous_recency, n.previous_frequency, n.previous_monetary, n.previous_segment)
             is distinct from (case when n.cell is not null then n.recency end, case when n.cell is not null then n.frequency end, case when n.cell is not null then n.monetary end, n.cell) as rescored,
           (n.previous_last_at, n.previous_orders, n.previous_spend) is distinct from (n.last_at, n.orders, n.spend) as revalued
      from placed n),
  written as (
    insert into segment_customer as c (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, last_order_at, orders_in_window, spend_in_window_minor, run_id, scored_at)
    select $merchant, d.customer_id, d.recency, d.frequency, d.monetary, d.segment,
           case when d.segment is null then null when d.segment = d.previous_segment then d.previous_since else p.as_of end,
           d.last_at, d.orders, d.spend, $run, p.as_of
      from diff d, p
     where not d.known or d.rescored or d.revalued
    on conflict (merchant_id, customer_id) do update
       set recency = excluded.recency, frequency = excluded.frequency, monetary = excluded.monetary, segment = excluded.segment,
           segment_since = excluded.segment_since, last_order_at = excluded.last_order_at, orders_in_window = excluded.orders_in_window,
           spend_in_window_minor = excluded.spend_in_window_minor, run_id = excluded.run_id, scored_at = excluded.scored_at
    returning 1),
  history as (
    insert into segment_history (merchant_id, customer_id, recorded_at, run_id, recency, frequency, monetary, segment, previous_segment)
    select $merchant, d.customer_id, p.as_of, $run, d.recency, d.frequency, d.monetary, d.segment, d.previous_segment
      from diff d, p where d.rescored
    returning 1),
  events as (
    insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at, published_at, actor_kind, actor_id, request_id)
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid,
           $merchant, $topic, $topic_version,
           jsonb_build_object('customerId', d.customer_id, 'from', d.previous_segment, 'to', d.segment, 'runId', $run::uuid,
                              'recency', d.recency, 'frequency', d.frequency, 'monetary', d.monetary),
           now(), null, 'system', 'loyalnest', $request
      from diff d where d.segment is distinct from d.previous_segment
    returning 1),
  -- Materialized, and \`matched\` skipped outright when the plan has no custom segment: the join has
  -- no equality, and a nested loop over the batch re-reading the definitions per customer costs
  -- more than the rest of the batch.
  custom as materialized (
    select c.* from segment_run r,
           jsonb_to_recordset(r.plan->'custom') as c(handle text, rmin int, rmax int, fmin int, fmax int, mmin int, mmax int, tiers uuid[], pmin int, pmax int, scored boolean)
     where r.id = $run),
  matched as (
    select c.handle, d.customer_id from diff d join custom c
        on (not c.scored or (d.recency between c.rmin and c.rmax and d.frequency between c.fmin and c.fmax and d.monetary between c.mmin and c.mmax))
       and (c.tiers is null or d.tier_id = any(c.tiers))
       and (c.pmin is null or d.points_balance >= c.pmin)
       and (c.pmax is null or d.points_balance <= c.pmax)
     where exists (select 1 from custom)),
  -- Set operations, not anti joins: hashed or sorted whatever the estimates.
  leaving as (
    select handle, customer_id from segment_member where merchant_id = $merchant and customer_id > $lo::uuid and customer_id <= $hi::uuid
    except
    select handle, customer_id from matched),
  entering as (
    select handle, customer_id from matched
    except
    select handle, customer_id from segment_member where merchant_id = $merchant and customer_id > $lo::uuid and customer_id <= $hi::uuid),
  left_members as (
    delete from segment_member s using leaving l
     where s.merchant_id = $merchant and s.handle = l.handle and s.customer_id = l.customer_id
    returning 1),
  joined_members as (
    insert into segment_member (merchant_id, handle, customer_id, since)
    select $merchant, x.handle, x.customer_id, p.as_of from entering x, p
    on conflict (merchant_id, handle, customer_id) do nothing
    returning 1)
  select (select count(*) from diff)::int as covered, (select count(*) from events)::int as changed,
         (select count(*) from written)::int as written, (select count(*) from history)::int as history,
         (select count(*) from left_members)::int as left_members, (select count(*) from joined_members)::int as joined_members`;
