import { bodyMoney, bodyMoneyOrNull, bodyShopifyId, refundedCents } from '@loyalnest/kit';

/** What an order webhook body says about the points it earns. Amounts are decimal strings in the shop currency. */
export interface OrderEarningFacts {
  shopifyOrderId: string;
  shopifyCustomerId: string | null;
  lineItems: number;
  discounts: number;
  shipping: number;
  taxes: number;
  taxesIncluded: boolean;
  total: number;
  cancelled: boolean;
  financialStatus: string | null;
}

/** The discount codes an order used, as Shopify reports them. */
export interface OrderCodes {
  shopifyOrderId: string;
  discountCodes: string[];
}

/**
 * What a refund returned: `amount` in all (its successful refund transactions), and of it what
 * belongs to the order's line items (their subtotal after discounts, and those lines' taxes) and to
 * shipping (and its taxes). Money returned beyond the parts (a refund typed in by hand) belongs to
 * none of them.
 */
export interface RefundFacts {
  shopifyRefundId: string;
  shopifyOrderId: string;
  amount: number;
  lineItems: number;
  lineTaxes: number;
  shipping: number;
  shippingTaxes: number;
}

/**
 * Shopify order bodies → earning facts. A body without an order id or total is refused (the event
 * is retried, then dead-lettered with the reason); the finer amounts default to what the total
 * implies, since older API versions and test shops omit some of them.
 */
export function orderEarningFacts(body: Record<string, unknown>): OrderEarningFacts {
  const customer = body.customer as { id?: unknown } | null | undefined;
  const total = Number(bodyMoney(body.total_price, 'total_price'));
  const shipping = amount((body.total_shipping_price_set as { shop_money?: { amount?: unknown } } | undefined)?.shop_money?.amount) ?? 0;
  const taxes = amount(body.total_tax) ?? 0;
  const discounts = amount(body.total_discounts) ?? 0;
  const taxesIncluded = body.taxes_included === true;
  const lineItems = amount(body.total_line_items_price) ?? total - shipping - (taxesIncluded ? 0 : taxes) + discounts;
  return {
    shopifyOrderId: bodyShopifyId(body.id, 'order id'),
    shopifyCustomerId: customer?.id == null ? null : bodyShopifyId(customer.id, 'customer id'),
    lineItems,
    discounts,
    shipping,
    taxes,
    taxesIncluded,
    total,
    cancelled: body.cancelled_at != null,
    financialStatus: typeof body.financial_status === 'string' ? body.financial_status : null,
  };
}

/** Only the id and the codes: an order topic that earns nothing must not fail on the amounts. */
export function orderCodes(body: Record<string, unknown>): OrderCodes {
  return { shopifyOrderId: bodyShopifyId(body.id, 'order id'), discountCodes: discountCodes(body.discount_codes) };
}

/**
 * A refund's amount is what its successful refund transactions returned. Its line items are
 * `refund_line_items` (`subtotal`, `total_tax`); its shipping is `refund_shipping_lines` where the
 * API version sends them, else the `shipping_refund` entries of `order_adjustments` (negative
 * amounts, their tax apart). Shop-currency amounts (`*_set.shop_money`) where present.
 */
export function refundFacts(body: Record<string, unknown>): RefundFacts {
  const lines = list(body.refund_line_items);
  const shippingLines = list(body.refund_shipping_lines);
  const shippingAdjustments = list(body.order_adjustments).filter((a) => a.kind === 'shipping_refund');
  const shipping = shippingLines.length
    ? { amount: sum(shippingLines, (l) => money(l, 'subtotal_amount', 'refund_shipping_lines.subtotal_amount')), taxes: sum(shippingLines, (l) => money(l, 'tax_amount', 'refund_shipping_lines.tax_amount')) }
    : { amount: -sum(shippingAdjustments, (a) => money(a, 'amount', 'order_adjustments.amount')), taxes: -sum(shippingAdjustments, (a) => money(a, 'tax_amount', 'order_adjustments.tax_amount')) };
  return {
    shopifyRefundId: bodyShopifyId(body.id, 'refund id'),
    shopifyOrderId: bodyShopifyId(body.order_id, 'order_id'),
    amount: refundedCents(body) / 100,
    lineItems: sum(lines, (l) => money(l, 'subtotal', 'refund_line_items.subtotal')),
    lineTaxes: sum(lines, (l) => money(l, 'total_tax', 'refund_line_items.total_tax')),
    shipping: shipping.amount,
    shippingTaxes: shipping.taxes,
  };
}

type BodyObject = Record<string, unknown>;

function list(value: unknown): BodyObject[] {
  return Array.isArray(value) ? value.filter((v): v is BodyObject => typeof v === 'object' && v !== null) : [];
}

/** Sums in cents, so decimal amounts add up exactly. */
function sum(items: BodyObject[], amountOf: (item: BodyObject) => number): number {
  return items.reduce((cents, item) => cents + Math.round(amountOf(item) * 100), 0) / 100;
}

/** `<field>_set.shop_money.amount`, else `<field>` itself; absent in both is 0, malformed throws. */
function money(item: BodyObject, field: string, what: string): number {
  const set = (item[`${field}_set`] as { shop_money?: { amount?: unknown } } | undefined)?.shop_money?.amount;
  const value = set ?? item[field];
  return value == null ? 0 : Number(bodyMoney(value, what));
}

/** `discount_codes: [{ code, amount, type }]`; anything else in the list is not a code. */
function discountCodes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const code = (entry as { code?: unknown } | null)?.code;
    return typeof code === 'string' && code.trim() ? [code.trim()] : [];
  });
}

/** An amount as a number; the finer ones are optional, the total is not. */
function amount(value: unknown): number | null {
  const text = bodyMoneyOrNull(value);
  return text === null ? null : Number(text);
}
