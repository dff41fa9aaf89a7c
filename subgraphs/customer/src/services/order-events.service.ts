import { minorUnits, type RequestContext } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_FULFILLED, ORDER_PAID, ORDER_RECORDED, ORDER_REFUNDED } from '../topics.js';

/**
 * Shopify's `financial_status` values of an order that was paid: paid, or paid and then refunded
 * in part or in whole. An order cancelled before it was paid is `voided` (or still `pending`), so
 * it never reaches them.
 */
const PAID_SQL = `'paid', 'partially_refunded', 'refunded'`;

/**
 * Every item shipped. An order cancelled before it shipped never reaches it (Shopify fulfils no
 * cancelled order), and a version older than the cancellation never replaces it in the ledger.
 */
const FULFILLED_SQL = `'fulfilled'`;

/**
 * Emits the order events one customer's ledger owes, in the caller's transaction, under the
 * customer's lock (which the caller holds): each order of the customer not yet recorded, each
 * payment and each fulfilment of a recorded order not yet emitted (right after its
 * `order.recorded` when it was recorded already paid or fulfilled), each refund of a recorded
 * order not yet emitted, each cancellation of a recorded order not yet emitted; and marks each
 * emitted in the same statement that finds it. Whatever order the webhooks arrived in, and
 * however often, every fact is emitted once, as soon as the ledger holds both it and the customer
 * it belongs to: the emitted marks, not the delivery that happens to run, decide. A customer the domain does not know yet (its order arrived first through the API)
 * is published when it is created (`refreshStats`).
 */
export async function publishOrderEvents(ctx: RequestContext, shopifyCustomerId: string): Promise<void> {
  const { em } = ctx;
  const merchantId = ctx.merchantId!;
  const [customer] = await em.execute<{ id: string }[]>('select id from customer where merchant_id = ? and shopify_id = ?', [merchantId, shopifyCustomerId]);
  if (!customer) return;
  const customerId = customer.id;

  // One statement finds and marks the facts an order owes on its own: `order.recorded` once the
  // customer is known, `order.paid` once its latest version is paid, `order.fulfilled` once it is
  // fulfilled. The CTE reads which was owed before the update marks it (RETURNING sees only the
  // new values); its rows are locked, so the update marks exactly what it read.
  const owed = await em.execute<
    {
      owes_recorded: boolean;
      owes_paid: boolean;
      owes_fulfilled: boolean;
      shopify_order_id: string;
      order_number: string | null;
      currency: string | null;
      total_price: string;
      subtotal_price: string | null;
      discount_codes: string[];
      financial_status: string | null;
      processed_at: Date;
      source_updated_at: Date;
      email_fingerprint: string | null;
      shipping_address_fingerprint: string | null;
      browser_ip_fingerprint: string | null;
    }[]
  >(
    `with owed as (
       select id, recorded_at is null as owes_recorded, paid_recorded_at is null and financial_status in (${PAID_SQL}) as owes_paid,
              fulfilled_recorded_at is null and fulfillment_status in (${FULFILLED_SQL}) as owes_fulfilled
       from customer_order
       where merchant_id = ? and shopify_customer_id = ? and not predates_events
         and (recorded_at is null or (paid_recorded_at is null and financial_status in (${PAID_SQL}))
              or (fulfilled_recorded_at is null and fulfillment_status in (${FULFILLED_SQL})))
       for update
     )
     update customer_order o set recorded_at = coalesce(o.recorded_at, now()),
       paid_recorded_at = case when owed.owes_paid then now() else o.paid_recorded_at end,
       fulfilled_recorded_at = case when owed.owes_fulfilled then now() else o.fulfilled_recorded_at end
     from owed where o.id = owed.id
     returning owed.owes_recorded, owed.owes_paid, owed.owes_fulfilled, o.shopify_order_id::text, o.order_number::text, o.currency, o.total_price::text,
               o.subtotal_price::text, o.discount_codes, o.financial_status, o.processed_at, o.source_updated_at,
               o.email_fingerprint, o.shipping_address_fingerprint, o.browser_ip_fingerprint`,
    [merchantId, shopifyCustomerId],
  );
  for (const o of byKey(owed, (o) => [new Date(o.processed_at).getTime(), o.shopify_order_id])) {
    const placedAt = new Date(o.processed_at).toISOString();
    const totalMinor = minorUnits(o.total_price, o.currency);
    if (o.owes_recorded) {
      ctx.emit(ORDER_RECORDED, {
        customerId,
        orderId: o.shopify_order_id,
        orderNumber: o.order_number === null ? null : Number(o.order_number),
        currency: o.currency,
        totalMinor,
        subtotalMinor: o.subtotal_price === null ? null : minorUnits(o.subtotal_price, o.currency),
        discountCodes: o.discount_codes,
        financialStatus: o.financial_status,
        placedAt,
        fingerprints: { email: o.email_fingerprint, shippingAddress: o.shipping_address_fingerprint, browserIp: o.browser_ip_fingerprint },
      });
    }
    if (o.owes_paid) ctx.emit(ORDER_PAID, { customerId, orderId: o.shopify_order_id, totalMinor, currency: o.currency, placedAt });
    if (o.owes_fulfilled) ctx.emit(ORDER_FULFILLED, { customerId, orderId: o.shopify_order_id, fulfilledAt: new Date(o.source_updated_at).toISOString() });
  }

  const refunded = await em.execute<{ shopify_refund_id: string; shopify_order_id: string; amount: string; created_at: Date; currency: string | null }[]>(
    `update order_refund r set recorded_at = now()
     from customer_order o
     where r.merchant_id = ? and o.merchant_id = r.merchant_id and o.shopify_order_id = r.shopify_order_id
       and o.shopify_customer_id = ? and o.recorded_at is not null and not o.predates_events and r.recorded_at is null
     returning r.shopify_refund_id::text, r.shopify_order_id::text, r.amount::text, r.created_at, o.currency`,
    [merchantId, shopifyCustomerId],
  );
  for (const r of byKey(refunded, (r) => [new Date(r.created_at).getTime(), r.shopify_refund_id])) {
    ctx.emit(ORDER_REFUNDED, {
      customerId,
      orderId: r.shopify_order_id,
      refundId: r.shopify_refund_id,
      amountMinor: minorUnits(r.amount, r.currency),
      currency: r.currency,
      refundedAt: new Date(r.created_at).toISOString(),
    });
  }

  const cancelled = await em.execute<{ shopify_order_id: string; cancelled_at: Date }[]>(
    `update customer_order set cancel_recorded_at = now()
     where merchant_id = ? and shopify_customer_id = ? and cancelled and recorded_at is not null and cancel_recorded_at is null and not predates_events
     returning shopify_order_id::text, coalesce(cancelled_at, source_updated_at) as cancelled_at`,
    [merchantId, shopifyCustomerId],
  );
  for (const c of byKey(cancelled, (c) => [new Date(c.cancelled_at).getTime(), c.shopify_order_id])) {
    ctx.emit(ORDER_CANCELLED, { customerId, orderId: c.shopify_order_id, cancelledAt: new Date(c.cancelled_at).toISOString() });
  }
}

/** Rows in a stable order (`returning` has none), so one transaction's events read in time order. */
function byKey<T>(rows: T[], key: (row: T) => [number, string]): T[] {
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => a.key[0] - b.key[0] || (BigInt(a.key[1]) < BigInt(b.key[1]) ? -1 : BigInt(a.key[1]) > BigInt(b.key[1]) ? 1 : 0))
    .map(({ row }) => row);
}
