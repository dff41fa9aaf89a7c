import { Migration } from '@mikro-orm/migrations';

/**
 * Partner API keys may expire. The gateway's lookup by hash finds an expired key no more than a
 * revoked one, and answers when a key expires, so a socket opened with it closes then. The
 * lookup's result changes shape, so it is dropped and created again: the owner it had (whichever
 * role an earlier migration gave it) and its grants are kept.
 */
export class Migration20261204140000_api_key_expiry extends Migration {

  override name = 'Migration20261204140000_api_key_expiry';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_key" add column "expires_at" timestamptz null;`);
    this.addSql(recreateLookup(`
      returns table (key_id uuid, merchant_id uuid, scopes text[], merchant_status text, expires_at timestamptz)
      language sql stable security definer set search_path = pg_catalog, public, pg_temp
      as $f$ select k.id, k.merchant_id, k.scopes, m.status, k.expires_at
            from public.api_key k join public.merchant m on m.id = k.merchant_id
            where k.secret_hash = p_hash and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()) $f$`));
  }

  override down(): void | Promise<void> {
    this.addSql(recreateLookup(`
      returns table (key_id uuid, merchant_id uuid, scopes text[], merchant_status text)
      language sql stable security definer set search_path = pg_catalog, public, pg_temp
      as $f$ select k.id, k.merchant_id, k.scopes, m.status
            from public.api_key k join public.merchant m on m.id = k.merchant_id
            where k.secret_hash = p_hash and k.revoked_at is null $f$`));
    this.addSql(`alter table "api_key" drop column "expires_at";`);
  }

}

/** Drops and creates `loyalnest_api_key_by_hash(text)` with `definition`, under its current owner and grants. */
function recreateLookup(definition: string): string {
  return `do $$
    declare
      v_owner name := (select pg_get_userbyid(proowner) from pg_proc where oid = 'loyalnest_api_key_by_hash(text)'::regprocedure);
    begin
      drop function loyalnest_api_key_by_hash(text);
      create function loyalnest_api_key_by_hash(p_hash text) ${definition};
      execute format('alter function loyalnest_api_key_by_hash(text) owner to %I', v_owner);
      revoke all on function loyalnest_api_key_by_hash(text) from public;
      grant execute on function loyalnest_api_key_by_hash(text) to loyalnest_service;
    end $$;`;
}
