import { Migration } from '@mikro-orm/migrations';

/**
 * What the referral domain needs of the order facts: the keyed hashes of each order's contact
 * email, shipping address and browser IP (`order.recorded`'s `fingerprints`; never the values),
 * and Shopify's `fulfillment_status` with, per order, when `order.fulfilled` was emitted, so it is
 * emitted once. No row is backfilled: the stored versions kept neither. An order stored before
 * this has no fingerprints until a newer version of it arrives (its `order.recorded` went out
 * already, without them), and emits `order.fulfilled` when a fulfilled version of it arrives.
 */
export class Migration20261208110000_order_referral_facts extends Migration {

  override name = 'Migration20261208110000_order_referral_facts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer_order"
      add column "email_fingerprint" text null,
      add column "shipping_address_fingerprint" text null,
      add column "browser_ip_fingerprint" text null,
      add column "fulfillment_status" text null,
      add column "fulfilled_recorded_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer_order"
      drop column "email_fingerprint", drop column "shipping_address_fingerprint", drop column "browser_ip_fingerprint",
      drop column "fulfillment_status", drop column "fulfilled_recorded_at";`);
  }

}
