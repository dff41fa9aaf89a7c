import { Migration } from '@mikro-orm/migrations';

/**
 * The shop's IANA time zone (`Australia/Sydney`), from Shopify at install and from `shop/update`:
 * the domains that count calendar days (a tier program's period) turn them at the shop's midnight.
 * Merchants installed before are in UTC, the zone every calendar period turned in until now.
 * `timezone_version` counts the changes, so the domains that keep a copy (`merchant.timezone_changed`)
 * keep the newest whatever order the events come in; `timezone_as_of` is when Shopify last told
 * the zone, so an older `shop/update` delivered late changes nothing.
 */
export class Migration20261207000000_merchant_timezone extends Migration {

  override name = 'Migration20261207000000_merchant_timezone';

  override up(): void | Promise<void> {
    this.addSql(`alter table "merchant"
      add column "timezone" varchar(64) not null default 'UTC',
      add column "timezone_version" int not null default 0,
      add column "timezone_as_of" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "merchant" drop column if exists "timezone", drop column if exists "timezone_version", drop column if exists "timezone_as_of";`);
  }

}
