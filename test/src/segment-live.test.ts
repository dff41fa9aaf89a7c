import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { triggersFor } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { connectLive, type LiveConnection, type LiveSubscription } from './support/live.js';
import { shopperAuth } from './support/points.js';
import { consumedSegmentEvent, emitMovement, movement } from './support/segment-movements.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };
const SHOPIFY_ADMIN_ENV = { SHOPIFY_ADMIN_ATTEMPTS: '2', SHOPIFY_ADMIN_TIMEOUT_MS: '300', SHOPIFY_ADMIN_DEADLINE_MS: '1000', SHOPIFY_ADMIN_BACKOFF_MS: '20' };
const ACTIVITY = 'subscription { merchantActivity { kind details committedAt customer { id firstName } } }';
/** Long enough for a subscription to be listening before anything is published. */
const SETTLE_MS = 500;

describe('segment movements in the admin activity feed (merchantActivity over graphql-ws)', () => {
  let gateway: TestGateway;
  let fake: FakeShopify;
  let a: TestMerchant;
  let b: TestMerchant;
  const open: LiveConnection[] = [];

  const subscribe = (auth: Record<string, string>): LiveSubscription => {
    const connection = connectLive(gateway.url, auth.authorization);
    open.push(connection);
    return connection.subscribe(ACTIVITY);
  };
  /** The next segment.changed of a feed, skipping the other kinds of activity (a new customer's points, say). */
  const nextMovement = async (feed: LiveSubscription) => {
    for (;;) {
      const result = await feed.next(20_000);
      const activity = (result.data as { merchantActivity?: { kind: string } } | undefined)?.merchantActivity;
      if (!activity || activity.kind === 'segment.changed') return result;
    }
  };

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...SHOPIFY_ADMIN_ENV, ...fake.env });
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'segment-live-a'), createMerchant(gateway)]);
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await gateway?.stop();
    await fake?.close();
  });

  it("delivers each committed movement to A's admins, with the customer resolved through the supergraph, and nothing to B's; a delivery found consumed publishes nothing again", async () => {
    const noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Noor' });
    const feedA = subscribe(a.auth);
    const feedB = subscribe(b.auth);
    await Promise.all([feedA.nothingFor(SETTLE_MS), feedB.nothingFor(SETTLE_MS)]);

    const moved = movement(noor.id, 'potential-loyalist', 'champions', randomUUID(), [5, 4, 5]);
    const eventId = await emitMovement(gateway, a.id, moved);

    expect(await nextMovement(feedA)).toEqual({
      data: {
        merchantActivity: {
          kind: 'segment.changed',
          details: { from: 'potential-loyalist', to: 'champions', runId: moved.runId, recency: 5, frequency: 4, monetary: 5 },
          committedAt: expect.any(String),
          customer: { id: noor.id, firstName: 'Noor' },
        },
      },
    });

    // delivered twice more at once: both found consumed, nothing published
    const event = await consumedSegmentEvent(eventId);
    const segment = runtime(gateway, 'segment');
    expect(await Promise.all([0, 1].map(() => consumeEvent(segment, segment.module.consumes!['segment.changed'], event)))).toEqual(['duplicate', 'duplicate']);
    await Promise.all([feedA.nothingFor(SETTLE_MS), feedB.nothingFor(SETTLE_MS)]);
  });

  it('what if the customer was redacted after the movement was emitted? Nothing about them is published or sent to Flow', async () => {
    const gone = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Gone' });
    await withOwnerDb('segment', (db) => db.query('insert into segment_redacted_customer (merchant_id, customer_id, redacted_at) values ($1, $2, now())', [a.id, gone.id]));
    const feedA = subscribe(a.auth);
    await feedA.nothingFor(SETTLE_MS);
    await consumedSegmentEvent(await emitMovement(gateway, a.id, movement(gone.id, 'loyal', 'at-risk')));
    await feedA.nothingFor(SETTLE_MS);
    expect(triggersFor(fake, a.shop, gone.shopifyId)).toEqual([]);
  });

  it("what if B's event names A's customer? B's admins see B's movement, A's see nothing of it", async () => {
    const omar = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Omar' });
    const feedA = subscribe(a.auth);
    const feedB = subscribe(b.auth);
    await Promise.all([feedA.nothingFor(SETTLE_MS), feedB.nothingFor(SETTLE_MS)]);

    await emitMovement(gateway, b.id, movement(omar.id, null, 'new'));

    const seen = await nextMovement(feedB);
    // B's feed carries B's own event, but the customer is not B's: the supergraph resolves none
    expect(seen.data).toEqual({ merchantActivity: { kind: 'segment.changed', details: expect.objectContaining({ to: 'new' }), committedAt: expect.any(String), customer: null } });
    await feedA.nothingFor(SETTLE_MS);
  });

  it('what if the Flow trigger cannot reach Shopify and the consumer rolls back? Nothing is published for the failed attempt; one message once the retry commits', async () => {
    const lina = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Lina' });
    const feedA = subscribe(a.auth);
    await feedA.nothingFor(SETTLE_MS);
    // two 429s use up the first delivery's Admin API attempts (SHOPIFY_UNAVAILABLE): its transaction rolls back and the event is retried
    fake.failNext(a.shop, 429, 2, { operation: 'flowTriggerReceive' });

    await consumedSegmentEvent(await emitMovement(gateway, a.id, movement(lina.id, 'about-to-sleep', 'at-risk', randomUUID(), [2, 3, 2])));

    expect(triggersFor(fake, a.shop, lina.shopifyId)).toHaveLength(1);
    expect((await nextMovement(feedA)).data).toMatchObject({ merchantActivity: { kind: 'segment.changed', customer: { id: lina.id } } });
    await feedA.nothingFor(SETTLE_MS);
  });

  it("refuses a shopper's subscription to the merchant's activity", async () => {
    const sam = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Sam' });
    const shopperFeed = subscribe(await shopperAuth(gateway, a, sam.id));
    expect((await shopperFeed.next(10_000)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
