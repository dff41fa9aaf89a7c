import { Migration } from '@mikro-orm/migrations';

/** GDPR requests from Shopify's compliance webhooks, under forced RLS like every tenant table. */
export class Migration20261123170000_gdpr extends Migration {

  override name = 'Migration20261123170000_gdpr';

  override up(): void | Promise<void> {
    this.addSql(`create table "gdpr_request" ("id" uuid not null, "merchant_id" uuid not null, "kind" text not null, "delivery_id" uuid not null, "subject_encrypted" text null, "parts" jsonb not null, "export_encrypted" text null, "status" text not null, "requested_at" timestamptz not null, "completed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "gdpr_request" add constraint "gdpr_request_merchant_delivery_unique" unique ("merchant_id", "delivery_id");`);
    this.addSql(`create index "gdpr_request_merchant_requested_index" on "gdpr_request" ("merchant_id", "requested_at");`);
    this.addSql(`alter table "gdpr_request" add constraint "gdpr_request_kind_check" check ("kind" in ('customer_redact', 'customer_data_request', 'shop_redact'));`);
    this.addSql(`alter table "gdpr_request" add constraint "gdpr_request_status_check" check ("status" in ('pending', 'completed'));`);
    this.addSql(`alter table "gdpr_request" enable row level security;`);
    this.addSql(`alter table "gdpr_request" force row level security;`);
    this.addSql(`create policy "gdpr_request_tenant" on "gdpr_request" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`grant select, insert, update, delete on "gdpr_request" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "gdpr_request" cascade;`);
  }

}
