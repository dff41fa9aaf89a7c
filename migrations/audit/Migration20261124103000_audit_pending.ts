import { Migration } from '@mikro-orm/migrations';

/**
 * Entries waiting for their place in the chain. Consumers stage them here without taking the
 * merchant's chain lock, so events of one merchant no longer serialize on it; the chainer job
 * links them in batches (one lock, one transaction per batch). Tenant-owned like every table;
 * a narrow SECURITY DEFINER function lists the merchants with work waiting.
 */
export class Migration20261124103000_audit_pending extends Migration {

  override name = 'Migration20261124103000_audit_pending';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_pending" ("id" uuid not null, "merchant_id" uuid not null, "draft" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "audit_pending_merchant_index" on "audit_pending" ("merchant_id", "id");`);
    this.addSql(`alter table "audit_pending" enable row level security;`);
    this.addSql(`alter table "audit_pending" force row level security;`);
    this.addSql(`create policy "audit_pending_tenant" on "audit_pending" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`grant select, insert, delete on "audit_pending" to loyalnest_service;`);
    this.addSql(`
      create function loyalnest_audit_pending_merchants(batch int)
      returns table (merchant_id uuid)
      language sql security definer set search_path = public
      as $$ select distinct p.merchant_id from audit_pending p limit batch $$;`);
    this.addSql(`revoke all on function loyalnest_audit_pending_merchants(int) from public;`);
    this.addSql(`grant execute on function loyalnest_audit_pending_merchants(int) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists loyalnest_audit_pending_merchants(int);`);
    this.addSql(`drop table if exists "audit_pending";`);
  }

}
