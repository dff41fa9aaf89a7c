import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt, randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { completedRequest, requestIds, tablesWithRows } from './support/gdpr-requests.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { seedReadReferral, setClicks, type SeedStatus } from './support/referral-seed-read.js';
import { customerIdOf, deliver, TIER_EVENTS_ENV } from './support/tier-members.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';

const EXPORT = `query($id: ID!) { gdprExport(id: $id) }`;
const STATS = `query { referralStats { claims conversions completed blocked voided rejected pointsAwarded revenue { currency amount } } }`;

/** A Shopify id no other test uses (16 digits, below 2^53). */
function uniqueShopifyId(): string {
  return (1_000_000_000_000_000n + BigInt(randomInt(2 ** 47)) * 31n).toString();
}

interface Person {
  shopifyId: string;
  email: string;
  customerId: string;
}

type Row = Record<string, unknown>;

async function referralRow(merchant: TestMerchant, id: string): Promise<Row> {
  const { rows } = await withOwnerDb('referral', (db) => db.query('select * from referral where merchant_id = $1 and id = $2', [merchant.id, id]));
  return rows[0];
}

/** Every row the referral store holds of the merchant, one digest per table: what another customer's redaction must leave alone. */
async function digestOf(merchant: TestMerchant, tables = ['referral', 'referral_order', 'referral_activity', 'referral_code']): Promise<string> {
  return withOwnerDb('referral', async (db) => {
    const parts: string[] = [];
    for (const table of tables) {
      const { rows } = await db.query<{ d: string | null }>(`select md5(string_agg(t::text, ',' order by t::text)) as d from ${table} t where merchant_id = $1`, [merchant.id]);
      parts.push(`${table}:${rows[0].d ?? ''}`);
    }
    return parts.join('|');
  });
}

async function seedOrder(merchant: TestMerchant, customerId: string): Promise<string> {
  const orderId = String(8_000_000_000_000 + randomInt(1e9));
  await withOwnerDb('referral', (db) =>
    db.query(
      `insert into referral_order (merchant_id, order_id, customer_id, placed_at, total_minor, currency, email_hash, shipping_address_hash, browser_ip_hash)
       values ($1, $2, $3, now(), 5000, 'EUR', 'email-h', 'ship-h', 'ip-h')`,
      [merchant.id, orderId, customerId],
    ),
  );
  return orderId;
}

async function seedActivity(merchant: TestMerchant, customerId: string): Promise<void> {
  await withOwnerDb('referral', (db) => db.query(`insert into referral_activity (merchant_id, customer_id, ip_hash, last_seen_at) values ($1, $2, 'ip-h', now())`, [merchant.id, customerId]));
}

