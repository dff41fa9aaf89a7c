import { badInput, fieldAad, thrown, type FieldCipher, type RequestContext } from '@loyalnest/kit';
import type { GraphQLError } from 'graphql';
import { MerchantEntity } from '../entities/merchant.entity.js';
import { ShopifyDiscountKind, type ShopifyDiscountInput } from '../graphql/shopify-discount.input.js';
import type { ShopifyDiscountType } from '../graphql/shopify-discount.type.js';
import type { SetCustomerMetafieldsInput } from '../graphql/customer-metafield.input.js';
import type { CustomerMetafieldsResultType } from '../graphql/customer-metafields.type.js';
import { ShopifyAdminError, type ShopifyAdminClient, type ShopifyUserError } from './shopify-admin.client.js';

const BASIC_CREATE = `mutation discountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}`;

const FREE_SHIPPING_CREATE = `mutation discountCodeFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}`;

/** The codes of the two kinds we create; a discount of any other kind holding the code is not one of ours. */
const CODE_LOOKUP = `query codeDiscountNodeByCode($code: String!) {
  codeDiscountNodeByCode(code: $code) {
    id
    codeDiscount {
      __typename
      ... on DiscountCodeBasic { codes(first: 1) { nodes { code } } }
      ... on DiscountCodeFreeShipping { codes(first: 1) { nodes { code } } }
    }
  }
}`;

const CODE_DELETE = `mutation discountCodeDelete($id: ID!) {
  discountCodeDelete(id: $id) {
    deletedCodeDiscountId
    userErrors { field code message }
  }
}`;

const FLOW_TRIGGER_RECEIVE = `mutation flowTriggerReceive($handle: String, $payload: JSON) {
  flowTriggerReceive(handle: $handle, payload: $payload) {
    userErrors { field message }
  }
}`;

const METAFIELDS_SET = `mutation metafieldsSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id }
    userErrors { field code message }
  }
}`;

interface DiscountCreatePayload {
  codeDiscountNode: { id: string } | null;
  userErrors: ShopifyUserError[];
}

interface DiscountDeletePayload {
  deletedCodeDiscountId: string | null;
  userErrors: ShopifyUserError[];
}

interface CodeDiscountNode {
  id: string;
  codeDiscount: { __typename: string; codes?: { nodes: { code: string }[] } } | null;
}

/**
 * Acts on the context's merchant's shop through the Admin API, for the other subgraphs (points
 * creating a reward's discount code, Flow triggers). The offline token is read and decrypted here
 * for each call and never leaves this subgraph; the merchant is looked up through the tenant
 * filter and row-level security, so a caller acting for one merchant can only reach that
 * merchant's shop.
 */
