import { Migration } from '@mikro-orm/migrations';

/**
 * The admin's note on a rejection (`rejectReferral(reason)`), kept on the referral rather than in
 * `referral.voided`, whose payload carries codes only.
 *
 * The hold job's cross-tenant lookup: RLS shows a transaction one merchant only, so a SECURITY
 * DEFINER function (owned by `loyalnest_definer`, as the other jobs' are) says which merchants
 * have PENDING referrals whose hold has ended, ids only, through the partial hold index. The
 * referrals themselves are taken under each merchant's tenant setting, with SKIP LOCKED.
 */
export class Migration20261208130000_referral_hold_review extends Migration {

  override name = 'Migration20261208130000_referral_hold_review';

  override up(): void | Promise<void> {
    this.addSql(`alter table "referral" add column "rejection_reason" text null check (length("rejection_reason") between 1 and 500);`);
    this.addSql(`grant select on "referral" to loyalnest_definer;`);
    this.addSql(`create function referral_due_hold_merchants(p_now timestamptz)
      returns table (merchant_id uuid)
      language sql stable security definer set search_path = pg_catalog, public, pg_temp
      as $$ select distinct r.merchant_id from referral r
             where r.status = 'PENDING' and r.hold_until <= p_now
             order by r.merchant_id $$;`);
    this.addSql(`alter function referral_due_hold_merchants(timestamptz) owner to loyalnest_definer;`);
    this.addSql(`revoke all on function referral_due_hold_merchants(timestamptz) from public;`);
    this.addSql(`grant execute on function referral_due_hold_merchants(timestamptz) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists referral_due_hold_merchants(timestamptz);`);
    this.addSql(`revoke select on "referral" from loyalnest_definer;`);
    this.addSql(`alter table "referral" drop column if exists "rejection_reason";`);
  }

}
