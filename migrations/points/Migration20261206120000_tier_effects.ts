import { Migration } from '@mikro-orm/migrations';

/**
 * What the tier domain needs of the points domain:
 * - `points_post_entry`'s events (`points.earned`, `points.reversed`, …) name the entry a reversal
 *   reverses, with its kind, source and creation (`reversesEntryId`, `reversesKind`,
 *   `reversesSource`, `reversesCreatedAt`; null unless the entry reverses another), so the tier
 *   domain can take a reversal off the earning it reverses without reading this store. The function
 *   already read the reversed entry of a negative reversal; it now reads it for every reversal (a
 *   give-back of spent points too: one primary-key lookup). Otherwise unchanged.
 * - `points_account.tier_id` and `tier_version`: the tier the account's `tier_multiplier` comes
 *   from, and the tier domain's version of the change that set it (0: none yet), so a change
 *   consumed after a newer one changes nothing.
 *
 * `down` restores the function as `Migration20261204110000_ledger_exactness` defined it.
 */
export class Migration20261206120000_tier_effects extends Migration {

  override name = 'Migration20261206120000_tier_effects';

  override up(): void | Promise<void> {
    this.addSql(`alter table "points_account" add column "tier_id" uuid null, add column "tier_version" int not null default 0;`);
    this.addSql(`create or replace function points_post_entry(
        p_entry_id uuid, p_merchant_id uuid, p_customer_id uuid, p_kind text, p_source text, p_status text, p_points int,
        p_idempotency_key text, p_reason text, p_order_id bigint, p_reverses uuid, p_available_at timestamptz,
        p_allow_negative boolean, p_clamp boolean, p_metadata jsonb,
        p_event_id uuid, p_actor_kind text, p_actor_id text, p_request_id text)
      returns table (outcome text, entry_id uuid, points int, balance int, pending int, lifetime_earned int, created_at timestamptz)
      language plpgsql volatile set search_path = pg_catalog, public, pg_temp
      as $$
      declare
        a points_account%rowtype;
        e points_entry%rowtype;
        amount int := p_points;
        posted boolean := p_status = 'posted';
        v_available_at timestamptz := p_available_at;
        r points_entry%rowtype;
        held int;
        reverses_earn boolean := false;
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
        -- What a reversal reverses, read once: its event names it (a give-back of spent points too).
        if p_reverses is not null then
          select * into r from points_entry where id = p_reverses and merchant_id = p_merchant_id;
        end if;
        -- A reversal follows what it reverses as it stands now, under the account's lock (the release
        -- job takes the same lock): still held, it comes out of that earning's pending points, and
        -- never more than the earning still holds; released, it comes out of the balance.
        if r.id is not null and amount < 0 then
          reverses_earn := r.kind = 'earn';
          if r.status = 'pending' then
            posted := false;
            v_available_at := r.available_at;
            select coalesce(sum(x.points), 0) into held from points_entry x where x.reverses_entry_id = p_reverses and x.status = 'pending';
            amount := greatest(amount, -(r.points + held));
          else
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
        -- Lifetime earned counts earnings and what reverses them, nothing else: a give-back of spent
        -- points never raised it, so taking that give-back again must not lower it.
        lifetime_delta := case when p_kind = 'earn' or (p_kind = 'reverse' and amount < 0 and reverses_earn) then amount else 0 end;

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
                                   'points', amount, 'balance', a.balance, 'pending', a.pending, 'orderId', p_order_id::text,
                                   'reversesEntryId', r.id, 'reversesKind', r.kind, 'reversesSource', r.source,
                                   'reversesCreatedAt', to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
                now_ts, null, p_actor_kind, p_actor_id, p_request_id);

        return query select 'posted'::text, p_entry_id, amount, a.balance, a.pending, a.lifetime_earned, now_ts;
      end $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function points_post_entry(
        p_entry_id uuid, p_merchant_id uuid, p_customer_id uuid, p_kind text, p_source text, p_status text, p_points int,
        p_idempotency_key text, p_reason text, p_order_id bigint, p_reverses uuid, p_available_at timestamptz,
        p_allow_negative boolean, p_clamp boolean, p_metadata jsonb,
        p_event_id uuid, p_actor_kind text, p_actor_id text, p_request_id text)
      returns table (outcome text, entry_id uuid, points int, balance int, pending int, lifetime_earned int, created_at timestamptz)
      language plpgsql volatile set search_path = pg_catalog, public, pg_temp
      as $$
      declare
        a points_account%rowtype;
        e points_entry%rowtype;
        amount int := p_points;
        posted boolean := p_status = 'posted';
        v_available_at timestamptz := p_available_at;
        r points_entry%rowtype;
        held int;
        reverses_earn boolean := false;
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
          reverses_earn := found and r.kind = 'earn';
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
        -- Lifetime earned counts earnings and what reverses them, nothing else: a give-back of spent
        -- points never raised it, so taking that give-back again must not lower it.
        lifetime_delta := case when p_kind = 'earn' or (p_kind = 'reverse' and amount < 0 and reverses_earn) then amount else 0 end;

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
    this.addSql(`alter table "points_account" drop column "tier_id", drop column "tier_version";`);
  }

}
