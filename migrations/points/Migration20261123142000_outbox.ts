import { Migration } from '@mikro-orm/migrations';

/** The kit's transactional outbox, in every store, under forced RLS like any tenant table. */
export class Migration20261123142000_outbox extends Migration {

  override name = 'Migration20261123142000_outbox';

  override up(): void | Promise<void> {
    this.addSql(`create table "outbox_event" ("id" uuid not null, "merchant_id" uuid not null, "topic" varchar(100) not null, "version" int not null default 1, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "outbox_event_unpublished_index" on "outbox_event" ("published_at", "id");`);
    this.addSql(`alter table "outbox_event" enable row level security;`);
    this.addSql(`alter table "outbox_event" force row level security;`);
    this.addSql(`create policy "outbox_event_tenant" on "outbox_event" using ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid) with check ("merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid);`);
    this.addSql(`grant select, insert, update, delete on "outbox_event" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "outbox_event" cascade;`);
  }

}
