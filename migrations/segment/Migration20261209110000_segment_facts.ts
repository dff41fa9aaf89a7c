import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

/**
 * What the segment domain needs to keep its facts from other domains' events exact:
 *
 * - `segment_settings.timezone_version`: the version of the `merchant.timezone_changed` whose zone
 *   `timezone` holds, so a late or repeated announcement changes nothing. Null: the zone was never
 *   told nor asked (the default 'UTC' stands); 0: it was asked of the merchant subgraph (a shop
 *   installed before this domain existed), and any announcement replaces it.
 * - `segment_redacted_customer`: a tombstone per customer a GDPR redaction erased. Every consumer
 *   that writes a customer's facts checks it under the customer's lock, so an order, tier or points
 *   event emitted before the redaction but consumed after it cannot bring the customer back.
 * - `segment_order_window_index`: the recompute reads a merchant's orders placed in the window,
 *   not cancelled, with their customer and amounts; this partial covering index answers that with
 *   an index-only range scan. Refunds can only add up (`refunded_minor` never below 0).
 */
export class Migration20261209110000_segment_facts extends Migration {

  override name = 'Migration20261209110000_segment_facts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "segment_settings" add column "timezone_version" int null check ("timezone_version" >= 0);`);

    this.addSql(`create table "segment_redacted_customer" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "redacted_at" timestamptz not null,
      primary key ("merchant_id", "customer_id"));`);
    this.addSql(`alter table "segment_redacted_customer" enable row level security;`);
    this.addSql(`alter table "segment_redacted_customer" force row level security;`);
    this.addSql(`create policy "segment_redacted_customer_tenant" on "segment_redacted_customer" using ${TENANT} with check ${TENANT};`);
    this.addSql(`grant select, insert, update, delete on "segment_redacted_customer" to loyalnest_service;`);

    this.addSql(`create index "segment_order_window_index" on "segment_order" ("merchant_id", "placed_at") include ("customer_id", "total_minor", "refunded_minor") where "cancelled_at" is null and "placed_at" is not null;`);
    this.addSql(`alter table "segment_order" add constraint "segment_order_refunded_check" check ("refunded_minor" >= 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "segment_order" drop constraint if exists "segment_order_refunded_check";`);
    this.addSql(`drop index if exists "segment_order_window_index";`);
    this.addSql(`drop table if exists "segment_redacted_customer";`);
    this.addSql(`alter table "segment_settings" drop column if exists "timezone_version";`);
  }

}
