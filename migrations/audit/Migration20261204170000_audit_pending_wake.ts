import { Migration } from '@mikro-orm/migrations';

/**
 * The chainer polled `audit_pending` every 100 ms, most of an idle supergraph's transactions. An
 * insert there now notifies the events channel (payload `audit_pending`), which wakes the chainer
 * at once; it polls only as a safety net. Per statement and on insert only: the audit consumer is
 * the only writer that inserts, and the chainer only reads and deletes, so no pass of the chainer,
 * not even one that chained nothing, wakes it again (the rule of `wakeRelay` in the kit).
 */
export class Migration20261204170000_audit_pending_wake extends Migration {

  override name = 'Migration20261204170000_audit_pending_wake';

  override up(): void | Promise<void> {
    this.addSql(`create function "audit_pending_audit_pending_notify_fn"() returns trigger as $$ begin perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "audit_pending_notify" AFTER INSERT on "audit_pending" for each STATEMENT execute function "audit_pending_audit_pending_notify_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_pending_notify" on "audit_pending";`);
    this.addSql(`drop function if exists "audit_pending_audit_pending_notify_fn"();`);
  }

}
