import { Scope, type ReferenceResolver } from '@loyalnest/kit';
import type { RequestContext } from '@loyalnest/kit';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MerchantRef } from '../graphql/customer.type.js';
import type { CustomerService } from '../services/customer.service.js';

/** What the customer subgraph adds to `Merchant`. */
@Resolver(() => MerchantRef)
export class MerchantRefResolver {
  constructor(private readonly customers: CustomerService) {}

  @Authorized(Scope.CUSTOMERS_READ)
  @FieldResolver(() => Int, { description: 'How many customers the merchant has.' })
  async customerCount(@Ctx() ctx: RequestContext, @Root() merchant: MerchantRef): Promise<number> {
    return this.customers.count(ctx, merchant.id);
  }
}

/** A merchant reference resolves only for the caller's own merchant. */
export const merchantRefReference: ReferenceResolver = (reference, ctx) => (reference.id === ctx.merchantId ? { id: reference.id } : null);
