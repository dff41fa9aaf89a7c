import { Migration } from '@mikro-orm/migrations';

/** The webhook inbox: one row per merchant and Shopify event id, payload encrypted, under forced RLS. */
export class Migration20261123140000_webhook_inbox extends Migration {

  override name = 'Migration20261123140000_webhook_inbox';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "merchant_id" uuid not null, "event_id" varchar(255) not null, "webhook_id" varchar(255) null, "topic" varchar(100) not null, "api_version" varchar(20) null, "triggered_at" timestamptz null, "received_at" timestamptz not null, "status" text not null, "payload_encrypted" text null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_status_received_index" on "webhook_delivery" ("status", "received_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_merchant_event_unique" unique ("merchant_id", "event_id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('received', 'processed', 'ignored', 'malformed'));`);
    this.addSql(`alter table "webhook_delivery" enable row level security;`);
    this.addSql(`alter table "webhook_delivery" force row level security;`);
    this.addSql(`create policy "webhook_delivery_tenant" on "webhook_delivery" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`grant select, insert, update, delete on "webhook_delivery" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }

}
