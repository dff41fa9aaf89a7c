import { isShopifyId } from './shopify-id.js';

/**
 * Reading values out of Shopify webhook bodies, the same way in every domain that consumes them.
 * A value that is missing or malformed throws, so the event is retried, then dead-lettered with
 * the reason, rather than applied half-understood.
 */
const MONEY = /^-?[0-9]+(\.[0-9]{1,2})?$/;

function invalid(what: string): Error {
  return new Error(`webhook body has no valid ${what}`);
}

/** Shopify's numeric ids (numbers in JSON, strings in some API versions), as a decimal string that fits a bigint. */
export function bodyShopifyId(value: unknown, what: string): string {
  // A JSON number past 2^53 has lost digits on parsing: whatever it reads as is another id.
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw invalid(what);
  const id = String(value ?? '');
  // Nineteen digits pass a digits-only pattern yet may overflow the bigint columns every id goes to.
  if (!isShopifyId(id)) throw invalid(what);
  return id;
}

/** A decimal amount as Shopify writes it ("12.50"), or null when absent or not one. */
export function bodyMoneyOrNull(value: unknown): string | null {
  const text = String(value ?? '');
  return MONEY.test(text) ? text : null;
}

export function bodyMoney(value: unknown, what: string): string {
  const amount = bodyMoneyOrNull(value);
  if (amount === null) throw invalid(what);
  return amount;
}

/** What a refund returned, in cents: the sum of its successful refund transactions. */
export function refundedCents(body: Record<string, unknown>): number {
  const transactions = Array.isArray(body.transactions) ? (body.transactions as { kind?: string; status?: string; amount?: unknown }[]) : [];
  return transactions
    .filter((t) => t.kind === 'refund' && t.status === 'success')
    .reduce((sum, t) => sum + Math.round(Number(bodyMoney(t.amount, 'transactions.amount')) * 100), 0);
}
