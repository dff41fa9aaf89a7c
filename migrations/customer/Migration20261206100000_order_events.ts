import { Migration } from '@mikro-orm/migrations';

/**
 * What the order events (`order.recorded`, `order.refunded`, `order.cancelled`) need from the
 * ledger: the facts they carry (currency, subtotal, order number, discount codes, financial status,
 * when it was cancelled) and, per order and refund, when its event was emitted, so each is emitted
 * once. Rows already stored are marked `predates_events` (the column is added with default true,
 * which fills them without a statement that forced RLS would confine to one tenant, then defaults
 * to false): they never emit, as their facts (currency) were never kept; an order stored later does.
 */
export class Migration20261206100000_order_events extends Migration {

  override name = 'Migration20261206100000_order_events';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer_order"
      add column "currency" text null,
      add column "subtotal_price" numeric(14,2) null,
      add column "order_number" bigint null,
      add column "discount_codes" text[] not null default '{}',
      add column "financial_status" text null,
      add column "cancelled_at" timestamptz null,
      add column "recorded_at" timestamptz null,
      add column "cancel_recorded_at" timestamptz null,
      add column "predates_events" boolean not null default true;`);
    this.addSql(`alter table "customer_order" alter column "predates_events" set default false;`);
    this.addSql(`alter table "order_refund" add column "recorded_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "order_refund" drop column "recorded_at";`);
    this.addSql(`alter table "customer_order"
      drop column "currency", drop column "subtotal_price", drop column "order_number", drop column "discount_codes",
      drop column "financial_status", drop column "cancelled_at", drop column "recorded_at", drop column "cancel_recorded_at",
      drop column "predates_events";`);
  }

}
