/**
 * Ends run `$run`: its member count of every segment (each segment of its plan, zero included, and
 * any other segment that still has members) for the shop-local day of its `as_of`, in the plan's
 * time zone; then the run succeeds, `total` becoming what it covered (customers who arrived
 * meanwhile included).
 */
export const FINISH_RUN_SQL = /* SQL */ `
  with r as (select id, (as_of at time zone (plan->>'timezone'))::date as day, plan from segment_run where id = $run),
  planned as (
    select distinct g.h as segment from r, jsonb_array_elements_text(r.plan->'cells') as g(h) where g.h is not null
    union
    select c.handle from r, jsonb_to_recordset(r.plan->'custom') as c(handle text)),
  members as (
    select segment, count(*)::int as members from segment_customer where merchant_id = $merchant and segment is not null group by segment
    union all
    select handle, count(*)::int from segment_member where merchant_id = $merchant group by handle),
  counts as (
    insert into segment_run_count (merchant_id, run_id, day, finished_at, segment, members)
    select $merchant, r.id, r.day, now(), s.segment, coalesce(sum(m.members), 0)::int
      from r, (select segment from planned union select segment from members) as s
      left join members m on m.segment = s.segment
     group by r.id, r.day, s.segment
    returning 1)
  update segment_run set status = 'succeeded', finished_at = now(), total = processed, failures = 0, error = null
   where id = $run
  returning settings_version`;
