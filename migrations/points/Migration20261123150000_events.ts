import { Migration } from '@mikro-orm/migrations';

/**
 * The kit's event backbone, in every store: deliveries the relay remembers per consumer, events
 * consumed, dead letters. Tables, indexes, the NOTIFY triggers and the forced RLS policies are as
 * MikroORM generates them from the kit's entities; the relay's functions and the grants are
 * hand-written. Timestamped after the outbox migration because a trigger is on `outbox_event`.
 */
export class Migration20261123150000_events extends Migration {

  override name = 'Migration20261123150000_events';

  override up(): void | Promise<void> {
    this.addSql(`create table "consumed_event" ("consumer" varchar(50) not null, "event_id" uuid not null, "merchant_id" uuid not null, "consumed_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "dead_letter_event" ("id" uuid not null, "merchant_id" uuid not null, "consumer" varchar(50) not null, "event_id" uuid not null, "topic" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "error" varchar(1000) not null, "attempts" int not null, "status" text not null, "failed_at" timestamptz not null, "retry_requested_at" timestamptz null, "retry_enqueued_at" timestamptz null, "resolved_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "dead_letter_event_status_index" on "dead_letter_event" ("status", "retry_enqueued_at");`);
    this.addSql(`alter table "dead_letter_event" add constraint "dead_letter_event_consumer_event_unique" unique ("consumer", "event_id");`);

    this.addSql(`create table "outbox_delivery" ("event_id" uuid not null, "consumer" varchar(50) not null, "merchant_id" uuid not null, "published_at" timestamptz not null, "publish_count" int not null default 1, "acked_at" timestamptz null, primary key ("event_id", "consumer"));`);
    this.addSql(`create index "outbox_delivery_unacked_index" on "outbox_delivery" ("consumer", "acked_at", "published_at");`);

    this.addSql(`create or replace function "outbox_event_outbox_event_notify_fn"() returns trigger as $$ begin perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "outbox_event_notify" AFTER INSERT on "outbox_event" for each STATEMENT execute function "outbox_event_outbox_event_notify_fn"();`);

    this.addSql(`alter table "consumed_event" enable row level security;`);
    this.addSql(`alter table "consumed_event" force row level security;`);
    this.addSql(`create policy "consumed_event_tenant" on "consumed_event" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);

    this.addSql(`alter table "dead_letter_event" add constraint "dead_letter_event_status_check" check ("status" in ('dead', 'retrying', 'resolved'));`);
    this.addSql(`create or replace function "dead_letter_event_dead_letter_event_notify_fn"() returns trigger as $$ begin perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "dead_letter_event_notify" AFTER INSERT OR UPDATE on "dead_letter_event" for each STATEMENT execute function "dead_letter_event_dead_letter_event_notify_fn"();`);
    this.addSql(`alter table "dead_letter_event" enable row level security;`);
    this.addSql(`alter table "dead_letter_event" force row level security;`);
    this.addSql(`create policy "dead_letter_event_tenant" on "dead_letter_event" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);

    this.addSql(`alter table "outbox_delivery" enable row level security;`);
    this.addSql(`alter table "outbox_delivery" force row level security;`);
    this.addSql(`create policy "outbox_delivery_tenant" on "outbox_delivery" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);

    this.addSql(`grant select, insert, update, delete on "consumed_event", "dead_letter_event", "outbox_delivery" to loyalnest_service;`);

    // The relay and the dead-letter pump work for every tenant at once. Rather than a way around
    // RLS for the service role, they get these SECURITY DEFINER functions (run as the owner, whom
    // RLS does not restrict, as for the merchant lookups): each does one step of the protocol on
    // the event tables and returns event rows only, never another table's.
    this.addSql(`create function loyalnest_outbox_claim(p_topics text[], p_limit int)
      returns table (id uuid, merchant_id uuid, topic text, version int, payload jsonb, occurred_at timestamptz)
      language sql volatile security definer set search_path = public
      as $$ select e.id, e.merchant_id, e.topic::text, e.version, e.payload, e.occurred_at
              from outbox_event e
             where e.published_at is null and e.topic = any(p_topics)
             order by e.id limit p_limit
               for update skip locked $$;`);

    this.addSql(`create function loyalnest_outbox_mark_published(p_event_ids uuid[], p_delivery_event_ids uuid[], p_delivery_consumers text[])
      returns void
      language sql volatile security definer set search_path = public
      as $$ insert into outbox_delivery (event_id, consumer, merchant_id, published_at, publish_count)
              select d.event_id, d.consumer, e.merchant_id, now(), 1
                from unnest(p_delivery_event_ids, p_delivery_consumers) as d(event_id, consumer)
                join outbox_event e on e.id = d.event_id
                  on conflict (event_id, consumer) do nothing;
            update outbox_event set published_at = now() where id = any(p_event_ids) and published_at is null; $$;`);

    this.addSql(`create function loyalnest_outbox_republish(p_consumer text, p_min_age_ms bigint, p_after uuid, p_limit int)
      returns table (id uuid, merchant_id uuid, topic text, version int, payload jsonb, occurred_at timestamptz)
      language sql volatile security definer set search_path = public
      as $$ with picked as (
              select d.event_id from outbox_delivery d
               where d.consumer = p_consumer and d.acked_at is null
                 and d.published_at <= now() - make_interval(secs => p_min_age_ms / 1000.0)
                 and d.event_id > coalesce(p_after, '00000000-0000-0000-0000-000000000000'::uuid)
               order by d.event_id limit p_limit
                 for update skip locked),
            touched as (
              update outbox_delivery d set published_at = now(), publish_count = d.publish_count + 1
                from picked where d.event_id = picked.event_id and d.consumer = p_consumer
              returning d.event_id)
            select e.id, e.merchant_id, e.topic::text, e.version, e.payload, e.occurred_at
              from outbox_event e join touched t on t.event_id = e.id
             order by e.id $$;`);

    this.addSql(`create function loyalnest_outbox_ack(p_consumer text, p_event_ids uuid[])
      returns int
      language sql volatile security definer set search_path = public
      as $$ with acked as (
              update outbox_delivery set acked_at = now()
               where consumer = p_consumer and event_id = any(p_event_ids) and acked_at is null
              returning 1)
            select count(*)::int from acked $$;`);

    this.addSql(`create function loyalnest_dead_letter_claim_retries(p_consumer text, p_min_age_ms bigint, p_limit int)
      returns table (id uuid, merchant_id uuid, topic text, version int, payload jsonb, occurred_at timestamptz)
      language sql volatile security definer set search_path = public
      as $$ with picked as (
              select l.id from dead_letter_event l
               where l.consumer = p_consumer and l.status = 'retrying'
                 and (l.retry_enqueued_at is null or l.retry_enqueued_at <= now() - make_interval(secs => p_min_age_ms / 1000.0))
               order by l.id limit p_limit
                 for update skip locked)
            update dead_letter_event l set retry_enqueued_at = now() from picked where l.id = picked.id
            returning l.event_id, l.merchant_id, l.topic::text, l.version, l.payload, l.occurred_at $$;`);

    for (const fn of [
      'loyalnest_outbox_claim(text[], int)',
      'loyalnest_outbox_mark_published(uuid[], uuid[], text[])',
      'loyalnest_outbox_republish(text, bigint, uuid, int)',
      'loyalnest_outbox_ack(text, uuid[])',
      'loyalnest_dead_letter_claim_retries(text, bigint, int)',
    ]) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists loyalnest_dead_letter_claim_retries(text, bigint, int);`);
    this.addSql(`drop function if exists loyalnest_outbox_ack(text, uuid[]);`);
    this.addSql(`drop function if exists loyalnest_outbox_republish(text, bigint, uuid, int);`);
    this.addSql(`drop function if exists loyalnest_outbox_mark_published(uuid[], uuid[], text[]);`);
    this.addSql(`drop function if exists loyalnest_outbox_claim(text[], int);`);
    this.addSql(`drop trigger if exists "outbox_event_notify" on "outbox_event";`);
    this.addSql(`drop function if exists "outbox_event_outbox_event_notify_fn"();`);
    // Policies, RLS flags, indexes, constraints, triggers and grants go with their tables.
    this.addSql(`drop table if exists "consumed_event" cascade;`);
    this.addSql(`drop table if exists "dead_letter_event" cascade;`);
    this.addSql(`drop table if exists "outbox_delivery" cascade;`);
    this.addSql(`drop function if exists "dead_letter_event_dead_letter_event_notify_fn"();`);
  }

}
