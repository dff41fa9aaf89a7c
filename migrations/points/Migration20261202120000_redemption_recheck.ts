import { Migration } from '@mikro-orm/migrations';

/**
 * A failed redemption's code is checked at Shopify twice: at once (the compensation consumer), and
 * once more after the merchant subgraph's Shopify deadline has surely passed (the recovery job), so
 * a create that Shopify carried out late, after the first check found nothing, is deleted too.
 * `points_redemption_claim_recheck` hands the job such redemptions across merchants (ids only),
 * bumping `updated_at` so replicas take different rows and a failed check is retried later.
 */
export class Migration20261202120000_redemption_recheck extends Migration {

  override name = 'Migration20261202120000_redemption_recheck';

  override up(): void | Promise<void> {
    this.addSql(`alter table "redemption" add column "failed_at" timestamptz null, add column "rechecked_at" timestamptz null;`);
    this.addSql(`create index "redemption_recheck_index" on "redemption" ("failed_at") where "status" = 'failed' and "rechecked_at" is null;`);
    this.addSql(`create function points_redemption_claim_recheck(settle_ms int, batch int)
      returns table (id uuid, merchant_id uuid)
      language sql security definer set search_path = public
      as $$
        update redemption r set updated_at = now()
        where r.id in (
          select s.id from redemption s
          where s.status = 'failed' and s.rechecked_at is null
            and s.failed_at < now() - make_interval(secs => settle_ms / 1000.0)
            and s.updated_at < now() - make_interval(secs => settle_ms / 1000.0)
          order by s.failed_at
          limit batch
          for update skip locked)
        returning r.id, r.merchant_id
      $$;`);
    this.addSql(`revoke all on function points_redemption_claim_recheck(int, int) from public;`);
    this.addSql(`grant execute on function points_redemption_claim_recheck(int, int) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists points_redemption_claim_recheck(int, int);`);
    this.addSql(`alter table "redemption" drop column "failed_at", drop column "rechecked_at";`);
  }

}
