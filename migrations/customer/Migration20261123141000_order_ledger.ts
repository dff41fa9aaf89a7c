import { Migration } from '@mikro-orm/migrations';

/** The orders and refunds customer stats are derived from, keyed by Shopify ids, under forced RLS. */
export class Migration20261123141000_order_ledger extends Migration {

  override name = 'Migration20261123141000_order_ledger';

  override up(): void | Promise<void> {
    this.addSql(`create table "customer_order" ("id" uuid not null, "merchant_id" uuid not null, "shopify_order_id" bigint not null, "shopify_customer_id" bigint null, "total_price" numeric(14,2) not null, "cancelled" boolean not null default false, "processed_at" timestamptz not null, "source_updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "customer_order_merchant_customer_index" on "customer_order" ("merchant_id", "shopify_customer_id");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_merchant_order_unique" unique ("merchant_id", "shopify_order_id");`);
    this.addSql(`create table "order_refund" ("id" uuid not null, "merchant_id" uuid not null, "shopify_refund_id" bigint not null, "shopify_order_id" bigint not null, "amount" numeric(14,2) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "order_refund_merchant_order_index" on "order_refund" ("merchant_id", "shopify_order_id");`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_merchant_refund_unique" unique ("merchant_id", "shopify_refund_id");`);
    this.addSql(`alter table "customer_order" enable row level security;`);
    this.addSql(`alter table "customer_order" force row level security;`);
    this.addSql(`create policy "customer_order_tenant" on "customer_order" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`alter table "order_refund" enable row level security;`);
    this.addSql(`alter table "order_refund" force row level security;`);
    this.addSql(`create policy "order_refund_tenant" on "order_refund" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`grant select, insert, update, delete on "customer_order" to loyalnest_service;`);
    this.addSql(`grant select, insert, update, delete on "order_refund" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_refund" cascade;`);
    this.addSql(`drop table if exists "customer_order" cascade;`);
  }

}
