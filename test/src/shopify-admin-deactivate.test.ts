import { beforeAll, describe, expect, it } from '@jest/globals';
import { type Caller } from '@loyalnest/kit';
import { type FakeShopify } from './support/fake-shopify.js';
import { type TestGateway } from './support/gateway.js';
import { code, errorCode, RETRY, shopifyAdminFixture, type InstalledShop } from './support/shopify-admin-fixture.js';
import { adminCaller } from './support/tokens.js';
import { createMerchant } from './support/tenants.js';

/** `_deactivateShopifyDiscount`: the merchant subgraph's internal mutation making sure a code no longer works. */

const fx = shopifyAdminFixture();
const { internal, createDiscount, graphqlRequests } = fx;
let gateway: TestGateway;
let fake: FakeShopify;
let a: InstalledShop;
let b: InstalledShop;
beforeAll(() => {
  ({ gateway, fake, a, b } = fx.world);
});

describe('deactivating a discount code whose creation was reported failed', () => {
  const DEACTIVATE = `mutation($code: String!) { _deactivateShopifyDiscount(code: $code) }`;
  const deactivate = (caller: Caller, wanted: string) => internal<{ _deactivateShopifyDiscount: boolean }>(DEACTIVATE, { code: wanted }, caller);
  const deletedCodes = (shop: string) => fake.deletedDiscounts(shop).map((d) => d.code);

  it('deletes the discount of ours holding exactly the code, once; answers true with nothing to delete', async () => {
    // given: a creation that Shopify did but whose answer was lost every time
    const wanted = code();
    fake.failRequests(a.shop, 'lost-reset', '/graphql.json');
    const created = await createDiscount(a.caller, { code: wanted, title: 'lost', kind: 'FIXED_AMOUNT', value: '5.00' });
    fake.failRequests(a.shop, null);
    expect(errorCode(created)).toBe('SHOPIFY_UNAVAILABLE');
    const [discount] = fake.discounts(a.shop).filter((d) => d.code === wanted);
    expect(discount).toBeDefined();

    // when
    const before = graphqlRequests(a.shop).length;
    const result = await deactivate(a.caller, wanted);
    // then
    expect(result).toEqual({ data: { _deactivateShopifyDiscount: true } });
    expect(fake.discounts(a.shop).some((d) => d.code === wanted)).toBe(false);
    expect(fake.deletedDiscounts(a.shop).filter((d) => d.code === wanted).map((d) => d.id)).toEqual([discount.id]);
    const sent = graphqlRequests(a.shop).slice(before);
    expect(sent.map((r) => r.operation)).toEqual(['codeDiscountNodeByCode', 'discountCodeDelete']);
    expect(sent[1].body).toMatchObject({ variables: { id: discount.id } });

    // Again, and for a code never created: nothing to delete, true.
    const deleted = fake.deletedDiscounts(a.shop).length;
    expect((await deactivate(a.caller, wanted)).data).toEqual({ _deactivateShopifyDiscount: true });
    expect((await deactivate(a.caller, code())).data).toEqual({ _deactivateShopifyDiscount: true });
    expect(fake.deletedDiscounts(a.shop)).toHaveLength(deleted);
  });

  it('leaves alone a discount that is not ours with exactly this code', async () => {
    const theirs = code();
    expect((await createDiscount(a.caller, { code: theirs, title: 'theirs', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    const result = await deactivate(a.caller, theirs.toLowerCase());
    expect(result.data).toEqual({ _deactivateShopifyDiscount: true });
    expect(fake.discounts(a.shop).some((d) => d.code === theirs)).toBe(true);
    expect(deletedCodes(a.shop)).not.toContain(theirs);
  });

  it('treats a delete whose answer was lost, then refused on retry, as done when the code is gone', async () => {
    const wanted = code();
    expect((await createDiscount(a.caller, { code: wanted, title: 'to delete', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    fake.failNext(a.shop, 'lost-timeout', 1, { operation: 'discountCodeDelete' });
    const before = graphqlRequests(a.shop).length;
    const result = await deactivate(a.caller, wanted);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _deactivateShopifyDiscount: true });
    expect(graphqlRequests(a.shop).slice(before).map((r) => r.operation)).toEqual(['codeDiscountNodeByCode', 'discountCodeDelete', 'discountCodeDelete', 'codeDiscountNodeByCode']);
    expect(deletedCodes(a.shop).filter((c) => c === wanted)).toHaveLength(1);
  });

  it('fails with SHOPIFY_UNAVAILABLE when Shopify stays down, keeping the code until a later call deletes it', async () => {
    const wanted = code();
    expect((await createDiscount(a.caller, { code: wanted, title: 'down', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    fake.failRequests(a.shop, 502, '/graphql.json');
    const down = await deactivate(a.caller, wanted);
    fake.failRequests(a.shop, null);
    expect(errorCode(down)).toBe('SHOPIFY_UNAVAILABLE');
    expect(fake.discounts(a.shop).some((d) => d.code === wanted)).toBe(true);
    fake.failNext(a.shop, 502, RETRY.attempts, { operation: 'discountCodeDelete' });
    expect(errorCode(await deactivate(a.caller, wanted))).toBe('SHOPIFY_UNAVAILABLE');
    fake.failNext(a.shop, 403, 1, { operation: 'discountCodeDelete' });
    expect(errorCode(await deactivate(a.caller, wanted))).toBe('SHOPIFY_REJECTED');
    expect((await deactivate(a.caller, wanted)).data).toEqual({ _deactivateShopifyDiscount: true });
    expect(deletedCodes(a.shop).filter((c) => c === wanted)).toHaveLength(1);
  });

  it("reaches only the caller's merchant's shop, and is internal", async () => {
    const wanted = code();
    expect((await createDiscount(a.caller, { code: wanted, title: 'A only', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    const aRequests = graphqlRequests(a.shop).length;
    expect((await deactivate(b.caller, wanted)).data).toEqual({ _deactivateShopifyDiscount: true });
    expect(graphqlRequests(a.shop)).toHaveLength(aRequests);
    expect(fake.discounts(a.shop).some((d) => d.code === wanted)).toBe(true);
    expect(errorCode(await deactivate(adminCaller(a.merchantId), wanted))).toBe('FORBIDDEN');
    const admin = await createMerchant(gateway);
    expect((await gateway.gql(DEACTIVATE, { code: wanted }, admin.auth)).errors?.[0]?.message).toMatch(/Cannot query field "_deactivateShopifyDiscount"/);
    expect(fake.discounts(a.shop).some((d) => d.code === wanted)).toBe(true);
  });
});
