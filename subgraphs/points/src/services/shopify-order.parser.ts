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
  const total = money(body.total_price, 'total_price');
  const shipping = optionalMoney((body.total_shipping_price_set as { shop_money?: { amount?: unknown } } | undefined)?.shop_money?.amount) ?? 0;
  const taxes = optionalMoney(body.total_tax) ?? 0;
  const discounts = optionalMoney(body.total_discounts) ?? 0;
  const taxesIncluded = body.taxes_included === true;
  const lineItems = optionalMoney(body.total_line_items_price) ?? total - shipping - (taxesIncluded ? 0 : taxes) + discounts;
  return {
    shopifyOrderId: shopifyId(body.id, 'order id'),
    shopifyCustomerId: customer?.id == null ? null : shopifyId(customer.id, 'customer id'),
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

/** A refund's amount is what its successful refund transactions returned. */
export function refundFacts(body: Record<string, unknown>): RefundFacts {
  const transactions = Array.isArray(body.transactions) ? (body.transactions as { kind?: string; status?: string; amount?: unknown }[]) : [];
  const cents = transactions.filter((t) => t.kind === 'refund' && t.status === 'success').reduce((sum, t) => sum + Math.round(money(t.amount, 'transactions.amount') * 100), 0);
  return { shopifyRefundId: shopifyId(body.id, 'refund id'), shopifyOrderId: shopifyId(body.order_id, 'order_id'), amount: cents / 100 };
}

function shopifyId(value: unknown, what: string): string {
  const id = typeof value === 'number' ? BigInt(value).toString() : String(value ?? '');
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new Error(`webhook body has no valid ${what}`);
  return id;
}

function money(value: unknown, what: string): number {
  const amount = optionalMoney(value);
  if (amount === null) throw new Error(`webhook body has no valid ${what}`);
  return amount;
}

function optionalMoney(value: unknown): number | null {
  const text = String(value ?? '');
  return /^-?[0-9]+(\.[0-9]{1,2})?$/.test(text) ? Number(text) : null;
}
