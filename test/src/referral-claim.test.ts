import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldCipher, fingerprinterOf, ShopifyDiscounts, type DiscountOutcome, type DiscountRequest, type RequestContext } from '@loyalnest/kit';
import { CustomerEmails } from '../../subgraphs/referral/src/customers/customer-emails.js';
import { ReferralDiscountUnavailableError } from '../../subgraphs/referral/src/graphql/referral-claim.error.js';
import { friendEmailAad } from '../../subgraphs/referral/src/entities/referral.entity.js';
import { ReferralClaimService } from '../../subgraphs/referral/src/services/referral-claim.service.js';
import { ReferralCodeService } from '../../subgraphs/referral/src/services/referral-code.service.js';
import { ReferralProgramService } from '../../subgraphs/referral/src/services/referral-program.service.js';
import { withOwnerDb } from './support/db.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { claimReferral, claimThroughProxy, referralEvents, shopperAuth, storedReferrals } from './support/referral-claims.js';
import { PROGRAM_ON, referralOf, updateReferralProgram } from './support/referrals.js';
import { RETRY } from './support/shopify-admin-fixture.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';

const REWARD = { kind: 'FIXED_AMOUNT', value: '15', minimumOrderAmount: '50', expiryDays: 14, singleUse: false, oncePerCustomer: true };
const DAY_MS = 86_400_000;

