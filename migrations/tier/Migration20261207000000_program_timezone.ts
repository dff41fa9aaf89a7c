import { Migration } from '@mikro-orm/migrations';

/**
 * The shop's time zone, kept with its tier program: calendar periods turn at the shop's local
 * midnight. The merchant domain owns the zone and announces it (`merchant.timezone_changed`);
 * `timezone_version` is the last announcement applied, so a late or repeated one changes nothing.
 * A merchant never announced is in UTC, where every period turned until now.
 */
export class Migration20261207000000_program_timezone extends Migration {

  override name = 'Migration20261207000000_program_timezone';

  override up(): void | Promise<void> {
    this.addSql(`alter table "tier_program"
      add column "timezone" varchar(64) not null default 'UTC',
      add column "timezone_version" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "tier_program" drop column if exists "timezone", drop column if exists "timezone_version";`);
  }

}
