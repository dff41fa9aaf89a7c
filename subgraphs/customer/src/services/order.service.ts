import type { RequestContext } from '@loyalnest/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/** The facts of a Shopify order the customer's stats depend on. */
export interface OrderFacts {
  shopifyOrderId: string;
  shopifyCustomerId: string | null;
  /** Decimal string in the shop currency. */
  totalPrice: string;
  cancelled: boolean;
  processedAt: Date;
  /** Shopify's `updated_at`: orders/updated storms arrive out of order; the newest version wins. */
  updatedAt: Date;
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
 */
export class OrderService {
  async applyOrder(ctx: RequestContext, order: OrderFacts): Promise<void> {
    await ctx.em.transactional(async (em) => {
      if (order.shopifyCustomerId) await lockCustomer(em, ctx.merchantId!, order.shopifyCustomerId);
      await em.execute(
        `insert into customer_order (id, merchant_id, shopify_order_id, shopify_customer_id, total_price, cancelled, processed_at, source_updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (merchant_id, shopify_order_id) do update set
           shopify_customer_id = excluded.shopify_customer_id, total_price = excluded.total_price, cancelled = excluded.cancelled,
           processed_at = excluded.processed_at, source_updated_at = excluded.source_updated_at
         where customer_order.source_updated_at < excluded.source_updated_at`,
        [uuidv7(), ctx.merchantId, order.shopifyOrderId, order.shopifyCustomerId, order.totalPrice, order.cancelled, order.processedAt, order.updatedAt],
      );
      if (order.shopifyCustomerId) await recomputeStats(em, ctx.merchantId!, order.shopifyCustomerId);
    });
  }

  async applyRefund(ctx: RequestContext, refund: RefundFacts): Promise<void> {
    await ctx.em.transactional(async (em) => {
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
      // A refund before its order: nothing to recompute yet; the order's arrival counts it.
      if (customer) await recomputeStats(em, ctx.merchantId!, customer);
    });
  }

  /** For a customer created after its orders arrived. */
  async refreshStats(ctx: RequestContext, shopifyCustomerId: string): Promise<void> {
    await ctx.em.transactional(async (em) => {
      await lockCustomer(em, ctx.merchantId!, shopifyCustomerId);
      await recomputeStats(em, ctx.merchantId!, shopifyCustomerId);
    });
  }
}

/** Serializes everything that changes one customer's stats or Shopify profile, until the transaction ends. */
export async function lockCustomer(em: EntityManager, merchantId: string, shopifyCustomerId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`customer-stats:${merchantId}:${shopifyCustomerId}`]);
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
