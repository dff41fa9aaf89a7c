import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

/**
 * Referrals (`referral`, one per friend per merchant), the order facts the referral domain keeps
 * (`referral_order`) and where customers were recently seen from (`referral_activity`). Tenant-owned
 * under forced RLS. The partial unique indexes are what make a friend's concurrent claims one.
 */
export class Migration20261208100000_referral extends Migration {

  override name = 'Migration20261208100000_referral';

  override up(): void | Promise<void> {
    this.addSql(`create table "referral" (
      "merchant_id" uuid not null,
      "id" uuid not null,
      "advocate_id" uuid not null,
      "advocate_code" varchar(16) not null,
      "friend_customer_id" uuid null,
      "friend_email_encrypted" text null,
      "friend_email_hash" text null,
      "friend_ip_hash" text null,
      "friend_user_agent_hash" text null,
      "status" text not null check ("status" in ('CLAIMED', 'PENDING', 'COMPLETED', 'BLOCKED', 'VOIDED', 'REJECTED')),
      "fraud" jsonb not null,
      "discount_status" text not null check ("discount_status" in ('NONE', 'ISSUING', 'ISSUED')),
      "discount_code" varchar(32) null,
      "shopify_discount_id" text null,
      "discount_ends_at" timestamptz null,
      "order_id" text null,
      "order_total_minor" bigint null,
      "order_currency" varchar(3) null,
      "converted_at" timestamptz null,
      "hold_until" timestamptz null,
      "completed_at" timestamptz null,
      "points_awarded" int null check ("points_awarded" > 0),
      "voided_at" timestamptz null,
      "void_reason" text null check ("void_reason" in ('ORDER_CANCELLED', 'REFUNDED_BELOW_MINIMUM', 'FRIEND_REDACTED')),
      "approved_at" timestamptz null,
      "rejected_at" timestamptz null,
      "decided_by" text null,
      "claimed_at" timestamptz not null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id", "id"),
      check (("discount_status" = 'NONE') = ("discount_code" is null)),
      check (("status" = 'PENDING') <= ("hold_until" is not null)));`);
    this.addSql(`create unique index "referral_friend_email_unique" on "referral" ("merchant_id", "friend_email_hash") where "friend_email_hash" is not null;`);
    this.addSql(`create unique index "referral_friend_customer_unique" on "referral" ("merchant_id", "friend_customer_id") where "friend_customer_id" is not null;`);
    this.addSql(`create unique index "referral_discount_code_unique" on "referral" ("merchant_id", "discount_code") where "discount_code" is not null;`);
    this.addSql(`create unique index "referral_order_unique" on "referral" ("merchant_id", "order_id") where "order_id" is not null;`);
    this.addSql(`create index "referral_advocate_index" on "referral" ("merchant_id", "advocate_id", "claimed_at");`);
    this.addSql(`create index "referral_status_index" on "referral" ("merchant_id", "status", "claimed_at");`);
    this.addSql(`create index "referral_hold_index" on "referral" ("hold_until") where "status" = 'PENDING';`);
    this.addSql(`create index "referral_friend_ip_index" on "referral" ("merchant_id", "friend_ip_hash", "claimed_at") where "friend_ip_hash" is not null;`);

    this.addSql(`create table "referral_order" (
      "merchant_id" uuid not null,
      "order_id" text not null,
      "customer_id" uuid not null,
      "placed_at" timestamptz null,
      "total_minor" bigint null,
      "subtotal_minor" bigint null,
      "currency" varchar(3) null,
      "discount_codes" text[] not null default '{}',
      "email_hash" text null,
      "shipping_address_hash" text null,
      "browser_ip_hash" text null,
      "paid_at" timestamptz null,
      "fulfilled_at" timestamptz null,
      "cancelled_at" timestamptz null,
      "refunded_minor" bigint not null default 0 check ("refunded_minor" >= 0),
      "refund_ids" text[] not null default '{}',
      primary key ("merchant_id", "order_id"));`);
    this.addSql(`create index "referral_order_customer_index" on "referral_order" ("merchant_id", "customer_id", "placed_at");`);
    this.addSql(`create index "referral_order_email_index" on "referral_order" ("merchant_id", "email_hash") where "email_hash" is not null;`);

    this.addSql(`create table "referral_activity" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "ip_hash" text not null,
      "last_seen_at" timestamptz not null,
      primary key ("merchant_id", "customer_id", "ip_hash"));`);

    for (const table of ['referral', 'referral_order', 'referral_activity']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "referral_activity" cascade;`);
    this.addSql(`drop table if exists "referral_order" cascade;`);
    this.addSql(`drop table if exists "referral" cascade;`);
  }

}
