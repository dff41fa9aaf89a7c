import { readWebhookDelivery, reportWebhookApplied, type DomainEvent, type EventHandler, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import type { OrderPointsService } from '../services/order-points.service.js';
import type { PointsProgramService } from '../services/points-program.service.js';
import type { RedemptionService } from '../services/redemption.service.js';
import { orderCodes, orderEarningFacts, refundFacts } from '../services/shopify-order.parser.js';

/** The webhook topics the points domain acts on. */
export const POINTS_WEBHOOK_TOPICS = ['orders/create', 'orders/paid', 'orders/cancelled', 'refunds/create'] as const;

/**
 * `shopify.webhook.<topic>`: reads the delivery's body (`readWebhookDelivery`: the event's own copy, or the merchant inbox) and earns or
 * reverses the order's points in the consumer's transaction, then reports it applied for this
 * domain. Which order topic earns depends on the merchant's `earnOn` rule; the other earns nothing.
 * Both mark the redemptions whose codes the order used as USED (whichever arrives first does).
 * Idempotent twice over: the consumer records the event id, and each ledger entry has its own key.
 */
export function shopifyWebhookConsumers(services: (runtime: SubgraphRuntime) => { orders: OrderPointsService; program: PointsProgramService; redemptions: RedemptionService }): Record<string, EventHandler> {
  const handler = async (ctx: RequestContext, event: DomainEvent, runtime: SubgraphRuntime): Promise<void> => {
    const delivery = await readWebhookDelivery(runtime, event);
    const { topic, body } = delivery;

    const { orders, program, redemptions } = services(runtime);
    if (topic === 'refunds/create') {
      await orders.refund(ctx, refundFacts(body));
    } else if (topic === 'orders/cancelled') {
      await orders.cancel(ctx, orderEarningFacts(body));
    } else {
      await redemptions.markUsed(ctx, orderCodes(body));
      const rules = await program.rules(ctx);
      if ((topic === 'orders/paid') === (rules.earnOn === 'paid')) await orders.earn(ctx, orderEarningFacts(body));
    }
    reportWebhookApplied(ctx, delivery, runtime);
    await ctx.em.flush();
  };
  return Object.fromEntries(POINTS_WEBHOOK_TOPICS.map((topic) => [`shopify.webhook.${topic}`, handler]));
}
