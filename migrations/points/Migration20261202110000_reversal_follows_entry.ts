import { Migration } from '@mikro-orm/migrations';

/**
 * A reversal (`p_reverses`) is posted or held by what it reverses as that entry stands under the
 * account's lock, not by what the caller read before taking it: a refund racing the release of its
 * order's pending points otherwise wrote a pending reversal of points already spendable (clamped to
 * nothing, or taken later from a balance that had been spent). A held reversal takes no more than
 * its earning still holds. Otherwise unchanged.
 */
export class Migration20261202110000_reversal_follows_entry extends Migration {

  override name = 'Migration20261202110000_reversal_follows_entry';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function points_post_entry(
        p_entry_id uuid, p_merchant_id uuid, p_customer_id uuid, p_kind text, p_source text, p_status text, p_points int,
        p_idempotency_key text, p_reason text, p_order_id bigint, p_reverses uuid, p_available_at timestamptz,
        p_allow_negative boolean, p_clamp boolean, p_metadata jsonb,
        p_event_id uuid, p_actor_kind text, p_actor_id text, p_request_id text)
      returns table (outcome text, entry_id uuid, points int, balance int, pending int, lifetime_earned int, created_at timestamptz)
      language plpgsql volatile set search_path = public
      as $$
      declare
        a points_account%rowtype;
        e points_entry%rowtype;
        amount int := p_points;
        posted boolean := p_status = 'posted';
        v_available_at timestamptz := p_available_at;
        r points_entry%rowtype;
        held int;
        lifetime_delta int;
        now_ts timestamptz := clock_timestamp();
      begin
        -- Joins a transaction already acting for this merchant, or acts for it alone (a statement
        -- of its own, one round trip); never switches a transaction to another merchant.
        if coalesce(current_setting('app.merchant_id', true), '') not in ('', p_merchant_id::text) then
          raise exception 'points_post_entry for merchant % in a transaction acting for another merchant', p_merchant_id using errcode = '42501';
        end if;
        perform set_config('app.merchant_id', p_merchant_id::text, true);
        select * into a from points_account where merchant_id = p_merchant_id and customer_id = p_customer_id for update;
        if not found then
          return query select 'no_account'::text, null::uuid, 0, 0, 0, 0, null::timestamptz;
          return;
        end if;
        select * into e from points_entry where merchant_id = p_merchant_id and idempotency_key = p_idempotency_key;
        if found then
          return query select
            (case when e.customer_id = p_customer_id and e.kind = p_kind and e.requested_points = p_points then 'duplicate' else 'key_reused' end)::text,
            e.id, e.points, a.balance, a.pending, a.lifetime_earned, e.created_at;
          return;
        end if;
        -- A reversal follows what it reverses as it stands now, under the account's lock (the release
        -- job takes the same lock): still held, it comes out of that earning's pending points, and
        -- never more than the earning still holds; released, it comes out of the balance.
        if p_reverses is not null and amount < 0 then
          select * into r from points_entry where id = p_reverses and merchant_id = p_merchant_id;
          if found and r.status = 'pending' then
            posted := false;
            v_available_at := r.available_at;
            select coalesce(sum(x.points), 0) into held from points_entry x where x.reverses_entry_id = p_reverses and x.status = 'pending';
            amount := greatest(amount, -(r.points + held));
          elsif found then
            posted := true;
            v_available_at := null;
          end if;
        end if;
        if amount < 0 and posted and a.balance + amount < 0 then
          if p_clamp and not p_allow_negative then
            amount := -greatest(a.balance, 0);
          elsif not p_allow_negative then
            return query select 'insufficient'::text, null::uuid, 0, a.balance, a.pending, a.lifetime_earned, null::timestamptz;
            return;
          end if;
        end if;
        if amount < 0 and not posted then
          amount := greatest(amount, -a.pending);
        end if;
        lifetime_delta := case when p_kind = 'earn' or (p_kind = 'reverse' and amount < 0) then amount else 0 end;

        insert into points_entry ("id", "merchant_id", "account_id", "customer_id", "kind", "source", "status", "points", "requested_points",
                                  "idempotency_key", "reason", "order_id", "reverses_entry_id", "available_at", "metadata", "created_at")
        values (p_entry_id, p_merchant_id, a.id, p_customer_id, p_kind, p_source, case when posted then 'posted' else 'pending' end, amount, p_points,
                p_idempotency_key, p_reason, p_order_id, p_reverses, v_available_at, coalesce(p_metadata, '{}'::jsonb), now_ts);

        update points_account set
          balance = points_account.balance + (case when posted then amount else 0 end),
          pending = points_account.pending + (case when posted then 0 else amount end),
          lifetime_earned = points_account.lifetime_earned + lifetime_delta,
          last_activity_at = case when p_kind in ('earn', 'redeem', 'adjust') then now_ts else points_account.last_activity_at end,
          updated_at = now_ts
        where id = a.id
        returning * into a;

        insert into outbox_event ("id", "merchant_id", "topic", "version", "payload", "occurred_at", "published_at", "actor_kind", "actor_id", "request_id")
        values (p_event_id, p_merchant_id,
                case p_kind when 'earn' then 'points.earned' when 'redeem' then 'points.redeemed' when 'adjust' then 'points.adjusted'
                            when 'expire' then 'points.expired' else 'points.reversed' end,
                1,
                jsonb_build_object('entryId', p_entry_id, 'customerId', p_customer_id, 'kind', p_kind, 'source', p_source, 'status', case when posted then 'posted' else 'pending' end,
                                   'points', amount, 'balance', a.balance, 'pending', a.pending, 'orderId', p_order_id::text),
                now_ts, null, p_actor_kind, p_actor_id, p_request_id);

        return query select 'posted'::text, p_entry_id, amount, a.balance, a.pending, a.lifetime_earned, now_ts;
      end $$;`);
  }

}
