import { Migration } from '@mikro-orm/migrations';

/**
 * `segment_settings.version` counts the merchant's saves of settings and segments, so a row made
 * before any save (to keep the shop's time zone in, or to lock a merchant's first save) starts at
 * 0, the version `segmentSettings` reports while the defaults apply. The first save makes it 1.
 */
export class Migration20261209130000_segment_settings_version extends Migration {

  override name = 'Migration20261209130000_segment_settings_version';

  override up(): void | Promise<void> {
    this.addSql(`alter table "segment_settings" alter column "version" set default 0;`);
    this.addSql(`alter table "segment_settings" add constraint "segment_settings_version_check" check ("version" >= 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "segment_settings" drop constraint if exists "segment_settings_version_check";`);
    this.addSql(`alter table "segment_settings" alter column "version" set default 1;`);
  }

}
