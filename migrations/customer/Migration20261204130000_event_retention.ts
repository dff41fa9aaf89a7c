import { Migration } from '@mikro-orm/migrations';

/**
 * Poison events and bounded event tables, in every store:
 * - `event_stall` counts how often an event stopped its consumer's worker mid-job (see
 *   `EventConsumer`), durably, so the count survives BullMQ removing the job and the relay
 *   publishing it again. Tenant-owned under forced RLS like the other event tables.
 * - `loyalnest_outbox_prune` and `loyalnest_consumed_prune` delete, one batch per call, what no
 *   delivery can need any more (see `pruneEvents`). Like the relay's functions they work for every
 *   tenant at once, so they are SECURITY DEFINER, each doing one narrow step and returning a count.
 */
export class Migration20261204130000_event_retention extends Migration {

  override name = 'Migration20261204130000_event_retention';

  override up(): void | Promise<void> {
    this.addSql(`create table "event_stall" ("consumer" varchar(50) not null, "event_id" uuid not null, "merchant_id" uuid not null, "stalls" int not null, "stalled_at" timestamptz not null, primary key ("consumer", "event_id"));`);
    this.addSql(`create index "event_stall_stalled_at_index" on "event_stall" ("stalled_at");`);
    this.addSql(`alter table "event_stall" enable row level security;`);
    this.addSql(`alter table "event_stall" force row level security;`);
    this.addSql(`create policy "event_stall_tenant" on "event_stall" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`grant select, insert, update, delete on "event_stall" to loyalnest_service;`);

    this.addSql(`create index "consumed_event_consumed_at_index" on "consumed_event" ("consumed_at");`);

    // An event goes once all its deliveries were acknowledged before the cutoff (an event of no
    // delivery once published before it); unpublished ones stay for a consumer to come.
    this.addSql(`create function loyalnest_outbox_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
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

    // A consumed event whose dead letter is not resolved stays: that dead letter's retry must find
    // it consumed. Stall counts of events consumed or dead-lettered since go after the same window.
    this.addSql(`create function loyalnest_consumed_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
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

    for (const fn of ['loyalnest_outbox_prune(bigint, int)', 'loyalnest_consumed_prune(bigint, int)']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
      // Like every SECURITY DEFINER function (see DEFINER_ROLE in the kit): the migrating owner is
      // subject to forced RLS and would prune nothing; the definer role sees every tenant.
      this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
    }
    this.addSql(`grant delete on "outbox_event", "outbox_delivery" to loyalnest_definer;`);
    this.addSql(`grant select, update, delete on "consumed_event", "event_stall" to loyalnest_definer;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke select, update, delete on "consumed_event", "event_stall" from loyalnest_definer;`);
    this.addSql(`revoke delete on "outbox_event", "outbox_delivery" from loyalnest_definer;`);
    this.addSql(`drop function if exists loyalnest_consumed_prune(bigint, int);`);
    this.addSql(`drop function if exists loyalnest_outbox_prune(bigint, int);`);
    this.addSql(`drop index if exists "consumed_event_consumed_at_index";`);
    this.addSql(`drop table if exists "event_stall" cascade;`);
  }

}
