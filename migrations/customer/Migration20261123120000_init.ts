import { Migration } from '@mikro-orm/migrations';

/**
 * The customer store. Table, indexes and the forced RLS policy are as MikroORM generates them from
 * CustomerEntity; the grant to the service role is hand-written.
 */
export class Migration20261123120000_init extends Migration {

  override name = 'Migration20261123120000_init';

  override up(): void | Promise<void> {
    this.addSql(`create table "customer" ("id" uuid not null, "merchant_id" uuid not null, "shopify_id" bigint not null, "email_encrypted" text null, "email_blind_index" varchar(64) null, "first_name_encrypted" text null, "last_name_encrypted" text null, "tags" text[] not null default '{}', "accepts_marketing" boolean not null default false, "orders_count" int not null default 0, "total_spent" numeric(14,2) not null default '0', "last_order_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "customer_merchant_email_bidx_index" on "customer" ("merchant_id", "email_blind_index");`);
    this.addSql(`alter table "customer" add constraint "customer_merchant_shopify_unique" unique ("merchant_id", "shopify_id");`);

    this.addSql(`alter table "customer" enable row level security;`);
    this.addSql(`alter table "customer" force row level security;`);
    this.addSql(`create policy "customer_tenant" on "customer" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);

    this.addSql(`grant select, insert, update, delete on "customer" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    // The policy, RLS flags, index, constraint and grant go with the table.
    this.addSql(`drop table if exists "customer" cascade;`);
  }

}
