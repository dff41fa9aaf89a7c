import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import { CustomerNotFoundError } from '@loyalnest/kit';
import { CustomerFilter, UpdateCustomerInput, UpsertCustomerInput } from '../graphql/customer.input.js';
import { CustomerConnection, CustomerType, MerchantRef, UpsertCustomerSuccess } from '../graphql/customer.type.js';
import type { CustomerService, CustomerView } from '../services/customer.service.js';

export const UpsertCustomerResult = createUnionType({
  name: 'UpsertCustomerResult',
  description: 'The customer as stored after the upsert.',
  types: () => [UpsertCustomerSuccess] as const,
});

export const UpdateCustomerResult = createUnionType({
  name: 'UpdateCustomerResult',
  description: 'The updated customer, or that no such customer exists for this merchant.',
  types: () => [CustomerType, CustomerNotFoundError] as const,
  resolveType: (value) => (value instanceof CustomerNotFoundError ? CustomerNotFoundError : CustomerType),
});

/** Views are served as they are: copying one into a CustomerType would read (decrypt) every PII field. */
const asType = (view: CustomerView) => view as unknown as CustomerType;

@Resolver(() => CustomerType)
export class CustomerResolver {
  constructor(private readonly service: CustomerService) {}

  @Authorized(Scope.CUSTOMERS_READ)
  @Query(() => CustomerConnection, { description: "The merchant's customers, oldest first, filtered and paginated by cursor." })
  async customers(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
    @Arg('filter', () => CustomerFilter, { nullable: true, description: 'Conditions the customers must meet.' }) filter: CustomerFilter | null,
  ): Promise<CustomerConnection> {
    const page = await this.service.list(ctx, { first, after, filter });
    return { nodes: page.nodes.map(asType), pageInfo: page.pageInfo };
  }

  @Query(() => CustomerType, { nullable: true, description: 'A customer by LoyalNest id; null when this merchant has none with that id.' })
  async customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'LoyalNest id of the customer.' }) id: string): Promise<CustomerType | null> {
    const view = await this.service.byId(ctx, id);
    return view && asType(view);
  }

  @Authorized(Scope.CUSTOMERS_READ)
  @Query(() => CustomerType, { nullable: true, description: "A customer by Shopify's customer id." })
  async customerByShopifyId(
    @Ctx() ctx: RequestContext,
    @Arg('shopifyId', () => ID, { description: "The customer's numeric Shopify id, e.g. `7654321` (not the `gid://` form)." }) shopifyId: string,
  ): Promise<CustomerType | null> {
    const view = await this.service.byShopifyId(ctx, shopifyId);
    return view && asType(view);
  }

  @Authorized(Scope.CUSTOMERS_WRITE)
  @Mutation(() => UpsertCustomerResult, { description: 'Creates or updates a customer by Shopify id; safe to repeat.' })
  async upsertCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpsertCustomerInput, { description: 'The Shopify customer to create or refresh, matched by its Shopify id.' }) input: UpsertCustomerInput,
  ): Promise<typeof UpsertCustomerResult> {
    const { customer, created } = await this.service.upsert(ctx, input);
    return Object.assign(new UpsertCustomerSuccess(), { customer: asType(customer), created });
  }

  @Authorized(Scope.CUSTOMERS_WRITE)
  @Mutation(() => UpdateCustomerResult, { description: "Changes a customer's profile." })
  async updateCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateCustomerInput, { description: 'The customer and the fields to change; omitted fields keep their value.' }) input: UpdateCustomerInput,
  ): Promise<typeof UpdateCustomerResult> {
    const result = await this.service.update(ctx, input);
    return result instanceof CustomerNotFoundError ? result : asType(result);
  }

  @FieldResolver(() => MerchantRef)
  merchant(@Root() customer: CustomerView): MerchantRef {
    return { id: customer.merchantId };
  }
}
