import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

/**
 * Three ledger defects:
 * - `points_order_cancellation`: an order's cancellation as the points domain saw it, so an earn
 *   that comes after it (a retried `orders/paid`, or one consumed at the same time) earns nothing,
 *   as `points_order_refund` does for refunds that come first.
 * - `points_order_refund` keeps what a refund returned per part of the order (line items and their
 *   taxes, shipping and its taxes), so its share of the points is taken against the earning base,
 *   not the order's total. Refunds recorded before keep zeros: their whole amount counts as before.
 * - `points_post_entry` moves lifetime earned only for earns and reversals of earns: the reversal of
 *   a redemption's give-back (a late order used a cancelled code) lowered it. Accounts it lowered
 *   are repaired. Otherwise unchanged.
 */
export class Migration20261204110000_ledger_exactness extends Migration {

  override name = 'Migration20261204110000_ledger_exactness';

  override up(): void | Promise<void> {
    this.addSql(`create table "points_order_cancellation" ("id" uuid not null, "merchant_id" uuid not null, "shopify_order_id" bigint not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "points_order_cancellation" add constraint "points_order_cancellation_merchant_order_unique" unique ("merchant_id", "shopify_order_id");`);
    this.addSql(`alter table "points_order_cancellation" enable row level security;`);
    this.addSql(`alter table "points_order_cancellation" force row level security;`);
    this.addSql(`create policy "points_order_cancellation_tenant" on "points_order_cancellation" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, update, delete on "points_order_cancellation" to loyalnest_service;`);

    this.addSql(`alter table "points_order_refund"
      add column "line_items" numeric(14,2) not null default 0, add column "line_taxes" numeric(14,2) not null default 0,
      add column "shipping" numeric(14,2) not null default 0, add column "shipping_taxes" numeric(14,2) not null default 0;`);

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

    // The repair spans every merchant; the owner running migrations is subject to forced RLS (it
    // need not be a superuser), so the two tables stop forcing it for this transaction only.
    this.addSql(`alter table "points_account" no force row level security;`);
    this.addSql(`alter table "points_entry" no force row level security;`);
    this.addSql(`update points_account a set lifetime_earned = a.lifetime_earned - s.wrong
      from (select x.account_id, sum(x.points) as wrong
              from points_entry x left join points_entry r on r.id = x.reverses_entry_id
             where x.kind = 'reverse' and x.points < 0 and (r.id is null or r.kind <> 'earn')
             group by x.account_id) s
     where s.account_id = a.id;`);
    this.addSql(`alter table "points_account" force row level security;`);
    this.addSql(`alter table "points_entry" force row level security;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "points_order_cancellation" cascade;`);
    this.addSql(`alter table "points_order_refund" drop column "line_items", drop column "line_taxes", drop column "shipping", drop column "shipping_taxes";`);
  }

}
