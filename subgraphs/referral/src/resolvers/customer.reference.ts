import type { ReferenceResolver } from '@loyalnest/kit';

/**
 * Any customer id resolves to a reference: `referral` checks access and reads only the caller's
 * merchant (batched per request there), where another merchant's customer has no code.
 */
export const customerReference: ReferenceResolver = (reference) => ({ id: reference.id });
