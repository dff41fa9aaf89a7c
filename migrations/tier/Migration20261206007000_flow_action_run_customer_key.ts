import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

/**
 * - `flow_action_run`: the `change-tier` Flow action runs applied (the kit's `FlowActionRuns`), one
 *   row per run id, written in the run's own transaction, so a run Flow sends again applies once;
 *   `fingerprint` (SHA-256 of the run's normalized properties) tells the same run from a reused id,
 *   `answer` is what the first run answered. `customer_id` lets a customer's redaction remove their
 *   runs. Pruned after the dedupe window (at least a day, the longest Flow retries a run) by
 *   `loyalnest_flow_action_run_prune` (the tier module's `dedupeTables`), SECURITY DEFINER like the
 *   other prune functions (it works across tenants).
 * - `tier_customer`: which Shopify customer each LoyalNest customer of the tier store is, as a
 *   blind index (HMAC of the Shopify id with the deployment's blind index key, scoped by merchant),
 *   recorded when the customer's `customer.created` is consumed. A GDPR request names the customer
 *   by Shopify id only, and the customer domain may have erased its side before the tier domain's
 *   part runs: this keeps the way from one to the other without holding the Shopify id itself.
 */
export class Migration20261206007000_flow_action_run_customer_key extends Migration {

  override name = 'Migration20261206007000_flow_action_run_customer_key';

  override up(): void | Promise<void> {
    this.addSql(`create table "flow_action_run" (
      "merchant_id" uuid not null,
      "handle" varchar(255) not null,
      "run_id" varchar(255) not null,
      "fingerprint" varchar(64) not null,
      "customer_id" uuid not null,
      "answer" jsonb null,
      "created_at" timestamptz not null,
      primary key ("merchant_id", "handle", "run_id"));`);
    this.addSql(`create index "flow_action_run_created_at_index" on "flow_action_run" ("created_at");`);
    this.addSql(`create index "flow_action_run_customer_index" on "flow_action_run" ("merchant_id", "customer_id");`);
    this.addSql(`alter table "flow_action_run" enable row level security;`);
    this.addSql(`alter table "flow_action_run" force row level security;`);
    this.addSql(`create policy "flow_action_run_tenant" on "flow_action_run" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, update, delete on "flow_action_run" to loyalnest_service;`);
    this.addSql(`create function loyalnest_flow_action_run_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
      as $$ with picked as (
              select r.merchant_id, r.handle, r.run_id from flow_action_run r
               where r.created_at < now() - make_interval(secs => p_min_age_ms / 1000.0)
               order by r.created_at limit p_limit
                 for update skip locked),
            deleted as (
              delete from flow_action_run r using picked
               where r.merchant_id = picked.merchant_id and r.handle = picked.handle and r.run_id = picked.run_id
              returning 1)
            select count(*)::int from deleted $$;`);
    this.addSql(`revoke all on function loyalnest_flow_action_run_prune(bigint, int) from public;`);
    this.addSql(`grant execute on function loyalnest_flow_action_run_prune(bigint, int) to loyalnest_service;`);
    this.addSql(`alter function loyalnest_flow_action_run_prune(bigint, int) owner to loyalnest_definer;`);
    // update: `for update` locks the rows it picks.
    this.addSql(`grant select, update, delete on "flow_action_run" to loyalnest_definer;`);

    this.addSql(`create table "tier_customer" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "shopify_customer_index" varchar(64) not null,
      "created_at" timestamptz not null,
      primary key ("merchant_id", "customer_id"));`);
    this.addSql(`create index "tier_customer_shopify_index" on "tier_customer" ("merchant_id", "shopify_customer_index");`);
    this.addSql(`alter table "tier_customer" enable row level security;`);
    this.addSql(`alter table "tier_customer" force row level security;`);
    this.addSql(`create policy "tier_customer_tenant" on "tier_customer" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, delete on "tier_customer" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "tier_customer" cascade;`);
    this.addSql(`revoke select, update, delete on "flow_action_run" from loyalnest_definer;`);
    this.addSql(`drop function if exists loyalnest_flow_action_run_prune(bigint, int);`);
    this.addSql(`drop table if exists "flow_action_run" cascade;`);
  }

}
