import { Migration } from '@mikro-orm/migrations';

/**
 * The audit consumer stages an entry in `audit_pending` for every event of every store, and the
 * table's insert trigger notified the chainer: so every audited event's commit took PostgreSQL's
 * cluster-wide notification lock, which bounded the whole apply path. The trigger now only adds
 * the table to its transaction's wake list (the setting `loyalnest.wake`, no lock); the process
 * that commits reads the list with its `commit` and wakes the store's chainers through Redis
 * afterwards (the kit's `commit-wake.ts`). Per statement and on insert only, as before: the
 * chainer's own listing and deletes never wake it.
 */
export class Migration20261205180000_audit_pending_mark extends Migration {

  override name = 'Migration20261205180000_audit_pending_mark';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger "audit_pending_notify" on "audit_pending";`);
    this.addSql(`drop function "audit_pending_audit_pending_notify_fn"();`);
    this.addSql(`create function "audit_pending_audit_pending_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "audit_pending_wake" AFTER INSERT on "audit_pending" for each STATEMENT execute function "audit_pending_audit_pending_wake_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "audit_pending_wake" on "audit_pending";`);
    this.addSql(`drop function "audit_pending_audit_pending_wake_fn"();`);
    this.addSql(`create function "audit_pending_audit_pending_notify_fn"() returns trigger as $$ begin perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "audit_pending_notify" AFTER INSERT on "audit_pending" for each STATEMENT execute function "audit_pending_audit_pending_notify_fn"();`);
  }

}
