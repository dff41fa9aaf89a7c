import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;

/**
 * `segment_run_fact`: each customer's facts as a run computed them when it started (last order,
 * orders and net spend in the window), from one pass over the merchant's order facts. The run's
 * batches then read their customers' facts as one short range of this table's key (a table a
 * tenth the size of the orders, which stays in memory), instead of each batch fetching its
 * customers' orders from all over `segment_order` (a million customers' orders are scattered over
 * the whole table: forty batches read it forty times). Logged like every table of the store, so
 * a run resumed after a crash of PostgreSQL finds its facts. The rows go when the run ends.
 */
export class Migration20261209120500_run_facts extends Migration {

  override name = 'Migration20261209120500_run_facts';

  override up(): void | Promise<void> {
    this.addSql(`create table "segment_run_fact" (
      "merchant_id" uuid not null,
      "run_id" uuid not null,
      "customer_id" uuid not null,
      "last_order_at" timestamptz not null,
      "orders" int not null,
      "spend" bigint not null,
      primary key ("merchant_id", "run_id", "customer_id"));`);
    this.addSql(`alter table "segment_run_fact" enable row level security;`);
    this.addSql(`alter table "segment_run_fact" force row level security;`);
    this.addSql(`create policy "segment_run_fact_tenant" on "segment_run_fact" using ${TENANT} with check ${TENANT};`);
    this.addSql(`grant select, insert, update, delete on "segment_run_fact" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "segment_run_fact" cascade;`);
  }

}
