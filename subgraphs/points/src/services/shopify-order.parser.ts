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

export interface RefundFacts {
  shopifyRefundId: string;
  shopifyOrderId: string;
  amount: number;
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

/** A refund's amount is what its successful refund transactions returned. */
export function refundFacts(body: Record<string, unknown>): RefundFacts {
  return { shopifyRefundId: bodyShopifyId(body.id, 'refund id'), shopifyOrderId: bodyShopifyId(body.order_id, 'order_id'), amount: refundedCents(body) / 100 };
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
