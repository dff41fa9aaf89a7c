import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;
const TABLES = ['segment_export', 'segment_export_row', 'segment_export_chunk'];
const FUNCTIONS = ['segment_export_merchants()', 'segment_export_expired_merchants(int)'];

/**
 * Member exports (`exportSegment`): a CSV of a segment's members, made in the background.
 *
 * - `segment_export`: one export, its status and progress (`done` of `total` rows), who asked,
 *   and until when it can be downloaded. At most a few are queued or running per merchant (the
 *   service's bound, under an advisory lock).
 * - `segment_export_row`: the members as the export's first batch found them (ids, scores,
 *   segment, since; no PII), numbered in customer id order: every later batch writes the next
 *   ones, so the file is one consistent snapshot whatever recomputes run meanwhile, and a customer
 *   erased later can be found in the exports that hold them.
 * - `segment_export_chunk`: the file, one chunk per batch, encrypted with the kit's `FieldCipher`;
 *   in PostgreSQL because the services are stateless replicas with no shared disk.
 *
 * An insert of an export wakes the export job after its commit (`markWake`); the job's own
 * writes only update it. Two SECURITY DEFINER functions name the merchants the jobs have work for
 * (ids only: RLS shows a transaction one merchant), so the definer reads `segment_export` and
 * nothing else; the work itself runs under each merchant's tenant setting.
 */
export class Migration20261209150000_segment_exports extends Migration {

  override name = 'Migration20261209150000_segment_exports';

  override up(): void | Promise<void> {
    this.addSql(`create table "segment_export" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "handle" varchar(64) not null,
      "kind" text not null check ("kind" in ('rfm', 'custom')),
      "status" text not null check ("status" in ('queued', 'running', 'ready', 'failed', 'expired')),
      "total" int not null default 0,
      "done" int not null default 0,
      "chunks" int not null default 0,
      "failures" int not null default 0,
      "error" varchar(1000) null,
      "requested_by_kind" varchar(20) not null,
      "requested_by_id" varchar(255) not null,
      "created_at" timestamptz not null,
      "started_at" timestamptz null,
      "finished_at" timestamptz null,
      "expires_at" timestamptz not null,
      primary key ("id"),
      check ("done" between 0 and "total"));`);
    this.addSql(`create index "segment_export_merchant_index" on "segment_export" ("merchant_id", "created_at" desc);`);
    this.addSql(`create index "segment_export_active_index" on "segment_export" ("merchant_id") where "status" in ('queued', 'running');`);
    this.addSql(`create index "segment_export_expiry_index" on "segment_export" ("expires_at") where "status" <> 'expired';`);

    this.addSql(`create table "segment_export_row" (
      "merchant_id" uuid not null,
      "export_id" uuid not null references "segment_export" ("id") on delete cascade,
      "ordinal" int not null,
      "customer_id" uuid not null,
      "recency" smallint null,
      "frequency" smallint null,
      "monetary" smallint null,
      "segment" varchar(64) null,
      "since" timestamptz null,
      primary key ("export_id", "ordinal"));`);
    this.addSql(`create index "segment_export_row_customer_index" on "segment_export_row" ("merchant_id", "customer_id");`);

    this.addSql(`create table "segment_export_chunk" (
      "merchant_id" uuid not null,
      "export_id" uuid not null references "segment_export" ("id") on delete cascade,
      "seq" int not null,
      "rows" int not null,
      "content" text not null,
      primary key ("export_id", "seq"));`);

    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }

    this.addSql(`create function "segment_export_segment_export_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "segment_export_wake" AFTER INSERT on "segment_export" for each STATEMENT execute function "segment_export_segment_export_wake_fn"();`);

    this.addSql(`grant select on "segment_export" to loyalnest_definer;`);
    this.addSql(`create function segment_export_merchants()
      returns table (merchant_id uuid)
      language sql stable security definer
      as $$ select distinct e.merchant_id from segment_export e where e.status in ('queued', 'running') order by e.merchant_id $$;`);
    this.addSql(`create function segment_export_expired_merchants(p_limit int)
      returns table (merchant_id uuid)
      language sql stable security definer
      as $$ select distinct e.merchant_id from segment_export e where e.status <> 'expired' and e.expires_at <= now() order by e.merchant_id limit p_limit $$;`);
    for (const fn of FUNCTIONS) {
      this.addSql(`alter function ${fn} set search_path = pg_catalog, public, pg_temp;`);
      this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    for (const fn of FUNCTIONS) this.addSql(`drop function if exists ${fn};`);
    this.addSql(`drop trigger if exists "segment_export_wake" on "segment_export";`);
    this.addSql(`drop function if exists "segment_export_segment_export_wake_fn"();`);
    for (const table of [...TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
  }

}
