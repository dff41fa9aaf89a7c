import { bodyShopifyId } from '@loyalnest/kit';

/** A customer as a Shopify customer webhook (or an order's `customer`) describes it. */
export interface ShopifyCustomerFacts {
  shopifyId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  tags: string[];
  acceptsMarketing: boolean;
  /** Shopify's `updated_at`: customers/update deliveries arrive out of order; the newest wins. Null when absent. */
  updatedAt: Date | null;
}

/**
 * Shopify customer bodies → profile facts. Throws when the id is missing, so the event is
 * dead-lettered with a reason; other fields are optional in Shopify's payloads and read leniently.
 */
export function customerFacts(body: Record<string, unknown>): ShopifyCustomerFacts {
  const consent = body.email_marketing_consent as { state?: unknown } | null | undefined;
  const updatedAt = typeof body.updated_at === 'string' ? new Date(body.updated_at) : null;
  return {
    shopifyId: bodyShopifyId(body.id, 'customer id'),
    email: text(body.email, 254),
    firstName: text(body.first_name, 100),
    lastName: text(body.last_name, 100),
    // Shopify sends tags as one comma-separated string.
    tags: typeof body.tags === 'string' ? body.tags.split(',').map((t) => t.trim().slice(0, 255)).filter(Boolean).slice(0, 250) : [],
    acceptsMarketing: consent?.state === 'subscribed' || body.accepts_marketing === true,
    updatedAt: updatedAt && !Number.isNaN(updatedAt.getTime()) ? updatedAt : null,
  };
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;
}
