import type { EarningRules } from './earning-rules.js';
import type { OrderEarningFacts, RefundFacts } from './shopify-order.parser.js';

/**
 * How an order's earning base was made, kept in its earn entry's metadata (`basis`), so that its
 * refunds are measured the same way whatever the rules say by the time they arrive.
 */
export interface EarningBasis {
  lineItems: number;
  discounts: number;
  taxesIncluded: boolean;
  excludeDiscounts: boolean;
  excludeShipping: boolean;
  excludeTaxes: boolean;
}

/** What an order earn entry's metadata holds; `basis` is absent from earns made before it was kept. */
export interface EarnMetadata {
  base?: number;
  total?: number;
  basis?: EarningBasis;
}

/** The amount an order earns on under the rules, before the rate and the tier multiplier. */
export function earningBase(order: OrderEarningFacts, rules: EarningRules): number {
  let base = order.lineItems;
  if (rules.excludeDiscounts) base -= order.discounts;
  if (!rules.excludeShipping) base += order.shipping;
  // Tax is inside the line prices when the shop shows prices with tax, on top of them otherwise.
  if (rules.excludeTaxes && order.taxesIncluded) base -= order.taxes;
  if (!rules.excludeTaxes && !order.taxesIncluded) base += order.taxes;
  return Math.max(0, Math.round(base * 100) / 100);
}

export function earningBasis(order: OrderEarningFacts, rules: EarningRules): EarningBasis {
  return {
    lineItems: order.lineItems,
    discounts: order.discounts,
    taxesIncluded: order.taxesIncluded,
    excludeDiscounts: rules.excludeDiscounts,
    excludeShipping: rules.excludeShipping,
    excludeTaxes: rules.excludeTaxes,
  };
}

/**
 * The share (0–1) of an order's earning that a refund takes back: what the refund returned of the
 * earning base, over that base. Its line items count as the base counted them (their taxes in or
 * out, undiscounted if the earning was), its shipping only if the base had shipping, so a
 * shipping-only refund of an earning without shipping takes nothing. A refund for less than its
 * parts (a restocking fee, an exchange) takes that fraction of each; money returned beyond its
 * parts names no part, and takes its share of the order's total, as every refund did before the
 * parts were kept (and still does for an earn made before then).
 */
export function refundShare(earning: EarnMetadata, refund: RefundFacts): number {
  const base = Number(earning.base ?? 0);
  const total = Number(earning.total ?? 0);
  const ofTotal = (amount: number) => (total > 0 ? amount / total : 1);
  const basis = earning.basis;
  if (!basis || base <= 0) return clampShare(ofTotal(refund.amount));

  const parts = refund.lineItems + (basis.taxesIncluded ? 0 : refund.lineTaxes) + refund.shipping + refund.shippingTaxes;
  const paid = parts > refund.amount ? refund.amount / parts : 1;
  let lines = refund.lineItems;
  if (basis.taxesIncluded && basis.excludeTaxes) lines -= refund.lineTaxes;
  if (!basis.taxesIncluded && !basis.excludeTaxes) lines += refund.lineTaxes;
  // Refunded subtotals are after discounts; an earning on undiscounted prices counts them undiscounted.
  const discounted = basis.lineItems - basis.discounts;
  if (!basis.excludeDiscounts && discounted > 0) lines *= basis.lineItems / discounted;
  const shipping = basis.excludeShipping ? 0 : refund.shipping + (basis.excludeTaxes ? 0 : refund.shippingTaxes);
  const unnamed = Math.max(0, refund.amount - parts);
  return clampShare(((lines + shipping) * paid) / base + (total > 0 ? unnamed / total : 0));
}

function clampShare(share: number): number {
  return Math.min(1, Math.max(0, share));
}
