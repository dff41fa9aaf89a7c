import type { RequestContext } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import { PointsEntryEntity, type PointsEntry } from '../entities/points-entry.entity.js';
import { PointsParkedOrderEntity } from '../entities/points-parked-order.entity.js';
import type { CustomerDirectory } from './customer-directory.js';
import { earningBase, earningBasis, refundShare, type EarnMetadata } from './earning-base.js';
import { roundPoints } from './earning-rules.js';
import type { LedgerService } from './ledger.service.js';
import type { PointsProgramService } from './points-program.service.js';
import type { OrderEarningFacts, RefundFacts } from './shopify-order.parser.js';

const DAY_MS = 86_400_000;

/**
 * Orders earn points exactly once (`order:<id>:earn`), refunds reverse them in proportion to what
 * they returned of the earning base (`order:<id>:refund:<refund id>`, see `refundShare`), a
 * cancellation reverses what is left (`order:<id>:cancel`). All run in the event consumer's
 * transaction, under the order's lock. A refund that arrives before its order earned is remembered
 * (`points_order_refund`) and reversed right after the earn; a cancellation is remembered
 * (`points_order_cancellation`) and the order, earning after it, earns nothing.
 * An order whose customer the customer subgraph has not created yet (both domains take the same
 * webhook from their own queues) is parked and earned when `customer.created` names the customer.
 * An order earns its base × the rate × the account's tier multiplier as it stands when the order
 * earns, rounded once, at the end, by the program's rule (90.00 at 1 point per unit × 1.25 = 112.5:
 * 112 rounding down, 113 to nearest or up); its reversals take shares of what it earned.
 */
