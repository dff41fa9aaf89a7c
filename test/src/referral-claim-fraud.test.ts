import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fingerprinterOf, type Fingerprinter } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { claimReferral, claimThroughProxy, referralEvents, shopperAuth, storedReferrals, type StoredReferral } from './support/referral-claims.js';
import { PROGRAM_ON, referralOf, updateReferralProgram } from './support/referrals.js';
import { shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

describe('the claim-stage fraud checks', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let fingerprints: Fingerprinter;
  let a: TestMerchant;
  /** The advocate, whose address Gmail also delivers as a.b+anything@gmail.com. */
  let gmail: CreatedCustomer;
  let gmailCode: string;
  /** An advocate at a provider where dots matter. */
  let dotted: CreatedCustomer;
  let dottedCode: string;
  let n = 0;
  const friendEmail = () => `fraud-friend-${++n}-${Date.now()}@example.com`;
  const rowOf = async (referralId: string): Promise<StoredReferral> => (await storedReferrals(a.id)).find((r) => r.id === referralId)!;
  const rowByEmail = async (email: string): Promise<StoredReferral | undefined> => (await storedReferrals(a.id)).find((r) => r.friend_email_hash === fingerprints.email(email));
  const reasonsOf = (row: StoredReferral) => row.fraud.reasons.map((r) => [r.reason, r.action, r.stage]);

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', fake.env);
    fingerprints = fingerprinterOf(gateway.config.kit.blindIndexKey);
    a = await installMerchant(gateway, fake, 'fraud-a');
    [gmail, dotted] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'ab@googlemail.com' }),
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'jo.ann@example.com' }),
    ]);
    await updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, claimBurstPerWeek: 3 });
    gmailCode = (await referralOf(gateway, a.auth, gmail.id))!.code;
    dottedCode = (await referralOf(gateway, a.auth, dotted.id))!.code;
  });

  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  it("blocks the advocate's own email once normalized (A.B+x@gmail.com is ab@googlemail.com), issues nothing and reports referral.blocked; dots still matter at example.com", async () => {
    const blocked = await claimReferral(gateway, a.auth, { code: gmailCode, email: 'A.B+x@gmail.com' });
    expect(blocked).toEqual({ __typename: 'ReferralClaimBlockedError', code: 'REFERRAL_CLAIM_BLOCKED', message: expect.stringMatching(/not for its owner/) });
    const row = (await rowByEmail('A.B+x@gmail.com'))!;
    expect(row).toMatchObject({ advocate_id: gmail.id, status: 'BLOCKED', discount_status: 'NONE', discount_code: null });
    expect(row.fraud.verdict).toBe('BLOCKED');
    expect(reasonsOf(row)).toEqual([['SELF_REFERRAL', 'BLOCK', 'CLAIM']]);
    expect(await referralEvents(a.id, 'referral.blocked')).toContainEqual({ referralId: row.id, advocateId: gmail.id, friendCustomerId: null, stage: 'CLAIM', reasons: ['SELF_REFERRAL'] });
    // claiming again stays blocked, and still issues nothing
    expect(await claimReferral(gateway, a.auth, { code: gmailCode, email: 'ab@gmail.com' })).toMatchObject({ __typename: 'ReferralClaimBlockedError' });
    expect(fake.discounts(a.shop)).toHaveLength(0);

    // the legitimate claim next to it
    const legit = await claimReferral(gateway, a.auth, { code: dottedCode, email: 'joann@example.com' });
    expect(legit).toMatchObject({ __typename: 'ReferralClaim', status: 'CLAIMED' });
    expect((await rowOf(legit.referralId)).fraud).toEqual({ verdict: 'CLEAN', reasons: [] });
  });

  it('blocks the advocate claiming their own code while logged in (same customer)', async () => {
    const own = await claimReferral(gateway, await shopperAuth(gateway, a.shop, dotted.id), { code: dottedCode, email: friendEmail() });
    expect(own).toMatchObject({ __typename: 'ReferralClaimBlockedError', message: expect.stringMatching(/not for its owner/) });
    const [row] = (await storedReferrals(a.id)).filter((r) => r.friend_customer_id === dotted.id);
    expect(reasonsOf(row)).toEqual([['SELF_REFERRAL', 'BLOCK', 'CLAIM']]);
    // another logged-in customer claiming the same code is fine
    const other = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() });
    expect(await claimReferral(gateway, await shopperAuth(gateway, a.shop, other.id), { code: dottedCode, email: other.email! })).toMatchObject({ __typename: 'ReferralClaim' });
  });

  it('blocks the claim that reaches the burst threshold from one IP in a week (the 3rd here), not the ones before it nor another IP', async () => {
    const ip = '198.51.100.77';
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await claimThroughProxy(gateway, a.shop, dottedCode, { email: friendEmail() }, { ip }));
    expect(answers.map((x) => x.status)).toEqual([200, 200, 403]);
    expect(answers[2].body.error).toEqual({ code: 'REFERRAL_CLAIM_BLOCKED', message: expect.not.stringMatching(/IP|address/) });
    const rows = (await storedReferrals(a.id)).filter((r) => r.friend_ip_hash === fingerprints.ip(ip));
    expect(rows.map((r) => r.status)).toEqual(['CLAIMED', 'CLAIMED', 'BLOCKED']);
    expect(reasonsOf(rows[2])).toEqual([['IP_CLAIM_BURST', 'BLOCK', 'CLAIM']]);
    expect(rows[2].fraud.reasons[0].explanation).toMatch(/claim 3 from one IP/);
    expect((await claimThroughProxy(gateway, a.shop, dottedCode, { email: friendEmail() }, { ip: '198.51.100.78' })).status).toBe(200);
  });

  it("flags (by default) a claim from the IP the advocate recently used: the code is issued and the referral carries the reason", async () => {
    const ip = '2001:db8::42';
    await withOwnerDb('referral', (db) =>
      db.query('insert into referral_activity (merchant_id, customer_id, ip_hash, last_seen_at) values ($1, $2, $3, now())', [a.id, gmail.id, fingerprints.ip(ip)]),
    );
    const flagged = await claimThroughProxy(gateway, a.shop, gmailCode, { email: friendEmail() }, { ip });
    expect(flagged.status).toBe(200);
    const row = await rowOf(flagged.body.referralId);
    expect(row).toMatchObject({ status: 'CLAIMED', discount_status: 'ISSUED' });
    expect(row.fraud.verdict).toBe('FLAGGED');
    expect(reasonsOf(row)).toEqual([['SAME_IP_AS_ADVOCATE', 'FLAG', 'CLAIM']]);
    // the same IP claiming another advocate's code is not flagged
    const clean = await claimThroughProxy(gateway, a.shop, dottedCode, { email: friendEmail() }, { ip });
    expect((await rowOf(clean.body.referralId)).fraud.verdict).toBe('CLEAN');
  });

  it('blocks a friend who had ordered before claiming (existing customer), matched by email or customer id', async () => {
    const byEmail = friendEmail();
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: friendEmail() });
    await withOwnerDb('referral', async (db) => {
      const insert = 'insert into referral_order (merchant_id, order_id, customer_id, placed_at, email_hash) values ($1, $2, $3, now() - interval \'3 days\', $4)';
      await db.query(insert, [a.id, shopifyId(), randomUUID(), fingerprints.email(byEmail)]);
      await db.query(insert, [a.id, shopifyId(), customer.id, null]);
    });
    const blocked = await claimReferral(gateway, a.auth, { code: dottedCode, email: byEmail });
    expect(blocked).toMatchObject({ __typename: 'ReferralClaimBlockedError', message: expect.stringMatching(/new customers/) });
    expect(reasonsOf((await rowByEmail(byEmail))!)).toEqual([['EXISTING_CUSTOMER', 'BLOCK', 'CLAIM']]);
    const loggedIn = await claimReferral(gateway, await shopperAuth(gateway, a.shop, customer.id), { code: dottedCode, email: friendEmail() });
    expect(loggedIn).toMatchObject({ __typename: 'ReferralClaimBlockedError' });
    // a new customer next to them is not blocked
    expect(await claimReferral(gateway, a.auth, { code: dottedCode, email: friendEmail() })).toMatchObject({ __typename: 'ReferralClaim' });
  });

  it('issues the code when the friend claims again after an admin approved the blocked claim', async () => {
    const email = 'JO.ANN@example.com';
    expect(await claimReferral(gateway, a.auth, { code: dottedCode, email })).toMatchObject({ __typename: 'ReferralClaimBlockedError' });
    const row = (await rowByEmail(email))!;
    // What approving does at the claim stage: back where it would have gone, decided.
    await withOwnerDb('referral', (db) => db.query(`update referral set status = 'CLAIMED', approved_at = now(), decided_by = 'admin' where merchant_id = $1 and id = $2`, [a.id, row.id]));
    const claimed = await claimReferral(gateway, a.auth, { code: dottedCode, email });
    expect(claimed).toMatchObject({ __typename: 'ReferralClaim', referralId: row.id, status: 'CLAIMED' });
    expect(fake.discounts(a.shop).filter((d) => d.code === claimed.discountCode)).toHaveLength(1);
    expect(await claimReferral(gateway, a.auth, { code: dottedCode, email })).toEqual(claimed);
    // The fraud findings stay on the referral for the admin.
    expect(reasonsOf(await rowOf(row.id))).toEqual([['SELF_REFERRAL', 'BLOCK', 'CLAIM']]);
  });
});
