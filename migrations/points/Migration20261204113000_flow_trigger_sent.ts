import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

/**
 * The Flow triggers the points domain has sent, or begun to send: one row per event and trigger,
 * written in a transaction of its own before the trigger goes out, so no event ever sends the same
 * trigger twice, whatever becomes of the consumer's transaction or of the send.
 */
export class Migration20261204113000_flow_trigger_sent extends Migration {

  override name = 'Migration20261204113000_flow_trigger_sent';

  override up(): void | Promise<void> {
    this.addSql(`create table "flow_trigger_sent" ("merchant_id" uuid not null, "event_id" uuid not null, "handle" varchar(255) not null, "created_at" timestamptz not null, primary key ("merchant_id", "event_id", "handle"));`);
    this.addSql(`alter table "flow_trigger_sent" enable row level security;`);
    this.addSql(`alter table "flow_trigger_sent" force row level security;`);
    this.addSql(`create policy "flow_trigger_sent_tenant" on "flow_trigger_sent" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, delete on "flow_trigger_sent" to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "flow_trigger_sent" cascade;`);
  }

}
