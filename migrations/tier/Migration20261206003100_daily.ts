import { Migration } from '@mikro-orm/migrations';

/**
 * The daily tier job's cross-tenant lookup: RLS shows a transaction one merchant only, so a
 * SECURITY DEFINER function (owned by `loyalnest_definer`, as the points jobs' are) says which
 * merchants with a program have members due for a check, ids only. The members themselves are
 * taken under each merchant's tenant setting, with SKIP LOCKED, like any request.
 */
export class Migration20261206003100_daily extends Migration {

  override name = 'Migration20261206003100_daily';

  override up(): void | Promise<void> {
    this.addSql(`grant select on "tier_member", "tier_program" to loyalnest_definer;`);
    this.addSql(`create function tier_due_merchants(p_now timestamptz)
      returns table (merchant_id uuid)
      language sql stable security definer set search_path = pg_catalog, public, pg_temp
      as $$ select p.merchant_id from tier_program p
             where exists (select 1 from tier_member m where m.merchant_id = p.merchant_id and m.next_check_at <= p_now)
             order by p.merchant_id $$;`);
    this.addSql(`alter function tier_due_merchants(timestamptz) owner to loyalnest_definer;`);
    this.addSql(`revoke all on function tier_due_merchants(timestamptz) from public;`);
    this.addSql(`grant execute on function tier_due_merchants(timestamptz) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists tier_due_merchants(timestamptz);`);
    this.addSql(`revoke select on "tier_member", "tier_program" from loyalnest_definer;`);
  }

}
