import { Migration } from '@mikro-orm/migrations';

/**
 * `memberRevenue(from, to)` sums a merchant's orders placed in a period: without this index it
 * would read every order the merchant ever had to keep those of the last 30 days.
 */
export class Migration20261209100000_member_revenue extends Migration {

  override name = 'Migration20261209100000_member_revenue';

  override up(): void | Promise<void> {
    this.addSql(`create index "customer_order_merchant_processed_index" on "customer_order" ("merchant_id", "processed_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "customer_order_merchant_processed_index";`);
  }
}
