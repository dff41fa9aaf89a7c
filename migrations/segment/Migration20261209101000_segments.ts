import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

/** The tenant-owned tables of this migration, each under forced RLS with the services' grants. */
const TABLES = ['segment_settings', 'segment_definition', 'segment_order', 'segment_customer', 'segment_member', 'segment_run', 'segment_history', 'segment_run_count'];

/**
 * The segment domain's store:
 *
 * - `segment_settings`: each merchant's scoring settings (window, quintiles or fixed thresholds,
 *   the Shopify metafield sync, the shop's time zone for the nightly run); one row per merchant,
 *   locked by every change.
 * - `segment_definition`: the merchant's named segments, RFM (exactly one per scored customer,
 *   the first by `position` whose rules match) and custom (any number). Rules are inclusive score
 *   ranges 1–5 on R, F and M, and for custom segments the customer's tier and points balance.
 * - `segment_order`: the domain's own order facts from the customer domain's order events, one
 *   row per order, in any arrival order (`placed_at` null until `order.recorded` arrives).
 * - `segment_customer`: per customer, what the other domains publish (tier, points balance) and
 *   the scores, RFM segment and values of the last run that scored them.
 * - `segment_member`: custom segments' members (they may overlap).
 * - `segment_run`: recompute runs and their progress; at most one queued or running per merchant.
 * - `segment_history`: a customer's scores and segment per run, only when they changed;
 *   partitioned by month on `recorded_at`: 2026-01 to 2028-12 here, a later migration adds the
 *   years after (partitions need the tables' owner, which the services' role is not), and the
 *   default partition keeps any row outside them, so nothing is ever refused.
 * - `segment_run_count`: each run's member count per segment and the shop-local day it counts
 *   for; the source of the materialized view `segment_daily_count` (the last run of each day),
 *   which only `loyalnest_definer` reads and refreshes, because a materialized view has no
 *   row-level security: callers go through `segment_daily_counts`, which reads the transaction's
 *   tenant and nothing else.
 */
export class Migration20261209101000_segments extends Migration {

  override name = 'Migration20261209101000_segments';

  override up(): void | Promise<void> {
    this.addSql(`create table "segment_settings" (
      "merchant_id" uuid not null,
      "window_days" smallint not null default 365 check ("window_days" between 30 and 1095),
      "scoring" text not null default 'quintile' check ("scoring" in ('quintile', 'threshold')),
      "thresholds" jsonb null,
      "sync_metafield" boolean not null default false,
      "timezone" text not null default 'UTC',
      "version" int not null default 1,
      "updated_at" timestamptz not null,
      primary key ("merchant_id"),
      check (("scoring" = 'threshold') = ("thresholds" is not null)));`);

    this.addSql(`create table "segment_definition" (
      "merchant_id" uuid not null,
      "handle" varchar(64) not null check ("handle" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      "kind" text not null check ("kind" in ('rfm', 'custom')),
      "position" int not null,
      "names" jsonb not null,
      "recency_min" smallint not null default 1, "recency_max" smallint not null default 5,
      "frequency_min" smallint not null default 1, "frequency_max" smallint not null default 5,
      "monetary_min" smallint not null default 1, "monetary_max" smallint not null default 5,
      "tier_ids" uuid[] null,
      "points_min" int null,
      "points_max" int null,
      "builtin" boolean not null default false,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id", "handle"),
      check ("recency_min" between 1 and 5 and "recency_max" between "recency_min" and 5),
      check ("frequency_min" between 1 and 5 and "frequency_max" between "frequency_min" and 5),
      check ("monetary_min" between 1 and 5 and "monetary_max" between "monetary_min" and 5),
      check ("points_min" is null or "points_max" is null or "points_min" <= "points_max"),
      check ("kind" = 'custom' or ("tier_ids" is null and "points_min" is null and "points_max" is null)));`);
    this.addSql(`create unique index "segment_definition_position_unique" on "segment_definition" ("merchant_id", "kind", "position");`);

    this.addSql(`create table "segment_order" (
      "merchant_id" uuid not null,
      "order_id" text not null,
      "customer_id" uuid not null,
      "placed_at" timestamptz null,
      "total_minor" bigint null,
      "currency" varchar(3) null,
      "refunded_minor" bigint not null default 0,
      "refund_ids" text[] not null default '{}',
      "cancelled_at" timestamptz null,
      primary key ("merchant_id", "order_id"));`);
    this.addSql(`create index "segment_order_customer_index" on "segment_order" ("merchant_id", "customer_id");`);
    this.addSql(`create index "segment_order_placed_at_index" on "segment_order" ("merchant_id", "placed_at");`);

    this.addSql(`create table "segment_customer" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "tier_id" uuid null,
      "tier_version" int not null default 0,
      "points_balance" int null,
      "points_balance_at" timestamptz null,
      "points_entry_id" uuid null,
      "recency" smallint null check ("recency" between 1 and 5),
      "frequency" smallint null check ("frequency" between 1 and 5),
      "monetary" smallint null check ("monetary" between 1 and 5),
      "segment" varchar(64) null,
      "segment_since" timestamptz null,
      "last_order_at" timestamptz null,
      "orders_in_window" int null,
      "spend_in_window_minor" bigint null,
      "run_id" uuid null,
      "scored_at" timestamptz null,
      primary key ("merchant_id", "customer_id"),
      check (("recency" is null) = ("segment" is null)));`);
    this.addSql(`create index "segment_customer_segment_index" on "segment_customer" ("merchant_id", "segment", "customer_id");`);

    this.addSql(`create table "segment_member" (
      "merchant_id" uuid not null,
      "handle" varchar(64) not null,
      "customer_id" uuid not null,
      "since" timestamptz not null,
      primary key ("merchant_id", "handle", "customer_id"));`);
    this.addSql(`create index "segment_member_customer_index" on "segment_member" ("merchant_id", "customer_id");`);

    this.addSql(`create table "segment_run" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "trigger" text not null check ("trigger" in ('nightly', 'manual', 'settings', 'seed')),
      "status" text not null check ("status" in ('queued', 'running', 'succeeded', 'failed')),
      "as_of" timestamptz null,
      "total" int not null default 0,
      "processed" int not null default 0,
      "changed" int not null default 0,
      "settings_version" int null,
      "requested_at" timestamptz not null,
      "started_at" timestamptz null,
      "finished_at" timestamptz null,
      "error" varchar(1000) null,
      primary key ("id"),
      check ("processed" between 0 and greatest("total", 0)));`);
    this.addSql(`create index "segment_run_merchant_index" on "segment_run" ("merchant_id", "requested_at" desc);`);
    this.addSql(`create unique index "segment_run_active_unique" on "segment_run" ("merchant_id") where "status" in ('queued', 'running');`);

    this.addSql(`create table "segment_history" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "recorded_at" timestamptz not null,
      "run_id" uuid not null,
      "recency" smallint null,
      "frequency" smallint null,
      "monetary" smallint null,
      "segment" varchar(64) null,
      "previous_segment" varchar(64) null,
      primary key ("merchant_id", "customer_id", "recorded_at", "run_id")) partition by range ("recorded_at");`);
    this.addSql(`create table "segment_history_default" partition of "segment_history" default;`);
    this.addSql(`create index "segment_history_merchant_time_index" on "segment_history" ("merchant_id", "recorded_at");`);

    this.addSql(`create table "segment_run_count" (
      "merchant_id" uuid not null,
      "run_id" uuid not null,
      "day" date not null,
      "finished_at" timestamptz not null,
      "segment" varchar(64) not null,
      "members" int not null check ("members" >= 0),
      primary key ("merchant_id", "run_id", "segment"));`);
    this.addSql(`create index "segment_run_count_day_index" on "segment_run_count" ("merchant_id", "day", "finished_at" desc);`);

    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }

