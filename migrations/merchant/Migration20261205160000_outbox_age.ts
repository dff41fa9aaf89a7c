import { Migration } from '@mikro-orm/migrations';

/**
 * `loyalnest_outbox_oldest_unpublished_age()`: seconds since the oldest unpublished outbox event
 * occurred (0 when none waits), for the `loyalnest_outbox_oldest_unpublished_age_seconds` gauge
 * read on every scrape. The outbox spans every tenant, so like the relay's functions it is SECURITY
 * DEFINER; it returns one number and no row. Event ids are UUIDv7, so the first unpublished id is
 * the oldest, one probe of `outbox_event_unpublished_index`. The definer role already reads
 * `outbox_event` for the relay, so no grant is added.
 */
export class Migration20261205160000_outbox_age extends Migration {

  override name = 'Migration20261205160000_outbox_age';

  override up(): void | Promise<void> {
    this.addSql(`create function loyalnest_outbox_oldest_unpublished_age()
      returns double precision
      language sql stable security definer set search_path = pg_catalog, public, pg_temp
      as $$ select coalesce(greatest(extract(epoch from now() - (
               select e.occurred_at from outbox_event e where e.published_at is null order by e.id limit 1)), 0), 0)::double precision $$;`);
    this.addSql(`alter function loyalnest_outbox_oldest_unpublished_age() owner to loyalnest_definer;`);
    this.addSql(`revoke all on function loyalnest_outbox_oldest_unpublished_age() from public;`);
    this.addSql(`grant execute on function loyalnest_outbox_oldest_unpublished_age() to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists loyalnest_outbox_oldest_unpublished_age();`);
  }

}