describe('GDPR in the referral domain', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { ...TIER_EVENTS_ENV, EVENTS_ATTEMPTS: '3' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });
  afterAll(() => gateway.stop());

  async function person(merchant: TestMerchant, shopifyId = uniqueShopifyId(), email = `p-${shopifyId}@example.com`): Promise<Person> {
    await deliver(gateway, merchant, 'customers/create', { id: Number(shopifyId), email, first_name: 'Referral' });
    const customerId = await eventually(() => customerIdOf(gateway, merchant, shopifyId).catch(() => undefined), 15_000, 'the customer recorded');
    return { shopifyId, email, customerId };
  }

  async function redact(merchant: TestMerchant, shopifyId: string, email: string | null, ordersToRedact: string[] = []): Promise<void> {
    const known = await requestIds(gateway, merchant);
    await deliver(gateway, merchant, 'customers/redact', { shop_domain: merchant.shop, customer: { id: Number(shopifyId), email, phone: null }, orders_to_redact: ordersToRedact.map(Number) });
    await completedRequest(gateway, merchant, 'CUSTOMER_REDACT', known);
  }

  async function stats(merchant: TestMerchant): Promise<unknown> {
    const result = await gateway.gql<{ referralStats: unknown }>(STATS, {}, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.referralStats;
  }

  it("customers/redact of a friend erases their email, fingerprints and id, voids the claim that can no longer pay, and keeps every count; other friends and merchant B keep theirs", async () => {
    // given an advocate with four friends: Fay (logged in, CLAIMED), Gus (a guest, known by email only, BLOCKED at the claim), Hal (PENDING) and Ida (CLAIMED, not redacted)
    const advocate = await person(a);
    const fay = await person(a);
    const gus = { shopifyId: uniqueShopifyId(), email: `gus-${randomUUID()}@example.com` };
    const hal = await person(a);
    const claimedAt = new Date(Date.now() - 86_400_000);
    const seed = (status: SeedStatus, friendEmail: string, friendCustomerId: string | null = null) => seedReadReferral(gateway, a.id, { status, advocateId: advocate.customerId, claimedAt, friendEmail, friendCustomerId });
    const fays = await seed('CLAIMED', fay.email, fay.customerId);
    const guss = await seed('BLOCKED', gus.email);
    const hals = await seed('PENDING', hal.email, hal.customerId);
    const idas = await seed('CLAIMED', `ida-${randomUUID()}@example.com`);
    const fayOrder = await seedOrder(a, fay.customerId);
    await seedActivity(a, fay.customerId);
    // and at B, the same Shopify id and email, with its own referral
    const fayAtB = await person(b, fay.shopifyId, fay.email);
    const atB = await seedReadReferral(gateway, b.id, { status: 'CLAIMED', advocateId: randomUUID(), claimedAt, friendEmail: fay.email, friendCustomerId: fayAtB.customerId });
    const statsBefore = await stats(a);
    const idaBefore = await referralRow(a, idas.id);
    const bBefore = await digestOf(b);

    // when Shopify asks to redact Fay, then Gus (a guest: the customer domain has no customer under his id), then Hal
    await redact(a, fay.shopifyId, fay.email, [fayOrder]);
    await redact(a, gus.shopifyId, gus.email);
    await redact(a, hal.shopifyId, hal.email);

    // then nothing identifies them on their referrals
    const erased = { friend_customer_id: null, friend_email_encrypted: null, friend_email_hash: null, friend_ip_hash: null, friend_user_agent_hash: null };
    expect(await referralRow(a, fays.id)).toMatchObject({ ...erased, status: 'VOIDED', void_reason: 'FRIEND_REDACTED', advocate_id: advocate.customerId });
    expect((await referralRow(a, fays.id)).voided_at).not.toBeNull();
    expect(await referralRow(a, guss.id)).toMatchObject({ ...erased, status: 'VOIDED', void_reason: 'FRIEND_REDACTED' });
    // a converted referral stays as it was: the advocate's reward came from an order that happened
    expect(await referralRow(a, hals.id)).toMatchObject({ ...erased, status: 'PENDING', void_reason: null });
    // their order facts keep the amounts and lose the fingerprints; where they were seen from is gone
    const { rows: orders } = await withOwnerDb('referral', (db) => db.query('select total_minor::int, email_hash, shipping_address_hash, browser_ip_hash from referral_order where merchant_id = $1 and order_id = $2', [a.id, fayOrder]));
    expect(orders).toEqual([{ total_minor: 5000, email_hash: null, shipping_address_hash: null, browser_ip_hash: null }]);
    const { rows: activity } = await withOwnerDb('referral', (db) => db.query('select 1 from referral_activity where merchant_id = $1 and customer_id = $2', [a.id, fay.customerId]));
    expect(activity).toEqual([]);
    // the voids were announced, once each
    const { rows: voided } = await withOwnerDb('referral', (db) =>
      db.query<{ payload: Row }>("select payload from outbox_event where merchant_id = $1 and topic = 'referral.voided' order by id", [a.id]),
    );
    expect(voided.map((v) => v.payload)).toEqual([
      { referralId: fays.id, advocateId: advocate.customerId, friendCustomerId: null, status: 'VOIDED', reason: 'FRIEND_REDACTED' },
      { referralId: guss.id, advocateId: advocate.customerId, friendCustomerId: null, status: 'VOIDED', reason: 'FRIEND_REDACTED' },
    ]);
    // the counts stay: every referral still counted, the two voided now counted as voided
    const statsAfter = (await stats(a)) as Record<string, number>;
    expect(statsAfter).toEqual({ ...(statsBefore as object), blocked: (statsBefore as Record<string, number>).blocked - 1, voided: (statsBefore as Record<string, number>).voided + 2 });
    // Ida, and everything at B (the same person there), are untouched
    expect(await referralRow(a, idas.id)).toEqual(idaBefore);
    expect(await digestOf(b)).toBe(bBefore);
    expect((await referralRow(b, atB.id)).friend_email_hash).not.toBeNull();
  });

  it("erases a logged-in friend Shopify names without an email, whichever part runs first (the customer domain announces its redaction with customer.redacted)", async () => {
    const advocate = await person(a);
    const friend = await person(a);
    const claim = await seedReadReferral(gateway, a.id, { status: 'CLAIMED', advocateId: advocate.customerId, claimedAt: new Date(), friendEmail: friend.email, friendCustomerId: friend.customerId });

    await redact(a, friend.shopifyId, null);

    const row = await eventually(async () => {
      const found = await referralRow(a, claim.id);
      return found.friend_customer_id === null ? found : undefined;
    }, 15_000, "the friend's referral erased");
    expect(row).toMatchObject({ status: 'VOIDED', void_reason: 'FRIEND_REDACTED', friend_email_encrypted: null, friend_email_hash: null, friend_ip_hash: null, friend_user_agent_hash: null });
  });

  it('customers/redact of an advocate drops their code, clicks and activity; their referrals keep their counts and hold nothing more of them', async () => {
    const advocate = await person(a);
    await eventually(async () => {
      const { rows } = await withOwnerDb('referral', (db) => db.query('select 1 from referral_code where merchant_id = $1 and customer_id = $2', [a.id, advocate.customerId]));
      return rows.length === 1 || undefined;
    }, 15_000, "the advocate's code");
    await setClicks(a.id, advocate.customerId, 12, 9);
    await seedActivity(a, advocate.customerId);
    const completedOne = await seedReadReferral(gateway, a.id, { status: 'COMPLETED', advocateId: advocate.customerId, claimedAt: new Date(), points: 250 });
    const friendBefore = await referralRow(a, completedOne.id);

    await redact(a, advocate.shopifyId, advocate.email);

    const count = async (table: string) => {
      const { rows } = await withOwnerDb('referral', (db) => db.query<{ n: number }>(`select count(*)::int as n from ${table} where merchant_id = $1 and customer_id = $2`, [a.id, advocate.customerId]));
      return rows[0].n;
    };
    await eventually(async () => ((await count('referral_code')) === 0 ? true : undefined), 15_000, "the advocate's code gone");
    expect(await count('referral_activity')).toBe(0);
    // the referral they advocated stays, status, points and all (the friend's data is the friend's)
    expect(await referralRow(a, completedOne.id)).toEqual(friendBefore);
  });

  it("customers/data_request exports their code and clicks, the referrals they advocated, and their own claim with their email, of that merchant only", async () => {
    const customer = await person(a);
    await setClicks(a.id, customer.customerId, 30, 21);
    const advocated = await seedReadReferral(gateway, a.id, { status: 'COMPLETED', advocateId: customer.customerId, claimedAt: new Date('2026-11-01T10:00:00Z'), points: 400 });
    const own = await seedReadReferral(gateway, a.id, { status: 'CLAIMED', advocateId: randomUUID(), claimedAt: new Date('2026-11-02T10:00:00Z'), friendEmail: customer.email, friendCustomerId: customer.customerId });
    // at B the same person, with a referral of their own there
    const atB = await person(b, customer.shopifyId, customer.email);
    const bReferral = await seedReadReferral(gateway, b.id, { status: 'PENDING', advocateId: atB.customerId, claimedAt: new Date(), friendEmail: `b-${randomUUID()}@example.com` });
    const known = await requestIds(gateway, a);

    await deliver(gateway, a, 'customers/data_request', { shop_domain: a.shop, customer: { id: Number(customer.shopifyId), email: customer.email }, orders_requested: [], data_request: { id: 1 } });
    const id = await completedRequest(gateway, a, 'CUSTOMER_DATA_REQUEST', known);
    const result = await gateway.gql<{ gdprExport: { referral: Record<string, unknown[]> } }>(EXPORT, { id }, a.auth);
    expect(result.errors).toBeUndefined();

    const part = result.data!.gdprExport.referral;
    expect(part.codes).toEqual([{ customerId: customer.customerId, code: expect.stringMatching(/^[0-9A-Z]{8}$/), clicks: 30, uniqueClicks: 21, createdAt: expect.any(String) }]);
    expect(part.asAdvocate).toEqual([
      { id: advocated.id, status: 'COMPLETED', claimedAt: '2026-11-01T10:00:00.000Z', convertedAt: expect.any(String), completedAt: expect.any(String), voidedAt: null, pointsAwarded: 400 },
    ]);
    expect(part.asFriend).toEqual([{ id: own.id, status: 'CLAIMED', email: customer.email, discountCode: expect.stringMatching(/^REF-/), orderId: null, claimedAt: '2026-11-02T10:00:00.000Z', convertedAt: null }]);
    expect(JSON.stringify(part)).not.toContain(bReferral.id);
  });

  it("shop/redact removes every referral row of the merchant, and A keeps all of its own", async () => {
    const doomed = await createMerchant(gateway);
    const advocate = await person(doomed);
    await setClicks(doomed.id, advocate.customerId, 5, 4);
    await seedReadReferral(gateway, doomed.id, { status: 'PENDING', advocateId: advocate.customerId, claimedAt: new Date() });
    await seedOrder(doomed, advocate.customerId);
    await seedActivity(doomed, advocate.customerId);
    await withOwnerDb('referral', (db) => db.query('insert into referral_click_flush (merchant_id, batch_id, flushed_at) values ($1, $2, now())', [doomed.id, randomUUID()]));
    await withOwnerDb('referral', (db) =>
      db.query(`insert into referral_program (merchant_id, enabled, advocate_points, friend_reward_kind, friend_reward_value, friend_single_use, friend_once_per_customer, conversion_rule, hold_days, fraud_policy, claim_burst_per_week, version, updated_at)
                values ($1, true, 100, 'percentage', 10, true, true, 'order_paid', 14, '{}', 10, 1, now())`, [doomed.id]),
    );
    expect(await tablesWithRows('referral', doomed.id)).toEqual(expect.arrayContaining(['referral', 'referral_activity', 'referral_click_flush', 'referral_code', 'referral_order', 'referral_program']));
    const aBefore = await digestOf(a);

    await deliver(gateway, doomed, 'shop/redact', { shop_id: 1, shop_domain: doomed.shop });
    await eventually(async () => ((await tablesWithRows('referral', doomed.id)).length === 0 ? true : undefined), 20_000, 'every referral row of the merchant gone').catch(async (error: Error) => {
      throw new Error(`${error.message}; left: ${(await tablesWithRows('referral', doomed.id)).join(', ')}`);
    });
    expect(await digestOf(a)).toBe(aBefore);
  });
});
