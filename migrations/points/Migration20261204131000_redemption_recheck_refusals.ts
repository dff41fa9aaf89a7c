import { Migration } from '@mikro-orm/migrations';

/**
 * A failed redemption's recheck at a shop that refuses it (uninstalled, token revoked) is given up
 * after `REDEMPTION_MAX_RECHECKS` refusals: `recheck_refusals` counts them, `recheck_abandoned_at`
 * marks the redemption for an operator, and the claim (replaced in place, keeping its owner and
 * grants) no longer hands it out, so abandoned rows never crowd out the others of a batch.
 */
export class Migration20261204131000_redemption_recheck_refusals extends Migration {

  override name = 'Migration20261204131000_redemption_recheck_refusals';

  override up(): void | Promise<void> {
    this.addSql(`alter table "redemption" add column "recheck_refusals" int not null default 0, add column "recheck_abandoned_at" timestamptz null;`);
    this.addSql(`drop index "redemption_recheck_index";`);
    this.addSql(`create index "redemption_recheck_index" on "redemption" ("failed_at") where "status" = 'failed' and "rechecked_at" is null and "recheck_abandoned_at" is null;`);
    this.addSql(`create or replace function points_redemption_claim_recheck(settle_ms int, batch int)
      returns table (id uuid, merchant_id uuid)
      language sql security definer set search_path = pg_catalog, public, pg_temp
      as $$
        update redemption r set updated_at = now()
        where r.id in (
          select s.id from redemption s
          where s.status = 'failed' and s.rechecked_at is null and s.recheck_abandoned_at is null
            and s.failed_at < now() - make_interval(secs => settle_ms / 1000.0)
            and s.updated_at < now() - make_interval(secs => settle_ms / 1000.0)
          order by s.failed_at
          limit batch
          for update skip locked)
        returning r.id, r.merchant_id
      $$;`);
  }

  override down(): void | Promise<void> {
    // Back to the claim before refusals were counted, keeping the safe search path the definer
    // migration gave it (that migration's own `down` restores the earlier one).
    this.addSql(`create or replace function points_redemption_claim_recheck(settle_ms int, batch int)
      returns table (id uuid, merchant_id uuid)
      language sql security definer set search_path = pg_catalog, public, pg_temp
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
    this.addSql(`drop index "redemption_recheck_index";`);
    this.addSql(`create index "redemption_recheck_index" on "redemption" ("failed_at") where "status" = 'failed' and "rechecked_at" is null;`);
    this.addSql(`alter table "redemption" drop column "recheck_refusals", drop column "recheck_abandoned_at";`);
  }

}
