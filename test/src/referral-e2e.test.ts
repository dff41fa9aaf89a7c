import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mintShopperToken } from '../../gateway/src/auth/shopper-token.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { triggersFor } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { connectLive, type LiveConnection } from './support/live.js';
import { claimThroughProxy, storedReferrals } from './support/referral-claims.js';
import { clickLink, flushReferralClicks, PROGRAM_ON, referralOf, storedClicks, updateReferralProgram } from './support/referrals.js';
import { shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { deliver, paidOrder } from './support/tier-members.js';

/**
 * A referral from the advocate's link to the advocate's points, through every domain it touches,
 * as a shop lives it: the friend follows the link (app proxy), claims as a guest (the discount is
 * created at the fake Shopify), orders with the code (a real orders/paid webhook, through the
 * customer domain's order events), the hold passes (the hold job, every half second here), the
 * points domain posts the advocate's points once, the advocate sees them live, and Shopify Flow
 * gets `referral-completed`. Redis loses everything between the click and the order: nothing is lost.
 */

const BALANCE = 'subscription { pointsBalanceChanged { balance delta } }';
const REFERRAL_STATUS = `query($id: ID!) { referral(id: $id) { status pointsAwarded orderTotal fraud { verdict } } }`;
const CUSTOMER_REFERRALS = `query($id: ID!) { customer(id: $id) { referral { referred completed pointsEarned } points { balance } } }`;

/** Removes every key of this gateway's prefix from Redis (queues, caches, click counters): a Redis restarted without persistence. */
async function loseRedis(gateway: TestGateway): Promise<number> {
  const redis = new Redis(gateway.config.kit.redisUrl);
  try {
    const keys = await redis.keys(`${gateway.config.kit.events.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

describe('a referral end to end: click, claim, order, hold, points, live update, Flow', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let shop: TestMerchant;
  let ada: CreatedCustomer;
  let adaShopifyId: string;
  let live: LiveConnection | undefined;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...fake.env, REFERRAL_HOLD_EVERY_MS: '500' });
    shop = await installMerchant(gateway, fake, 'referral-e2e');
    adaShopifyId = shopifyId();
    ada = await upsertCustomer(gateway, shop, { shopifyId: adaShopifyId, email: 'ada@example.com' });
    // No hold: the hold job completes the referral at its next run after the order.
    const saved = await updateReferralProgram(gateway, shop.auth, { ...PROGRAM_ON, advocatePoints: 700, holdDays: 0, minimumOrderValue: '20' });
    expect(saved.__typename).toBe('ReferralProgram');
  });

  afterAll(async () => {
    await live?.dispose();
    await gateway?.stop();
    await fake?.close();
  });

  it('pays the advocate once, live and to Flow, though Redis lost everything between the click and the order', async () => {
    const { code } = (await referralOf(gateway, shop.auth, ada.id))!;
    const { token } = await mintShopperToken(gateway.config.shopperToken, { shop: shop.shop, customerId: ada.id });
    live = connectLive(gateway.url, `Bearer ${token}`);
    const balance = live.subscribe(BALANCE);
    expect((await balance.next()).data).toEqual({ pointsBalanceChanged: { balance: 0, delta: 0 } });

    // the friend follows Ada's link and claims as a guest
    const click = await clickLink(gateway, shop.shop, code, { ip: '198.51.100.77' });
    expect(click).toMatchObject({ status: 200, body: { code, enabled: true } });
    const claim = await claimThroughProxy(gateway, shop.shop, code, { email: 'Grace.Hopper+shop@example.com' }, { ip: '198.51.100.77' });
    expect(claim.status).toBe(200);
    const { referralId, discountCode } = claim.body as { referralId: string; discountCode: string };
    expect(fake.discounts(shop.shop).filter((d) => d.code === discountCode)).toHaveLength(1);

    // Redis restarts empty: the click not yet flushed is gone (counts are best effort), nothing else is
    expect(await loseRedis(gateway)).toBeGreaterThan(0);

    // when the friend's first order arrives with the code, paid, three times over
    const orderId = shopifyId();
    const order = {
      ...paidOrder(orderId, shopifyId(), '45.00'),
      subtotal_price: '40.50',
      email: 'grace.hopper@example.com',
      discount_codes: [{ code: discountCode.toLowerCase(), amount: '4.50', type: 'percentage' }],
    };
    const eventId = randomUUID();
    await deliver(gateway, shop, 'orders/paid', order, eventId);
    await Promise.all([deliver(gateway, shop, 'orders/paid', order, eventId), deliver(gateway, shop, 'orders/paid', order)]);

    // then the referral completes, once, with the order's value after discounts
    await eventually(async () => (await storedReferrals(shop.id)).every((r) => r.status === 'COMPLETED'), 60_000, 'the referral completed by the hold job');
    const answer = await gateway.gql<{ referral: Record<string, unknown> }>(REFERRAL_STATUS, { id: referralId }, shop.auth);
    expect(answer.data?.referral).toEqual({ status: 'COMPLETED', pointsAwarded: 700, orderTotal: '40.50', fraud: { verdict: 'CLEAN' } });

    // Ada sees her points arrive live, posted once
    expect((await balance.next(30_000)).data).toEqual({ pointsBalanceChanged: { balance: 700, delta: 700 } });
    const entries = await withOwnerDb('points', async (db) =>
      (await db.query<{ points: number }>(`select points from points_entry where merchant_id = $1 and customer_id = $2 and source = 'referral'`, [shop.id, ada.id])).rows,
    );
    expect(entries).toEqual([{ points: 700 }]);
    const counts = await gateway.gql<{ customer: { referral: Record<string, number>; points: { balance: number } } }>(CUSTOMER_REFERRALS, { id: ada.id }, shop.auth);
    expect(counts.data?.customer).toEqual({ referral: { referred: 1, completed: 1, pointsEarned: 700 }, points: { balance: 700 } });

    // Shopify Flow hears of it once, with Ada as the customer
    await eventually(async () => triggersFor(fake, shop.shop, adaShopifyId).some((t) => t.handle === 'referral-completed'), 30_000, 'referral-completed sent to Flow');
    const sent = triggersFor(fake, shop.shop, adaShopifyId).filter((t) => t.handle === 'referral-completed');
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({ referral_id: referralId, points: 700 });

    // clicks after the restart count again from PostgreSQL's record
    await clickLink(gateway, shop.shop, code, { ip: '198.51.100.78' });
    await flushReferralClicks(gateway);
    expect((await storedClicks(shop, ada.id))!.clicks).toBeGreaterThanOrEqual(1);
  });
});