export class OrderPointsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
    private readonly program: PointsProgramService,
  ) {}

  async earn(ctx: RequestContext, order: OrderEarningFacts): Promise<void> {
    if (!order.shopifyCustomerId || order.cancelled) return;
    await lockShopifyCustomer(ctx, order.shopifyCustomerId);
    await lockOrder(ctx, order.shopifyOrderId);
    if (await this.cancelled(ctx, order.shopifyOrderId)) return;
    const rules = await this.program.rules(ctx);
    if (!rules.enabled) return;
    const known = await this.customers.byShopifyId(ctx, order.shopifyCustomerId);
    if (!known) {
      await ctx.em.execute(
        `insert into points_parked_order (id, merchant_id, shopify_customer_id, shopify_order_id, facts, created_at)
         values (?, ?, ?, ?, ?::jsonb, now()) on conflict (merchant_id, shopify_order_id) do nothing`,
        [uuidv7(), ctx.merchantId, order.shopifyCustomerId, order.shopifyOrderId, JSON.stringify(order)],
      );
      return;
    }
    await this.ledger.openAccount(ctx, known.customerId, order.shopifyCustomerId);
    const account = await ctx.em.findOneOrFail(PointsAccountEntity, { customerId: known.customerId }, { disableIdentityMap: true });
    const base = earningBase(order, rules);
    const multiplier = Number(account.tierMultiplier);
    const points = roundPoints(base * rules.pointsPerCurrencyUnit * multiplier, rules.rounding);
    if (points <= 0) return;
    await this.ledger.post(ctx, {
      customerId: account.customerId,
      kind: 'earn',
      source: 'order',
      points,
      idempotencyKey: `order:${order.shopifyOrderId}:earn`,
      orderId: order.shopifyOrderId,
      availableAt: rules.pendingDays > 0 ? new Date(Date.now() + rules.pendingDays * DAY_MS) : null,
      metadata: { base, total: order.total, rate: rules.pointsPerCurrencyUnit, multiplier, basis: earningBasis(order, rules) },
    });
    const early = await ctx.em.execute<{ shopify_refund_id: string; amount: string; line_items: string; line_taxes: string; shipping: string; shipping_taxes: string }[]>(
      `select shopify_refund_id::text, amount::text, line_items::text, line_taxes::text, shipping::text, shipping_taxes::text
         from points_order_refund where merchant_id = ? and shopify_order_id = ? order by created_at`,
      [ctx.merchantId, order.shopifyOrderId],
    );
    for (const refund of early) {
      await this.reverseRefund(ctx, {
        shopifyRefundId: refund.shopify_refund_id,
        shopifyOrderId: order.shopifyOrderId,
        amount: Number(refund.amount),
        lineItems: Number(refund.line_items),
        lineTaxes: Number(refund.line_taxes),
        shipping: Number(refund.shipping),
        shippingTaxes: Number(refund.shipping_taxes),
      });
    }
  }

  async refund(ctx: RequestContext, refund: RefundFacts): Promise<void> {
    await lockOrder(ctx, refund.shopifyOrderId);
    await ctx.em.execute(
      `insert into points_order_refund (id, merchant_id, shopify_refund_id, shopify_order_id, amount, line_items, line_taxes, shipping, shipping_taxes, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (merchant_id, shopify_refund_id) do nothing`,
      [uuidv7(), ctx.merchantId, refund.shopifyRefundId, refund.shopifyOrderId, ...[refund.amount, refund.lineItems, refund.lineTaxes, refund.shipping, refund.shippingTaxes].map((n) => n.toFixed(2))],
    );
    await this.reverseRefund(ctx, refund);
  }

  /**
   * The customer subgraph created the customer: its account opens, and the orders that named it
   * earlier earn now. Under the same lock as `earn`, so an order either finds the customer or is
   * parked before this runs.
   */
  async customerCreated(ctx: RequestContext, customerId: string, shopifyCustomerId: string | null): Promise<void> {
    if (!shopifyCustomerId) return this.ledger.openAccount(ctx, customerId);
    await lockShopifyCustomer(ctx, shopifyCustomerId);
    await this.ledger.openAccount(ctx, customerId, shopifyCustomerId);
    const parked = await ctx.em.find(PointsParkedOrderEntity, { shopifyCustomerId }, { orderBy: { createdAt: 'asc' }, disableIdentityMap: true });
    for (const order of parked) {
      // Claimed under the order's lock: a cancellation that committed since the list was read
      // has deleted the row, and the order earns nothing.
      await lockOrder(ctx, order.shopifyOrderId);
      const [claimed] = await ctx.em.execute<{ facts: OrderEarningFacts }[]>('delete from points_parked_order where id = ? returning facts', [order.id]);
      if (claimed) await this.earn(ctx, claimed.facts);
    }
  }

  /**
   * Recorded first, under the order's lock: an earn that comes after it, in any order of delivery
   * or at the same time, finds it and earns nothing. Whatever the order earned before is reversed.
   */
  async cancel(ctx: RequestContext, order: OrderEarningFacts): Promise<void> {
    await lockOrder(ctx, order.shopifyOrderId);
    await ctx.em.execute(
      `insert into points_order_cancellation (id, merchant_id, shopify_order_id, created_at)
       values (?, ?, ?, now()) on conflict (merchant_id, shopify_order_id) do nothing`,
      [uuidv7(), ctx.merchantId, order.shopifyOrderId],
    );
    // Cancelled before its customer existed: it will never earn.
    await ctx.em.nativeDelete(PointsParkedOrderEntity, { shopifyOrderId: order.shopifyOrderId });
    const earned = await this.earnOf(ctx, order.shopifyOrderId);
    if (!earned) return;
    const left = earned.points + (await this.reversedSoFar(ctx, order.shopifyOrderId));
    await this.reverse(ctx, earned, left, `order:${order.shopifyOrderId}:cancel`, { cancelled: true });
  }

  private async reverseRefund(ctx: RequestContext, refund: RefundFacts): Promise<void> {
    const earned = await this.earnOf(ctx, refund.shopifyOrderId);
    if (!earned) return;
    const share = refundShare(earned.metadata as EarnMetadata, refund);
    const left = earned.points + (await this.reversedSoFar(ctx, refund.shopifyOrderId));
    const points = Math.min(left, Math.round(earned.points * share));
    await this.reverse(ctx, earned, points, `order:${refund.shopifyOrderId}:refund:${refund.shopifyRefundId}`, { refundAmount: refund.amount, share });
  }

  /**
   * Takes back `points` of an order's earning: from pending while the earning is still held. The
   * ledger decides held or not under the account's lock (the earning may be released meanwhile);
   * what was read here only shapes the live message.
   */
  private async reverse(ctx: RequestContext, earned: PointsEntry, points: number, key: string, metadata: Record<string, unknown>): Promise<void> {
    if (points <= 0) return;
    const rules = await this.program.rules(ctx);
    const held = earned.status === 'pending';
    await this.ledger.post(ctx, {
      customerId: earned.customerId,
      kind: 'reverse',
      source: 'order',
      points: -points,
      idempotencyKey: key,
      orderId: earned.orderId,
      reversesEntryId: earned.id,
      availableAt: held ? earned.availableAt : null,
      clamp: true,
      allowNegative: rules.allowNegativeBalance,
      metadata,
    });
  }

  private async cancelled(ctx: RequestContext, shopifyOrderId: string): Promise<boolean> {
    const rows = await ctx.em.execute('select 1 from points_order_cancellation where merchant_id = ? and shopify_order_id = ?', [ctx.merchantId, shopifyOrderId]);
    return rows.length > 0;
  }

  private earnOf(ctx: RequestContext, shopifyOrderId: string): Promise<PointsEntry | null> {
    return ctx.em.findOne(PointsEntryEntity, { idempotencyKey: `order:${shopifyOrderId}:earn` }, { disableIdentityMap: true });
  }

  private async reversedSoFar(ctx: RequestContext, shopifyOrderId: string): Promise<number> {
    const [row] = await ctx.em.execute<{ reversed: number }[]>(
      `select coalesce(sum(points), 0)::int as reversed from points_entry where merchant_id = ? and order_id = ? and kind = 'reverse'`,
      [ctx.merchantId, shopifyOrderId],
    );
    return row.reversed;
  }

}

/** Serializes an order of a customer with the arrival of that customer (`customerCreated`). */
async function lockShopifyCustomer(ctx: RequestContext, shopifyCustomerId: string): Promise<void> {
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`points-customer:${ctx.merchantId}:${shopifyCustomerId}`]);
}

/** Serializes an order's earning, refunds and cancellation until the transaction ends, so a refund racing its order's earning is never missed. */
async function lockOrder(ctx: RequestContext, shopifyOrderId: string): Promise<void> {
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`points-order:${ctx.merchantId}:${shopifyOrderId}`]);
}
