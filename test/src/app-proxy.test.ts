import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { signAppProxyQuery } from './support/live.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

interface SessionAnswer {
  status: number;
  body: { token?: string; customerId?: string; error?: string };
}

/**
 * Repeated app proxy parameters. Shopify appends its own parameters to those the visitor put in
 * the proxied URL and signs them all, values of a repeated name joined by commas; these requests
 * are therefore correctly signed, and only refusing the repetition keeps a visitor of one shop
 * from choosing the shop and customer the session is issued for.
 */
describe('app proxy session: repeated parameters', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;

  const secret = () => gateway.config.kit.shopify.apiSecret;
  /** What Shopify appends for a logged-in visitor of `shop`. */
  const shopifyParams = (shop: string, customer: CreatedCustomer): [string, string][] => [
    ['shop', shop],
    ['logged_in_customer_id', customer.shopifyId],
    ['path_prefix', '/apps/loyalnest'],
    ['timestamp', String(Math.floor(Date.now() / 1000))],
  ];
  const session = async (query: URLSearchParams, signature: string | null = signAppProxyQuery(query, secret())): Promise<SessionAnswer> => {
    const signed = new URLSearchParams(query);
    if (signature !== null) signed.append('signature', signature);
    const response = await fetch(`${new URL(gateway.url).origin}/proxy/session?${signed}`);
    return { status: response.status, body: (await response.json()) as SessionAnswer['body'] };
  };

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com', firstName: 'Noor' });
    bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com', firstName: 'Bea' });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('issues a session for a single set of parameters (the baseline the refusals differ from)', async () => {
    const answer = await session(new URLSearchParams(shopifyParams(a.shop, noor)));
    expect(answer.status).toBe(200);
    expect(answer.body.customerId).toBe(noor.id);
  });

  it("refuses a visitor of shop A who adds shop B and B's customer before Shopify's own parameters", async () => {
    // given: the visitor's additions come first in the URL, Shopify's follow, and Shopify signs all
    const query = new URLSearchParams([['shop', b.shop], ['logged_in_customer_id', bea.shopifyId], ...shopifyParams(a.shop, noor)]);
    // when
    const answer = await session(query);
    // then: no token for either pair
    expect(answer).toEqual({ status: 400, body: { error: expect.stringContaining('"shop"') } });
  });

  it("refuses the same additions placed after Shopify's own parameters", async () => {
    const query = new URLSearchParams([...shopifyParams(a.shop, noor), ['shop', b.shop], ['logged_in_customer_id', bea.shopifyId]]);
    const answer = await session(query);
    expect(answer.status).toBe(400);
    expect(answer.body.token).toBeUndefined();
  });

  it.each(['shop', 'timestamp', 'path_prefix', 'logged_in_customer_id'])('refuses a correctly signed request that repeats %s, even with the same value', async (name) => {
    const query = new URLSearchParams(shopifyParams(a.shop, noor));
    query.append(name, query.get(name)!);
    const answer = await session(query);
    expect(answer).toEqual({ status: 400, body: { error: `The app proxy request names "${name}" more than once` } });
  });

  it('refuses a request that repeats signature, even when the first one is valid', async () => {
    const query = new URLSearchParams(shopifyParams(a.shop, noor));
    const signature = signAppProxyQuery(query, secret());
    query.append('signature', signature);
    const answer = await session(query, signature);
    expect(answer).toEqual({ status: 400, body: { error: 'The app proxy request names "signature" more than once' } });
  });

  it('refuses a repeated parameter before looking at the signature', async () => {
    const query = new URLSearchParams([...shopifyParams(a.shop, noor), ['logged_in_customer_id', bea.shopifyId]]);
    expect((await session(query, 'not-a-signature')).status).toBe(400);
    expect((await session(query, null)).status).toBe(400);
  });

  it('still accepts repetitions of parameters of its own (values joined by commas in the signature)', async () => {
    const query = new URLSearchParams([...shopifyParams(a.shop, noor), ['ref', 'x'], ['ref', 'y']]);
    const answer = await session(query);
    expect(answer.status).toBe(200);
    expect(answer.body.customerId).toBe(noor.id);
    // and the joined values are what is signed: signing them in another order does not verify
    const reordered = new URLSearchParams([...shopifyParams(a.shop, noor), ['ref', 'y'], ['ref', 'x']]);
    expect((await session(query, signAppProxyQuery(reordered, secret()))).status).toBe(401);
  });
});
