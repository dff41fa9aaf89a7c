import { Migration } from '@mikro-orm/migrations';

/** When a delivery's consuming domain reported it applied. */
export class Migration20261123160000_webhook_processed extends Migration {

  override name = 'Migration20261123160000_webhook_processed';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "processed_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop column "processed_at";`);
  }

}
