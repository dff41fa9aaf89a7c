import {
  badInput,
  blindIndex,
  decodeCursor,
  fieldAad,
  FieldCipher,
  forbidden,
  inKeyOrder,
  isShopifyId,
  isUuid,
  pageSize,
  Scope,
  toPage,
  type PageInfo,
  type RequestContext,
} from '@loyalnest/kit';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { CustomerEntity, type Customer } from '../entities/customer.entity.js';
import { CustomerNotFoundError } from '@loyalnest/kit';
import { lockCustomer, type OrderService } from './order.service.js';
import type { ShopifyCustomerFacts } from './shopify-customer.parser.js';
import type { CustomerFilter, UpdateCustomerInput, UpsertCustomerInput } from '../graphql/customer.input.js';

/** A customer with its PII decrypted, as the API shows it. */
export interface CustomerView {
  id: string;
  merchantId: string;
  shopifyId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  tags: string[];
  acceptsMarketing: boolean;
  ordersCount: number;
  totalSpent: string;
  lastOrderAt: Date | null;
  createdAt: Date;
}

type Profile = Pick<UpsertCustomerInput, 'email' | 'firstName' | 'lastName' | 'tags' | 'acceptsMarketing'>;
const PII = { email: 'email', firstName: 'first_name', lastName: 'last_name' } as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class CustomerService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly blindIndexKey: string,
    private readonly orders: OrderService,
  ) {}

  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; filter?: CustomerFilter | null }): Promise<{ nodes: CustomerView[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const where: FilterQuery<Customer> = {};
    if (after) where.id = { $gt: after };
    const filter = args.filter ?? {};
    if (filter.email != null) where.emailBlindIndex = this.emailIndex(ctx.merchantId!, filter.email);
    if (filter.tag != null) where.tags = { $contains: [filter.tag] };
    if (filter.acceptsMarketing != null) where.acceptsMarketing = filter.acceptsMarketing;
    if (filter.minOrdersCount != null) where.ordersCount = { $gte: filter.minOrdersCount };
    const rows = await ctx.em.find(CustomerEntity, where, { orderBy: { id: 'asc' }, limit: size + 1, disableIdentityMap: true });
    const page = toPage(rows, size);
    return { nodes: page.nodes.map((c) => this.view(c)), pageInfo: page.pageInfo };
  }

  /** Customers of the caller's merchant; another merchant's id counts nothing. */
  async count(ctx: RequestContext, merchantId: string): Promise<number> {
    return merchantId === ctx.merchantId ? ctx.em.count(CustomerEntity, {}) : 0;
  }

  /** A shopper may read their own record only; other callers need `customers:read`. */
  async byId(ctx: RequestContext, id: string): Promise<CustomerView | null> {
    if (!ctx.scopes.includes(Scope.CUSTOMERS_READ) && !(ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === id)) {
      throw forbidden('Missing scope: customers:read');
    }
    const [customer] = await this.byIds(ctx, [id]);
    return customer;
  }

  /** One query for any number of ids; unknown ids and other tenants' ids come back as null. */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<(CustomerView | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.em.find(CustomerEntity, { id: { $in: valid } }) : [];
    return inKeyOrder(ids, rows.map((c) => this.view(c)), (c) => c.id);
  }

  async byShopifyId(ctx: RequestContext, shopifyId: string): Promise<CustomerView | null> {
    if (!isShopifyId(shopifyId)) throw badInput('shopifyId', 'must be a Shopify numeric id');
    const customer = await ctx.em.findOne(CustomerEntity, { shopifyId });
    return customer && this.view(customer);
  }

  /**
   * Idempotent on the Shopify id: the same input twice leaves one customer. Two concurrent first
   * upserts race on the unique (merchant, Shopify id) key; the loser retries as an update.
   */
  async upsert(ctx: RequestContext, input: UpsertCustomerInput): Promise<{ customer: CustomerView; created: boolean }> {
    const { em } = ctx;
    for (let attempt = 0; ; attempt++) {
      const existing = await em.findOne(CustomerEntity, { shopifyId: input.shopifyId });
      const customer = existing ?? em.create(CustomerEntity, { id: uuidv7(), merchantId: ctx.merchantId!, shopifyId: input.shopifyId });
      this.applyProfile(customer, input);
      ctx.emit(existing ? 'customer.updated' : 'customer.created', { customerId: customer.id, fields: changedFields(input) });
      try {
        await em.flush();
        // Orders may have arrived before the customer did; count them now.
        if (!existing) {
          await this.orders.refreshStats(ctx, customer.shopifyId);
          await em.refresh(customer);
        }
        return { customer: this.view(customer), created: !existing };
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt > 0) throw error;
        em.clear();
      }
    }
  }

  async update(ctx: RequestContext, input: UpdateCustomerInput): Promise<CustomerView | CustomerNotFoundError> {
    const customer = isUuid(input.id) ? await ctx.em.findOne(CustomerEntity, { id: input.id }) : null;
    if (!customer) return new CustomerNotFoundError(input.id);
    this.applyProfile(customer, input);
    ctx.emit('customer.updated', { customerId: customer.id, fields: changedFields(input) });
    await ctx.em.flush();
    return this.view(customer);
  }

  /**
   * A customer as a Shopify webhook describes it, inside the caller's transaction (an event
   * handler's). Under the customer's lock, so a customer webhook and an order naming the same new
   * customer never race to create it. A version older than the stored one changes nothing;
   * `createOnly` (an order's snapshot of its customer) never overwrites an existing profile.
   */
  async applyShopifyCustomer(ctx: RequestContext, facts: ShopifyCustomerFacts, options: { createOnly?: boolean } = {}): Promise<void> {
    const { em } = ctx;
    await lockCustomer(em, ctx.merchantId!, facts.shopifyId);
    const existing = await em.findOne(CustomerEntity, { shopifyId: facts.shopifyId });
    if (existing && options.createOnly) return;
    if (existing?.shopifyUpdatedAt && facts.updatedAt && existing.shopifyUpdatedAt > facts.updatedAt) return;
    const customer = existing ?? em.create(CustomerEntity, { id: uuidv7(), merchantId: ctx.merchantId!, shopifyId: facts.shopifyId });
    const profile: Profile = { email: facts.email, firstName: facts.firstName, lastName: facts.lastName, tags: facts.tags, acceptsMarketing: facts.acceptsMarketing };
    this.applyProfile(customer, profile);
    if (facts.updatedAt) customer.shopifyUpdatedAt = facts.updatedAt;
    ctx.emit(existing ? 'customer.updated' : 'customer.created', { customerId: customer.id, fields: changedFields(profile) });
    await em.flush();
    if (!existing) await this.orders.refreshStats(ctx, facts.shopifyId);
  }

  /**
   * Shopify deleted the customer: its personal data goes (names, email and its index, tags);
   * the row, its Shopify id and the order aggregates stay until Shopify asks for a redaction.
   */
  async eraseShopifyCustomer(ctx: RequestContext, shopifyId: string): Promise<void> {
    const { em } = ctx;
    await lockCustomer(em, ctx.merchantId!, shopifyId);
    const customer = await em.findOne(CustomerEntity, { shopifyId });
    if (!customer) return;
    Object.assign(customer, { emailEncrypted: null, emailBlindIndex: null, firstNameEncrypted: null, lastNameEncrypted: null, tags: [] });
    ctx.emit('customer.deleted', { customerId: customer.id });
    await em.flush();
  }

  /** Writes profile fields; PII only as ciphertext bound to this merchant, row and column. */
  private applyProfile(customer: Customer, profile: Profile): void {
    const seal = (column: keyof typeof PII, value: string | null | undefined) =>
      value == null || value === '' ? null : this.cipher.encrypt(value, fieldAad(customer.merchantId, 'customer', customer.id, PII[column]));
    if (profile.email !== undefined) {
      const email = profile.email == null ? null : normalizeEmail(profile.email);
      customer.emailEncrypted = seal('email', email);
      customer.emailBlindIndex = email ? this.emailIndex(customer.merchantId, email) : null;
    }
    if (profile.firstName !== undefined) customer.firstNameEncrypted = seal('firstName', profile.firstName?.trim());
    if (profile.lastName !== undefined) customer.lastNameEncrypted = seal('lastName', profile.lastName?.trim());
    if (profile.tags != null) customer.tags = [...new Set(profile.tags.map((t) => t.trim()).filter(Boolean))];
    if (profile.acceptsMarketing != null) customer.acceptsMarketing = profile.acceptsMarketing;
  }

  private emailIndex(merchantId: string, email: string): string {
    return blindIndex(this.blindIndexKey, merchantId, normalizeEmail(email));
  }

  /** PII is decrypted on first read of its field, so a page that asks only for ids decrypts nothing. */
  private view(customer: Customer): CustomerView {
    const open = (column: keyof typeof PII, stored: string | null | undefined) =>
      stored ? this.cipher.decrypt(stored, fieldAad(customer.merchantId, 'customer', customer.id, PII[column])) : null;
    return {
      id: customer.id,
      merchantId: customer.merchantId,
      shopifyId: customer.shopifyId,
      get email() {
        return open('email', customer.emailEncrypted);
      },
      get firstName() {
        return open('firstName', customer.firstNameEncrypted);
      },
      get lastName() {
        return open('lastName', customer.lastNameEncrypted);
      },
      tags: customer.tags,
      acceptsMarketing: customer.acceptsMarketing,
      ordersCount: customer.ordersCount,
      totalSpent: customer.totalSpent,
      lastOrderAt: customer.lastOrderAt ?? null,
      createdAt: customer.createdAt,
    };
  }
}

/** Which profile fields an input sets: names only, so events never carry the values (PII). */
function changedFields(profile: Profile): string[] {
  return (['email', 'firstName', 'lastName', 'tags', 'acceptsMarketing'] as const).filter((f) => profile[f] !== undefined);
}