export class ShopifyAdminService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly client: ShopifyAdminClient,
  ) {}

  /**
   * Idempotent on the code. An attempt can time out after Shopify created the discount, so the
   * retry (or a later call for the same code) is told the code is taken: the discount holding
   * exactly this code is then looked up and answered as created. Callers generate unguessable
   * codes, so a code already there under the exact same string is one they asked for before.
   */
  async createDiscount(ctx: RequestContext, input: ShopifyDiscountInput): Promise<ShopifyDiscountType> {
    const variables = discountVariables(input);
    const { shop, accessToken } = await this.installedShop(ctx);
    const [query, field] = input.kind === ShopifyDiscountKind.FREE_SHIPPING ? [FREE_SHIPPING_CREATE, 'discountCodeFreeShippingCreate'] : [BASIC_CREATE, 'discountCodeBasicCreate'];
    let payload: DiscountCreatePayload;
    try {
      payload = await this.client.mutate<DiscountCreatePayload>(shop, accessToken, query, variables, field);
    } catch (error) {
      if (error instanceof ShopifyAdminError && codeTaken(error)) return this.existingDiscount(shop, accessToken, input.code, error);
      if (error instanceof ShopifyAdminError) throw asGraphQLError(error);
      throw error;
    }
    if (!payload.codeDiscountNode) throw thrown('SHOPIFY_REJECTED', `Shopify created no discount for ${field}`);
    return { shopifyDiscountId: payload.codeDiscountNode.id, code: input.code };
  }

  /**
   * The discount already holding `code`, after Shopify said it is taken. Shopify matches codes
   * without regard to case, so only a discount of ours holding the very same string counts; any
   * other is a refusal. A lookup that fails is reported as it failed.
   */
  private async existingDiscount(shop: string, accessToken: string, code: string, taken: ShopifyAdminError): Promise<ShopifyDiscountType> {
    const node = await this.call(() => this.client.query<CodeDiscountNode>(shop, accessToken, CODE_LOOKUP, { code }, 'codeDiscountNodeByCode'));
    if (node?.codeDiscount?.codes?.nodes.some((c) => c.code === code)) return { shopifyDiscountId: node.id, code };
    const found = node ? `the discount holding it (${node.id}) is not one of ours with exactly this code` : 'looking it up found no discount holding it';
    throw thrown('SHOPIFY_REJECTED', `${taken.message}; ${found}`, { attempts: taken.attempts, userErrors: taken.userErrors });
  }

  /**
   * Makes sure `code` cannot be used in the shop: the discount of ours holding exactly this code,
   * if any, is deleted. For a code whose creation may have succeeded unseen (an attempt that timed
   * out), so a discount of another kind, or holding the code in another case, is not ours and is
   * left alone. A delete whose answer was lost is retried and refused, so a refusal is checked
   * with a second lookup: the code gone is success. True once no discount of ours holds the code.
   */
  async deactivateDiscount(ctx: RequestContext, code: string): Promise<boolean> {
    if (!code || code.length > 255 || /\s/.test(code)) throw badInput('code', 'must be 1–255 characters without spaces');
    const { shop, accessToken } = await this.installedShop(ctx);
    const node = await this.ours(shop, accessToken, code);
    if (!node) return true;
    ctx.log.warn({ discountId: node.id }, `deleting discount ${node.id} (its code must no longer work)`);
    try {
      await this.client.mutate<DiscountDeletePayload>(shop, accessToken, CODE_DELETE, { id: node.id }, 'discountCodeDelete');
    } catch (error) {
      if (!(error instanceof ShopifyAdminError)) throw error;
      if (error.kind === 'permanent' && !(await this.ours(shop, accessToken, code))) return true;
      throw asGraphQLError(error);
    }
    return true;
  }

  /** The discount of ours holding exactly `code`, or null. */
  private async ours(shop: string, accessToken: string, code: string): Promise<CodeDiscountNode | null> {
    const node = await this.call(() => this.client.query<CodeDiscountNode>(shop, accessToken, CODE_LOOKUP, { code }, 'codeDiscountNodeByCode'));
    return node?.codeDiscount?.codes?.nodes.some((c) => c.code === code) ? node : null;
  }

  /**
   * At most once: Shopify has no idempotency key for `flowTriggerReceive`, so a trigger whose
   * attempt may have reached Shopify (a timeout, a dropped connection, a 5xx) is not sent again and
   * fails as SHOPIFY_OUTCOME_UNKNOWN; only failures that certainly did not reach it are retried.
   */
  async sendFlowTrigger(ctx: RequestContext, handle: string, payload: Record<string, unknown>): Promise<boolean> {
    if (!handle.trim() || handle.length > 255) throw badInput('handle', 'must be 1–255 characters');
    const { shop, accessToken } = await this.installedShop(ctx);
    await this.call(() => this.client.mutate(shop, accessToken, FLOW_TRIGGER_RECEIVE, { handle, payload }, 'flowTriggerReceive', { atMostOnce: true }));
    return true;
  }

  /**
   * One `metafieldsSet` call: the same text metafield on up to 25 customers. Setting a value is
   * idempotent, so the client's retries (a timeout, a 5xx, THROTTLED: it waits for the cost bucket
   * to refill as Shopify's answer says) are safe. Shopify refuses the whole call when it refuses any
   * value; those refused for a value of the input (`userErrors` naming `metafields.<index>`) are
   * answered, not thrown, so the caller can send the others again. Other refusals throw
   * SHOPIFY_REJECTED, and Shopify staying unavailable through the retries SHOPIFY_UNAVAILABLE.
   */
  async setCustomerMetafields(ctx: RequestContext, input: SetCustomerMetafieldsInput): Promise<CustomerMetafieldsResultType> {
    const ids = input.values.map((v) => v.customerShopifyId);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw badInput('input.values', `customer ${twice} is given twice`);
    const metafields = input.values.map((v) => ({ ownerId: gid('Customer', v.customerShopifyId), namespace: input.namespace, key: input.key, type: 'single_line_text_field', value: v.value }));
    const { shop, accessToken } = await this.installedShop(ctx);
    try {
      await this.client.mutate(shop, accessToken, METAFIELDS_SET, { metafields }, 'metafieldsSet');
      return { written: metafields.length, rejected: [] };
    } catch (error) {
      if (!(error instanceof ShopifyAdminError)) throw error;
      const rejected = error.kind === 'permanent' ? rejectedValues(error.userErrors, ids) : [];
      if (rejected.length) return { written: 0, rejected };
      throw asGraphQLError(error);
    }
  }

  private async installedShop(ctx: RequestContext): Promise<{ shop: string; accessToken: string }> {
    if (!ctx.merchantId) throw thrown('SHOPIFY_REJECTED', 'The caller acts for no merchant, so there is no shop to call');
    const merchant = await ctx.em.findOne(MerchantEntity, { id: ctx.merchantId });
    if (!merchant) throw thrown('SHOPIFY_REJECTED', 'The merchant does not exist');
    if (merchant.status !== 'installed') throw thrown('SHOPIFY_REJECTED', 'The merchant has uninstalled the app, so its shop cannot be called');
    if (!merchant.accessTokenEncrypted) throw thrown('SHOPIFY_REJECTED', 'The merchant has no Shopify access token; it must install the app again');
    const accessToken = this.cipher.decrypt(merchant.accessTokenEncrypted, fieldAad(merchant.id, 'merchant', merchant.id, 'access_token'));
    return { shop: merchant.shopDomain, accessToken };
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof ShopifyAdminError) throw asGraphQLError(error);
      throw error;
    }
  }
}

