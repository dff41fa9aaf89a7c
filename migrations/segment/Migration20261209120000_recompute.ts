import { Migration } from '@mikro-orm/migrations';

const SAFE = 'set search_path = pg_catalog, public, pg_temp';
const FUNCTIONS = ['segment_run_merchants()', 'segment_nightly_due(timestamptz)'];

/**
 * What the recompute engine needs of `segment_run`:
 *
 * - `plan`: what a run scores with, fixed when it starts (window, scoring mode, fixed thresholds or
 *   the quintile cut points computed once over the whole population, the RFM grid and the custom
 *   segments' rules, the shop's time zone, the settings version), so every batch scores alike
 *   however the settings change meanwhile and whichever replica works it.
 * - `cursor`: the last customer id a committed batch covered; a crash resumes after it.
 * - `failures`: batches of the run that failed in a row; the job gives the run up after a few.
 * - `nightly_date`: the shop-local date a nightly run is for, unique per merchant, so a replayed
 *   hourly tick or a second replica requests nothing twice.
 * - An insert trigger marking its transaction for a commit wake (the kit's `markWake`): the
 *   recompute job starts right after a request commits. Per statement and on insert only, so the
 *   job's own updates never wake it.
 * - Two SECURITY DEFINER lookups across tenants, ids only: the merchants with a queued or running
 *   run (the recompute job), and the merchants due for their nightly run at a given instant (the
 *   nightly job): past 03:00 in the shop's time zone, and no nightly run for that local date yet.
 *   Merchants come from the settings and the order facts; the distinct merchants of the order
 *   facts are read by skipping through their index, not by scanning every order.
 */
export class Migration20261209120000_recompute extends Migration {

  override name = 'Migration20261209120000_recompute';

  override up(): void | Promise<void> {
    this.addSql(`alter table "segment_run" add column "plan" jsonb null, add column "cursor" uuid null, add column "failures" smallint not null default 0, add column "nightly_date" date null;`);
    this.addSql(`alter table "segment_run" add constraint "segment_run_nightly_date_check" check ("nightly_date" is null or "trigger" = 'nightly');`);
    this.addSql(`create unique index "segment_run_nightly_unique" on "segment_run" ("merchant_id", "nightly_date") where "nightly_date" is not null;`);

    this.addSql(`create function "segment_run_segment_run_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "segment_run_wake" AFTER INSERT on "segment_run" for each STATEMENT execute function "segment_run_segment_run_wake_fn"();`);

    this.addSql(`create function segment_run_merchants()
      returns table (merchant_id uuid)
      language sql stable security definer ${SAFE}
      as $$ select distinct r.merchant_id from segment_run r where r.status in ('queued', 'running') order by r.merchant_id $$;`);

    this.addSql(`create function segment_nightly_due(p_now timestamptz)
      returns table (merchant_id uuid, local_date date)
      language sql stable security definer ${SAFE}
      as $$ with recursive ordering(merchant_id) as (
              (select o.merchant_id from segment_order o order by o.merchant_id limit 1)
              union all
              select (select o.merchant_id from segment_order o where o.merchant_id > ordering.merchant_id order by o.merchant_id limit 1)
                from ordering where ordering.merchant_id is not null),
            merchants as (
              select ordering.merchant_id from ordering where ordering.merchant_id is not null
              union
              select s.merchant_id from segment_settings s),
            zoned as (
              select m.merchant_id, (p_now at time zone coalesce(z.name, 'UTC')) as local_time
                from merchants m
                left join segment_settings s on s.merchant_id = m.merchant_id
                left join pg_timezone_names z on z.name = s.timezone)
            select zoned.merchant_id, zoned.local_time::date from zoned
             where zoned.local_time::time >= time '03:00'
               and not exists (select 1 from segment_run r where r.merchant_id = zoned.merchant_id and r.nightly_date = zoned.local_time::date)
             order by zoned.merchant_id $$;`);

    this.addSql(`grant select on "segment_run" to loyalnest_definer;`);
    this.addSql(`grant select on "segment_order" to loyalnest_definer;`);
    this.addSql(`grant select on "segment_settings" to loyalnest_definer;`);
    for (const fn of FUNCTIONS) {
      this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    for (const fn of FUNCTIONS) this.addSql(`drop function if exists ${fn};`);
    this.addSql(`revoke select on "segment_settings" from loyalnest_definer;`);
    this.addSql(`revoke select on "segment_order" from loyalnest_definer;`);
    this.addSql(`revoke select on "segment_run" from loyalnest_definer;`);
    this.addSql(`drop trigger if exists "segment_run_wake" on "segment_run";`);
    this.addSql(`drop function if exists "segment_run_segment_run_wake_fn"();`);
    this.addSql(`drop index if exists "segment_run_nightly_unique";`);
    this.addSql(`alter table "segment_run" drop constraint if exists "segment_run_nightly_date_check";`);
    this.addSql(`alter table "segment_run" drop column "plan", drop column "cursor", drop column "failures", drop column "nightly_date";`);
  }

}
