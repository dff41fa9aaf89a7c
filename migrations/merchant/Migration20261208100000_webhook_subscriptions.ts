import { Migration } from '@mikro-orm/migrations';

const TENANT = `("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid)`;
const TABLES = ['webhook_subscription', 'webhook_subscription_delivery'];
const CLAIM = 'loyalnest_webhook_claim(text, bigint, int)';
const PRUNE = 'loyalnest_webhook_subscription_prune(bigint, int)';

/**
 * Outgoing webhooks (issue 18): the endpoints merchants and partners subscribe to public topics,
 * and one delivery row per event and subscription (see the entities for each column's meaning).
 *
 * - Deliveries are unique per subscription and event: a redelivered event records nothing more.
 *   They go with their subscription (`on delete cascade`).
 * - An insert of deliveries wakes the dispatcher job after its commit (the kit's `markWake`).
 * - `loyalnest_webhook_claim`: the dispatcher's cross-tenant claim, owned by `loyalnest_definer`
 *   (store-roles.ts): up to `p_limit` active subscriptions whose backoff has passed, that no live
 *   lease holds and that have a delivery due, leased to `p_owner` for `p_lease_ms`; ids only.
 *   `skip locked`, so replicas claiming at once take different subscriptions; `no key update`, so a
 *   fan-out recording deliveries (whose foreign key takes a key-share lock) neither waits nor is skipped.
 * - `loyalnest_webhook_subscription_prune`: the dedupe-table pruning of the module
 *   (`dedupeTables`): finished deliveries older than the window, and pending ones of disabled
 *   subscriptions as old (never sent, and past every retry window by then).
 */
export class Migration20261208100000_webhook_subscriptions extends Migration {

  override name = 'Migration20261208100000_webhook_subscriptions';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_subscription" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "url" varchar(2048) not null,
      "topics" text[] not null,
      "description" varchar(200) null,
      "secret_encrypted" text not null,
      "secret_prefix" varchar(16) not null,
      "status" text not null default 'active' check ("status" in ('active', 'disabled')),
      "disabled_reason" text null check ("disabled_reason" in ('failures', 'merchant')),
      "disabled_at" timestamptz null,
      "consecutive_failures" int not null default 0 check ("consecutive_failures" >= 0),
      "failing_since" timestamptz null,
      "next_attempt_at" timestamptz not null,
      "lease_owner" varchar(100) null,
      "lease_until" timestamptz null,
      "last_success_at" timestamptz null,
      "last_failure_at" timestamptz null,
      "created_by_kind" varchar(20) not null,
      "created_by_id" varchar(255) null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`create index "webhook_subscription_merchant_index" on "webhook_subscription" ("merchant_id", "created_at");`);
    this.addSql(`create index "webhook_subscription_ready_index" on "webhook_subscription" ("next_attempt_at") where "status" = 'active';`);

    this.addSql(`create table "webhook_subscription_delivery" (
      "id" uuid not null,
      "merchant_id" uuid not null,
      "subscription_id" uuid not null references "webhook_subscription" ("id") on delete cascade,
      "event_id" uuid not null,
      "topic" varchar(100) not null,
      "body" text not null,
      "status" text not null default 'pending' check ("status" in ('pending', 'delivered', 'failed')),
      "attempts" int not null default 0 check ("attempts" >= 0),
      "next_attempt_at" timestamptz not null,
      "window_started_at" timestamptz not null,
      "last_attempt_at" timestamptz null,
      "last_status_code" int null,
      "last_error" varchar(1000) null,
      "last_response_excerpt" text null,
      "last_duration_ms" int null,
      "delivered_at" timestamptz null,
      "replayed_at" timestamptz null,
      "created_at" timestamptz not null,
      primary key ("id"));`);
    this.addSql(`alter table "webhook_subscription_delivery" add constraint "webhook_subscription_delivery_event_unique" unique ("subscription_id", "event_id");`);
    this.addSql(`create index "webhook_subscription_delivery_due_index" on "webhook_subscription_delivery" ("subscription_id", "next_attempt_at") where "status" = 'pending';`);
    this.addSql(`create index "webhook_subscription_delivery_list_index" on "webhook_subscription_delivery" ("merchant_id", "id");`);
    this.addSql(`create index "webhook_subscription_delivery_subscription_list_index" on "webhook_subscription_delivery" ("subscription_id", "id");`);
    this.addSql(`create index "webhook_subscription_delivery_created_index" on "webhook_subscription_delivery" ("created_at");`);

    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "${table}_tenant" on "${table}" using ${TENANT} with check ${TENANT};`);
      this.addSql(`grant select, insert, update, delete on "${table}" to loyalnest_service;`);
    }

    this.addSql(`create function "webhook_subscription_delivery_wake_fn"() returns trigger as $$ begin if not coalesce(TG_TABLE_NAME = any(string_to_array(current_setting('loyalnest.wake', true), ',')), false) then perform set_config('loyalnest.wake', concat_ws(',', nullif(current_setting('loyalnest.wake', true), ''), TG_TABLE_NAME), true); end if; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "webhook_subscription_delivery_wake" AFTER INSERT on "webhook_subscription_delivery" for each STATEMENT execute function "webhook_subscription_delivery_wake_fn"();`);

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
    this.addSql(`create function loyalnest_webhook_subscription_prune(p_min_age_ms bigint, p_limit int)
      returns int
      language sql volatile security definer
      as $$ with picked as (
              select d.id from webhook_subscription_delivery d
                join webhook_subscription s on s.id = d.subscription_id
               where d.created_at < now() - make_interval(secs => p_min_age_ms / 1000.0)
                 and (d.status <> 'pending' or s.status = 'disabled')
               order by d.created_at limit p_limit
                 for update of d skip locked),
            deleted as (delete from webhook_subscription_delivery d using picked where d.id = picked.id returning 1)
            select count(*)::int from deleted $$;`);
    this.addSql(`grant select, update on "webhook_subscription" to loyalnest_definer;`);
    this.addSql(`grant select, update, delete on "webhook_subscription_delivery" to loyalnest_definer;`);
    for (const fn of [CLAIM, PRUNE]) {
      this.addSql(`alter function ${fn} set search_path = pg_catalog, public, pg_temp;`);
      this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists ${PRUNE};`);
    this.addSql(`drop function if exists ${CLAIM};`);
    for (const table of [...TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
    this.addSql(`drop function if exists "webhook_subscription_delivery_wake_fn"();`);
  }

}
