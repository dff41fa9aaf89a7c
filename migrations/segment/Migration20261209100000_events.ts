import { Migration } from '@mikro-orm/migrations';

/** Columns the relay's and the dead-letter pump's claims return. */
const EVENT_COLUMNS = `id uuid, merchant_id uuid, topic text, version int, payload jsonb, occurred_at timestamptz,
      actor_kind text, actor_id text, request_id text, correlation_id text`;
const SAFE = 'set search_path = pg_catalog, public, pg_temp';
const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

const FUNCTIONS = [
  'loyalnest_outbox_claim(text[], int)',
  'loyalnest_outbox_mark_published(uuid[], uuid[], text[])',
  'loyalnest_outbox_republish_before(text, timestamptz, int)',
  'loyalnest_outbox_ack(text, uuid[])',
  'loyalnest_dead_letter_claim_retries(text, bigint, int)',
  'loyalnest_outbox_prune(bigint, int)',
  'loyalnest_consumed_prune(bigint, int)',
  'loyalnest_consumed_record(text, uuid[], uuid[])',
  'loyalnest_outbox_oldest_unpublished_age()',
];

/**
 * The kit's event tables and functions in the segment store, as the other stores have them after
 * their event migrations up to 20261205190000 (outbox, deliveries, consumed events, dead letters,
 * stalls; the relay's, pruning's and batched consumers' SECURITY DEFINER functions, owned by
 * `loyalnest_definer` under the kit's rule in store-roles.ts). A new store starts from that state
 * in one step, as the tier and referral stores did, and with `Migration20261205190000_outbox_backlog` folded in:
 * the acknowledgement keeps its first time and names no column of the unacknowledged index, the
 * relay's sweep is `loyalnest_outbox_republish_before` (the older `loyalnest_outbox_republish` is
 * kept elsewhere only for relays of a previous release, which never ran against this store), the
 * claim reads a partial index of the unpublished ids, and the churned tables vacuum every 10,000
 * dead rows.
 */
export class Migration20261209100000_events extends Migration {

  override name = 'Migration20261209100000_events';

