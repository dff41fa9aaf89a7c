import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { newReferralCode, parseReferralCode, REFERRAL_CODE_ALPHABET } from '../../subgraphs/referral/src/domain/referral-code.js';
import { ReferralCodeService } from '../../subgraphs/referral/src/services/referral-code.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { clickLink, CUSTOMER_REFERRAL, referralOf, type ReferralNode } from './support/referrals.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

async function storedCodes(merchantId: string, customerId?: string): Promise<{ customer_id: string; code: string }[]> {
  return withOwnerDb('referral', async (db) => {
    const { rows } = await db.query<{ customer_id: string; code: string }>(
      `select customer_id, code from referral_code where merchant_id = $1 and ($2::uuid is null or customer_id = $2) order by customer_id`,
      [merchantId, customerId ?? null],
    );
    return rows;
  });
}

/** A customer from before the referral domain: their code (made by the event) is removed, as if it had never been made. */
async function forgetCode(merchantId: string, customerId: string): Promise<void> {
  await withOwnerDb('referral', (db) => db.query('delete from referral_code where merchant_id = $1 and customer_id = $2', [merchantId, customerId]));
}

describe('referral codes: generation and parsing', () => {
  it('draws 8 characters from Crockford base32 without I, L, O or U', () => {
    expect(REFERRAL_CODE_ALPHABET).toHaveLength(32);
    expect(REFERRAL_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    const codes = Array.from({ length: 2000 }, newReferralCode);
    for (const code of codes) expect(code).toMatch(CODE);
    // 2,000 draws from 32^8 codes: a repeat would mean the generator is not random.
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('reads a code in any case, and the letters people mistake for digits as those digits', () => {
    expect(parseReferralCode('ab12cd34')).toEqual({ ok: true, code: 'AB12CD34' });
    expect(parseReferralCode('AB12CD34')).toEqual({ ok: true, code: 'AB12CD34' });
    expect(parseReferralCode('ABOICDL4')).toEqual({ ok: true, code: 'AB01CD14' });
  });

  it.each(['', 'AB12CD3', 'AB12CD345', 'AB12CD3U', 'AB12-D34', 'AB12 D34', 'ÄB12CD34', '../../x1'])('refuses %p as a code', (input) => {
    expect(parseReferralCode(input)).toMatchObject({ ok: false, field: 'code' });
  });
});

describe.each<Mode>(['embedded', 'networked'])('referral codes and links (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com' });
    bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com' });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('gives a new customer a code when the referral domain consumes customer.created, before anyone reads it', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'new@example.com' });
    const [row] = await eventually(async () => {
      const rows = await storedCodes(a.id, customer.id);
      return rows.length ? rows : undefined;
    }, 15_000, 'the code made from customer.created');
    expect(row.code).toMatch(CODE);
    expect(await referralOf(gateway, a.auth, customer.id)).toMatchObject({ code: row.code });
  });

  it('what if customer.created is delivered twice? The customer still has one code, the same one', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'twice@example.com' });
    const [first] = await eventually(async () => {
      const rows = await storedCodes(a.id, customer.id);
      return rows.length ? rows : undefined;
    }, 15_000);
    const referral = runtime(gateway, 'referral');
    const handler = referral.module.consumes!['customer.created'];
    const event = { id: randomUUID(), merchantId: a.id, topic: 'customer.created', version: 1, occurredAt: new Date().toISOString(), payload: { customerId: customer.id } };
    await handler(referral.createContext(systemCaller(ADMIN_SCOPES, a.id)), event, referral);
    await handler(referral.createContext(systemCaller(ADMIN_SCOPES, a.id)), event, referral);
    expect(await storedCodes(a.id, customer.id)).toEqual([first]);
  });

  it("what if a new code is one another customer holds? It is not taken from them; the customer gets the next one drawn", async () => {
    const held = (await referralOf(gateway, a.auth, noor.id))!.code;
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'collides@example.com' });
    await eventually(async () => (await storedCodes(a.id, customer.id)).length > 0, 15_000);
    await forgetCode(a.id, customer.id);
    // given: the first two draws are Noor's code, the third a free one
    const fresh = newReferralCode();
    const draws = [held, held, fresh];
    const codes = new ReferralCodeService(() => draws.shift() ?? newReferralCode());
    // when
    const referral = runtime(gateway, 'referral');
    const [view] = await codes.codesOf(referral.createContext(systemCaller(ADMIN_SCOPES, a.id)), [customer.id]);
    // then
    expect(view?.code).toBe(fresh);
    expect(draws).toEqual([]);
    expect(await storedCodes(a.id, noor.id)).toEqual([{ customer_id: noor.id, code: held }]);
    expect(await storedCodes(a.id, customer.id)).toEqual([{ customer_id: customer.id, code: fresh }]);
  });

  it('links on the shop domain through the app proxy, and shows no clicks yet', async () => {
    const referral = (await referralOf(gateway, a.auth, noor.id))!;
    expect(referral).toEqual({ code: expect.stringMatching(CODE), url: `https://${a.shop}/apps/loyalnest/r/${referral.code}`, clicks: 0, uniqueClicks: 0 });
  });

  it('what if a customer from before the referral domain is read by ten requests at once? They all get the one code it made', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'older@example.com' });
    await eventually(async () => (await storedCodes(a.id, customer.id)).length > 0, 15_000);
    await forgetCode(a.id, customer.id);
    const reads = await Promise.all(Array.from({ length: 10 }, () => referralOf(gateway, a.auth, customer.id)));
    const codes = new Set(reads.map((r) => r!.code));
    expect(codes.size).toBe(1);
    expect(await storedCodes(a.id, customer.id)).toEqual([{ customer_id: customer.id, code: [...codes][0] }]);
  });

  it('gives every customer a different code, read in one batch', async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, (_, i) => upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `batch${i}@example.com` })));
    const query = `query { ${customers.map((c, i) => `c${i}: customer(id: "${c.id}") { referral { code } }`).join(' ')} }`;
    const result = await gateway.gql<Record<string, { referral: { code: string } }>>(query, {}, a.auth);
    expect(result.errors).toBeUndefined();
    const codes = Object.values(result.data!).map((c) => c.referral.code);
    expect(new Set(codes).size).toBe(customers.length);
  });

  it('shows a shopper their own referral and refuses them anyone else’s', async () => {
    const other = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'other@example.com' });
    const shopper = await shopperAuth(gateway, a, noor.id);
    expect(await referralOf(gateway, shopper, noor.id)).toEqual(await referralOf(gateway, a.auth, noor.id));
    const refused = await gateway.gql(CUSTOMER_REFERRAL, { id: other.id }, shopper);
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(refused.data ?? {})).not.toMatch(/[0-9A-HJKMNP-TV-Z]{8}/);
  });

  it('lets a partner read referrals only with referrals:read', async () => {
    const keyWith = async (scopes: string[]) => {
      const created = await gateway.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
        { input: { name: `partner ${scopes.join(' ')}`, scopes } },
        a.auth,
      );
      expect(created.errors).toBeUndefined();
      return { authorization: `Bearer ${created.data!.createApiKey.secret}` };
    };
    const [outsider, reader] = await Promise.all([keyWith(['customers:read']), keyWith(['customers:read', 'referrals:read'])]);
    const refused = await gateway.gql<{ customer: { referral: ReferralNode | null } }>(CUSTOMER_REFERRAL, { id: noor.id }, outsider);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.customer?.referral ?? null).toBeNull();
    expect(await referralOf(gateway, reader, noor.id)).toEqual(await referralOf(gateway, a.auth, noor.id));
  });

  it("what if a reference names an id the customer domain does not know? referral is null and no code is made for it", async () => {
    const referral = runtime(gateway, 'referral');
    const stranger = randomUUID();
    // one batch: a made-up id, B's customer named at A, and A's own customer
    const views = await new ReferralCodeService().codesOf(referral.createContext(systemCaller(ADMIN_SCOPES, a.id)), [stranger, bea.id, noor.id]);
    expect(views[0]).toBeNull();
    expect(views[1]).toBeNull();
    expect(views[2]).toMatchObject({ customerId: noor.id, code: expect.stringMatching(CODE) });
    expect(await storedCodes(a.id, stranger)).toEqual([]);
    expect(await storedCodes(a.id, bea.id)).toEqual([]);
  });

  it("what if an admin reads the referral of an erased shopper (a redemption's customer)? referral is null, no code comes back and the old link stays dead", async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'erased@example.com' });
    const { code } = (await referralOf(gateway, a.auth, customer.id))!;
    // given: the customer domain erased them (its redaction deletes the row) and the referral domain consumed customer.redacted
    await withOwnerDb('customer', (db) => db.query('delete from customer where merchant_id = $1 and id = $2', [a.id, customer.id]));
    const referral = runtime(gateway, 'referral');
    const consumerCtx = referral.createContext(systemCaller(ADMIN_SCOPES, a.id));
    const event = { id: randomUUID(), merchantId: a.id, topic: 'customer.redacted', version: 1, occurredAt: new Date().toISOString(), payload: { customerId: customer.id } };
    await referral.module.consumes!['customer.redacted'](consumerCtx, event, referral);
    await consumerCtx.runAfterCommit();
    expect(await storedCodes(a.id, customer.id)).toEqual([]);
    // when: a stale reference to them is resolved, as Redemption.customer { referral } does
    const [view] = await new ReferralCodeService().codesOf(referral.createContext(systemCaller(ADMIN_SCOPES, a.id)), [customer.id]);
    // then
    expect(view).toBeNull();
    expect(await storedCodes(a.id, customer.id)).toEqual([]);
    expect((await clickLink(gateway, a.shop, code)).body).toEqual({ error: { code: 'REFERRAL_CODE_NOT_FOUND', message: expect.any(String) } });
  });

  it("keeps merchants apart: B's admin naming A's customer sees no referral, and no code is made for B", async () => {
    await referralOf(gateway, a.auth, noor.id);
    const before = await storedCodes(b.id);
    const read = await gateway.gql<{ customer: unknown }>(CUSTOMER_REFERRAL, { id: noor.id }, b.auth);
    expect(read.data?.customer ?? null).toBeNull();
    expect(await storedCodes(b.id)).toEqual(before);
    expect(before.map((r) => r.customer_id)).not.toContain(noor.id);
    expect((await referralOf(gateway, b.auth, bea.id))!.code).not.toBe((await referralOf(gateway, a.auth, noor.id))!.code);
  });
});
