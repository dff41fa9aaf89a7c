import { Migration } from '@mikro-orm/migrations';

/**
 * `flow_trigger_sent` grows by a row per trigger sent; a row is needed only while its event can be
 * delivered again, the dedupe window, like `consumed_event` (see `pruneEvents`). The points module
 * declares it in `dedupeTables`, so the kit's event pruning calls `loyalnest_flow_trigger_prune`.
 * A row whose event has an unresolved dead letter stays whatever its age: an admin's retry runs the
 * handler again, and must find the trigger already sent. SECURITY DEFINER like the other prune
 * functions (it works across tenants), under the rule of `DEFINER_ROLE`.
 */
export class Migration20261204190000_flow_trigger_prune extends Migration {

  override name = 'Migration20261204190000_flow_trigger_prune';

  override up(): void | Promise<void> {
    this.addSql(`create index "flow_trigger_sent_created_at_index" on "flow_trigger_sent" ("created_at");`);
    this.addSql(`create function loyalnest_flow_trigger_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
      as $$ with picked as (
              select f.merchant_id, f.event_id, f.handle from flow_trigger_sent f
               where f.created_at < now() - make_interval(secs => p_min_age_ms / 1000.0)
                 and not exists (select 1 from dead_letter_event l where l.event_id = f.event_id and l.status <> 'resolved')
               order by f.created_at limit p_limit
                 for update skip locked),
            deleted as (
              delete from flow_trigger_sent f using picked
               where f.merchant_id = picked.merchant_id and f.event_id = picked.event_id and f.handle = picked.handle
              returning 1)
            select count(*)::int from deleted $$;`);
    this.addSql(`revoke all on function loyalnest_flow_trigger_prune(bigint, int) from public;`);
    this.addSql(`grant execute on function loyalnest_flow_trigger_prune(bigint, int) to loyalnest_service;`);
    this.addSql(`alter function loyalnest_flow_trigger_prune(bigint, int) owner to loyalnest_definer;`);
    // update: `for update` locks the rows it picks.
    this.addSql(`grant select, update, delete on "flow_trigger_sent" to loyalnest_definer;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke select, update, delete on "flow_trigger_sent" from loyalnest_definer;`);
    this.addSql(`drop function if exists loyalnest_flow_trigger_prune(bigint, int);`);
    this.addSql(`drop index if exists "flow_trigger_sent_created_at_index";`);
  }

}
