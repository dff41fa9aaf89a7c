import { Migration } from '@mikro-orm/migrations';

/**
 * What the background recompute after a program change needs of `tier_recompute`:
 *
 * - An insert trigger that marks its transaction for a commit wake (the kit's `markWake`), so the
 *   recompute job starts right after the consumer of `tier_program.updated` commits, through Redis,
 *   rather than at its next poll. Per statement and on insert only: the job's own updates of
 *   progress never wake it.
 * - A SECURITY DEFINER function saying which merchants have a running recompute, ids only (RLS
 *   shows a transaction one merchant); the recomputes themselves are read and locked under each
 *   merchant's tenant setting, as any request.
 * - At most one running recompute per merchant, enforced by the store: a new one supersedes the
 *   running one in the same transaction, and two consumers racing cannot leave two running.
 */
export class Migration20261206006000_recompute extends Migration {

  override name = 'Migration20261206006000_recompute';

  override up(): void | Promise<void> {
    this.addSql(`create function "tier_recompute_tier_recompute_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "tier_recompute_wake" AFTER INSERT on "tier_recompute" for each STATEMENT execute function "tier_recompute_tier_recompute_wake_fn"();`);
    this.addSql(`create unique index "tier_recompute_running_index" on "tier_recompute" ("merchant_id") where "status" = 'running';`);

    this.addSql(`grant select on "tier_recompute" to loyalnest_definer;`);
    this.addSql(`create function tier_recompute_merchants()
      returns table (merchant_id uuid)
      language sql stable security definer set search_path = pg_catalog, public, pg_temp
      as $$ select r.merchant_id from tier_recompute r where r.status = 'running' order by r.merchant_id $$;`);
    this.addSql(`alter function tier_recompute_merchants() owner to loyalnest_definer;`);
    this.addSql(`revoke all on function tier_recompute_merchants() from public;`);
    this.addSql(`grant execute on function tier_recompute_merchants() to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists tier_recompute_merchants();`);
    this.addSql(`revoke select on "tier_recompute" from loyalnest_definer;`);
    this.addSql(`drop index if exists "tier_recompute_running_index";`);
    this.addSql(`drop trigger if exists "tier_recompute_wake" on "tier_recompute";`);
    this.addSql(`drop function if exists "tier_recompute_tier_recompute_wake_fn"();`);
  }

}
