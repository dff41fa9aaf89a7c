import type { GdprSubject, RequestContext } from '@loyalnest/kit';
import { CustomerEntity } from '../entities/customer.entity.js';
import type { CustomerService } from './customer.service.js';
import { lockCustomer } from './order.service.js';

/**
 * Shopify's customers/redact and customers/data_request for this store. Redaction deletes the
 * customer row (PII, blind index, Shopify id, tags) and unlinks their orders (their fingerprints
 * erased), which stay as anonymous amounts in the merchant's totals; the orders Shopify names are deleted with their
 * refunds. Both run in the event handler's transaction under the customer's lock.
 */
export class CustomerPrivacyService {
  constructor(private readonly customers: CustomerService) {}

  async redact(ctx: RequestContext, subject: GdprSubject): Promise<void> {
    const { em } = ctx;
    const merchantId = ctx.merchantId!;
    await lockCustomer(em, merchantId, subject.shopifyCustomerId);
    if (subject.ordersToRedact.length) {
      // A PostgreSQL array literal: the driver would spread a JS array into a list. The ids are digits only (checked on receipt).
      const orders = `{${subject.ordersToRedact.join(',')}}`;
      await em.execute('delete from order_refund where merchant_id = ? and shopify_order_id = any(?::bigint[])', [merchantId, orders]);
      await em.execute('delete from customer_order where merchant_id = ? and shopify_order_id = any(?::bigint[])', [merchantId, orders]);
    }
    // The fingerprints are keyed hashes of the customer's email, address and IP: pseudonymous data, so they go with the link.
    await em.execute(
      `update customer_order set shopify_customer_id = null, email_fingerprint = null, shipping_address_fingerprint = null, browser_ip_fingerprint = null
       where merchant_id = ? and shopify_customer_id = ?`,
      [merchantId, subject.shopifyCustomerId],
    );
    const customer = await em.findOne(CustomerEntity, { shopifyId: subject.shopifyCustomerId });
    if (!customer) return;
    ctx.emit('customer.redacted', { customerId: customer.id });
    em.remove(customer);
    await em.flush();
  }

  async export(ctx: RequestContext, subject: GdprSubject): Promise<Record<string, unknown>> {
    const customer = await this.customers.byShopifyId(ctx, subject.shopifyCustomerId);
    const orders = await ctx.em.execute<{ shopify_order_id: string; total_price: string; cancelled: boolean; processed_at: Date }[]>(
      'select shopify_order_id::text, total_price::text, cancelled, processed_at from customer_order where merchant_id = ? and shopify_customer_id = ? order by processed_at, shopify_order_id',
      [ctx.merchantId, subject.shopifyCustomerId],
    );
    const refunds = await ctx.em.execute<{ shopify_refund_id: string; shopify_order_id: string; amount: string; created_at: Date }[]>(
      `select r.shopify_refund_id::text, r.shopify_order_id::text, r.amount::text, r.created_at from order_refund r
       join customer_order o on o.merchant_id = r.merchant_id and o.shopify_order_id = r.shopify_order_id
       where r.merchant_id = ? and o.shopify_customer_id = ? order by r.created_at`,
      [ctx.merchantId, subject.shopifyCustomerId],
    );
    return {
      customer: customer && {
        id: customer.id,
        shopifyId: customer.shopifyId,
        email: customer.email,
        firstName: customer.firstName,
        lastName: customer.lastName,
        tags: customer.tags,
        acceptsMarketing: customer.acceptsMarketing,
        ordersCount: customer.ordersCount,
        totalSpent: customer.totalSpent,
        lastOrderAt: customer.lastOrderAt?.toISOString() ?? null,
        createdAt: customer.createdAt.toISOString(),
      },
      orders: orders.map((o) => ({ shopifyOrderId: o.shopify_order_id, totalPrice: o.total_price, cancelled: o.cancelled, processedAt: new Date(o.processed_at).toISOString() })),
      refunds: refunds.map((r) => ({ shopifyRefundId: r.shopify_refund_id, shopifyOrderId: r.shopify_order_id, amount: r.amount, createdAt: new Date(r.created_at).toISOString() })),
    };
  }
}
