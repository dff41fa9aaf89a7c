import { readWebhookDelivery, reportWebhookApplied, type DomainEvent, type EventHandler, type Fingerprinter, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import { orderFingerprints } from '../domain/order-fingerprints.js';
import type { CustomerService } from '../services/customer.service.js';
import type { OrderService } from '../services/order.service.js';
import { customerFacts } from '../services/shopify-customer.parser.js';
import { orderFacts, refundFacts } from '../services/shopify-order.parser.js';

/** The webhook topics the customer domain acts on. */
export const CUSTOMER_WEBHOOK_TOPICS = [
  'customers/create',
  'customers/update',
  'customers/delete',
  'orders/create',
  'orders/paid',
  'orders/updated',
  'orders/fulfilled',
  'orders/cancelled',
  'refunds/create',
] as const;

/**
 * `shopify.webhook.<topic> {deliveryId, topic, bodyEncrypted}`: reads the delivery's body (the
 * event's encrypted copy, or else the merchant subgraph's inbox) and applies it to the customer and
 * order ledger, in the consumer's transaction; then reports it applied, so the inbox row becomes
 * processed. Everything it does is idempotent on Shopify's ids and versions as well, so a delivery
 * Shopify sent twice under two event ids still counts once, and the order events it emits
 * (`order.recorded`, `order.paid`, `order.fulfilled`, `order.refunded`, `order.cancelled`, see
 * topics.ts) go out once per fact.
 */
export function shopifyWebhookConsumers(
  services: (runtime: SubgraphRuntime) => { customers: CustomerService; orders: OrderService; fingerprinter: Fingerprinter },
): Record<string, EventHandler> {
  const handler = async (ctx: RequestContext, event: DomainEvent, runtime: SubgraphRuntime): Promise<void> => {
    const delivery = await readWebhookDelivery(runtime, event);
    const { topic, body } = delivery;

    const { customers, orders, fingerprinter } = services(runtime);
    if (topic === 'customers/delete') {
      await customers.eraseShopifyCustomer(ctx, customerFacts(body).shopifyId);
    } else if (topic.startsWith('customers/')) {
      await customers.applyShopifyCustomer(ctx, customerFacts(body));
    } else if (topic === 'refunds/create') {
      await orders.applyRefund(ctx, refundFacts(body));
    } else {
      const order = { ...orderFacts(body), fingerprints: orderFingerprints(body, fingerprinter) };
      const buyer = body.customer as Record<string, unknown> | null | undefined;
      // The order's lock before the customer's, as everywhere (see OrderService).
      await orders.lockOrder(ctx, order.shopifyOrderId);
      // A guest checkout has no customer; an order's customer is created if we have never seen it.
      if (buyer?.id != null) await customers.applyShopifyCustomer(ctx, customerFacts(buyer), { createOnly: true });
      await orders.applyOrder(ctx, order);
    }
    reportWebhookApplied(ctx, delivery, runtime);
    await ctx.em.flush();
  };
  return Object.fromEntries(CUSTOMER_WEBHOOK_TOPICS.map((topic) => [`shopify.webhook.${topic}`, handler]));
}
