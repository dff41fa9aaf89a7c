import type { ReferenceResolver } from '@loyalnest/kit';
import type { CustomerService, CustomerView } from '../services/customer.service.js';

/** `Customer` references from other subgraphs, one query per batch; another tenant's id resolves to null. */
export function customerReference(customers: CustomerService): ReferenceResolver {
  return (reference, ctx) => ctx.loaders.get<string, CustomerView>('customer.byId', (ids) => customers.byIds(ctx, ids)).load(reference.id);
}
