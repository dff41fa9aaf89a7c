import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { claimReferral, claimThroughProxy } from './support/referral-claims.js';
import { PROGRAM_ON, referralOf, updateReferralProgram } from './support/referrals.js';
import { shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

/** The proxy claim route lives in the referral service; in networked mode the gateway forwards it there, body and all. */
describe('claiming a referral through the app proxy (networked)', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let aCode: string;
  let bCode: string;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('networked', fake.env);
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'claim-net-a'), installMerchant(gateway, fake, 'claim-net-b')]);
    const [noor, bea] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com' }),
      upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com' }),
    ]);
    await Promise.all([updateReferralProgram(gateway, a.auth, PROGRAM_ON), updateReferralProgram(gateway, b.auth, PROGRAM_ON)]);
    aCode = (await referralOf(gateway, a.auth, noor.id))!.code;
    bCode = (await referralOf(gateway, b.auth, bea.id))!.code;
  });

  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  it("claims as a guest, answers the same code through GraphQL, and keeps B's code out of A's shop", async () => {
    const email = `net-${Date.now()}@example.com`;
    const claimed = await claimThroughProxy(gateway, a.shop, aCode, { email }, { ip: '192.0.2.10' });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'CLAIMED', discountCode: expect.stringMatching(/^REF-/), offer: { kind: 'PERCENTAGE', value: '10.00' } });
    expect(fake.discounts(a.shop).map((d) => d.code)).toEqual([claimed.body.discountCode]);
    // The program's defaults: single use, once per customer, 10 % off, 30 days.
    expect(fake.discounts(a.shop)[0].input).toMatchObject({ usageLimit: 1, appliesOncePerCustomer: true, minimumRequirement: null, customerGets: { value: { percentage: 0.1 } } });
    expect(await claimReferral(gateway, a.auth, { code: aCode, email })).toMatchObject({ referralId: claimed.body.referralId, discountCode: claimed.body.discountCode });

    const foreign = await claimThroughProxy(gateway, a.shop, bCode, { email }, { ip: '192.0.2.10' });
    expect([foreign.status, foreign.body.error?.code]).toEqual([404, 'REFERRAL_CODE_NOT_FOUND']);
    expect(fake.discounts(b.shop)).toHaveLength(0);
    const bad = await claimThroughProxy(gateway, a.shop, aCode, { email: 'nope' });
    expect([bad.status, bad.body.error]).toEqual([400, { code: 'REFERRAL_CLAIM_INVALID', message: expect.any(String), field: 'email' }]);
  });
});
