import type { ReferenceResolver } from '@loyalnest/kit';
import type { Merchant } from '../entities/merchant.entity.js';
import type { MerchantService } from '../services/merchant.service.js';

/** `Merchant` references from other subgraphs, one query per batch; another tenant's id resolves to null. */
export function merchantReference(merchants: MerchantService): ReferenceResolver {
  return (reference, ctx) => ctx.loaders.get<string, Merchant>('merchant.byId', (ids) => merchants.byIds(ctx, ids)).load(reference.id);
}
