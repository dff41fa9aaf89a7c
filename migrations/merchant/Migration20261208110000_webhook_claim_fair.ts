import { Migration } from '@mikro-orm/migrations';

const OLD_CLAIM = 'loyalnest_webhook_claim(text, bigint, int)';
const CLAIM = 'loyalnest_webhook_claim(text, bigint, int, int)';

/**
 * The dispatcher's claim, driven from the due side and fair across tenants (review M2, S1).
 *
 * - Due side: the subscriptions with a pending delivery are found by a skip scan of the existing
 *   `webhook_subscription_delivery_due_index` (`(subscription_id, next_attempt_at) where pending`):
 *   one index probe per subscription that has something waiting, which also reads its oldest due
 *   time. Delivered rows leave that partial index, so idle subscriptions cost nothing, however many
 *   there are; a backlog of one subscription costs one probe, not one row per waiting delivery.
 * - Fairness: one merchant holds at most `p_per_merchant` live leases across the deployment,
 *   counting those it already holds (`webhook_subscription_leased_index`, tiny: only leased rows).
 *   Replicas claiming in the same instant each see the other's leases only once committed, so the
 *   cap can be passed by one claim's worth per replica for a moment; it is not a security limit.
 * - `skip locked` and `no key update` as before; the lease conditions are checked again on the
 *   locked row, so a subscription another replica leased meanwhile is not taken twice.
 * - `p_owner` is one token per claim (the job's pass), so a drain's renew and release are tied to
 *   its own claim, never to another drain of the same process (review S2).
 */
export class Migration20261208110000_webhook_claim_fair extends Migration {

  override name = 'Migration20261208110000_webhook_claim_fair';

  override up(): void | Promise<void> {
    this.addSql(`create index "webhook_subscription_leased_index" on "webhook_subscription" ("merchant_id") where "lease_owner" is not null;`);
    this.addSql(`drop function if exists ${OLD_CLAIM};`);
    this.addSql(`create or replace function loyalnest_webhook_claim(p_owner text, p_lease_ms bigint, p_limit int, p_per_merchant int)
      returns table (subscription_id uuid, merchant_id uuid)
      language sql volatile security definer
      as $$ with recursive pending as (
              (select d.subscription_id, d.next_attempt_at from webhook_subscription_delivery d
                where d.status = 'pending' order by d.subscription_id, d.next_attempt_at limit 1)
              union all
              select nx.subscription_id, nx.next_attempt_at from pending p
               cross join lateral (select d.subscription_id, d.next_attempt_at from webhook_subscription_delivery d
                                    where d.status = 'pending' and d.subscription_id > p.subscription_id
                                    order by d.subscription_id, d.next_attempt_at limit 1) nx),
            held as (
              select s.merchant_id, count(*) as n from webhook_subscription s
               where s.lease_owner is not null and s.lease_until > now() group by s.merchant_id),
            ranked as (
              select s.id, greatest(s.next_attempt_at, p.next_attempt_at) as due,
                     row_number() over (partition by s.merchant_id order by greatest(s.next_attempt_at, p.next_attempt_at), s.id) + coalesce(h.n, 0) as place
                from pending p
                join webhook_subscription s on s.id = p.subscription_id
                left join held h on h.merchant_id = s.merchant_id
               where p.next_attempt_at <= now() and s.status = 'active' and s.next_attempt_at <= now()
                 and (s.lease_until is null or s.lease_until <= now())),
            picked as (
              select s.id from webhook_subscription s join ranked r on r.id = s.id
               where r.place <= p_per_merchant and s.status = 'active' and s.next_attempt_at <= now()
                 and (s.lease_until is null or s.lease_until <= now())
               order by r.due, s.id
               limit p_limit
                 for no key update of s skip locked)
            update webhook_subscription s
               set lease_owner = p_owner, lease_until = now() + make_interval(secs => p_lease_ms / 1000.0)
              from picked where s.id = picked.id
            returning s.id, s.merchant_id $$;`);
    this.addSql(`alter function ${CLAIM} set search_path = pg_catalog, public, pg_temp;`);
    this.addSql(`alter function ${CLAIM} owner to loyalnest_definer;`);
    this.addSql(`revoke all on function ${CLAIM} from public;`);
    this.addSql(`grant execute on function ${CLAIM} to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists ${CLAIM};`);
    this.addSql(`drop index if exists "webhook_subscription_leased_index";`);
    this.addSql(`create function loyalnest_webhook_claim(p_owner text, p_lease_ms bigint, p_limit int)
      returns table (subscription_id uuid, merchant_id uuid)
      language sql volatile security definer
      as $$ with picked as (
              select s.id from webhook_subscription s
               where s.status = 'active' and s.next_attempt_at <= now()
                 and (s.lease_until is null or s.lease_until <= now())
                 and exists (select 1 from webhook_subscription_delivery d
                              where d.subscription_id = s.id and d.status = 'pending' and d.next_attempt_at <= now())
               order by s.next_attempt_at, s.id
               limit p_limit
                 for no key update of s skip locked)
            update webhook_subscription s
               set lease_owner = p_owner, lease_until = now() + make_interval(secs => p_lease_ms / 1000.0)
              from picked where s.id = picked.id
            returning s.id, s.merchant_id $$;`);
    this.addSql(`alter function ${OLD_CLAIM} set search_path = pg_catalog, public, pg_temp;`);
    this.addSql(`alter function ${OLD_CLAIM} owner to loyalnest_definer;`);
    this.addSql(`revoke all on function ${OLD_CLAIM} from public;`);
    this.addSql(`grant execute on function ${OLD_CLAIM} to loyalnest_service;`);
  }

}
