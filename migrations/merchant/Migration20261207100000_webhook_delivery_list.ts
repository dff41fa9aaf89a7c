import { Migration } from '@mikro-orm/migrations';

/**
 * `webhookDeliveries` lists one merchant's inbox newest first by id: without this index each page
 * walks the whole table's primary key backwards past every other merchant's rows.
 */
export class Migration20261207100000_webhook_delivery_list extends Migration {

  override name = 'Migration20261207100000_webhook_delivery_list';

  override up(): void | Promise<void> {
    this.addSql(`create index if not exists "webhook_delivery_merchant_id_index" on "webhook_delivery" ("merchant_id", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "webhook_delivery_merchant_id_index";`);
  }

}
