import { Migration } from '@mikro-orm/migrations';

/**
 * `pointsSummary(from, to)` sums a merchant's entries written in a period: without this index it
 * would read every entry the merchant ever had to keep those of the last 30 days.
 */
export class Migration20261209100000_points_summary extends Migration {

  override name = 'Migration20261209100000_points_summary';

  override up(): void | Promise<void> {
    this.addSql(`create index "points_entry_merchant_created_index" on "points_entry" ("merchant_id", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "points_entry_merchant_created_index";`);
  }
}
