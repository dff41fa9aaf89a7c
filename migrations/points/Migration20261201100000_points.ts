import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

function tenantOwned(table: string): string[] {
  return [
    `alter table "${table}" enable row level security;`,
    `alter table "${table}" force row level security;`,
    `create policy "${table}_tenant" on "${table}" using (${TENANT}) with check (${TENANT});`,
  ];
}

/**
 * The points store: each merchant's earning rules, one account per customer, and the ledger.
 *
 * `points_post_entry` is how every entry is written: under the account's row lock it checks the
 * idempotency key, the spendable balance and the negative-balance setting, inserts the entry,
 * moves the account's balance, pending and lifetime figures, and writes the entry's outbox event,
 * all in one round trip and in the caller's transaction. It runs as the caller (not security
 * definer), so forced RLS confines it to the transaction's merchant like any other statement.
 */
export class Migration20261201100000_points extends Migration {

  override name = 'Migration20261201100000_points';

  override up(): void | Promise<void> {
    this.addSql(`create table "points_program" ("merchant_id" uuid not null, "rules" jsonb not null, "updated_at" timestamptz not null, primary key ("merchant_id"));`);

    this.addSql(`create table "points_account" (
      "id" uuid not null, "merchant_id" uuid not null, "customer_id" uuid not null, "shopify_customer_id" bigint null,
      "balance" int not null default 0, "pending" int not null default 0, "lifetime_earned" int not null default 0,
      "tier_multiplier" numeric(6,2) not null default 1,
      "birth_month" smallint null, "birth_day" smallint null,
      "last_activity_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`alter table "points_account" add constraint "points_account_merchant_customer_unique" unique ("merchant_id", "customer_id");`);
    this.addSql(`create index "points_account_merchant_shopify_index" on "points_account" ("merchant_id", "shopify_customer_id");`);
    this.addSql(`alter table "points_account" add constraint "points_account_pending_check" check ("pending" >= 0);`);

    this.addSql(`create table "points_entry" (
      "id" uuid not null, "merchant_id" uuid not null, "account_id" uuid not null, "customer_id" uuid not null,
      "kind" text not null, "source" text not null, "status" text not null, "points" int not null,
      "requested_points" int not null, "idempotency_key" varchar(255) not null, "reason" varchar(255) null,
      "order_id" bigint null, "reverses_entry_id" uuid null, "available_at" timestamptz null, "released_at" timestamptz null,
      "metadata" jsonb not null default '{}', "created_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_merchant_key_unique" unique ("merchant_id", "idempotency_key");`);
    this.addSql(`create index "points_entry_account_index" on "points_entry" ("account_id", "id");`);
    this.addSql(`create index "points_entry_merchant_order_index" on "points_entry" ("merchant_id", "order_id") where "order_id" is not null;`);
    this.addSql(`create index "points_entry_pending_index" on "points_entry" ("available_at") where "status" = 'pending';`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_kind_check" check ("kind" in ('earn', 'redeem', 'adjust', 'expire', 'reverse'));`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_source_check" check ("source" in ('order', 'activity', 'referral', 'tier', 'admin', 'partner', 'flow', 'signup', 'birthday', 'reward', 'expiry'));`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_status_check" check ("status" in ('posted', 'pending'));`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_account_fk" foreign key ("account_id") references "points_account" ("id") on delete cascade;`);

    // Refunds as Shopify reported them, so one that arrives before its order earned is reversed once it has.
    this.addSql(`create table "points_order_refund" ("id" uuid not null, "merchant_id" uuid not null, "shopify_refund_id" bigint not null, "shopify_order_id" bigint not null, "amount" numeric(14,2) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "points_order_refund" add constraint "points_order_refund_merchant_refund_unique" unique ("merchant_id", "shopify_refund_id");`);
    this.addSql(`create index "points_order_refund_merchant_order_index" on "points_order_refund" ("merchant_id", "shopify_order_id");`);

    for (const table of ['points_program', 'points_account', 'points_entry', 'points_order_refund']) {
      for (const sql of tenantOwned(table)) this.addSql(sql);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }
    // Entries are immutable but for a pending earn's release (status, released_at) and GDPR redaction.
    this.addSql(`revoke update on "points_entry" from loyalnest_service;`);
    this.addSql(`grant update ("status", "released_at", "metadata", "reason") on "points_entry" to loyalnest_service;`);

    this.addSql(`create function points_post_entry(
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
        lifetime_delta int;
        now_ts timestamptz := clock_timestamp();
      begin
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
        values (p_entry_id, p_merchant_id, a.id, p_customer_id, p_kind, p_source, p_status, amount, p_points,
                p_idempotency_key, p_reason, p_order_id, p_reverses, p_available_at, coalesce(p_metadata, '{}'::jsonb), now_ts);

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
                jsonb_build_object('entryId', p_entry_id, 'customerId', p_customer_id, 'kind', p_kind, 'source', p_source, 'status', p_status,
                                   'points', amount, 'balance', a.balance, 'pending', a.pending, 'orderId', p_order_id::text),
                now_ts, null, p_actor_kind, p_actor_id, p_request_id);

        return query select 'posted'::text, p_entry_id, amount, a.balance, a.pending, a.lifetime_earned, now_ts;
      end $$;`);
    this.addSql(`grant execute on function points_post_entry(uuid, uuid, uuid, text, text, text, int, text, text, bigint, uuid, timestamptz, boolean, boolean, jsonb, uuid, text, text, text) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists points_post_entry;`);
    this.addSql(`drop table if exists "points_order_refund" cascade;`);
    this.addSql(`drop table if exists "points_entry" cascade;`);
    this.addSql(`drop table if exists "points_account" cascade;`);
    this.addSql(`drop table if exists "points_program" cascade;`);
  }

}
