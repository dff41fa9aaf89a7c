import { Migration } from '@mikro-orm/migrations';

const VIEW = `create materialized view "segment_daily_count" as
      select x.merchant_id, x.day, x.segment, x.members from (
        select c.merchant_id, c.day, c.segment, c.members,
               dense_rank() over (partition by c.merchant_id, c.day order by c.finished_at desc, c.run_id desc) as latest
          from segment_run_count c) as x
       where x.latest = 1`;

/**
 * The daily counts view is refreshed by a job of its own after runs finish (woken by inserts into
 * `segment_run_count`, at most one refresh every few seconds), no longer inside each run's last
 * transaction, where every merchant's run rebuilt the whole view under its lock one after the
 * other. Its definition takes each day's last run in one sorted pass instead of a lookup per row.
 */
export class Migration20261209161000_daily_counts_refresh extends Migration {

  override name = 'Migration20261209161000_daily_counts_refresh';

  override up(): void | Promise<void> {
    this.addSql(`drop materialized view "segment_daily_count";`);
    this.addSql(`${VIEW};`);
    this.addSql(`create unique index "segment_daily_count_unique" on "segment_daily_count" ("merchant_id", "day", "segment");`);
    this.addSql(`revoke all on "segment_daily_count" from public;`);
    this.addSql(`alter materialized view "segment_daily_count" owner to loyalnest_definer;`);
    this.addSql(`create function "segment_run_count_segment_run_count_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "segment_run_count_wake" AFTER INSERT on "segment_run_count" for each STATEMENT execute function "segment_run_count_segment_run_count_wake_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "segment_run_count_wake" on "segment_run_count";`);
    this.addSql(`drop function if exists "segment_run_count_segment_run_count_wake_fn"();`);
    this.addSql(`drop materialized view "segment_daily_count";`);
    this.addSql(`create materialized view "segment_daily_count" as
      select distinct on (c.merchant_id, c.day, c.segment) c.merchant_id, c.day, c.segment, c.members
        from segment_run_count c
       where c.run_id = (select l.run_id from segment_run_count l
                          where l.merchant_id = c.merchant_id and l.day = c.day
                          order by l.finished_at desc, l.run_id desc limit 1)
       order by c.merchant_id, c.day, c.segment;`);
    this.addSql(`create unique index "segment_daily_count_unique" on "segment_daily_count" ("merchant_id", "day", "segment");`);
    this.addSql(`revoke all on "segment_daily_count" from public;`);
    this.addSql(`alter materialized view "segment_daily_count" owner to loyalnest_definer;`);
  }

}
