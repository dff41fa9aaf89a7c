import { Migration } from '@mikro-orm/migrations';

/**
 * `order.paid`: per order, when its event was emitted, so it is emitted once. No row is filled:
 * orders stored before the order events (`predates_events`) never emit any, this one included,
 * and an order stored since is owed its `order.paid` if it is paid; it goes out with the next
 * change to its customer's orders.
 */
export class Migration20261206110000_order_paid extends Migration {

  override name = 'Migration20261206110000_order_paid';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer_order" add column "paid_recorded_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer_order" drop column "paid_recorded_at";`);
  }

}
