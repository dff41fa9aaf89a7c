import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;
const TABLES = ['segment_metafield_sync', 'segment_metafield_sync_setting'];
const DUE = 'segment_metafield_sync_due_merchants(timestamptz, int)';

/**
 * The Shopify metafield sync of customers' RFM segments:
 *
 * - `segment_metafield_sync`: the customers whose metafield must be written, one row per customer
 *   whatever the number of changes (the value is read from `segment_customer` when it is sent, so
 *   the latest segment wins). `generation` counts the requests: a send removes the row only if no
 *   request came meanwhile. `leased_until` keeps two job passes from sending the same customer at
 *   once; `attempts` and `next_attempt_at` are the retries' backoff; `failed` rows were given up on
 *   (kept, with the last error, until the customer's next change or the sync's next switch-on).
 *   An insert wakes the sync job after its commit (the kit's `markWake`); the job's own updates and
 *   deletes never do.
 * - `segment_metafield_sync_setting`: the sync setting as the segment domain last applied it from
 *   `segments.updated` (on or off, at which settings version), so switching it on queues every
 *   scored customer once, and an older event arriving late changes nothing.
 *
 * The job finds the merchants with due rows across tenants through `segment_metafield_sync_due_merchants`
 * (ids only), owned by `loyalnest_definer` under the kit's rule (store-roles.ts).
 */
export class Migration20261209140000_metafield_sync extends Migration {

  override name = 'Migration20261209140000_metafield_sync';

  override up(): void | Promise<void> {
    this.addSql(`create table "segment_metafield_sync" (
      "merchant_id" uuid not null,
      "customer_id" uuid not null,
      "generation" bigint not null default 1,
      "status" text not null default 'pending' check ("status" in ('pending', 'failed')),
      "attempts" int not null default 0 check ("attempts" >= 0),
      "next_attempt_at" timestamptz not null,
      "leased_until" timestamptz null,
      "last_error" varchar(1000) null,
      "queued_at" timestamptz not null,
      primary key ("merchant_id", "customer_id"));`);
    this.addSql(`create index "segment_metafield_sync_due_index" on "segment_metafield_sync" ("merchant_id", "next_attempt_at") where "status" = 'pending';`);
    this.addSql(`create index "segment_metafield_sync_due_all_index" on "segment_metafield_sync" ("next_attempt_at") include ("merchant_id") where "status" = 'pending';`);

    this.addSql(`create table "segment_metafield_sync_setting" (
      "merchant_id" uuid not null,
      "enabled" boolean not null,
      "version" int not null,
      "updated_at" timestamptz not null,
      primary key ("merchant_id"));`);

    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }

    this.addSql(`create function "segment_metafield_sync_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "segment_metafield_sync_wake" AFTER INSERT on "segment_metafield_sync" for each STATEMENT execute function "segment_metafield_sync_wake_fn"();`);

    // Merchants with rows due now, the longest waiting first: ids only.
    this.addSql(`create function segment_metafield_sync_due_merchants(p_now timestamptz, p_limit int)
      returns table (merchant_id uuid)
      language sql stable security definer
      as $$ select s.merchant_id from segment_metafield_sync s
             where s.status = 'pending' and s.next_attempt_at <= p_now and (s.leased_until is null or s.leased_until <= p_now)
             group by s.merchant_id
             order by min(s.next_attempt_at), s.merchant_id
             limit p_limit $$;`);
    this.addSql(`alter function ${DUE} set search_path = pg_catalog, public, pg_temp;`);
    this.addSql(`grant select on "segment_metafield_sync" to loyalnest_definer;`);
    this.addSql(`alter function ${DUE} owner to loyalnest_definer;`);
    this.addSql(`revoke all on function ${DUE} from public;`);
    this.addSql(`grant execute on function ${DUE} to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists ${DUE};`);
    for (const table of [...TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
    this.addSql(`drop function if exists "segment_metafield_sync_wake_fn"();`);
  }

}