  override up(): void | Promise<void> {
    this.addSql(`create table "outbox_event" ("id" uuid not null, "merchant_id" uuid not null, "topic" varchar(100) not null, "version" int not null default 1, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "actor_kind" varchar(20) null, "actor_id" varchar(255) null, "request_id" varchar(100) null, "correlation_id" varchar(128) null, primary key ("id"));`);
    this.addSql(`create index "outbox_event_unpublished_index" on "outbox_event" ("published_at", "id");`);
    this.addSql(`create index "outbox_event_unclaimed_index" on "outbox_event" ("id") where "published_at" is null;`);
    this.addSql(`create table "consumed_event" ("consumer" varchar(50) not null, "event_id" uuid not null, "merchant_id" uuid not null, "consumed_at" timestamptz not null, primary key ("consumer", "event_id"));`);
    this.addSql(`create index "consumed_event_consumed_at_index" on "consumed_event" ("consumed_at");`);
    this.addSql(`create table "dead_letter_event" ("id" uuid not null, "merchant_id" uuid not null, "consumer" varchar(50) not null, "event_id" uuid not null, "topic" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "error" varchar(1000) not null, "attempts" int not null, "status" text not null, "failed_at" timestamptz not null, "retry_requested_at" timestamptz null, "retry_enqueued_at" timestamptz null, "resolved_at" timestamptz null, "actor_kind" varchar(20) null, "actor_id" varchar(255) null, "request_id" varchar(100) null, "correlation_id" varchar(128) null, primary key ("id"));`);
    this.addSql(`create index "dead_letter_event_status_index" on "dead_letter_event" ("status", "retry_enqueued_at");`);
    this.addSql(`alter table "dead_letter_event" add constraint "dead_letter_event_consumer_event_unique" unique ("consumer", "event_id");`);
    this.addSql(`alter table "dead_letter_event" add constraint "dead_letter_event_status_check" check ("status" in ('dead', 'retrying', 'resolved'));`);
    this.addSql(`create table "outbox_delivery" ("event_id" uuid not null, "consumer" varchar(50) not null, "merchant_id" uuid not null, "published_at" timestamptz not null, "publish_count" int not null default 1, "acked_at" timestamptz null, primary key ("event_id", "consumer"));`);
    this.addSql(`create index "outbox_delivery_unacked_index" on "outbox_delivery" ("consumer", "acked_at", "published_at");`);
    this.addSql(`create table "event_stall" ("consumer" varchar(50) not null, "event_id" uuid not null, "merchant_id" uuid not null, "stalls" int not null, "stalled_at" timestamptz not null, primary key ("consumer", "event_id"));`);
    this.addSql(`create index "event_stall_stalled_at_index" on "event_stall" ("stalled_at");`);
    // Each event and delivery row is updated once, soon after its insert: queue-like churn.
    for (const table of ['outbox_event', 'outbox_delivery']) {
      this.addSql(`alter table "${table}" set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);`);
    }
    for (const table of ['outbox_event', 'consumed_event', 'dead_letter_event', 'outbox_delivery', 'event_stall']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }

    // The outbox trigger only marks its transaction; the committing process wakes the relays (commit-wake.ts).
    this.addSql(`create function "outbox_event_outbox_event_written_fn"() returns trigger as $$ begin perform set_config('loyalnest.outbox_written', 'on', true); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "outbox_event_written" AFTER INSERT on "outbox_event" for each STATEMENT execute function "outbox_event_outbox_event_written_fn"();`);
    // Fires only for a row that is work for the retry pump, so the pump's own claim wakes nobody.
    this.addSql(`create function "dead_letter_event_dead_letter_event_notify_fn"() returns trigger as $$ begin perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "dead_letter_event_notify" AFTER INSERT OR UPDATE on "dead_letter_event" for each ROW
      when (new.status = 'retrying' and new.retry_enqueued_at is null)
      execute function "dead_letter_event_dead_letter_event_notify_fn"();`);

    this.addSql(`create function loyalnest_outbox_claim(p_topics text[], p_limit int)
      returns table (${EVENT_COLUMNS})
      language sql volatile security definer ${SAFE}
      as $$ select e.id, e.merchant_id, e.topic::text, e.version, e.payload, e.occurred_at, e.actor_kind::text, e.actor_id::text, e.request_id::text, e.correlation_id::text
              from outbox_event e
             where e.published_at is null and (p_topics is null or e.topic = any(p_topics))
             order by e.id limit p_limit
               for update skip locked $$;`);

    this.addSql(`create function loyalnest_outbox_mark_published(p_event_ids uuid[], p_delivery_event_ids uuid[], p_delivery_consumers text[])
      returns void
      language sql volatile security definer ${SAFE}
      as $$ insert into outbox_delivery (event_id, consumer, merchant_id, published_at, publish_count)
              select d.event_id, d.consumer, e.merchant_id, now(), 1
                from unnest(p_delivery_event_ids, p_delivery_consumers) as d(event_id, consumer)
                join outbox_event e on e.id = d.event_id
                  on conflict (event_id, consumer) do nothing;
            update outbox_event set published_at = now() where id = any(p_event_ids) and published_at is null; $$;`);

    this.addSql(`create function loyalnest_outbox_republish_before(p_consumer text, p_cutoff timestamptz, p_limit int)
      returns table (${EVENT_COLUMNS})
      language sql volatile security definer ${SAFE}
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

    this.addSql(`create function loyalnest_outbox_ack(p_consumer text, p_event_ids uuid[])
      returns int
      language sql volatile security definer ${SAFE}
      as $$ with acked as (
              update outbox_delivery set acked_at = coalesce(acked_at, now())
               where event_id = any(p_event_ids) and consumer = p_consumer
              returning 1)
            select count(*)::int from acked $$;`);

    this.addSql(`create function loyalnest_dead_letter_claim_retries(p_consumer text, p_min_age_ms bigint, p_limit int)
      returns table (${EVENT_COLUMNS})
      language sql volatile security definer ${SAFE}
      as $$ with picked as (
              select l.id from dead_letter_event l
               where l.consumer = p_consumer and l.status = 'retrying'
                 and (l.retry_enqueued_at is null or l.retry_enqueued_at <= now() - make_interval(secs => p_min_age_ms / 1000.0))
               order by l.id limit p_limit
                 for update skip locked)
            update dead_letter_event l set retry_enqueued_at = now() from picked where l.id = picked.id
            returning l.event_id, l.merchant_id, l.topic::text, l.version, l.payload, l.occurred_at, l.actor_kind::text, l.actor_id::text, l.request_id::text, l.correlation_id::text $$;`);

    // An event goes once all its deliveries were acknowledged before the cutoff; unpublished ones stay.
    this.addSql(`create function loyalnest_outbox_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer ${SAFE}
      as $$ with picked as (
              select e.id from outbox_event e
               where e.published_at < now() - make_interval(secs => p_min_age_ms / 1000.0)
                 and not exists (
                   select 1 from outbox_delivery d
                    where d.event_id = e.id
                      and (d.acked_at is null or d.acked_at >= now() - make_interval(secs => p_min_age_ms / 1000.0)))
               order by e.published_at limit p_limit
                 for update skip locked),
            deliveries as (delete from outbox_delivery d using picked where d.event_id = picked.id),
            events as (delete from outbox_event e using picked where e.id = picked.id returning 1)
            select count(*)::int from events $$;`);

    // A consumed event whose dead letter is not resolved stays: that dead letter's retry must find it consumed.
    this.addSql(`create function loyalnest_consumed_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer ${SAFE}
      as $$ with picked as (
              select c.consumer, c.event_id from consumed_event c
               where c.consumed_at < now() - make_interval(secs => p_min_age_ms / 1000.0)
                 and not exists (
                   select 1 from dead_letter_event l
                    where l.consumer = c.consumer and l.event_id = c.event_id and l.status <> 'resolved')
               order by c.consumed_at limit p_limit
                 for update skip locked),
            stalls as (
              select s.consumer, s.event_id from event_stall s
               where s.stalled_at < now() - make_interval(secs => p_min_age_ms / 1000.0)
               order by s.stalled_at limit p_limit
                 for update skip locked),
            consumed as (delete from consumed_event c using picked where c.consumer = picked.consumer and c.event_id = picked.event_id returning 1),
            stalled as (delete from event_stall s using stalls where s.consumer = stalls.consumer and s.event_id = stalls.event_id returning 1)
            select ((select count(*) from consumed) + (select count(*) from stalled))::int $$;`);

    // Batched consumers record many merchants' events in one statement; forced RLS admits one per statement.
    this.addSql(`create function loyalnest_consumed_record(p_consumer text, p_event_ids uuid[], p_merchant_ids uuid[])
      returns setof uuid
      language sql volatile security definer ${SAFE}
      as $$ insert into consumed_event (consumer, event_id, merchant_id, consumed_at)
            select p_consumer, e.event_id, e.merchant_id, now()
              from unnest(p_event_ids, p_merchant_ids) as e(event_id, merchant_id)
             order by e.event_id
            on conflict do nothing
            returning consumed_event.event_id $$;`);

    this.addSql(`create function loyalnest_outbox_oldest_unpublished_age()
      returns double precision
      language sql stable security definer ${SAFE}
      as $$ select coalesce(greatest(extract(epoch from now() - (
               select e.occurred_at from outbox_event e where e.published_at is null order by e.id limit 1)), 0), 0)::double precision $$;`);

    // CREATE on the schema: PostgreSQL requires it of a function's new owner.
    this.addSql(`grant usage, create on schema public to loyalnest_definer;`);
    this.addSql(`grant select, update, delete on "outbox_event" to loyalnest_definer;`);
    this.addSql(`grant select, update on "dead_letter_event" to loyalnest_definer;`);
    this.addSql(`grant select, insert, update, delete on "outbox_delivery" to loyalnest_definer;`);
    this.addSql(`grant select, insert, update, delete on "consumed_event" to loyalnest_definer;`);
    this.addSql(`grant select, update, delete on "event_stall" to loyalnest_definer;`);
    for (const fn of FUNCTIONS) {
      this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    for (const fn of [...FUNCTIONS].reverse()) this.addSql(`drop function if exists ${fn};`);
    // Policies, RLS flags, indexes, constraints, triggers and grants go with their tables.
    for (const table of ['event_stall', 'outbox_delivery', 'dead_letter_event', 'consumed_event', 'outbox_event']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop function if exists "dead_letter_event_dead_letter_event_notify_fn"();`);
    this.addSql(`drop function if exists "outbox_event_outbox_event_written_fn"();`);
    this.addSql(`revoke usage, create on schema public from loyalnest_definer;`);
  }

}
