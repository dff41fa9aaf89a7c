import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { PROGRAM_ON, referralOf, updateReferralProgram } from '../support/referrals.js';
import { StorefrontVisitor, startTestStorefront, widgetHost, type Storefront } from '../support/storefront.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from '../support/tenants.js';

interface SessionBody {
  token?: string;
  expiresAt?: string;
  customerId?: string | null;
  loggedIn?: boolean;
  error?: string;
}

/**
 * The storefront stand-in's app proxy in front of the real gateway: what it signs verifies at the
 * gateway's proxy routes as Shopify's own would, for the shop it plays and no other. Guest sessions
 * and the referral landing page are the gateway's side of the widget (issue 17's backend).
 */
describe('storefront stand-in: the app proxy at the gateway', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;
  let shopA: Storefront;
  let shopB: Storefront;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    [noor, bea] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com', firstName: 'Noor' }),
      upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com', firstName: 'Bea' }),
    ]);
    [shopA, shopB] = await Promise.all([
      startTestStorefront(gateway, a, { customers: [{ shopifyId: noor.shopifyId, name: 'Noor' }] }),
      startTestStorefront(gateway, b, { customers: [{ shopifyId: bea.shopifyId, name: 'Bea' }] }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([shopA?.close(), shopB?.close()]);
    await gateway?.stop();
  });

  const session = async (visitor: StorefrontVisitor): Promise<{ status: number; body: SessionBody }> => {
    const answer = await visitor.get('/apps/loyalnest/session', { accept: 'application/json' });
    return { status: answer.status, body: JSON.parse(answer.text) as SessionBody };
  };
  const me = (token: string) => gateway.gql<{ me: { kind: string; id: string; merchant: { id: string } } }>('{ me { kind id merchant { id } } }', {}, { authorization: `Bearer ${token}` });

  it("gives a signed-in shopper of the program a session for themselves, whose token is the shopper's", async () => {
    const visitor = new StorefrontVisitor(shopA.origin);
    await visitor.signIn(noor.shopifyId);
    const { status, body } = await session(visitor);
    expect(status).toBe(200);
    expect(body.customerId).toBe(noor.id);
    expect(Date.parse(body.expiresAt!)).toBeGreaterThan(Date.now());
    const result = await me(body.token!);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toEqual({ kind: 'SHOPPER', id: noor.id, merchant: { id: a.id } });
  });

  it('gives a guest a guest session (no customer)', async () => {
    const { status, body } = await session(new StorefrontVisitor(shopA.origin));
    expect(status).toBe(200);
    expect(body).toMatchObject({ customerId: null, loggedIn: false, token: expect.any(String) });
  });

  it('gives a signed-in shopper the program does not know yet a guest session that says they are logged in', async () => {
    const visitor = new StorefrontVisitor(shopA.origin);
    await visitor.signIn(shopifyId());
    const { status, body } = await session(visitor);
    expect(status).toBe(200);
    expect(body).toMatchObject({ customerId: null, loggedIn: true });
  });

  describe('tenants', () => {
    it("signs as its own shop: shop B's storefront never opens a session for shop A's shopper", async () => {
      // given: on shop B, a shopper signed in with the Shopify id that is Noor's at shop A
      const visitor = new StorefrontVisitor(shopB.origin);
      await visitor.signIn(noor.shopifyId);
      // when
      const { status, body } = await session(visitor);
      // then: Noor is nobody at shop B: a guest of B's, logged in but unknown to B's program
      expect(status).toBe(200);
      expect(body).toMatchObject({ customerId: null, loggedIn: true, token: expect.any(String) });
      expect((await me(body.token!)).data!.me).toEqual({ kind: 'SHOPPER', id: 'guest', merchant: { id: b.id } });
    });

    it("gives shop B's own shopper a session at shop B, with B's merchant", async () => {
      const visitor = new StorefrontVisitor(shopB.origin);
      await visitor.signIn(bea.shopifyId);
      const { status, body } = await session(visitor);
      expect(status).toBe(200);
      expect(body.customerId).toBe(bea.id);
      expect((await me(body.token!)).data!.me).toEqual({ kind: 'SHOPPER', id: bea.id, merchant: { id: b.id } });
    });

    it("does not find shop A's referral code through shop B's storefront", async () => {
      await updateReferralProgram(gateway, a.auth, PROGRAM_ON);
      const code = (await referralOf(gateway, a.auth, noor.id))!.code;
      const atA = await new StorefrontVisitor(shopA.origin).get(`/apps/loyalnest/r/${code}`, { accept: 'application/json' });
      expect(atA.status).toBe(200);
      expect(JSON.parse(atA.text)).toMatchObject({ code, enabled: true });
      const atB = await new StorefrontVisitor(shopB.origin).get(`/apps/loyalnest/r/${code}`, { accept: 'application/json' });
      expect(atB.status).toBe(404);
      expect(JSON.parse(atB.text)).not.toHaveProperty('offer');
    });
  });

  it("renders a referral link's landing page (the gateway's Liquid) inside the theme, with the widget; another shop's code is an error there", async () => {
    await updateReferralProgram(gateway, a.auth, PROGRAM_ON);
    const code = (await referralOf(gateway, a.auth, noor.id))!.code;
    const navigation = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const atA = await new StorefrontVisitor(shopA.origin).get(`/apps/loyalnest/r/${code}?locale=fr`, navigation);
    expect(atA.status).toBe(200);
    expect(atA.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(atA.text).toMatch(new RegExp(`<div id="loyalnest-referral" data-code='${code}' data-offer='[^']+'>`));
    expect(widgetHost(atA.text)!['data-locale']).toBe('fr');
    const atB = await new StorefrontVisitor(shopB.origin).get(`/apps/loyalnest/r/${code}`, navigation);
    expect(atB.text).toContain(`data-error='REFERRAL_CODE_NOT_FOUND'`);
    expect(atB.text).not.toContain('data-offer');
    expect(widgetHost(atB.text)).not.toBeNull();
  });

  describe('refusals pass through as the gateway gives them', () => {
    it('a storefront that signs with another secret: 401', async () => {
      const impostor = await startTestStorefront(gateway, a, { apiSecret: 'not the app secret' });
      try {
        const visitor = new StorefrontVisitor(impostor.origin);
        await visitor.signIn(noor.shopifyId);
        const { status, body } = await session(visitor);
        expect(status).toBe(401);
        expect(body).toEqual({ error: 'The app proxy signature does not match' });
      } finally {
        await impostor.close();
      }
    });

    it('a shop that uninstalled the app: 403', async () => {
      const gone = await createMerchant(gateway, { status: 'uninstalled' });
      const storefront = await startTestStorefront(gateway, gone);
      try {
        const { status, body } = await session(new StorefrontVisitor(storefront.origin));
        expect(status).toBe(403);
        expect(body.token).toBeUndefined();
      } finally {
        await storefront.close();
      }
    });

    it('a visitor who adds shop=<other shop> to the URL: 400, no session', async () => {
      const visitor = new StorefrontVisitor(shopA.origin);
      await visitor.signIn(noor.shopifyId);
      const answer = await visitor.get(`/apps/loyalnest/session?shop=${b.shop}&logged_in_customer_id=${bea.shopifyId}`, { accept: 'application/json' });
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain('token');
    });
  });
});
