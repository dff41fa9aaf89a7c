import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

const TABLES = ['tier_order', 'tier_qualification', 'tier_member', 'tier_change', 'tier_bonus', 'tier_recompute'];

/**
 * The tier domain's own record of how customers qualify and what they hold, fed by the customer
 * and points domains' events (never by reading their stores):
 *
 * - `tier_order`: what the tier domain knows of each order (placed when, for how much, paid,
 *   refunded, cancelled), so its contribution can be re-derived whatever order its events arrive in.
 * - `tier_qualification`: the qualification ledger, one dated amount per subject (an order, a
 *   points entry) and metric. All three metrics are kept whatever the program uses, so a change of
 *   metric or period is a re-aggregation, not a replay. `qualifies_at` null: the subject's own
 *   event (the order, the earn) has not arrived yet, so its date is unknown and it counts nowhere.
 *   Amounts: points; orders; for amount spent, thousandths of the shop currency's unit (any ISO
 *   exponent up to 3 is exact, and thresholds are in whole units).
 * - `tier_member`: each customer's tier and what the daily job must look at next; `multiplier` is
 *   the one last announced to the points domain, `step_not_before` the earliest next step of a
 *   one-tier-at-a-time downgrade.
 * - `tier_change`: every change of tier, the customer's history.
 * - `tier_bonus`: entry bonuses paid, once per customer, tier and qualification period.
 * - `tier_recompute`: the background recomputes after program changes, with their progress.
 */
export class Migration20261206003000_membership extends Migration {

  override name = 'Migration20261206003000_membership';

  override up(): void | Promise<void> {
    this.addSql(`create table "tier_order" (
      "merchant_id" uuid not null,
      "order_id" text not null,
      "customer_id" uuid not null,
      "placed_at" timestamptz null,
      "total_milli" bigint null,
      "paid" boolean not null default false,
      "refunded_milli" bigint not null default 0,
      "cancelled" boolean not null default false,
      "updated_at" timestamptz not null,
      primary key ("merchant_id", "order_id"));`);

    this.addSql(`create table "tier_qualification" (
      "merchant_id" uuid not null,
      "metric" text not null check ("metric" in ('points_earned', 'amount_spent', 'orders_count')),
      "subject" text not null,
      "customer_id" uuid not null,
      "amount" bigint not null,
      "qualifies_at" timestamptz null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id", "metric", "subject"));`);
    this.addSql(`create index "tier_qualification_customer_index" on "tier_qualification" ("merchant_id", "customer_id", "metric", "qualifies_at") include ("amount");`);

    this.addSql(`create table "tier_member" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "tier_id" uuid null,
      "since" timestamptz null,
      "qualified_tier_id" uuid null,
      "metric_value" bigint not null default 0,
      "held_until" timestamptz null,
      "below_since" timestamptz null,
      "step_not_before" timestamptz null,
      "manual_tier_id" uuid null,
      "manual_until" timestamptz null,
      "manual_by" text null,
      "warned_for" timestamptz null,
      "next_check_at" timestamptz null,
      "multiplier" numeric(4,2) not null default 1,
      "version" int not null default 0,
      "evaluated_at" timestamptz null,
      "program_version" int not null default 0,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id", "customer_id"));`);
    this.addSql(`create index "tier_member_due_index" on "tier_member" ("merchant_id", "next_check_at") where "next_check_at" is not null;`);
    this.addSql(`create index "tier_member_tier_index" on "tier_member" ("merchant_id", "tier_id");`);

    this.addSql(`create table "tier_change" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "from_tier_id" uuid null,
      "to_tier_id" uuid null,
      "direction" text not null check ("direction" in ('up', 'down')),
      "reason" text not null,
      "version" int not null,
      "changed_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`create index "tier_change_customer_index" on "tier_change" ("merchant_id", "customer_id", "changed_at" desc, "id" desc);`);

    this.addSql(`create table "tier_bonus" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "tier_id" uuid not null,
      "period_key" text not null,
      "points" int not null check ("points" > 0),
      "paid_at" timestamptz not null,
      primary key ("merchant_id", "customer_id", "tier_id", "period_key"));`);

    this.addSql(`create table "tier_recompute" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "program_version" int not null,
      "status" text not null check ("status" in ('running', 'completed', 'superseded', 'failed')),
      "processed" int not null default 0,
      "total" int not null default 0,
      "cursor" uuid null,
      "started_at" timestamptz not null,
      "finished_at" timestamptz null,
      primary key ("id"));`);
    this.addSql(`create index "tier_recompute_merchant_index" on "tier_recompute" ("merchant_id", "started_at" desc);`);

    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of [...TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
  }

}
