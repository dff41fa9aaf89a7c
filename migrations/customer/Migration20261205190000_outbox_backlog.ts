import { Migration } from '@mikro-orm/migrations';

/** The outbox tables whose rows are updated once each soon after insert: queue-like churn. */
const CHURNED = ['outbox_event', 'outbox_delivery'];

/**
 * Four fixes to the outbox under a backlog (bench `ingest`, issue 12).
 *
 * `loyalnest_outbox_ack` found its rows through `outbox_delivery_unacked_index` (consumer,
 * acked_at): with `acked_at is null` in its condition and statistics taken when nothing was
 * pending, the planner expected one unacknowledged row, and each acknowledgement of ten events
 * read every unacknowledged delivery of the consumer (EXPLAIN with a backlog of 3,000: 2,990 rows
 * filtered out for the 10 acknowledged). Whether it does depends on the statistics of the day. It
 * now names no column of that index beyond the consumer, so only the primary key (event_id,
 * consumer) serves it; the first acknowledgement's time is kept with `coalesce`, as the old
 * condition kept it.
 *
 * The relay's sweep (`loyalnest_outbox_republish`) paged through the deliveries unacknowledged
 * past `EVENTS_ACK_TIMEOUT_MS` in event id order, 100 at a time; the index is in publication order,
 * so each page read and sorted every such delivery (5,000 read for each 100 with a backlog of
 * 5,000: a flash sale's backlog lasting over a minute made each pass quadratic). Its replacement,
 * `loyalnest_outbox_republish_before`, takes those published before a cutoff the relay reads once
 * per pass, oldest first in the index's own order; each page reads its 100, and the deliveries it
 * touches are published after the cutoff, so a pass needs no cursor and ends. The old function
 * stays for one release: relays of the previous version, still running during a rolling upgrade,
 * call it (a relay that finds its Redis epoch gone republishes through it before it publishes
 * anything new). The release after this one drops it.
 *
 * The relay's claim (`published_at is null order by id`) took a bitmap scan of
 * `outbox_event_unpublished_index` (published_at, id), which cannot mark dead index entries: every
 * claim read the entry and the heap page of every event published since the last vacuum (32,297
 * entries and 1,941 pages, 18 ms, for a claim finding nothing, after an evening of bench runs). A partial
 * index of the unpublished ids is read in id order by a plain index scan, which marks the entries
 * of published events dead as it passes them, so later claims skip them without the heap.
 *
 * Each event and delivery row is updated once, soon after its insert, and the relay's claim and
 * republish walk the index entries those updates leave until a vacuum removes them. PostgreSQL's
 * default (vacuum after 20 % of the table is dead) lets a week of retained rows collect hundreds of
 * thousands of them; these tables are vacuumed after every 10,000 instead.
 */
export class Migration20261205190000_outbox_backlog extends Migration {

  override name = 'Migration20261205190000_outbox_backlog';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function loyalnest_outbox_ack(p_consumer text, p_event_ids uuid[])
      returns integer
      language sql security definer set search_path = pg_catalog, public, pg_temp
      as $$ with acked as (
              update outbox_delivery set acked_at = coalesce(acked_at, now())
               where event_id = any(p_event_ids) and consumer = p_consumer
              returning 1)
            select count(*)::int from acked $$;`);
    this.addSql(`create function loyalnest_outbox_republish_before(p_consumer text, p_cutoff timestamptz, p_limit int)
      returns table(id uuid, merchant_id uuid, topic text, version int, payload jsonb, occurred_at timestamptz, actor_kind text, actor_id text, request_id text, correlation_id text)
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
      as $$ with picked as (
              select d.event_id from outbox_delivery d
               where d.consumer = p_consumer and d.acked_at is null and d.published_at <= p_cutoff
               order by d.published_at limit p_limit
                 for update skip locked),
            touched as (
              update outbox_delivery d set published_at = now(), publish_count = d.publish_count + 1
                from picked where d.event_id = picked.event_id and d.consumer = p_consumer
              returning d.event_id)
            select e.id, e.merchant_id, e.topic::text, e.version, e.payload, e.occurred_at, e.actor_kind::text, e.actor_id::text, e.request_id::text, e.correlation_id::text
              from outbox_event e join touched t on t.event_id = e.id
             order by e.id $$;`);
    this.addSql(`alter function loyalnest_outbox_republish_before(text, timestamptz, int) owner to loyalnest_definer;`);
    this.addSql(`revoke all on function loyalnest_outbox_republish_before(text, timestamptz, int) from public;`);
    this.addSql(`grant execute on function loyalnest_outbox_republish_before(text, timestamptz, int) to loyalnest_service;`);
    this.addSql(`create index "outbox_event_unclaimed_index" on "outbox_event" ("id") where "published_at" is null;`);
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
    this.addSql(`drop function loyalnest_outbox_republish_before(text, timestamptz, int);`);
    this.addSql(`drop index "outbox_event_unclaimed_index";`);
    for (const table of CHURNED) {
      this.addSql(`alter table "${table}" reset (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);`);
    }
  }

}
