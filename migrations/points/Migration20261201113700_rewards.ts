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
 * The rewards catalog and its redemptions.
 *
 * `reward.redemption_count` counts the redemptions that hold a slot of the usage limit (all but
 * failed and cancelled ones); it is moved under the reward's row lock, and the check constraint
 * makes exceeding the limit impossible even for a bug. A redemption keeps its discount code
 * encrypted (`code_encrypted`) beside an HMAC of it (`code_index`) for exact lookups, and the
 * ledger entries that debited and gave back its points.
 *
 * Two SECURITY DEFINER functions let the redemption jobs find work across merchants (they bypass
 * RLS and return ids only); everything they then change runs under the merchant's own context.
 */
export class Migration20261201113700_rewards extends Migration {

  override name = 'Migration20261201113700_rewards';

  override up(): void | Promise<void> {
    this.addSql(`create table "reward" (
      "id" uuid not null, "merchant_id" uuid not null, "kind" text not null, "value" numeric(14,2) null, "variant_id" bigint null,
      "points_cost" int not null, "minimum_subtotal" numeric(14,2) null,
      "usage_limit" int null, "usage_limit_per_customer" int null, "redemption_count" int not null default 0,
      "starts_at" timestamptz null, "ends_at" timestamptz null, "code_validity_days" int null,
      "active" boolean not null default true, "archived_at" timestamptz null, "names" jsonb not null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`create index "reward_merchant_cost_index" on "reward" ("merchant_id", "points_cost", "id");`);
    this.addSql(`alter table "reward" add constraint "reward_kind_check" check ("kind" in ('fixed_amount', 'percentage', 'free_shipping', 'free_product'));`);
    this.addSql(`alter table "reward" add constraint "reward_points_cost_check" check ("points_cost" > 0);`);
    this.addSql(`alter table "reward" add constraint "reward_usage_check" check ("redemption_count" >= 0 and ("usage_limit" is null or "redemption_count" <= "usage_limit"));`);
    this.addSql(`alter table "reward" add constraint "reward_window_check" check ("starts_at" is null or "ends_at" is null or "starts_at" < "ends_at");`);

    this.addSql(`create table "redemption" (
      "id" uuid not null, "merchant_id" uuid not null, "reward_id" uuid not null, "customer_id" uuid not null,
      "points_spent" int not null, "status" text not null, "idempotency_key" varchar(255) not null,
      "code_encrypted" text not null, "code_index" varchar(64) not null,
      "shopify_discount_id" text null, "expires_at" timestamptz null, "error_code" text null,
      "redeem_entry_id" uuid not null, "refund_entry_id" uuid null, "attempts" int not null default 0,
      "issued_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`alter table "redemption" add constraint "redemption_merchant_key_unique" unique ("merchant_id", "idempotency_key");`);
    this.addSql(`alter table "redemption" add constraint "redemption_merchant_code_unique" unique ("merchant_id", "code_index");`);
    this.addSql(`alter table "redemption" add constraint "redemption_reward_fk" foreign key ("reward_id") references "reward" ("id") on delete cascade;`);
    this.addSql(`alter table "redemption" add constraint "redemption_status_check" check ("status" in ('pending', 'issued', 'failed', 'used', 'expired', 'cancelled'));`);
    this.addSql(`create index "redemption_customer_index" on "redemption" ("merchant_id", "customer_id", "id");`);
    this.addSql(`create index "redemption_reward_customer_index" on "redemption" ("reward_id", "customer_id");`);
    this.addSql(`create index "redemption_pending_index" on "redemption" ("updated_at") where "status" = 'pending';`);
    this.addSql(`create index "redemption_issued_expiry_index" on "redemption" ("expires_at") where "status" = 'issued';`);

    for (const table of ['reward', 'redemption']) {
      for (const sql of tenantOwned(table)) this.addSql(sql);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }

    // Claims stale pending redemptions for the recovery job: bumps `updated_at` so that another
    // replica running the job at the same time skips them (and the next sweep waits a full timeout).
    this.addSql(`create function points_redemption_claim_stale(stale_ms int, batch int)
      returns table (id uuid, merchant_id uuid)
      language sql security definer set search_path = public
      as $$
        update redemption r set updated_at = now()
        where r.id in (
          select s.id from redemption s
          where s.status = 'pending' and s.updated_at < now() - make_interval(secs => stale_ms / 1000.0)
          order by s.updated_at
          limit batch
          for update skip locked)
        returning r.id, r.merchant_id
      $$;`);
    this.addSql(`create function points_redemption_find_expired(batch int)
      returns table (id uuid, merchant_id uuid)
      language sql stable security definer set search_path = public
      as $$
        select r.id, r.merchant_id from redemption r
        where r.status = 'issued' and r.expires_at <= now()
        order by r.expires_at
        limit batch
      $$;`);
    for (const fn of ['points_redemption_claim_stale(int, int)', 'points_redemption_find_expired(int)']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists points_redemption_find_expired(int);`);
    this.addSql(`drop function if exists points_redemption_claim_stale(int, int);`);
    this.addSql(`drop table if exists "redemption" cascade;`);
    this.addSql(`drop table if exists "reward" cascade;`);
  }

}
