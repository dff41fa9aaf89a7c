import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { OrderFingerprints } from '../topics.js';
import { publishOrderEvents } from './order-events.service.js';

/** The facts of a Shopify order the customer's stats and the order events depend on. */
export interface OrderFacts {
  shopifyOrderId: string;
  shopifyCustomerId: string | null;
  /** Decimal string in the shop currency. */
  totalPrice: string;
  cancelled: boolean;
  /** When it was cancelled; null while it is not. */
  cancelledAt: Date | null;
  processedAt: Date;
  /** Shopify's `updated_at`: orders/updated storms arrive out of order; the newest version wins. */
  updatedAt: Date;
  /** ISO 4217 code of the amounts; null when the body named none. */
  currency: string | null;
  /** Decimal string; null when the body had none. */
  subtotalPrice: string | null;
  orderNumber: number | null;
  discountCodes: string[];
  financialStatus: string | null;
  /** Shopify's `fulfillment_status`: `fulfilled` once every item shipped; null while none did. */
  fulfillmentStatus: string | null;
  /** Keyed hashes of the contact email, shipping address and browser IP (`orderFingerprints`); absent: none known. */
  fingerprints?: OrderFingerprints;
}

export interface RefundFacts {
  shopifyRefundId: string;
  shopifyOrderId: string;
  amount: string;
  createdAt: Date;
}

/**
 * Keeps orders count, total spent and last order at exact under duplicated, reordered and
 * repeated deliveries: each order and refund is stored once under its Shopify id (an older
 * version of an order never replaces a newer one) and the stats are recomputed from what is
 * stored, in the same transaction, under a per-customer lock so concurrent events serialize.
 * The order events go out in that transaction too (`publishOrderEvents`).
 *
 * Locks are taken order first, then customer, everywhere: an order and a refund of it serialize
 * on the order's lock (so a refund that arrives as its order is being stored is never missed by
 * both), and no two transactions wait on each other's locks in the opposite order.
 */
export class OrderService {
  async applyOrder(ctx: RequestContext, order: OrderFacts): Promise<void> {
    await inRequestTransaction(ctx, async () => {
      const { em } = ctx;
      await this.lockOrder(ctx, order.shopifyOrderId);
      if (order.shopifyCustomerId) await lockCustomer(em, ctx.merchantId!, order.shopifyCustomerId);
      await em.execute(
        `insert into customer_order (id, merchant_id, shopify_order_id, shopify_customer_id, total_price, cancelled, processed_at, source_updated_at,
                                     currency, subtotal_price, order_number, discount_codes, financial_status, cancelled_at, fulfillment_status,
                                     email_fingerprint, shipping_address_fingerprint, browser_ip_fingerprint)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
         on conflict (merchant_id, shopify_order_id) do update set
           shopify_customer_id = excluded.shopify_customer_id, total_price = excluded.total_price, cancelled = excluded.cancelled,
           processed_at = excluded.processed_at, source_updated_at = excluded.source_updated_at,
           currency = excluded.currency, subtotal_price = excluded.subtotal_price, order_number = excluded.order_number,
           discount_codes = excluded.discount_codes, financial_status = excluded.financial_status, cancelled_at = excluded.cancelled_at,
           fulfillment_status = excluded.fulfillment_status,
           -- A newer version that lacks a signal (a trimmed body) does not erase one an older version gave.
           email_fingerprint = coalesce(excluded.email_fingerprint, customer_order.email_fingerprint),
           shipping_address_fingerprint = coalesce(excluded.shipping_address_fingerprint, customer_order.shipping_address_fingerprint),
           browser_ip_fingerprint = coalesce(excluded.browser_ip_fingerprint, customer_order.browser_ip_fingerprint)
         where customer_order.source_updated_at < excluded.source_updated_at`,
        [
          uuidv7(),
          ctx.merchantId,
          order.shopifyOrderId,
          order.shopifyCustomerId,
          order.totalPrice,
          order.cancelled,
          order.processedAt,
          order.updatedAt,
          order.currency,
          order.subtotalPrice,
          order.orderNumber,
          pgTextArray(order.discountCodes),
          order.financialStatus,
          order.cancelledAt,
          order.fulfillmentStatus,
          order.fingerprints?.email ?? null,
          order.fingerprints?.shippingAddress ?? null,
          order.fingerprints?.browserIp ?? null,
        ],
      );
      if (order.shopifyCustomerId) await recomputeAndPublish(ctx, order.shopifyCustomerId);
    });
  }

