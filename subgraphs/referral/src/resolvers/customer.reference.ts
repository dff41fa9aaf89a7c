import type { ReferenceResolver } from '@loyalnest/kit';

/**
 * Any customer id resolves to a reference: `referral` checks access, reads only the caller's
 * merchant (batched per request there) and makes a missing code only for a customer the customer
 * domain confirms, so another merchant's id, a made-up one or an erased customer's gets null.
 */
export const customerReference: ReferenceResolver = (reference) => ({ id: reference.id });
