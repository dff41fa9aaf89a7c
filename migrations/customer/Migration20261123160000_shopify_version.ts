import { Migration } from '@mikro-orm/migrations';

/** The Shopify version of a customer's profile, so out-of-order customers/update deliveries never roll it back. */
export class Migration20261123160000_shopify_version extends Migration {

  override name = 'Migration20261123160000_shopify_version';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer" add column "shopify_updated_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer" drop column "shopify_updated_at";`);
  }

}
