import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox's NOTIFY trigger made every transaction that wrote an event take PostgreSQL's
 * cluster-wide notification lock at commit, serializing the commits of every store. The trigger
 * now only marks its transaction (a transaction-local setting, no lock); the process that commits
 * reads the mark with its `commit` and wakes the store's relays through Redis afterwards (the kit's
 * `commit-wake.ts`).
 */
export class Migration20261205130000_outbox_wake extends Migration {

  override name = 'Migration20261205130000_outbox_wake';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger "outbox_event_notify" on "outbox_event";`);
    this.addSql(`drop function "outbox_event_outbox_event_notify_fn"();`);
    this.addSql(`create function "outbox_event_outbox_event_written_fn"() returns trigger as $$ begin perform set_config('loyalnest.outbox_written', 'on', true); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "outbox_event_written" AFTER INSERT on "outbox_event" for each STATEMENT execute function "outbox_event_outbox_event_written_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "outbox_event_written" on "outbox_event";`);
    this.addSql(`drop function "outbox_event_outbox_event_written_fn"();`);
    this.addSql(`create function "outbox_event_outbox_event_notify_fn"() returns trigger as $$ begin perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "outbox_event_notify" AFTER INSERT on "outbox_event" for each STATEMENT execute function "outbox_event_outbox_event_notify_fn"();`);
  }

}
