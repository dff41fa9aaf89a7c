import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { consumedSegmentEvent, emitMovement, movement, scoreCustomers, setMetafieldSync, syncQueue } from './support/segment-movements.js';
import { runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };
/** Enough Admin API attempts and deadline for the client to wait out the fake's cost bucket. */
const SHOPIFY_ADMIN_ENV = { SHOPIFY_ADMIN_ATTEMPTS: '3', SHOPIFY_ADMIN_TIMEOUT_MS: '1000', SHOPIFY_ADMIN_DEADLINE_MS: '5000', SHOPIFY_ADMIN_BACKOFF_MS: '20' };
/** Three sync attempts, 300 then 600 ms apart. */
const SYNC_ENV = { SEGMENT_SYNC_BACKOFF_MS: '300', SEGMENT_SYNC_ATTEMPTS: '3' };

type SentMetafield = { ownerId: string; namespace: string; key: string; type: string; value: string };

describe('the Shopify metafield sync of RFM segments (customer metafield loyalnest.segment)', () => {
  let gateway: TestGateway;
  let fake: FakeShopify;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...SHOPIFY_ADMIN_ENV, ...SYNC_ENV, ...fake.env });
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  const merchant = (label: string) => installMerchant(gateway, fake, label);
  const customers = async (m: TestMerchant, n: number): Promise<CreatedCustomer[]> => {
    const made: CreatedCustomer[] = [];
    for (let i = 0; i < n; i += 10) made.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => upsertCustomer(gateway, m, { shopifyId: shopifyId() })))));
    return made;
  };
  const gid = (c: CreatedCustomer) => `gid://shopify/Customer/${c.shopifyId}`;
  /** The values written in the shop, by Shopify customer gid. */
  const written = (m: TestMerchant) => new Map(fake.metafields(m.shop).map((f) => [f.ownerId, f]));
  /** The metafieldsSet requests the shop received (throttled ones included), each with the values it carried. */
  const calls = (m: TestMerchant) => fake.requestsFor(m.shop, '/graphql.json').filter((r) => r.operation === 'metafieldsSet').map((r) => (r.body as { variables: { metafields: SentMetafield[] } }).variables.metafields);
  const writtenFor = (m: TestMerchant, expected: number) =>
    eventually(async () => written(m).size >= expected && (await syncQueue(m.id)).length === 0 && written(m), 60_000, `${expected} metafields in ${m.shop}`);

  it('is off by default: a movement queues nothing and nothing reaches Shopify', async () => {
    const a = await merchant('sync-off');
    const [ada] = await customers(a, 1);
    await consumedSegmentEvent(await emitMovement(gateway, a.id, movement(ada.id, null, 'champions')));
    expect(await syncQueue(a.id)).toEqual([]);
    expect(calls(a)).toEqual([]);
    expect(fake.metafields(a.shop)).toEqual([]);
  });

  it("switched on, writes every scored customer's segment name in the shop's language, 25 per metafieldsSet call; then each movement", async () => {
    const a = await merchant('sync-on');
    const people = await customers(a, 60);
    const segments = ['champions', 'at-risk', 'lost'];
    await scoreCustomers(a.id, people.map((c, i) => ({ customerId: c.id, segment: segments[i % 3] })));
    await withOwnerDb('merchant', (db) => db.query(`update merchant set primary_locale = 'fr' where id = $1`, [a.id]));

    await consumedSegmentEvent(await setMetafieldSync(gateway, a.id, true));

    const values = await writtenFor(a, 60);
    const names = { champions: 'Champions', 'at-risk': 'À risque', lost: 'Perdus' } as Record<string, string>;
    people.forEach((c, i) => expect(values.get(gid(c))).toEqual({ ownerId: gid(c), namespace: 'loyalnest', key: 'segment', type: 'single_line_text_field', value: names[segments[i % 3]] }));
    expect(fake.metafieldsSetCalls(a.shop).map((batch) => batch.length).sort((x, y) => y - x)).toEqual([25, 25, 10]);
    expect(calls(a)).toHaveLength(3);

    // a later movement writes that one customer, in one call of its own
    await emitMovement(gateway, a.id, movement(people[0].id, 'champions', 'cant-lose', randomUUID(), [1, 5, 5]));
    await eventually(async () => written(a).get(gid(people[0]))?.value === 'À ne pas perdre', 30_000, 'the moved customer written');
    expect(calls(a)).toHaveLength(4);
    expect(calls(a)[3].map((m) => m.ownerId)).toEqual([gid(people[0])]);
  }, 180_000);

  it("what if Shopify throttles? Throttled calls wait for the cost bucket to refill and are sent again: nothing lost, nothing sent twice", async () => {
    const a = await merchant('sync-throttle');
    const people = await customers(a, 100);
    await scoreCustomers(a.id, people.map((c) => ({ customerId: c.id, segment: 'loyal' })));
    // room for two calls at once, then one every half second
    fake.costBucket(a.shop, { maximumAvailable: 20, restoreRate: 20, requestCost: 10 });

    await consumedSegmentEvent(await setMetafieldSync(gateway, a.id, true));

    const values = await writtenFor(a, 100);
    expect([...values.values()].every((m) => m.value === 'Loyal')).toBe(true);
    // 4 calls wrote the 100 customers, each once; the others were answered THROTTLED and sent again after the wait
    const applied = fake.metafieldsSetCalls(a.shop);
    expect(applied.map((batch) => batch.length)).toEqual([25, 25, 25, 25]);
    expect(new Set(applied.flat().map((m) => m.ownerId)).size).toBe(100);
    expect(calls(a).length).toBeGreaterThan(applied.length);
    expect(await syncQueue(a.id)).toEqual([]);
    fake.costBucket(a.shop, null);
  }, 180_000);

  it('what if Shopify fails? The recompute is never held up; the sync tries again after a backoff, gives up after SEGMENT_SYNC_ATTEMPTS, and a later movement of the customer queues them afresh', async () => {
    const a = await merchant('sync-failing');
    const [ben, cleo] = await customers(a, 2);
    await consumedSegmentEvent(await setMetafieldSync(gateway, a.id, true));
    fake.failRequests(a.shop, 500, '/graphql.json');

    // the recompute's transaction commits its scores and the movement whatever Shopify does; the movement is consumed, not dead-lettered
    const eventId = await emitMovement(gateway, a.id, movement(ben.id, 'new', 'promising', randomUUID(), [4, 1, 1]));
    await consumedSegmentEvent(eventId);
    const scored = await withOwnerDb('segment', async (db) => (await db.query('select segment from segment_customer where merchant_id = $1 and customer_id = $2', [a.id, ben.id])).rows);
    expect(scored).toEqual([{ segment: 'promising' }]);

    const [gaveUp] = await eventually(async () => {
      const queue = await syncQueue(a.id);
      return queue[0]?.status === 'failed' && queue;
    }, 30_000, 'the sync giving up');
    expect(gaveUp).toMatchObject({ customer_id: ben.id, status: 'failed', attempts: 3 });
    expect(gaveUp.last_error).toContain('SHOPIFY_UNAVAILABLE');
    expect(fake.metafields(a.shop)).toEqual([]);

    // Shopify back: a failed customer stays given up until their next movement, which is written
    fake.failRequests(a.shop, null);
    await emitMovement(gateway, a.id, movement(cleo.id, null, 'new', randomUUID(), [5, 1, 1]));
    await eventually(async () => written(a).has(gid(cleo)), 30_000, 'cleo written');
    expect(written(a).has(gid(ben))).toBe(false);
    await emitMovement(gateway, a.id, movement(ben.id, 'promising', 'loyal', randomUUID(), [4, 4, 2]));
    expect((await writtenFor(a, 2)).get(gid(ben))?.value).toBe('Loyal');
  }, 120_000);

  it('what if Shopify fails once, then the customer moves again before the retry? The retry writes the latest segment, once', async () => {
    const a = await merchant('sync-retry');
    const [dana] = await customers(a, 1);
    await consumedSegmentEvent(await setMetafieldSync(gateway, a.id, true));
    // every Admin API attempt of one sync attempt fails
    fake.failNext(a.shop, 503, 3, { operation: 'metafieldsSet' });

    await emitMovement(gateway, a.id, movement(dana.id, null, 'new', randomUUID(), [5, 1, 1]));
    await eventually(async () => (await syncQueue(a.id))[0]?.attempts === 1, 30_000, 'a failed attempt');
    await emitMovement(gateway, a.id, movement(dana.id, 'new', 'champions', randomUUID(), [5, 5, 5]));

    const values = await writtenFor(a, 1);
    expect(values.get(gid(dana))?.value).toBe('Champions');
    // the failed attempt wrote nothing; the one that did wrote the latest segment only
    expect(fake.metafieldsSetCalls(a.shop).map((batch) => batch.map((m) => m.value))).toEqual([['Champions']]);
  });

  it('a customer Shopify refuses (deleted there) is given up on at once, and the rest of the batch is written without them', async () => {
    const a = await merchant('sync-refused');
    const people = await customers(a, 3);
    await scoreCustomers(a.id, people.map((c) => ({ customerId: c.id, segment: 'hibernating' })));
    fake.forgetCustomer(a.shop, people[1].shopifyId);

    await consumedSegmentEvent(await setMetafieldSync(gateway, a.id, true));

    const [refused] = await eventually(async () => {
      const queue = await syncQueue(a.id);
      return written(a).size === 2 && queue.length === 1 && queue[0].status === 'failed' && queue;
    }, 30_000, 'two written, one refused');
    expect(refused).toMatchObject({ customer_id: people[1].id, status: 'failed' });
    expect(refused.last_error).toContain('Owner does not exist');
    expect([...written(a).keys()].sort()).toEqual([gid(people[0]), gid(people[2])].sort());
  });

  it('what if segments.updated is delivered again after a later one switched the sync off? Nothing is queued again; off empties the queue and stops the sends', async () => {
    const a = await merchant('sync-order');
    const people = await customers(a, 2);
    fake.failRequests(a.shop, 500, '/graphql.json');
    await scoreCustomers(a.id, people.map((c) => ({ customerId: c.id, segment: 'new' })));
    const on = await setMetafieldSync(gateway, a.id, true);
    await consumedSegmentEvent(on);
    expect((await syncQueue(a.id)).map((r) => r.customer_id).sort()).toEqual(people.map((c) => c.id).sort());

    await consumedSegmentEvent(await setMetafieldSync(gateway, a.id, false));
    expect(await syncQueue(a.id)).toEqual([]);

    // the older "on" applied again (its consumed record pruned): version 1 is behind version 2
    const segment = runtime(gateway, 'segment');
    const event = await consumedSegmentEvent(on);
    await withOwnerDb('segment', (db) => db.query("delete from consumed_event where consumer = 'segment' and event_id = $1", [on]));
    expect(await consumeEvent(segment, segment.module.consumes!['segments.updated'], event)).toBe('applied');
    expect(await syncQueue(a.id)).toEqual([]);
    // and movements while off queue nothing
    await consumedSegmentEvent(await emitMovement(gateway, a.id, movement(people[0].id, 'new', 'lost', randomUUID(), [1, 1, 1])));
    expect(await syncQueue(a.id)).toEqual([]);
    fake.failRequests(a.shop, null);
  });

  it("never writes one merchant's customers to another's shop: B's movement naming A's customer writes nothing, and leaves A's queue alone", async () => {
    const [a, b] = await Promise.all([merchant('sync-tenant-a'), merchant('sync-tenant-b')]);
    const [eve] = await customers(a, 1);
    await Promise.all([setMetafieldSync(gateway, a.id, true), setMetafieldSync(gateway, b.id, true)].map(async (id) => consumedSegmentEvent(await id)));

    await consumedSegmentEvent(await emitMovement(gateway, b.id, movement(eve.id, null, 'champions')));
    // B's queue row for a customer B does not have is dropped, with nothing sent
    await eventually(async () => (await syncQueue(b.id)).length === 0, 30_000, "B's queue emptied");
    expect(calls(b)).toEqual([]);
    expect(fake.metafields(b.shop)).toEqual([]);
    expect(fake.metafields(a.shop)).toEqual([]);
    expect(await syncQueue(a.id)).toEqual([]);

    // A's own movement of the same customer goes to A's shop only
    await emitMovement(gateway, a.id, movement(eve.id, null, 'at-risk', randomUUID(), [1, 3, 3]));
    expect((await writtenFor(a, 1)).get(gid(eve))?.value).toBe('At risk');
    expect(fake.metafields(b.shop)).toEqual([]);
  });
});
