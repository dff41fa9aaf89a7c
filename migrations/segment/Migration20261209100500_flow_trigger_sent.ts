import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

/**
 * The Flow triggers the segment domain has sent, or begun to send (`customer-entered-segment`):
 * one row per key and trigger, written by the kit's `FlowTriggerClaims` in a transaction of its
 * own before the trigger goes out, as in the points, tier and referral stores. Pruned after the
 * dedupe window by `loyalnest_flow_trigger_prune` (the segment module's `dedupeTables`), which
 * keeps a row whose event has an unresolved dead letter, so an admin's retry finds it sent.
 * SECURITY DEFINER like the other prune functions (it works across tenants).
 */
export class Migration20261209100500_flow_trigger_sent extends Migration {

  override name = 'Migration20261209100500_flow_trigger_sent';

  override up(): void | Promise<void> {
    this.addSql(`create table "flow_trigger_sent" ("merchant_id" uuid not null, "event_id" uuid not null, "handle" varchar(255) not null, "created_at" timestamptz not null, primary key ("merchant_id", "event_id", "handle"));`);
    this.addSql(`create index "flow_trigger_sent_created_at_index" on "flow_trigger_sent" ("created_at");`);
    this.addSql(`alter table "flow_trigger_sent" enable row level security;`);
    this.addSql(`alter table "flow_trigger_sent" force row level security;`);
    this.addSql(`create policy "flow_trigger_sent_tenant" on "flow_trigger_sent" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, delete on "flow_trigger_sent" to loyalnest_service;`);
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
    this.addSql(`drop table if exists "flow_trigger_sent" cascade;`);
  }

}