describe('claiming a referral', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;
  let noorCode: string;
  let beaCode: string;
  let friendNo = 0;
  const friendEmail = () => `friend-${++friendNo}-${Date.now()}@example.com`;
  const discountsWith = (merchant: TestMerchant, code: string) => fake.discounts(merchant.shop).filter((d) => d.code === code);
  const createRequestsFor = (merchant: TestMerchant, code: string) =>
    fake.requestsFor(merchant.shop, '/graphql.json').filter((r) => {
      const variables = ((r.body as { variables?: Record<string, any> } | undefined)?.variables ?? {}) as Record<string, any>;
      return [variables.basicCodeDiscount?.code, variables.freeShippingCodeDiscount?.code].includes(code);
    });

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', {
      ...fake.env,
      SHOPIFY_ADMIN_ATTEMPTS: String(RETRY.attempts),
      SHOPIFY_ADMIN_TIMEOUT_MS: String(RETRY.attemptTimeoutMs),
      SHOPIFY_ADMIN_DEADLINE_MS: String(RETRY.deadlineMs),
      SHOPIFY_ADMIN_BACKOFF_MS: String(RETRY.backoffMs),
    });
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'claim-a'), installMerchant(gateway, fake, 'claim-b')]);
    [noor, bea] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com' }),
      upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com' }),
    ]);
    await Promise.all([updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, friendReward: REWARD }), updateReferralProgram(gateway, b.auth, PROGRAM_ON)]);
    noorCode = (await referralOf(gateway, a.auth, noor.id))!.code;
    beaCode = (await referralOf(gateway, b.auth, bea.id))!.code;
  });

  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  it("issues the friend's code in Shopify with the program's reward, stores the email only encrypted and hashed, and reports referral.claimed", async () => {
    const email = friendEmail();
    const before = Date.now();
    const claimed = await claimReferral(gateway, a.auth, { code: noorCode, email });
    expect(claimed).toMatchObject({ __typename: 'ReferralClaim', status: 'CLAIMED', kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 14 });
    expect(claimed.discountCode).toMatch(/^REF-[0-9A-HJKMNP-TV-Z]{10}$/);
    const endsAt = new Date(claimed.endsAt).getTime();
    expect(endsAt).toBeGreaterThanOrEqual(before + 14 * DAY_MS - 1000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 14 * DAY_MS + 1000);

    const [discount] = discountsWith(a, claimed.discountCode);
    expect(discount.mutation).toBe('discountCodeBasicCreate');
    expect(discount.input).toMatchObject({
      code: claimed.discountCode,
      usageLimit: null,
      appliesOncePerCustomer: true,
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '50.00' } },
      customerGets: { value: { discountAmount: { amount: '15.00', appliesOnEachItem: false } }, items: { all: true } },
      context: { all: 'ALL' },
    });
    expect(new Date(discount.input.endsAt as string).getTime()).toBe(endsAt);

    const row = (await storedReferrals(a.id)).find((r) => r.id === claimed.referralId)!;
    expect(row).toMatchObject({ advocate_id: noor.id, status: 'CLAIMED', discount_status: 'ISSUED', discount_code: claimed.discountCode, shopify_discount_id: discount.id, friend_customer_id: null });
    expect(row.fraud).toEqual({ verdict: 'CLEAN', reasons: [] });
    expect(row.friend_email_encrypted).not.toContain(email.split('@')[0]);
    expect(new FieldCipher(gateway.config.kit.encryptionKeys).decrypt(row.friend_email_encrypted!, friendEmailAad(a.id, row.id))).toBe(email);
    expect(row.friend_email_hash).toBe(fingerprinterOf(gateway.config.kit.blindIndexKey).email(email));
    expect(await referralEvents(a.id, 'referral.claimed')).toContainEqual({ referralId: claimed.referralId, advocateId: noor.id, friendCustomerId: null, status: 'CLAIMED' });
  });

  it('answers a claim again (any spelling of the code, any case of the email) with the same referral and code, and asks Shopify nothing more', async () => {
    const email = friendEmail();
    const first = await claimReferral(gateway, a.auth, { code: noorCode, email });
    const requests = createRequestsFor(a, first.discountCode).length;
    const again = await claimReferral(gateway, a.auth, { code: ` ${noorCode.toLowerCase()} `, email: email.toUpperCase() });
    expect(again).toEqual(first);
    expect(createRequestsFor(a, first.discountCode)).toHaveLength(requests);
    expect(discountsWith(a, first.discountCode)).toHaveLength(1);
  });

  it('what if the same friend claims 20 times at once? one referral, one code, one Shopify discount', async () => {
    const email = friendEmail();
    const results = await Promise.all(Array.from({ length: 20 }, () => claimReferral(gateway, a.auth, { code: noorCode, email })));
    const codes = new Set(results.map((r) => r.discountCode));
    expect(results.every((r) => r.__typename === 'ReferralClaim')).toBe(true);
    expect(codes.size).toBe(1);
    expect(new Set(results.map((r) => r.referralId)).size).toBe(1);
    const [code] = codes;
    expect(discountsWith(a, code)).toHaveLength(1);
    expect(createRequestsFor(a, code)).toHaveLength(1);
    const hash = fingerprinterOf(gateway.config.kit.blindIndexKey).email(email);
    expect((await storedReferrals(a.id)).filter((r) => r.friend_email_hash === hash)).toHaveLength(1);
  });

  it('a logged-in friend claims as their session customer, whatever email they type next time; naming another customer is forbidden', async () => {
    const friend = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() });
    const auth = await shopperAuth(gateway, a.shop, friend.id);
    const claimed = await claimReferral(gateway, auth, { code: noorCode, email: friend.email! });
    expect(claimed).toMatchObject({ __typename: 'ReferralClaim', status: 'CLAIMED' });
    const row = (await storedReferrals(a.id)).find((r) => r.id === claimed.referralId)!;
    expect(row.friend_customer_id).toBe(friend.id);
    // The same shopper with another address is still the same friend.
    expect(await claimReferral(gateway, auth, { code: noorCode, email: friendEmail() })).toEqual(claimed);
    const forbidden = await gateway.gql(
      `mutation($input: ClaimReferralInput!) { claimReferral(input: $input) { __typename } }`,
      { input: { code: noorCode, email: friendEmail(), friendCustomerId: noor.id } },
      auth,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a guest claims from the storefront through the app proxy; a logged-in shopper there is known by Shopify id and their IP recorded', async () => {
    const email = friendEmail();
    const guest = await claimThroughProxy(gateway, a.shop, noorCode.toLowerCase(), { email }, { ip: '198.51.100.20' });
    expect(guest.status).toBe(200);
    expect(guest.body).toMatchObject({ status: 'CLAIMED', offer: { kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 14 } });
    expect(discountsWith(a, guest.body.discountCode)).toHaveLength(1);
    const fingerprints = fingerprinterOf(gateway.config.kit.blindIndexKey);
    const guestRow = (await storedReferrals(a.id)).find((r) => r.id === guest.body.referralId)!;
    expect(guestRow).toMatchObject({ friend_customer_id: null, friend_ip_hash: fingerprints.ip('198.51.100.20'), friend_user_agent_hash: fingerprints.userAgent('test-browser/1.0') });
    expect(JSON.stringify(guestRow)).not.toContain('198.51.100.20');
    // the same guest through GraphQL gets the same code
    expect((await claimReferral(gateway, a.auth, { code: noorCode, email })).discountCode).toBe(guest.body.discountCode);

    const shopper = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() });
    const loggedIn = await claimThroughProxy(gateway, a.shop, noorCode, { email: shopper.email }, { ip: '198.51.100.21', shopifyCustomerId: shopper.shopifyId });
    expect(loggedIn.status).toBe(200);
    expect((await storedReferrals(a.id)).find((r) => r.id === loggedIn.body.referralId)!.friend_customer_id).toBe(shopper.id);
  });

  it("Shopify failing to create the friend's code: a typed error, nothing issued, and a later claim issues exactly one discount with the same code", async () => {
    const email = friendEmail();
    fake.failRequests(a.shop, 502, '/graphql.json');
    let failed;
    try {
      failed = await claimReferral(gateway, a.auth, { code: noorCode, email });
    } finally {
      fake.failRequests(a.shop, null);
    }
    expect(failed).toMatchObject({ __typename: 'ReferralDiscountUnavailableError', code: 'REFERRAL_DISCOUNT_UNAVAILABLE', reason: 'SHOPIFY_UNAVAILABLE' });
    const hash = fingerprinterOf(gateway.config.kit.blindIndexKey).email(email);
    const [pending] = (await storedReferrals(a.id)).filter((r) => r.friend_email_hash === hash);
    // The row holds the code it will ask for, and is not a claim yet.
    expect(pending).toMatchObject({ status: 'CLAIMED', discount_status: 'ISSUING', shopify_discount_id: null });
    expect(discountsWith(a, pending.discount_code!)).toHaveLength(0);
    expect((await referralEvents(a.id, 'referral.claimed')).filter((e) => e.referralId === pending.id)).toHaveLength(0);

    const retried = await claimReferral(gateway, a.auth, { code: noorCode, email });
    expect(retried).toMatchObject({ __typename: 'ReferralClaim', referralId: pending.id, discountCode: pending.discount_code });
    expect(discountsWith(a, pending.discount_code!)).toHaveLength(1);
    expect((await referralEvents(a.id, 'referral.claimed')).filter((e) => e.referralId === pending.id)).toHaveLength(1);
  });

  it('what if an admin rejects the claim while its code is still to be issued? the next claim issues nothing', async () => {
    const email = friendEmail();
    fake.failRequests(a.shop, 502, '/graphql.json');
    try {
      expect(await claimReferral(gateway, a.auth, { code: noorCode, email })).toMatchObject({ __typename: 'ReferralDiscountUnavailableError' });
    } finally {
      fake.failRequests(a.shop, null);
    }
    const [row] = (await storedReferrals(a.id)).filter((r) => r.friend_email_hash === fingerprinterOf(gateway.config.kit.blindIndexKey).email(email));
    await withOwnerDb('referral', (db) => db.query(`update referral set status = 'REJECTED', rejected_at = now(), decided_by = 'admin' where merchant_id = $1 and id = $2`, [a.id, row.id]));
    expect(await claimReferral(gateway, a.auth, { code: noorCode, email })).toMatchObject({ __typename: 'ReferralClaimBlockedError', code: 'REFERRAL_CLAIM_BLOCKED' });
    expect(discountsWith(a, row.discount_code!)).toHaveLength(0);
  });

  it("what if the answer is lost after Shopify created the code? the claim fails as unknown, and the next claim asks for the same code: still one discount", async () => {
    /** Shopify creates the discount, but the merchant subgraph's answer never arrives. */
    class LostAnswer extends ShopifyDiscounts {
      override async create(ctx: RequestContext, request: DiscountRequest): Promise<DiscountOutcome> {
        await super.create(ctx, request);
        return { outcome: 'unknown', detail: 'socket hang up' };
      }
    }
    const fingerprints = fingerprinterOf(gateway.config.kit.blindIndexKey);
    const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
    const lossy = new ReferralClaimService(new ReferralProgramService(), new ReferralCodeService(), new CustomerEmails(fingerprints), new LostAnswer(), cipher, fingerprints);
    const email = friendEmail();
    const ctx = runtime(gateway, 'referral').createContext(adminCaller(a.id));
    const lost = await lossy.claim(ctx, { code: noorCode, email, friendCustomerId: null, ipAddress: null, userAgent: null });
    expect(lost).toBeInstanceOf(ReferralDiscountUnavailableError);
    expect(lost).toMatchObject({ code: 'REFERRAL_DISCOUNT_UNAVAILABLE', reason: 'OUTCOME_UNKNOWN' });
    const [row] = (await storedReferrals(a.id)).filter((r) => r.friend_email_hash === fingerprints.email(email));
    expect(row).toMatchObject({ discount_status: 'ISSUING', shopify_discount_id: null });
    expect(discountsWith(a, row.discount_code!)).toHaveLength(1);

    const retried = await claimReferral(gateway, a.auth, { code: noorCode, email });
    expect(retried).toMatchObject({ __typename: 'ReferralClaim', referralId: row.id, discountCode: row.discount_code });
    expect(discountsWith(a, row.discount_code!)).toHaveLength(1);
    expect((await storedReferrals(a.id)).find((r) => r.id === row.id)).toMatchObject({ discount_status: 'ISSUED', shopify_discount_id: discountsWith(a, row.discount_code!)[0].id });
  });

  it('refuses bad input with a typed error naming the field, and writes nothing', async () => {
    const before = (await storedReferrals(a.id)).length;
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ code: 'AB!CD-123', email: friendEmail() }, { __typename: 'ReferralClaimInvalidError', code: 'REFERRAL_CLAIM_INVALID', field: 'code' }],
      [{ code: 'ABC', email: friendEmail() }, { __typename: 'ReferralClaimInvalidError', field: 'code' }],
      [{ code: 'x'.repeat(5000), email: friendEmail() }, { __typename: 'ReferralClaimInvalidError', field: 'code' }],
      [{ code: noorCode, email: 'not-an-email' }, { __typename: 'ReferralClaimInvalidError', code: 'REFERRAL_CLAIM_INVALID', field: 'email' }],
      [{ code: noorCode, email: 'two@@example.com' }, { __typename: 'ReferralClaimInvalidError', field: 'email' }],
      [{ code: 'ZZZZZZZZ', email: friendEmail() }, { __typename: 'ReferralCodeNotFoundError', code: 'REFERRAL_CODE_NOT_FOUND', referralCode: 'ZZZZZZZZ' }],
      [{ code: noorCode, email: friendEmail(), friendCustomerId: 'nope' }, { __typename: 'ReferralClaimInvalidError', field: 'friendCustomerId' }],
      [{ code: noorCode, email: friendEmail(), friendCustomerId: bea.id }, { __typename: 'ReferralClaimInvalidError', field: 'friendCustomerId' }],
    ];
    for (const [input, expected] of cases) {
      expect({ input, result: await claimReferral(gateway, a.auth, input as never) }).toEqual({ input, result: expect.objectContaining(expected) });
    }
    const proxy = [
      await claimThroughProxy(gateway, a.shop, 'AB!CD', { email: friendEmail() }),
      await claimThroughProxy(gateway, a.shop, noorCode, { email: 'nope' }),
      await claimThroughProxy(gateway, a.shop, noorCode, {}),
      await claimThroughProxy(gateway, a.shop, noorCode, '{"email": '),
      await claimThroughProxy(gateway, a.shop, 'ZZZZZZZZ', { email: friendEmail() }),
    ];
    expect(proxy.map((p) => [p.status, p.body.error?.code, p.body.error?.field])).toEqual([
      [400, 'REFERRAL_CLAIM_INVALID', 'code'],
      [400, 'REFERRAL_CLAIM_INVALID', 'email'],
      [400, 'REFERRAL_CLAIM_INVALID', 'email'],
      [400, 'REFERRAL_CLAIM_INVALID', 'email'],
      [404, 'REFERRAL_CODE_NOT_FOUND', undefined],
    ]);
    expect(await storedReferrals(a.id)).toHaveLength(before);
  });

  it('refuses every claim while the program is switched off, and writes nothing', async () => {
    const off = await createMerchant(gateway);
    const advocate = await upsertCustomer(gateway, off, { shopifyId: shopifyId(), email: 'off@example.com' });
    const { code } = (await referralOf(gateway, off.auth, advocate.id))!;
    expect(await claimReferral(gateway, off.auth, { code, email: friendEmail() })).toMatchObject({ __typename: 'ReferralProgramDisabledError', code: 'REFERRAL_PROGRAM_DISABLED' });
    const proxied = await claimThroughProxy(gateway, off.shop, code, { email: friendEmail() });
    expect([proxied.status, proxied.body.error.code]).toEqual([409, 'REFERRAL_PROGRAM_DISABLED']);
    expect(await storedReferrals(off.id)).toHaveLength(0);
  });

  it("keeps merchants apart: B's code cannot be claimed through A's shop, and one email is a different friend at each", async () => {
    const email = friendEmail();
    expect(await claimReferral(gateway, a.auth, { code: beaCode, email })).toMatchObject({ __typename: 'ReferralCodeNotFoundError' });
    const viaProxy = await claimThroughProxy(gateway, a.shop, beaCode, { email });
    expect([viaProxy.status, viaProxy.body.error.code]).toEqual([404, 'REFERRAL_CODE_NOT_FOUND']);
    // A shopper of A cannot claim B's code either
    const shopper = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email });
    expect(await claimReferral(gateway, await shopperAuth(gateway, a.shop, shopper.id), { code: beaCode, email })).toMatchObject({ __typename: 'ReferralCodeNotFoundError' });

    const atB = await claimReferral(gateway, b.auth, { code: beaCode, email });
    const atA = await claimReferral(gateway, a.auth, { code: noorCode, email });
    expect(atB.__typename).toBe('ReferralClaim');
    expect(atA.__typename).toBe('ReferralClaim');
    expect(atA.referralId).not.toBe(atB.referralId);
    expect(atA.discountCode).not.toBe(atB.discountCode);
    expect(discountsWith(a, atB.discountCode)).toHaveLength(0);
    expect((await storedReferrals(a.id)).map((r) => r.id)).not.toContain(atB.referralId);
  });

  it('refuses callers without referrals:manage that are not a shopper', async () => {
    const anonymous = await gateway.gql(`mutation { claimReferral(input: { code: "${noorCode}", email: "x@example.com" }) { __typename } }`, {}, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
