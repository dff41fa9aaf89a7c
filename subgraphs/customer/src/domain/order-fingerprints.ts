import { HashInputError, InvalidEmailError, type Fingerprinter } from '@loyalnest/kit';
import type { OrderFingerprints } from '../topics.js';

/**
 * An order webhook body → the keyed hashes `order.recorded` carries for the referral fraud checks:
 * the contact email (`email`, else `contact_email`, else `customer.email`), where the parcel goes
 * (`shipping_address`) and the buyer's IP (`browser_ip`, else `client_details.browser_ip`). A
 * value that is absent or cannot be hashed (not an email, not an IP, an address without a street
 * or a country) is null: a fraud signal the order lacks, never a reason to refuse the order.
 */
export function orderFingerprints(body: Record<string, unknown>, fingerprinter: Fingerprinter): OrderFingerprints {
  const customer = record(body.customer);
  const shipping = record(body.shipping_address);
  const email = firstText(body.email, body.contact_email, customer?.email);
  const browserIp = firstText(body.browser_ip, record(body.client_details)?.browser_ip);
  return {
    email: email === null ? null : hashed(() => fingerprinter.email(email)),
    shippingAddress:
      shipping === null
        ? null
        : hashed(() =>
            fingerprinter.shippingAddress({
              address1: text(shipping.address1),
              address2: text(shipping.address2),
              city: text(shipping.city),
              zip: text(shipping.zip),
              countryCode: text(shipping.country_code),
            }),
          ),
    browserIp: browserIp === null ? null : hashed(() => fingerprinter.ip(browserIp)),
  };
}

/** The hash, or null for a value the fingerprinter refuses; anything else is a defect and throws. */
function hashed(hash: () => string): string | null {
  try {
    return hash();
  } catch (error) {
    if (error instanceof HashInputError || error instanceof InvalidEmailError) return null;
    throw error;
  }
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The first of `values` that is a string with something in it (Shopify sends `""` as often as null). */
function firstText(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}
