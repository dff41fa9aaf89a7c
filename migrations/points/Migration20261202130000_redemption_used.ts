import { Migration } from '@mikro-orm/migrations';

/**
 * When, and by which Shopify order, a redemption's code was used: an order webhook naming one of
 * our codes among its `discount_codes` makes its ISSUED (or already EXPIRED) redemption USED.
 * And when an admin cancelled an ISSUED one (`cancelRedemption`): code deleted, points back.
 */
export class Migration20261202130000_redemption_used extends Migration {

  override name = 'Migration20261202130000_redemption_used';

  override up(): void | Promise<void> {
    this.addSql(`alter table "redemption" add column "used_at" timestamptz null, add column "used_order_id" bigint null, add column "cancelled_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "redemption" drop column "used_at", drop column "used_order_id", drop column "cancelled_at";`);
  }

}