/** The customers `metafieldsSet`'s userErrors name by their index (`["metafields", "3", "value"]`), each once. */
function rejectedValues(userErrors: ShopifyUserError[], ids: string[]): { customerShopifyId: string; message: string }[] {
  const rejected = new Map<string, string>();
  for (const e of userErrors) {
    const index = e.field?.[0] === 'metafields' ? Number(e.field[1]) : NaN;
    const id = Number.isInteger(index) ? ids[index] : undefined;
    if (id && !rejected.has(id)) rejected.set(id, e.message);
  }
  return [...rejected].map(([customerShopifyId, message]) => ({ customerShopifyId, message }));
}

function codeTaken(error: ShopifyAdminError): boolean {
  return error.kind === 'permanent' && error.userErrors.some((e) => e.code === 'TAKEN' && e.field?.at(-1) === 'code');
}

function asGraphQLError(error: ShopifyAdminError): GraphQLError {
  const code = ({ gave_up: 'SHOPIFY_UNAVAILABLE', unknown: 'SHOPIFY_OUTCOME_UNKNOWN', permanent: 'SHOPIFY_REJECTED' } as const)[error.kind];
  return thrown(code, error.message, { attempts: error.attempts, ...(error.userErrors.length ? { userErrors: error.userErrors } : {}) });
}

function gid(type: string, id: string): string {
  return id.startsWith('gid://') ? id : `gid://shopify/${type}/${id}`;
}

function checkGid(field: string, id: string, type: string): string {
  const value = gid(type, id);
  if (!value.startsWith(`gid://shopify/${type}/`)) throw badInput(field, `must be a ${type} id`);
  return value;
}

/**
 * Our input → Shopify's DiscountCodeBasicInput / DiscountCodeFreeShippingInput. A code is single
 * use (usageLimit 1, once per customer) unless the input says otherwise. Shopify wants percentages as a fraction (0–1).
 * FREE_PRODUCT is 100% off the one variant: a basic discount cannot cap the quantity, so the
 * single use is what bounds it.
 */
function discountVariables(input: ShopifyDiscountInput): Record<string, unknown> {
  const value = input.value ?? null;
  const amount = value === null ? null : Number(value);
  if (input.kind === ShopifyDiscountKind.FIXED_AMOUNT && !(amount && amount > 0)) throw badInput('input.value', 'a FIXED_AMOUNT discount needs an amount above 0');
  if (input.kind === ShopifyDiscountKind.PERCENTAGE && !(amount && amount > 0 && amount <= 100)) throw badInput('input.value', 'a PERCENTAGE discount needs a percentage above 0 and at most 100');
  if ((input.kind === ShopifyDiscountKind.FREE_SHIPPING || input.kind === ShopifyDiscountKind.FREE_PRODUCT) && value !== null) {
    throw badInput('input.value', `a ${input.kind} discount takes no value`);
  }
  if (input.kind === ShopifyDiscountKind.FREE_PRODUCT && !input.variantId) throw badInput('input.variantId', 'a FREE_PRODUCT discount needs the variant it gives');
  if (input.kind !== ShopifyDiscountKind.FREE_PRODUCT && input.variantId) throw badInput('input.variantId', 'only a FREE_PRODUCT discount gives a variant');
  const startsAt = input.startsAt ?? new Date();
  if (input.endsAt && input.endsAt <= startsAt) throw badInput('input.endsAt', 'must be after startsAt');

  const common = {
    title: input.title,
    code: input.code,
    startsAt: startsAt.toISOString(),
    endsAt: input.endsAt?.toISOString() ?? null,
    context: input.customerShopifyId ? { customers: { add: [checkGid('input.customerShopifyId', input.customerShopifyId, 'Customer')] } } : { all: 'ALL' },
    minimumRequirement: input.minimumSubtotal ? { subtotal: { greaterThanOrEqualToSubtotal: input.minimumSubtotal } } : null,
    // Left out: single use. Given as null: no limit (Shopify's null usageLimit).
    usageLimit: input.usageLimit === undefined ? 1 : input.usageLimit,
    appliesOncePerCustomer: input.appliesOncePerCustomer ?? true,
  };
  switch (input.kind) {
    case ShopifyDiscountKind.FREE_SHIPPING:
      return { freeShippingCodeDiscount: { ...common, destination: { all: true } } };
    case ShopifyDiscountKind.FIXED_AMOUNT:
      return { basicCodeDiscount: { ...common, customerGets: { value: { discountAmount: { amount: value, appliesOnEachItem: false } }, items: { all: true } } } };
    case ShopifyDiscountKind.PERCENTAGE:
      return { basicCodeDiscount: { ...common, customerGets: { value: { percentage: amount! / 100 }, items: { all: true } } } };
    case ShopifyDiscountKind.FREE_PRODUCT:
      return {
        basicCodeDiscount: {
          ...common,
          customerGets: { value: { percentage: 1 }, items: { products: { productVariantsToAdd: [checkGid('input.variantId', input.variantId!, 'ProductVariant')] } } },
        },
      };
  }
}
