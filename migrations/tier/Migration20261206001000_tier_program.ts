import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

/**
 * Each merchant's tier program: its settings (`tier_program`, one row per merchant, locked by every
 * change) and its tiers (`tier`), tenant-owned under forced RLS. A tier's place is unique per
 * merchant but checked at commit (deferred), so a change may move tiers past each other in any
 * order within its transaction. The checks repeat the service's limits, as the last guard.
 */
export class Migration20261206001000_tier_program extends Migration {

  override name = 'Migration20261206001000_tier_program';

  override up(): void | Promise<void> {
    this.addSql(`create table "tier_program" (
      "merchant_id" uuid not null,
      "metric" text not null check ("metric" in ('points_earned', 'amount_spent', 'orders_count')),
      "period" text not null check ("period" in ('lifetime', 'calendar_year', 'rolling_months')),
      "period_start_month" smallint not null check ("period_start_month" between 1 and 12),
      "period_start_day" smallint not null check ("period_start_day" between 1 and 31),
      "rolling_months" smallint not null check ("rolling_months" between 1 and 36),
      "grace_days" smallint not null check ("grace_days" between 0 and 365),
      "downgrade_policy" text not null check ("downgrade_policy" in ('replace_by_metric', 'one_tier_at_a_time')),
      "skipped_tier_bonus" text not null check ("skipped_tier_bonus" in ('all', 'highest_only')),
      "version" int not null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id"));`);

    this.addSql(`create table "tier" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "position" smallint not null check ("position" between 0 and 9),
      "names" jsonb not null,
      "threshold" int not null check ("threshold" >= 0),
      "earn_multiplier" numeric(4,2) not null check ("earn_multiplier" between 1 and 10),
      "entry_bonus_points" int null check ("entry_bonus_points" > 0),
      "perks" jsonb not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      primary key ("id"),
      constraint "tier_merchant_position_unique" unique ("merchant_id", "position") deferrable initially deferred);`);

    for (const table of ['tier_program', 'tier']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "tier" cascade;`);
    this.addSql(`drop table if exists "tier_program" cascade;`);
  }

}