  async applyRefund(ctx: RequestContext, refund: RefundFacts): Promise<void> {
    await inRequestTransaction(ctx, async () => {
      const { em } = ctx;
      // Under the order's lock, the order is either stored and seen here, or stored after this commits and then sees the refund.
      await this.lockOrder(ctx, refund.shopifyOrderId);
      const [order] = await em.execute<{ shopify_customer_id: string | null }[]>(
        'select shopify_customer_id from customer_order where merchant_id = ? and shopify_order_id = ?',
        [ctx.merchantId, refund.shopifyOrderId],
      );
      const customer = order?.shopify_customer_id ?? null;
      if (customer) await lockCustomer(em, ctx.merchantId!, customer);
      await em.execute(
        `insert into order_refund (id, merchant_id, shopify_refund_id, shopify_order_id, amount, created_at)
         values (?, ?, ?, ?, ?, ?) on conflict (merchant_id, shopify_refund_id) do nothing`,
        [uuidv7(), ctx.merchantId, refund.shopifyRefundId, refund.shopifyOrderId, refund.amount, refund.createdAt],
      );
      // A refund before its order: nothing to recompute or publish yet; the order's arrival counts it.
      if (customer) await recomputeAndPublish(ctx, customer);
    });
  }

  /** For a customer created after its orders arrived. */
  async refreshStats(ctx: RequestContext, shopifyCustomerId: string): Promise<void> {
    await inRequestTransaction(ctx, async () => {
      await lockCustomer(ctx.em, ctx.merchantId!, shopifyCustomerId);
      await recomputeAndPublish(ctx, shopifyCustomerId);
    });
  }

  /**
   * Serializes everything that stores one order or its refunds, until the transaction ends. Taken
   * before the customer's lock: an order webhook's handler takes it before it creates the customer
   * the order names.
   */
  async lockOrder(ctx: RequestContext, shopifyOrderId: string): Promise<void> {
    await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`customer-order:${ctx.merchantId}:${shopifyOrderId}`]);
  }
}

/** Serializes everything that changes one customer's stats or Shopify profile, until the transaction ends. */
export async function lockCustomer(em: EntityManager, merchantId: string, shopifyCustomerId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`customer-stats:${merchantId}:${shopifyCustomerId}`]);
}

async function recomputeAndPublish(ctx: RequestContext, shopifyCustomerId: string): Promise<void> {
  await recomputeStats(ctx.em, ctx.merchantId!, shopifyCustomerId);
  await publishOrderEvents(ctx, shopifyCustomerId);
}

/** Cancelled orders count for nothing; refunds reduce what was spent, never below zero. */
async function recomputeStats(em: EntityManager, merchantId: string, shopifyCustomerId: string): Promise<void> {
  await em.execute(
    `with orders as (
       select shopify_order_id, total_price, processed_at from customer_order
       where merchant_id = ? and shopify_customer_id = ? and not cancelled
     ), stats as (
       select count(*)::int as orders_count,
              coalesce(sum(total_price), 0) as spent,
              (select coalesce(sum(r.amount), 0) from order_refund r
               where r.merchant_id = ? and r.shopify_order_id in (select shopify_order_id from orders)) as refunded,
              max(processed_at) as last_order_at
       from orders
     )
     update customer c set
       orders_count = stats.orders_count,
       total_spent = greatest(0, stats.spent - stats.refunded),
       last_order_at = stats.last_order_at,
       updated_at = now()
     from stats
     where c.merchant_id = ? and c.shopify_id = ?`,
    [merchantId, shopifyCustomerId, merchantId, merchantId, shopifyCustomerId],
  );
}

/**
 * A PostgreSQL array literal of text, each element quoted and escaped: the driver would spread a
 * JS array into a list of parameters.
 */
function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
