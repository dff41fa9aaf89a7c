import { Migration } from '@mikro-orm/migrations';

/** The outbox tables whose rows are updated once each soon after insert: queue-like churn. */
const CHURNED = ['outbox_event', 'outbox_delivery'];

/**
 * Two fixes to the outbox under a backlog (bench `ingest`, issue 12).
 *
 * `loyalnest_outbox_ack` found its rows through `outbox_delivery_unacked_index` (consumer,
 * acked_at): with `acked_at is null` in its condition and statistics taken when nothing was
 * pending, the planner expected one unacknowledged row, and each acknowledgement of ten events
 * read every unacknowledged delivery of the consumer (2,990 rows filtered out for 10 with a
 * backlog of 3,000; 13.6 million rows fetched in one 13,000-order run of the merchant store). It
 * now names no column of that index beyond the consumer, so only the primary key (event_id,
 * consumer) serves it; the first acknowledgement's time is kept with `coalesce`, as the old
 * condition kept it.
 *
 * Each event and delivery row is updated once, soon after its insert, and the relay's claim and
 * republish walk the index entries those updates leave until a vacuum removes them. PostgreSQL's
 * default (vacuum after 20 % of the table is dead) lets a week of retained rows collect hundreds of
 * thousands of them; these tables are vacuumed after every 10,000 instead.
 */
export class Migration20261205190000_outbox_ack_by_key extends Migration {

  override name = 'Migration20261205190000_outbox_ack_by_key';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function loyalnest_outbox_ack(p_consumer text, p_event_ids uuid[])
      returns integer
      language sql security definer set search_path = pg_catalog, public, pg_temp
      as $$ with acked as (
              update outbox_delivery set acked_at = coalesce(acked_at, now())
               where event_id = any(p_event_ids) and consumer = p_consumer
              returning 1)
            select count(*)::int from acked $$;`);
    for (const table of CHURNED) {
      this.addSql(`alter table "${table}" set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function loyalnest_outbox_ack(p_consumer text, p_event_ids uuid[])
      returns integer
      language sql security definer set search_path = pg_catalog, public, pg_temp
      as $$ with acked as (
              update outbox_delivery set acked_at = now()
               where consumer = p_consumer and event_id = any(p_event_ids) and acked_at is null
              returning 1)
            select count(*)::int from acked $$;`);
    for (const table of CHURNED) {
      this.addSql(`alter table "${table}" reset (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);`);
    }
  }

}
