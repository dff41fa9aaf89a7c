import { defineTopic } from '@loyalnest/kit';

/**
 * The order facts the customer domain publishes from its order and refund ledger, for the domains
 * that need orders (tiers, referrals, segments) instead of each re-reading Shopify's webhook
 * bodies. Each is emitted in the transaction that changes the ledger, exactly once per fact
 * whatever Shopify sends: duplicated, reordered, or created + paid + updated deliveries of one order.
 * The set of events an order yields does not depend on the order its webhooks arrive in: for
 * one cancelled and refunded order, `order.recorded`, `order.refunded` per refund and
 * `order.cancelled`, whichever came first (an event of one transaction is emitted in that order).
 *
 * Payloads hold ids, amounts and codes, never PII (no email, names, addresses or notes). Amounts
 * are integers in the currency's minor units (cents for EUR, yen for JPY). Orders stored before
 * these events existed (`predates_events`) yield none.
 */

/**
 * An order counts for a customer: the customer domain learned of an order that names a customer it
 * knows (an order naming a new customer creates it; a guest order never counts). Emitted once per
 * order, with the order as first recorded; later versions of it emit no other (a paid one yields `order.paid`).
 * A cancelled order is recorded too (then `order.cancelled`), so a cancellation that arrives
 * before the order's creation yields the same events as one that arrives after it.
 */
export type OrderRecorded = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** Shopify's order id, as a decimal string (it exceeds 2^53). */
  orderId: string;
  /** The shop's order number (Shopify's `order_number`, e.g. 1001); null when the body had none. */
  orderNumber: number | null;
  /** ISO 4217 code of the amounts (Shopify's `currency`, the shop's currency); null when the body named none. */
  currency: string | null;
  /** What the customer paid for the order (`total_price`: after discounts, with shipping and taxes), in minor units. */
  totalMinor: number;
  /** The line items after discounts, before shipping and taxes (`subtotal_price`), in minor units; null when the body had none. */
  subtotalMinor: number | null;
  /** The discount codes the order used, as entered (no amounts); empty when none. */
  discountCodes: string[];
  /** Shopify's `financial_status` of the version first recorded (`pending`, `paid`, …); null when absent. */
  financialStatus: string | null;
  /** When the order was placed (`processed_at`, else `created_at`), ISO 8601. */
  placedAt: string;
  /**
   * Keyed hashes (`fingerprinterOf` in the kit) of the order's contact email, shipping address and
   * browser IP, for the referral fraud checks; each null when the body had none or it could not be
   * hashed. Absent on events emitted before fingerprints existed. Never the values themselves.
   */
  fingerprints?: OrderFingerprints;
};

export type OrderFingerprints = {
  email: string | null;
  shippingAddress: string | null;
  browserIp: string | null;
};

/**
 * Money went back to the customer for a recorded order: once per Shopify refund. A refund that
 * arrives before its order is emitted once the order is recorded. A cancelled order's refunds are
 * emitted too: consumers that drop a cancelled order drop its refunds with it.
 */
export type OrderRefunded = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** Shopify's id of the refunded order, as a decimal string. */
  orderId: string;
  /** Shopify's refund id, as a decimal string: one event per refund. */
  refundId: string;
  /** What the refund's successful transactions returned, in minor units. */
  amountMinor: number;
  /** ISO 4217 code of the amount: the order's `currency`; null when the order named none. */
  currency: string | null;
  /** When Shopify created the refund, ISO 8601. */
  refundedAt: string;
};

/**
 * A recorded order was cancelled: from now on it counts for nothing in the customer's stats (its
 * total and its refunds are out). Once per order.
 */
export type OrderCancelled = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** Shopify's order id, as a decimal string. */
  orderId: string;
  /** When Shopify cancelled it (`cancelled_at`), ISO 8601. */
  cancelledAt: string;
};

export const ORDER_RECORDED = defineTopic<OrderRecorded>('order.recorded');
export const ORDER_REFUNDED = defineTopic<OrderRefunded>('order.refunded');
export const ORDER_CANCELLED = defineTopic<OrderCancelled>('order.cancelled');

/**
 * A recorded order is paid: the first version of it whose `financial_status` is `paid`,
 * `partially_refunded` or `refunded` (an order recorded already paid yields this right after
 * `order.recorded`). Once per order; never for an order cancelled before it was paid. What counts
 * as "amount spent" for tiers (net of `order.refunded`).
 */
export type OrderPaid = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** Shopify's order id, as a decimal string. */
  orderId: string;
  /** What the customer paid (`total_price` of the paid version), in minor units. */
  totalMinor: number;
  /** ISO 4217 code of the amount; null when the order named none. */
  currency: string | null;
  /** When the order was placed (`processed_at`, else `created_at`), ISO 8601: the date it qualifies on. */
  placedAt: string;
};

export const ORDER_PAID = defineTopic<OrderPaid>('order.paid');

/**
 * A recorded order is fulfilled: the first version of it whose `fulfillment_status` is `fulfilled`
 * (every item shipped). Once per order; never for an order cancelled before it was fulfilled.
 * What the referral program's "order fulfilled" conversion rule waits for.
 */
export type OrderFulfilled = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** Shopify's order id, as a decimal string. */
  orderId: string;
  /** When the fulfilled version was seen (`updated_at` of that version), ISO 8601. */
  fulfilledAt: string;
};

export const ORDER_FULFILLED = defineTopic<OrderFulfilled>('order.fulfilled');
