import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REFERRAL_BLOCKED, REFERRAL_COMPLETED, type ReferralBlocked, type ReferralCompleted } from '@loyalnest/referral/topics';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { declaredKeys, pruneSentTriggers, triggersFor } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { consumedReferralEvent, emitReferralEvent, redeliverReferralEvent } from './support/referral-outbox.js';
import { shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };
const SHOPIFY_ADMIN_ENV = { SHOPIFY_ADMIN_ATTEMPTS: '2', SHOPIFY_ADMIN_TIMEOUT_MS: '300', SHOPIFY_ADMIN_DEADLINE_MS: '1000', SHOPIFY_ADMIN_BACKOFF_MS: '20' };

describe('Shopify Flow triggers of the referral domain', () => {
  let gateway: TestGateway;
  let fake: FakeShopify;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...SHOPIFY_ADMIN_ENV, ...fake.env });
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'referral-flow-a'), installMerchant(gateway, fake, 'referral-flow-b')]);
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  const advocate = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Advocate' });
  const triggersOf = (merchant: TestMerchant, customer: CreatedCustomer, handle: string) => triggersFor(fake, merchant.shop, customer.shopifyId).filter((t) => t.handle === handle);
  const received = (merchant: TestMerchant, customer: CreatedCustomer, handle: string, count = 1) =>
    eventually(async () => triggersOf(merchant, customer, handle).length >= count && triggersOf(merchant, customer, handle), 15_000, `${count} ${handle} for ${customer.shopifyId}`);
  const completion = (customer: CreatedCustomer, referralId: string = randomUUID()): ReferralCompleted => ({
    referralId,
    advocateId: customer.id,
    friendCustomerId: randomUUID(),
    points: 500,
    orderId: shopifyId(),
    orderTotalMinor: 8950,
    currency: 'EUR',
    completedAt: new Date().toISOString(),
  });
  const block = (customer: CreatedCustomer, stage: ReferralBlocked['stage'], referralId: string = randomUUID()): ReferralBlocked => ({
    referralId,
    advocateId: customer.id,
    friendCustomerId: null,
    stage,
    reasons: stage === 'CLAIM' ? ['SELF_REFERRAL', 'SAME_IP_AS_ADVOCATE'] : ['ADVOCATE_PLACED_ORDER'],
  });

  it('sends referral-completed once per referral, naming the advocate, under redeliveries racing each other, after its consumed record is pruned, and for a second completion event of the same referral', async () => {
    const ada = await advocate(a);
    const done = completion(ada);
    const eventId = await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, done);

    const [trigger] = await received(a, ada, 'referral-completed');
    expect(trigger).toEqual({
      handle: 'referral-completed',
      payload: { customer_id: Number(ada.shopifyId), referral_id: done.referralId, points: 500, order_id: done.orderId, order_total: 89.5, currency: 'EUR' },
    });
    // every field sent is one the extension declares, and the other way round
    expect(Object.keys(trigger.payload as object).filter((k) => k !== 'customer_id').sort()).toEqual(await declaredKeys('referral-completed'));

    await redeliverReferralEvent(gateway, 'referral', eventId);
    await consumedReferralEvent('referral', await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, { ...done, completedAt: new Date().toISOString() }));
    expect(triggersOf(a, ada, 'referral-completed')).toHaveLength(1);
  });

  it('sends referral-blocked once per block: redeliveries send nothing more, a later block of the same referral at its order asks for review again', async () => {
    const ben = await advocate(a);
    const atClaim = block(ben, 'CLAIM');
    const eventId = await emitReferralEvent(gateway, a.id, REFERRAL_BLOCKED, atClaim);

    const [trigger] = await received(a, ben, 'referral-blocked');
    expect(trigger).toEqual({
      handle: 'referral-blocked',
      payload: { customer_id: Number(ben.shopifyId), referral_id: atClaim.referralId, stage: 'CLAIM', reasons: 'SELF_REFERRAL,SAME_IP_AS_ADVOCATE' },
    });
    expect(Object.keys(trigger.payload as object).filter((k) => k !== 'customer_id').sort()).toEqual(await declaredKeys('referral-blocked'));
    await redeliverReferralEvent(gateway, 'referral', eventId);
    expect(triggersOf(a, ben, 'referral-blocked')).toHaveLength(1);

    // approved since, the referral is blocked again when the friend's order comes in
    await emitReferralEvent(gateway, a.id, REFERRAL_BLOCKED, block(ben, 'CONVERSION', atClaim.referralId));
    const both = await received(a, ben, 'referral-blocked', 2);
    expect(both.map((t) => (t.payload as { stage: string }).stage)).toEqual(['CLAIM', 'CONVERSION']);
    expect(triggersOf(a, ben, 'referral-completed')).toEqual([]);
  });

  it("never sends one merchant's referral to another's shop, nor for a customer the merchant does not have", async () => {
    const cleo = await advocate(a);
    // B's referral events naming A's customer: the customer subgraph knows no such customer of B
    const crossed = await Promise.all([
      emitReferralEvent(gateway, b.id, REFERRAL_COMPLETED, completion(cleo)),
      emitReferralEvent(gateway, b.id, REFERRAL_BLOCKED, block(cleo, 'CLAIM')),
    ]);
    await Promise.all(crossed.map((id) => consumedReferralEvent('referral', id)));

    expect(fake.flowTriggers(b.shop)).toEqual([]);
    expect(triggersFor(fake, a.shop, cleo.shopifyId)).toEqual([]);
    const letters = await withOwnerDb('referral', async (db) => (await db.query('select 1 from dead_letter_event where event_id = any($1)', [crossed])).rowCount);
    expect(letters).toBe(0);
  });

  it("forgets a sent trigger once the dedupe window has passed, through the referral store's own prune function", async () => {
    const { pruned, left, fresh } = await pruneSentTriggers(gateway, 'referral', a.id, 'referral-completed');
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(left).toEqual([fresh]);
  });
});
