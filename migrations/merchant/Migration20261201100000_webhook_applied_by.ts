import { Migration } from '@mikro-orm/migrations';

/**
 * A delivery may be applied by several domains (customer and points both act on orders). Each
 * reports for itself; the row becomes processed, and its body is erased, only when every domain
 * that consumes its topic has reported, so no domain finds the body gone before it read it.
 */
export class Migration20261201100000_webhook_applied_by extends Migration {

  override name = 'Migration20261201100000_webhook_applied_by';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "applied_by" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop column "applied_by";`);
  }

}
