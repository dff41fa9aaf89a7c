import { Migration } from '@mikro-orm/migrations';

/**
 * Batched consumers: a consumer applies up to `EVENTS_BATCH_SIZE` events in one transaction and
 * records them all in consumed_event with one statement, which tells it which were consumed
 * already. A batch may hold several merchants' events, and forced RLS admits one merchant per
 * statement, so the insert is a SECURITY DEFINER function that does that one step and nothing more:
 * it only adds dedupe rows (never reads, changes or deletes one) and returns the event ids it added.
 * Rows are taken in event id order, so two batches sharing events wait on each other rather than
 * deadlock.
 */
export class Migration20261205120000_consumed_record extends Migration {

  override name = 'Migration20261205120000_consumed_record';

  override up(): void | Promise<void> {
    this.addSql(`create function loyalnest_consumed_record(p_consumer text, p_event_ids uuid[], p_merchant_ids uuid[])
      returns setof uuid
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
      as $$ insert into consumed_event (consumer, event_id, merchant_id, consumed_at)
            select p_consumer, e.event_id, e.merchant_id, now()
              from unnest(p_event_ids, p_merchant_ids) as e(event_id, merchant_id)
             order by e.event_id
            on conflict do nothing
            returning consumed_event.event_id $$;`);
    this.addSql(`revoke all on function loyalnest_consumed_record(text, uuid[], uuid[]) from public;`);
    this.addSql(`grant execute on function loyalnest_consumed_record(text, uuid[], uuid[]) to loyalnest_service;`);
    this.addSql(`alter function loyalnest_consumed_record(text, uuid[], uuid[]) owner to loyalnest_definer;`);
    this.addSql(`grant insert on "consumed_event" to loyalnest_definer;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke insert on "consumed_event" from loyalnest_definer;`);
    this.addSql(`drop function if exists loyalnest_consumed_record(text, uuid[], uuid[]);`);
  }

}
