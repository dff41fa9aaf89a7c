import { Migration } from '@mikro-orm/migrations';

/**
 * A merchant's first recompute runs by itself once its first order facts have arrived (trigger
 * `first`), instead of waiting for the shop's next night; the unused `seed` trigger goes.
 */
export class Migration20261209160000_first_run extends Migration {

  override name = 'Migration20261209160000_first_run';

  override up(): void | Promise<void> {
    this.addSql(`alter table "segment_run" drop constraint "segment_run_trigger_check";`);
    this.addSql(`alter table "segment_run" add constraint "segment_run_trigger_check" check ("trigger" in ('nightly', 'manual', 'settings', 'first'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`update "segment_run" set "trigger" = 'manual' where "trigger" = 'first';`);
    this.addSql(`alter table "segment_run" drop constraint "segment_run_trigger_check";`);
    this.addSql(`alter table "segment_run" add constraint "segment_run_trigger_check" check ("trigger" in ('nightly', 'manual', 'settings', 'seed'));`);
  }

}
