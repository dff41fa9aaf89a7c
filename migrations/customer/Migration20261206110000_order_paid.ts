import { Migration } from '@mikro-orm/migrations';

/**
 * `order.paid`: per order, when its event was emitted, so it is emitted once. Orders stored before
 * the order events (`predates_events`) never emit any. Orders already recorded and paid when this
 * runs are marked as if emitted: otherwise each customer's whole paid history would go out at
 * their next order, and only for customers who order again, so two customers with the same
 * history would qualify differently. The tier domain, the only consumer, begins with this release
 * and sees none of the orders before it either way.
 */
export class Migration20261206110000_order_paid extends Migration {

  override name = 'Migration20261206110000_order_paid';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer_order" add column "paid_recorded_at" timestamptz null;`);
    // Across every merchant: the owner running migrations is subject to forced RLS, so the table
    // stops forcing it for this transaction only.
    this.addSql(`alter table "customer_order" no force row level security;`);
    this.addSql(`update "customer_order" set "paid_recorded_at" = now()
      where "recorded_at" is not null and not "predates_events" and "financial_status" in ('paid', 'partially_refunded', 'refunded');`);
    this.addSql(`alter table "customer_order" force row level security;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer_order" drop column "paid_recorded_at";`);
  }

}
