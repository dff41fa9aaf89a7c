import { Migration } from '@mikro-orm/migrations';

/**
 * Merchants whose audit trail was purged for GDPR `shop/redact`, as keyed hashes of their ids (no
 * merchant id is kept). Events of such a merchant still in flight when the purge ran are dropped
 * on arrival instead of starting a new trail. Insert and select only, like the trail itself.
 */
export class Migration20261124102000_purged_merchant extends Migration {

  override name = 'Migration20261124102000_purged_merchant';

  override up(): void | Promise<void> {
    this.addSql(`create table "purged_merchant" ("merchant_hash" varchar(64) not null, "purged_at" timestamptz not null, primary key ("merchant_hash"));`);
    this.addSql(`grant select, insert on "purged_merchant" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "purged_merchant";`);
  }

}
