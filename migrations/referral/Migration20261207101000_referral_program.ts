import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

/**
 * Each merchant's referral program (`referral_program`, one row per merchant, locked by every
 * change), each customer's referral code (`referral_code`, unique per merchant, upper case) and
 * the click flushes already applied (`referral_click_flush`, so a flush retried after a crash
 * adds nothing twice). Tenant-owned under forced RLS. The checks repeat the service's limits, as
 * the last guard.
 */
export class Migration20261207101000_referral_program extends Migration {

  override name = 'Migration20261207101000_referral_program';

  override up(): void | Promise<void> {
    this.addSql(`create table "referral_program" (
      "merchant_id" uuid not null,
      "enabled" boolean not null,
      "advocate_points" int not null check ("advocate_points" between 1 and 1000000),
      "friend_reward_kind" text not null check ("friend_reward_kind" in ('fixed_amount', 'percentage', 'free_shipping')),
      "friend_reward_value" numeric(14,2) null check ("friend_reward_value" > 0),
      "friend_minimum_order_amount" numeric(14,2) null check ("friend_minimum_order_amount" > 0),
      "friend_expiry_days" smallint null check ("friend_expiry_days" between 1 and 365),
      "friend_single_use" boolean not null,
      "friend_once_per_customer" boolean not null,
      "conversion_rule" text not null check ("conversion_rule" in ('order_paid', 'order_fulfilled')),
      "minimum_order_value" numeric(14,2) null check ("minimum_order_value" > 0),
      "hold_days" smallint not null check ("hold_days" between 0 and 90),
      "monthly_cap" int null check ("monthly_cap" between 1 and 10000),
      "lifetime_cap" int null check ("lifetime_cap" between 1 and 10000),
      "fraud_policy" jsonb not null,
      "claim_burst_per_week" smallint not null check ("claim_burst_per_week" between 2 and 1000),
      "version" int not null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id"),
      check (("friend_reward_kind" = 'free_shipping') = ("friend_reward_value" is null)),
      check ("friend_reward_kind" <> 'percentage' or "friend_reward_value" between 1 and 100));`);

    this.addSql(`create table "referral_code" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "code" varchar(16) not null check ("code" = upper("code")),
      "clicks" bigint not null default 0 check ("clicks" >= 0),
      "unique_clicks" bigint not null default 0 check ("unique_clicks" >= 0),
      "created_at" timestamptz not null,
      primary key ("merchant_id", "customer_id"),
      constraint "referral_code_merchant_code_unique" unique ("merchant_id", "code"));`);

    this.addSql(`create table "referral_click_flush" (
      "merchant_id" uuid not null,
      "batch_id" uuid not null,
      "flushed_at" timestamptz not null,
      primary key ("merchant_id", "batch_id"));`);
    this.addSql(`create index "referral_click_flush_flushed_at_index" on "referral_click_flush" ("flushed_at");`);

    for (const table of ['referral_program', 'referral_code', 'referral_click_flush']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "referral_click_flush" cascade;`);
    this.addSql(`drop table if exists "referral_code" cascade;`);
    this.addSql(`drop table if exists "referral_program" cascade;`);
  }

}
