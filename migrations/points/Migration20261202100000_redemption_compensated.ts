import { Migration } from '@mikro-orm/migrations';

/**
 * When a failed redemption's code was made sure unusable at Shopify: an attempt reported failed
 * (timed out, say) may have created it, and the points were given back. Null on a failed
 * redemption: not checked yet, or its check is still being retried (or dead-lettered).
 */
export class Migration20261202100000_redemption_compensated extends Migration {

  override name = 'Migration20261202100000_redemption_compensated';

  override up(): void | Promise<void> {
    this.addSql(`alter table "redemption" add column "compensated_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "redemption" drop column "compensated_at";`);
  }

}
