import { beforeAll, describe, expect, it } from '@jest/globals';
import { formatError, type Caller } from '@loyalnest/kit';
import { type FakeShopify } from './support/fake-shopify.js';
import { errorCode, shopifyAdminFixture, type InstalledShop } from './support/shopify-admin-fixture.js';
import { shopifyId } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';

/** `_setCustomerMetafields`: the merchant subgraph's internal mutation behind the segment domain's metafield sync. */

const fx = shopifyAdminFixture();
const { internal } = fx;
let fake: FakeShopify;
let a: InstalledShop;
let b: InstalledShop;
beforeAll(() => {
  ({ fake, a, b } = fx.world);
});

const SET = `mutation($input: SetCustomerMetafieldsInput!) { _setCustomerMetafields(input: $input) { written rejected { customerShopifyId message } } }`;
type SetResult = { _setCustomerMetafields: { written: number; rejected: { customerShopifyId: string; message: string }[] } };
const set = (caller: Caller, values: { customerShopifyId: string; value: string }[], over: Record<string, unknown> = {}) =>
  internal<SetResult>(SET, { input: { namespace: 'loyalnest', key: 'segment', values, ...over } }, caller);
const values = (n: number, value = 'Champions') => Array.from({ length: n }, () => ({ customerShopifyId: shopifyId(), value }));

describe('writing a text metafield on customers', () => {
  it("writes up to 25 values in one metafieldsSet call to the caller's merchant's shop only", async () => {
    const wanted = values(25, 'At risk');
    expect(await set(a.caller, wanted)).toEqual({ data: { _setCustomerMetafields: { written: 25, rejected: [] } } });
    const [call] = fake.metafieldsSetCalls(a.shop);
    expect(call).toEqual(wanted.map((v) => ({ ownerId: `gid://shopify/Customer/${v.customerShopifyId}`, namespace: 'loyalnest', key: 'segment', type: 'single_line_text_field', value: 'At risk' })));
    expect(fake.metafieldsSetCalls(b.shop)).toEqual([]);
  });

  it('refuses bad input naming the field, before calling Shopify: 26 values, none, a customer twice, a gid, a bad key', async () => {
    const before = fake.requestsFor(a.shop, '/graphql.json').length;
    const twice = values(1);
    for (const [input, field] of [
      [{ values: values(26) }, 'values'],
      [{ values: [] }, 'values'],
      [{ values: [...twice, ...twice] }, 'input.values'],
      [{ values: [{ customerShopifyId: 'gid://shopify/Customer/1', value: 'x' }] }, 'customerShopifyId'],
      [{ values: values(1), key: 'a b' }, 'key'],
    ] as const) {
      const result = await internal(SET, { input: { namespace: 'loyalnest', key: 'segment', ...input } }, a.caller);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      // as the peer calling it reads the error: the subgraph's error formatting names the field
      expect(formatError(result.errors![0].toJSON(), false).message).toContain(field);
    }
    expect(fake.requestsFor(a.shop, '/graphql.json')).toHaveLength(before);
  });

  it('answers the customers Shopify refuses (nothing written, as metafieldsSet is atomic), and waits out a THROTTLED answer', async () => {
    const wanted = values(3, 'Lost');
    fake.forgetCustomer(b.shop, wanted[1].customerShopifyId);
    fake.throttle(b.shop, 1);
    const result = await set(b.caller, wanted);
    expect(result).toEqual({ data: { _setCustomerMetafields: { written: 0, rejected: [{ customerShopifyId: wanted[1].customerShopifyId, message: 'Owner does not exist' }] } } });
    expect(fake.metafieldsSetCalls(b.shop)).toEqual([]);
    expect(await set(b.caller, [wanted[0], wanted[2]])).toEqual({ data: { _setCustomerMetafields: { written: 2, rejected: [] } } });
  });

  it("refuses callers without shopify:admin (an admin of the merchant included)", async () => {
    expect(errorCode(await set(adminCaller(a.merchantId), values(1)))).toBe('FORBIDDEN');
  });
});
