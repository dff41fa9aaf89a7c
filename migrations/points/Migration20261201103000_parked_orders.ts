import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

/** Orders whose customer the customer subgraph had not created yet; earned once `customer.created` names them. */
export class Migration20261201103000_parked_orders extends Migration {

  override name = 'Migration20261201103000_parked_orders';

  override up(): void | Promise<void> {
    this.addSql(`create table "points_parked_order" ("id" uuid not null, "merchant_id" uuid not null, "shopify_customer_id" bigint not null, "shopify_order_id" bigint not null, "facts" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "points_parked_order" add constraint "points_parked_order_merchant_order_unique" unique ("merchant_id", "shopify_order_id");`);
    this.addSql(`create index "points_parked_order_merchant_customer_index" on "points_parked_order" ("merchant_id", "shopify_customer_id");`);
    this.addSql(`alter table "points_parked_order" enable row level security;`);
    this.addSql(`alter table "points_parked_order" force row level security;`);
    this.addSql(`create policy "points_parked_order_tenant" on "points_parked_order" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, update, delete on "points_parked_order" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "points_parked_order" cascade;`);
  }

}
