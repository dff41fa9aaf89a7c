import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REFERRAL_COMPLETED, type ReferralCompleted } from '@loyalnest/referral/topics';
import { randomUUID } from 'node:crypto';
import { mintShopperToken } from '../../gateway/src/auth/shopper-token.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withOwnerDb } from './support/db.js';
import { startEventsGateway, type EventsGateway } from './support/events.js';
import { connectLive, type LiveConnection } from './support/live.js';
import { pointsOf } from './support/points.js';
import { consumedReferralEvent, emitReferralEvent, redeliverReferralEvent } from './support/referral-outbox.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const BALANCE = `subscription($customerId: ID) { pointsBalanceChanged(customerId: $customerId) { balance delta kind customer { id } } }`;

/** A completion as the referral domain emits it once the hold window has passed. */
function completion(advocate: string, points = 500, referralId: string = randomUUID()): ReferralCompleted {
  return {
    referralId,
    advocateId: advocate,
    friendCustomerId: randomUUID(),
    points,
    orderId: shopifyId(),
    orderTotalMinor: 8900,
    currency: 'EUR',
    completedAt: new Date().toISOString(),
  };
}

describe('referral rewards in the points ledger (referral.completed)', () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const open: LiveConnection[] = [];

  beforeAll(async () => {
    // The points domain never consumes customer.created here: every advocate is one it has not met
    // (no account yet), as when the referral's event overtakes the customer's in the queues.
    const modules = subgraphModules.map((m) => {
      if (m.name !== 'points') return m;
      const { 'customer.created': _skipped, ...consumes } = m.consumes!;
      return { ...m, consumes };
    });
    gateway = await startEventsGateway(modules);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await gateway?.stop();
  });

  const advocate = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Advocate' });
  const entriesOf = async (merchant: TestMerchant, customerId: string) =>
    (
      await withOwnerDb('points', (db) =>
        db.query<{ kind: string; source: string; points: number; idempotency_key: string; reason: string; order_id: string | null; metadata: Record<string, unknown> }>(
          'select kind, source, points, idempotency_key, reason, order_id::text, metadata from points_entry where merchant_id = $1 and customer_id = $2 order by id',
          [merchant.id, customerId],
        ),
      )
    ).rows;
  const accountsOf = async (customerId: string) =>
    (await withOwnerDb('points', (db) => db.query<{ merchant_id: string }>('select merchant_id from points_account where customer_id = $1', [customerId]))).rows;
  /** The customer's live balance as a shopper follows it, past its first event (the balance now). */
  const subscribeAs = async (merchant: TestMerchant, customer: CreatedCustomer, balance = 0) => {
    const { token } = await mintShopperToken(gateway.config.shopperToken, { shop: merchant.shop, customerId: customer.id });
    const connection = connectLive(gateway.url, `Bearer ${token}`);
    open.push(connection);
    const subscription = connection.subscribe(BALANCE);
    expect((await subscription.next()).data).toEqual({ pointsBalanceChanged: { balance, delta: 0, kind: 'CURRENT', customer: { id: customer.id } } });
    return subscription;
  };

  it("posts the advocate's points once, opening the account of an advocate it has not met, and the advocate sees the new balance live", async () => {
    // given an advocate without a points account, following their balance
    const ada = await advocate(a);
    expect(await accountsOf(ada.id)).toEqual([]);
    const live = await subscribeAs(a, ada);

    // when the referral completes
    const done = completion(ada.id, 500);
    const eventId = await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, done);
    await consumedReferralEvent('points', eventId);

    // then 500 points are posted under the referral's key, and the history says they came from a referral
    expect(await entriesOf(a, ada.id)).toEqual([
      {
        kind: 'earn',
        source: 'referral',
        points: 500,
        idempotency_key: `referral:${done.referralId}:advocate`,
        reason: 'Referral reward',
        order_id: null,
        metadata: { referralId: done.referralId, friendOrderId: done.orderId },
      },
    ]);
    const points = await pointsOf(gateway, a, ada.id);
    expect(points).toMatchObject({ balance: 500, pending: 0, lifetimeEarned: 500 });
    expect(points.history.nodes).toEqual([{ kind: 'EARN', source: 'REFERRAL', status: 'POSTED', points: 500, orderId: null }]);
    expect((await live.next(10_000)).data).toEqual({ pointsBalanceChanged: { balance: 500, delta: 500, kind: 'earn', customer: { id: ada.id } } });
  });

  it('posts once when the event is delivered again (racing itself, and after its consumed record is pruned), and when the referral domain emits the completion again under another event id', async () => {
    // given a completed referral, posted
    const ben = await advocate(a);
    const done = completion(ben.id, 300);
    const first = await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, done);
    await consumedReferralEvent('points', first);
    const live = await subscribeAs(a, ben, 300);

    // when it is delivered again, and a second event names the same referral (even with another amount)
    await redeliverReferralEvent(gateway, 'points', first);
    const second = await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, { ...done, points: 900, completedAt: new Date().toISOString() });
    await consumedReferralEvent('points', second);

    // then the advocate has the first 300 points, once
    expect((await entriesOf(a, ben.id)).map((e) => [e.source, e.points])).toEqual([['referral', 300]]);
    expect(await pointsOf(gateway, a, ben.id)).toMatchObject({ balance: 300, lifetimeEarned: 300 });
    await live.nothingFor(1000);
  });

  it('posts each of two referrals of one advocate, each once, when their events arrive at the same time', async () => {
    const cleo = await advocate(a);
    const [one, two] = [completion(cleo.id, 100), completion(cleo.id, 250)];
    const ids = await Promise.all([one, two, one, two].map((c) => emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, c)));
    await Promise.all(ids.map((id) => consumedReferralEvent('points', id)));

    expect((await entriesOf(a, cleo.id)).map((e) => e.points).sort((x, y) => x - y)).toEqual([100, 250]);
    expect(await pointsOf(gateway, a, cleo.id)).toMatchObject({ balance: 350 });
  });

  it("posts nothing to merchant A when merchant B's referral.completed names A's customer, and opens no account for B", async () => {
    const dana = await advocate(a);
    const live = await subscribeAs(a, dana);

    const crossed = await emitReferralEvent(gateway, b.id, REFERRAL_COMPLETED, completion(dana.id, 700));
    await consumedReferralEvent('points', crossed);

    expect(await entriesOf(a, dana.id)).toEqual([]);
    expect(await entriesOf(b, dana.id)).toEqual([]);
    expect(await accountsOf(dana.id)).toEqual([]);
    expect(await pointsOf(gateway, a, dana.id)).toMatchObject({ balance: 0 });
    await live.nothingFor(1000);
    // and it was consumed, not dead-lettered: another merchant's id is no defect of the event
    const letters = await withOwnerDb('points', (db) => db.query('select 1 from dead_letter_event where event_id = $1', [crossed]));
    expect(letters.rowCount).toBe(0);
  });

  it('refuses a malformed completion whole (dead-lettered with the reason) and posts nothing', async () => {
    const eve = await advocate(a);
    const zero = await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, completion(eve.id, 0));
    const notAnId = await emitReferralEvent(gateway, a.id, REFERRAL_COMPLETED, { ...completion(eve.id), advocateId: 'not-a-uuid' });
    await Promise.all([consumedReferralEvent('points', zero), consumedReferralEvent('points', notAnId)]);

    const { rows } = await withOwnerDb('points', (db) =>
      db.query<{ event_id: string; error: string }>("select event_id, error from dead_letter_event where consumer = 'points' and event_id = any($1)", [[zero, notAnId]]),
    );
    expect(Object.fromEntries(rows.map((r) => [r.event_id, r.error]))).toEqual({
      [zero]: expect.stringContaining('0 points is not a positive integer'),
      [notAnId]: expect.stringContaining('the advocate id is not a UUID'),
    });
    expect(await entriesOf(a, eve.id)).toEqual([]);
  });
});
