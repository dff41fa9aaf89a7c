import { Migration } from '@mikro-orm/migrations';

/**
 * The merchant store: tenants, partner API keys, pending OAuth installs. Tables, indexes and the
 * forced RLS policies are as MikroORM generates them from the entities; grants and the two
 * cross-tenant lookup functions are hand-written.
 */
export class Migration20261123120000_init extends Migration {

  override name = 'Migration20261123120000_init';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_key" ("id" uuid not null, "merchant_id" uuid not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" text[] not null, "created_by" varchar(255) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_key_merchant_id_index" on "api_key" ("merchant_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`create table "merchant" ("id" uuid not null, "shop_domain" varchar(255) not null, "name" varchar(255) not null, "currency" varchar(3) not null, "primary_locale" text not null default 'en', "enabled_locales" text[] not null default '{en}', "plan" text not null default 'free', "status" text not null default 'installed', "installed_at" timestamptz not null, "uninstalled_at" timestamptz null, "access_token_encrypted" text null, "access_scopes" varchar(1024) not null default '', "settings" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "merchant" add constraint "merchant_shop_domain_unique" unique ("shop_domain");`);
    this.addSql(`alter table "merchant" add constraint "merchant_primary_locale_check" check ("primary_locale" in ('en', 'es', 'fr'));`);
    this.addSql(`alter table "merchant" add constraint "merchant_plan_check" check ("plan" in ('free', 'growth', 'plus'));`);
    this.addSql(`alter table "merchant" add constraint "merchant_status_check" check ("status" in ('installed', 'uninstalled'));`);

    this.addSql(`create table "oauth_state" ("nonce" varchar(64) not null, "shop_domain" varchar(255) not null, "expires_at" timestamptz not null, primary key ("nonce"));`);

    this.addSql(`alter table "api_key" enable row level security;`);
    this.addSql(`alter table "api_key" force row level security;`);
    this.addSql(`create policy "api_key_tenant" on "api_key" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`alter table "merchant" enable row level security;`);
    this.addSql(`alter table "merchant" force row level security;`);
    this.addSql(`create policy "merchant_tenant" on "merchant" using ("id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);

    this.addSql(`grant select, insert, update, delete on "api_key", "merchant", "oauth_state" to loyalnest_service;`);

    // Two questions the service role must answer before it knows the tenant (install/OAuth by shop,
    // partner API key by hash). SECURITY DEFINER runs them as the owner, which RLS does not restrict,
    // and they return only these columns of the one matching row, never other tenants' data.
    this.addSql(`create function loyalnest_merchant_by_shop(p_shop text)
      returns table (merchant_id uuid, status text)
      language sql stable security definer set search_path = public
      as $$ select m.id, m.status from merchant m where m.shop_domain = lower(p_shop) $$;`);
    this.addSql(`revoke all on function loyalnest_merchant_by_shop(text) from public;`);
    this.addSql(`grant execute on function loyalnest_merchant_by_shop(text) to loyalnest_service;`);

    this.addSql(`create function loyalnest_api_key_by_hash(p_hash text)
      returns table (key_id uuid, merchant_id uuid, scopes text[], merchant_status text)
      language sql stable security definer set search_path = public
      as $$ select k.id, k.merchant_id, k.scopes, m.status
            from api_key k join merchant m on m.id = k.merchant_id
            where k.secret_hash = p_hash and k.revoked_at is null $$;`);
    this.addSql(`revoke all on function loyalnest_api_key_by_hash(text) from public;`);
    this.addSql(`grant execute on function loyalnest_api_key_by_hash(text) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists loyalnest_api_key_by_hash(text);`);
    this.addSql(`drop function if exists loyalnest_merchant_by_shop(text);`);
    // Policies, RLS flags, indexes, constraints and grants go with their tables.
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "merchant" cascade;`);
    this.addSql(`drop table if exists "oauth_state" cascade;`);
  }

}