    // Partitions are created by migrations only: the services' role owns no table, and must not.
    this.addSql(`do $$ declare m date; begin
        for m in select generate_series(date '2026-01-01', date '2028-12-01', interval '1 month')::date loop
          execute format('create table %I partition of segment_history for values from (%L) to (%L)', 'segment_history_' || to_char(m, 'YYYY_MM'), m, (m + interval '1 month')::date);
        end loop; end $$;`);

    // The last run of each shop-local day, per segment: the dashboard's chart.
    this.addSql(`create materialized view "segment_daily_count" as
      select distinct on (c.merchant_id, c.day, c.segment) c.merchant_id, c.day, c.segment, c.members
        from segment_run_count c
       where c.run_id = (select l.run_id from segment_run_count l
                          where l.merchant_id = c.merchant_id and l.day = c.day
                          order by l.finished_at desc, l.run_id desc limit 1)
       order by c.merchant_id, c.day, c.segment;`);
    this.addSql(`create unique index "segment_daily_count_unique" on "segment_daily_count" ("merchant_id", "day", "segment");`);
    this.addSql(`revoke all on "segment_daily_count" from public;`);

    this.addSql(`create function segment_daily_counts(p_from date, p_to date)
      returns table (day date, segment varchar, members int)
      language sql stable security definer
      as $$ select d.day, d.segment, d.members from segment_daily_count d
             where d.merchant_id = nullif(current_setting('app.merchant_id', true), '')::uuid
               and d.day between p_from and p_to
             order by d.day, d.segment $$;`);
    this.addSql(`create function segment_daily_count_refresh()
      returns void
      language sql volatile security definer
      as $$ refresh materialized view concurrently segment_daily_count $$;`);
    for (const fn of ['segment_daily_counts(date, date)', 'segment_daily_count_refresh()']) {
      this.addSql(`alter function ${fn} set search_path = pg_catalog, public, pg_temp;`);
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
    // A concurrent refresh needs the view's owner; the view reads every tenant's counts.
    this.addSql(`grant select on "segment_run_count" to loyalnest_definer;`);
    this.addSql(`alter materialized view "segment_daily_count" owner to loyalnest_definer;`);
    for (const fn of ['segment_daily_counts(date, date)', 'segment_daily_count_refresh()']) this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists segment_daily_count_refresh();`);
    this.addSql(`drop function if exists segment_daily_counts(date, date);`);
    this.addSql(`drop materialized view if exists "segment_daily_count";`);
    for (const table of [...TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
  }

}
