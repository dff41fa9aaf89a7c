import { Migration } from '@mikro-orm/migrations';

/**
 * The dead-letter trigger fired per statement, so the retry pump's claim woke the pump again even
 * when it claimed nothing: with no traffic at all, claim, NOTIFY, claim... hundreds of transactions
 * a second in every store. It now fires per row, only for a row that is work for the pump: a retry
 * asked for and not yet enqueued. The pump's claim sets `retry_enqueued_at`, so it wakes nobody.
 */
export class Migration20261204121000_dead_letter_wake extends Migration {

  override name = 'Migration20261204121000_dead_letter_wake';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger "dead_letter_event_notify" on "dead_letter_event";`);
    this.addSql(`create trigger "dead_letter_event_notify" AFTER INSERT OR UPDATE on "dead_letter_event" for each ROW
      when (new.status = 'retrying' and new.retry_enqueued_at is null)
      execute function "dead_letter_event_dead_letter_event_notify_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "dead_letter_event_notify" on "dead_letter_event";`);
    this.addSql(`create trigger "dead_letter_event_notify" AFTER INSERT OR UPDATE on "dead_letter_event" for each STATEMENT execute function "dead_letter_event_dead_letter_event_notify_fn"();`);
  }

}
