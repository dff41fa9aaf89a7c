import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail. Table, indexes, constraints, the append-only triggers and the forced RLS policy
 * are as MikroORM generates them from AuditEntryEntity; the grant and the purge function are
 * hand-written.
 *
 * Append-only, enforced here rather than in code: the service role gets INSERT and SELECT only, and
 * the triggers refuse UPDATE, DELETE and TRUNCATE to every role, the owner's included. The one way
 * to remove rows is `loyalnest_audit_purge_merchant`, for GDPR `shop/redact`: it deletes every entry
 * of the merchant the calling transaction acts for (`app.merchant_id`) and of no other, and the
 * trigger lets exactly those deletes through.
 */
export class Migration20261124101000_audit_entry extends Migration {

  override name = 'Migration20261124101000_audit_entry';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "merchant_id" uuid not null, "sequence" bigint not null, "actor_kind" varchar(20) not null, "actor_id" varchar(255) not null, "entity_type" varchar(100) not null, "entity_id" varchar(255) null, "action" varchar(100) not null, "summary" jsonb not null, "request_id" varchar(100) null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null, "source_kind" text not null, "source_topic" varchar(100) not null, "source_event_id" uuid not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, primary key ("id"));`);
    this.addSql(`create index "audit_entry_entity_index" on "audit_entry" ("merchant_id", "entity_type", "entity_id", "sequence");`);
    this.addSql(`create index "audit_entry_actor_index" on "audit_entry" ("merchant_id", "actor_kind", "actor_id", "sequence");`);
    this.addSql(`create index "audit_entry_occurred_index" on "audit_entry" ("merchant_id", "occurred_at");`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_merchant_sequence_unique" unique ("merchant_id", "sequence");`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_merchant_source_unique" unique ("merchant_id", "source_event_id");`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_source_kind_check" check ("source_kind" in ('event', 'mutation'));`);

    this.addSql(`create or replace function "audit_entry_audit_entry_append_only_fn"() returns trigger as $$ begin if TG_OP = 'DELETE' and current_setting('loyalnest.audit_purge', true) = OLD.merchant_id::text then return OLD; end if; raise exception 'audit_entry is append-only: % refused', TG_OP; end; $$ language plpgsql;`);
    this.addSql(`create trigger "audit_entry_append_only" BEFORE UPDATE OR DELETE on "audit_entry" for each ROW execute function "audit_entry_audit_entry_append_only_fn"();`);
    this.addSql(`create or replace function "audit_entry_audit_entry_no_truncate_fn"() returns trigger as $$ begin raise exception 'audit_entry is append-only: TRUNCATE refused'; end; $$ language plpgsql;`);
    this.addSql(`create trigger "audit_entry_no_truncate" BEFORE TRUNCATE on "audit_entry" for each STATEMENT execute function "audit_entry_audit_entry_no_truncate_fn"();`);

    this.addSql(`alter table "audit_entry" enable row level security;`);
    this.addSql(`alter table "audit_entry" force row level security;`);
    this.addSql(`create policy "audit_entry_tenant" on "audit_entry" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);

    this.addSql(`grant select, insert on "audit_entry" to loyalnest_service;`);

    // Runs as the owner, so it needs no DELETE grant for the service role. The transaction-local
    // setting is what the trigger checks; it names this merchant only and is cleared before returning.
    this.addSql(`create function loyalnest_audit_purge_merchant(p_merchant_id uuid)
      returns bigint
      language plpgsql volatile security definer set search_path = public
      as $$
      declare
        deleted bigint;
      begin
        if p_merchant_id is null or p_merchant_id is distinct from nullif(current_setting('app.merchant_id', true), '')::uuid then
          raise exception 'loyalnest_audit_purge_merchant: the transaction does not act for merchant %', p_merchant_id;
        end if;
        perform set_config('loyalnest.audit_purge', p_merchant_id::text, true);
        delete from audit_entry where merchant_id = p_merchant_id;
        get diagnostics deleted = row_count;
        perform set_config('loyalnest.audit_purge', '', true);
        return deleted;
      end $$;`);
    this.addSql(`revoke all on function loyalnest_audit_purge_merchant(uuid) from public;`);
    this.addSql(`grant execute on function loyalnest_audit_purge_merchant(uuid) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists loyalnest_audit_purge_merchant(uuid);`);
    // Policy, RLS flags, indexes, constraints, triggers and the grant go with the table.
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_audit_entry_append_only_fn"();`);
    this.addSql(`drop function if exists "audit_entry_audit_entry_no_truncate_fn"();`);
  }

}
