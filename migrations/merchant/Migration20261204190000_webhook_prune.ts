import { Migration } from '@mikro-orm/migrations';

/**
 * `webhook_delivery` grows by a row per Shopify event. Once a row is finished (processed, its body
 * erased; ignored; malformed) it serves only to store Shopify's retries and duplicates of the same
 * event id once, and Shopify stops sending those 48 hours after the first attempt, which is never
 * after the row was received. So a finished row goes after the dedupe window, never sooner than
 * 48 hours (the function holds that floor, whatever window it is given). A `received` row stays: a
 * domain has not applied it yet (in flight, swept, or dead-lettered and waiting for an operator's
 * retry, which reads its body), so the inbox sweeper and the consumers never miss one. The merchant
 * module declares it in `dedupeTables`, so the kit's event pruning calls `loyalnest_webhook_prune`.
 */
export class Migration20261204190000_webhook_prune extends Migration {

  override name = 'Migration20261204190000_webhook_prune';

  override up(): void | Promise<void> {
    this.addSql(`create index "webhook_delivery_finished_received_index" on "webhook_delivery" ("received_at") where "status" <> 'received';`);
    this.addSql(`create function loyalnest_webhook_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer set search_path = pg_catalog, public, pg_temp
      as $$ with picked as (
              select d.id from webhook_delivery d
               where d.status <> 'received'
                 and d.received_at < now() - make_interval(secs => greatest(p_min_age_ms, 172800000) / 1000.0)
               order by d.received_at limit p_limit
                 for update skip locked),
            deleted as (delete from webhook_delivery d using picked where d.id = picked.id returning 1)
            select count(*)::int from deleted $$;`);
    this.addSql(`revoke all on function loyalnest_webhook_prune(bigint, int) from public;`);
    this.addSql(`grant execute on function loyalnest_webhook_prune(bigint, int) to loyalnest_service;`);
    this.addSql(`alter function loyalnest_webhook_prune(bigint, int) owner to loyalnest_definer;`);
    // select and update were granted for the inbox sweeper's claim.
    this.addSql(`grant delete on "webhook_delivery" to loyalnest_definer;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke delete on "webhook_delivery" from loyalnest_definer;`);
    this.addSql(`drop function if exists loyalnest_webhook_prune(bigint, int);`);
    this.addSql(`drop index if exists "webhook_delivery_finished_received_index";`);
  }

}
