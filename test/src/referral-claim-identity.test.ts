import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { clientIp, fingerprinterOf, type Fingerprinter } from '@loyalnest/kit';
import type { Request } from 'express';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { claimReferral, claimThroughProxy, shopperAuth, storedReferrals, type ProxyClaimAnswer } from './support/referral-claims.js';
import { PROGRAM_ON, referralOf, updateReferralProgram } from './support/referrals.js';
import { shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const ALREADY_CLAIMED = { code: 'REFERRAL_ALREADY_CLAIMED', message: 'This email already claimed an offer at this shop' };

/**
 * An email is typed, not proven: whoever types a friend's email must not get that friend's
 * discount code, referral or fraud findings. And the IP the fraud checks count is the one the
 * nearest trusted proxy saw, not the first `X-Forwarded-For` entry the visitor wrote.
 */
describe("a referral claim answers only the friend it belongs to", () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let fingerprints: Fingerprinter;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let noorCode: string;
  let beaCode: string;
  let n = 0;
  const friendEmail = () => `identity-${++n}-${Date.now()}@example.com`;
  const ip = () => `198.51.100.${100 + (n++ % 100)}`;
  const discountsOf = (merchant: TestMerchant) => fake.discounts(merchant.shop).length;
  const expectNothingTold = (answer: ProxyClaimAnswer, secrets: string[]) => {
    expect(answer).toEqual({ status: 409, body: { error: ALREADY_CLAIMED } });
    for (const secret of secrets) expect(JSON.stringify(answer.body)).not.toContain(secret);
  };

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', fake.env);
    fingerprints = fingerprinterOf(gateway.config.kit.blindIndexKey);
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'identity-a'), installMerchant(gateway, fake, 'identity-b')]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor.identity@example.com' });
    const bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea.identity@example.com' });
    await Promise.all([updateReferralProgram(gateway, a.auth, PROGRAM_ON), updateReferralProgram(gateway, b.auth, { ...PROGRAM_ON, claimBurstPerWeek: 3 })]);
    noorCode = (await referralOf(gateway, a.auth, noor.id))!.code;
    beaCode = (await referralOf(gateway, b.auth, bea.id))!.code;
  });

  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  it("what if someone else types the friend's email through the app proxy? 409 REFERRAL_ALREADY_CLAIMED, no code, still one discount; the same browser retrying gets its code", async () => {
    const email = friendEmail();
    const browser = { ip: ip(), userAgent: 'friend-browser/1.0' };
    const claimed = await claimThroughProxy(gateway, a.shop, noorCode, { email }, browser);
    expect(claimed.status).toBe(200);
    const before = discountsOf(a);
    const secrets = [claimed.body.discountCode, claimed.body.referralId];

    // another browser, another IP; the same IP with another browser; another browser at the same IP's neighbour
    expectNothingTold(await claimThroughProxy(gateway, a.shop, noorCode, { email: email.toUpperCase() }, { ip: ip(), userAgent: 'attacker/2.0' }), secrets);
    expectNothingTold(await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: browser.ip, userAgent: 'attacker/2.0' }), secrets);
    expectNothingTold(await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: ip(), userAgent: browser.userAgent }), secrets);
    // a logged-in shopper at the storefront typing it is not its friend either
    const other = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() });
    expectNothingTold(await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: ip(), shopifyCustomerId: other.shopifyId }), secrets);

    expect(discountsOf(a)).toBe(before);
    expect(fake.discounts(a.shop).filter((d) => d.code === claimed.body.discountCode)).toHaveLength(1);
    const rows = (await storedReferrals(a.id)).filter((r) => r.friend_email_hash === fingerprints.email(email));
    expect(rows).toEqual([expect.objectContaining({ id: claimed.body.referralId, friend_customer_id: null })]);

    const retry = await claimThroughProxy(gateway, a.shop, noorCode.toLowerCase(), { email }, browser);
    expect(retry).toEqual(claimed);
  });

  it("what if another logged-in shopper types a customer's email through GraphQL? ReferralAlreadyClaimedError, and nothing of the customer's claim", async () => {
    const [friend, mallory] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() }),
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() }),
    ]);
    const claimed = await claimReferral(gateway, await shopperAuth(gateway, a.shop, friend.id), { code: noorCode, email: friend.email! });
    expect(claimed).toMatchObject({ __typename: 'ReferralClaim', status: 'CLAIMED' });
    const before = discountsOf(a);

    const refused = await claimReferral(gateway, await shopperAuth(gateway, a.shop, mallory.id), { code: noorCode, email: friend.email! });
    expect(refused).toEqual({ __typename: 'ReferralAlreadyClaimedError', ...ALREADY_CLAIMED });
    // a guest's claim is no one's to take through GraphQL either
    const guestEmail = friendEmail();
    const guest = await claimThroughProxy(gateway, a.shop, noorCode, { email: guestEmail }, { ip: ip() });
    expect(guest.status).toBe(200);
    expect(await claimReferral(gateway, await shopperAuth(gateway, a.shop, mallory.id), { code: noorCode, email: guestEmail })).toEqual({
      __typename: 'ReferralAlreadyClaimedError',
      ...ALREADY_CLAIMED,
    });
    expect(discountsOf(a)).toBe(before + 1);
    expect((await storedReferrals(a.id)).filter((r) => r.friend_customer_id === mallory.id)).toEqual([]);

    // the friend themself still gets theirs
    expect(await claimReferral(gateway, await shopperAuth(gateway, a.shop, friend.id), { code: noorCode, email: friend.email! })).toEqual(claimed);
  });

  it('the logged-in customer whose account email a guest claimed with gets that code, and is recorded on the referral', async () => {
    const email = friendEmail();
    const guest = await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: ip(), userAgent: 'phone/1.0' });
    expect(guest.status).toBe(200);
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email });

    const loggedIn = await claimReferral(gateway, await shopperAuth(gateway, a.shop, customer.id), { code: noorCode, email: email.toUpperCase() });
    expect(loggedIn).toMatchObject({ __typename: 'ReferralClaim', referralId: guest.body.referralId, discountCode: guest.body.discountCode });
    expect((await storedReferrals(a.id)).find((r) => r.id === guest.body.referralId)!.friend_customer_id).toBe(customer.id);
    // from the storefront too, on another device
    const proxied = await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: ip(), userAgent: 'laptop/1.0', shopifyCustomerId: customer.shopifyId });
    expect(proxied.body.discountCode).toBe(guest.body.discountCode);
  });

  it("a trusted admin (referrals:manage) gets the friend's code, as the API says", async () => {
    const email = friendEmail();
    const guest = await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: ip() });
    expect(await claimReferral(gateway, a.auth, { code: noorCode, email })).toMatchObject({ __typename: 'ReferralClaim', referralId: guest.body.referralId, discountCode: guest.body.discountCode });
  });

  it("a blocked claim's reasons are told only to its friend", async () => {
    const browser = { ip: ip(), userAgent: 'self/1.0' };
    const own = await claimThroughProxy(gateway, a.shop, noorCode, { email: noor.email }, browser);
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'REFERRAL_CLAIM_BLOCKED', message: expect.stringMatching(/not for its owner/) } } });
    expect(await claimThroughProxy(gateway, a.shop, noorCode, { email: noor.email }, browser)).toEqual(own);
    const stranger = await claimThroughProxy(gateway, a.shop, noorCode, { email: noor.email }, { ip: ip(), userAgent: 'stranger/1.0' });
    expectNothingTold(stranger, ['owner', 'BLOCKED', 'SELF_REFERRAL']);
  });

  it('what if the same friend claims 20 times at once, from one browser or one session? one code each, all answered', async () => {
    const before = discountsOf(a);
    const email = friendEmail();
    const browser = { ip: ip(), userAgent: 'eager/1.0' };
    const fromBrowser = await Promise.all(Array.from({ length: 20 }, () => claimThroughProxy(gateway, a.shop, noorCode, { email }, browser)));
    expect(new Set(fromBrowser.map((x) => x.status))).toEqual(new Set([200]));
    expect(new Set(fromBrowser.map((x) => x.body.discountCode)).size).toBe(1);

    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() });
    const auth = await shopperAuth(gateway, a.shop, customer.id);
    const fromSession = await Promise.all(Array.from({ length: 20 }, () => claimReferral(gateway, auth, { code: noorCode, email: customer.email! })));
    expect(new Set(fromSession.map((x) => x.__typename))).toEqual(new Set(['ReferralClaim']));
    expect(new Set(fromSession.map((x) => x.discountCode)).size).toBe(1);
    expect(discountsOf(a)).toBe(before + 2);
  });

  it("keeps merchants apart: an email claimed at B is a new friend at A, and B's code is unknown through A's shop", async () => {
    const email = friendEmail();
    const atB = await claimThroughProxy(gateway, b.shop, beaCode, { email }, { ip: '192.0.2.200' });
    expect(atB.status).toBe(200);
    const atA = await claimThroughProxy(gateway, a.shop, noorCode, { email }, { ip: ip(), userAgent: 'another/1.0' });
    expect(atA.status).toBe(200);
    expect(atA.body.discountCode).not.toBe(atB.body.discountCode);
    const crossed = await claimThroughProxy(gateway, a.shop, beaCode, { email }, { ip: '192.0.2.200' });
    expect(crossed).toMatchObject({ status: 404, body: { error: { code: 'REFERRAL_CODE_NOT_FOUND' } } });
    expect(JSON.stringify(crossed.body)).not.toContain(atB.body.discountCode);
  });

  it('what if the visitor forges the first X-Forwarded-For entry? the claim counts as the address the proxy appended, and the IP burst still blocks', async () => {
    const real = '192.0.2.77';
    const answers = [];
    for (let i = 1; i <= 3; i++) answers.push(await claimThroughProxy(gateway, b.shop, beaCode, { email: friendEmail() }, { ip: `10.9.8.${i}, ${real}` }));
    expect(answers.map((x) => x.status)).toEqual([200, 200, 403]);
    expect(answers[2].body.error.code).toBe('REFERRAL_CLAIM_BLOCKED');
    const rows = (await storedReferrals(b.id)).filter((r) => r.friend_ip_hash === fingerprints.ip(real));
    expect(rows.map((r) => r.status)).toEqual(['CLAIMED', 'CLAIMED', 'BLOCKED']);
    expect(rows[2].fraud.reasons.map((r) => r.reason)).toEqual(['IP_CLAIM_BURST']);
    // the forged entries are nobody's: none was hashed
    expect((await storedReferrals(b.id)).filter((r) => r.friend_ip_hash === fingerprints.ip('10.9.8.1'))).toEqual([]);
    // the real address first and another appended: that other is the client
    expect((await claimThroughProxy(gateway, b.shop, beaCode, { email: friendEmail() }, { ip: `${real}, 192.0.2.78` })).status).toBe(200);
  });
});

describe('the client IP behind TRUSTED_PROXY_HOPS proxies', () => {
  const request = (forwarded: string | undefined) => ({ headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, socket: { remoteAddress: '127.0.0.9' } }) as unknown as Request;

  it('is the X-Forwarded-For entry that many from the right, else the connection address', () => {
    expect(clientIp(request('6.6.6.6, 203.0.113.1'), 1)).toBe('203.0.113.1');
    expect(clientIp(request('6.6.6.6, 203.0.113.1, 10.0.0.2'), 2)).toBe('203.0.113.1');
    expect(clientIp(request('203.0.113.1'), 1)).toBe('203.0.113.1');
    // fewer entries than trusted proxies: the visitor wrote all of them
    expect(clientIp(request('6.6.6.6'), 2)).toBe('127.0.0.9');
    expect(clientIp(request(undefined), 1)).toBe('127.0.0.9');
    expect(clientIp(request('6.6.6.6, '), 1)).toBe('127.0.0.9');
  });
});
