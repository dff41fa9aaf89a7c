import type { ReferenceResolver } from '@loyalnest/kit';

/**
 * Any customer id resolves to a reference: `rfm` checks access and reads only the caller's
 * merchant (batched per request there), so another merchant's id or a made-up one gets null.
 */
export const customerReference: ReferenceResolver = (reference) => ({ id: reference.id });
