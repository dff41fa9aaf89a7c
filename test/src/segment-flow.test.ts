import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { declaredKeys, pruneSentTriggers, triggersFor } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { consumedSegmentEvent, emitMovement, movement, redeliverSegmentEvent } from './support/segment-movements.js';
import { insertOrders, ordersOf } from './support/segment-recompute.js';
import { shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };
const SHOPIFY_ADMIN_ENV = { SHOPIFY_ADMIN_ATTEMPTS: '2', SHOPIFY_ADMIN_TIMEOUT_MS: '300', SHOPIFY_ADMIN_DEADLINE_MS: '1000', SHOPIFY_ADMIN_BACKOFF_MS: '20' };
const HANDLE = 'customer-entered-segment';

/** The ids of a run's `segment.changed` events in the segment outbox. */
async function segmentChangedEventIds(merchant: TestMerchant, runId: string): Promise<string[]> {
  return withOwnerDb('segment', async (db) =>
    (await db.query<{ id: string }>(`select id from outbox_event where merchant_id = $1 and topic = 'segment.changed' and payload->>'runId' = $2 order by id`, [merchant.id, runId])).rows.map((r) => r.id),
  );
}

describe("Shopify Flow's customer-entered-segment", () => {
  let gateway: TestGateway;
  let fake: FakeShopify;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...SHOPIFY_ADMIN_ENV, ...fake.env });
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'segment-flow-a'), installMerchant(gateway, fake, 'segment-flow-b')]);
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  const customer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Rfm' });
  const triggersOf = (merchant: TestMerchant, c: CreatedCustomer) => triggersFor(fake, merchant.shop, c.shopifyId).filter((t) => t.handle === HANDLE);
  const received = (merchant: TestMerchant, c: CreatedCustomer, count = 1) =>
    eventually(async () => triggersOf(merchant, c).length >= count && triggersOf(merchant, c), 20_000, `${count} ${HANDLE} for ${c.shopifyId}`);

  it('sends it once per movement, naming the customer, both segments and the scores: what if segment.changed is delivered twice at once, or again after its consumed record was pruned?', async () => {
    const ada = await customer(a);
    const moved = movement(ada.id, 'loyal', 'at-risk', randomUUID(), [2, 4, 3]);
    const eventId = await emitMovement(gateway, a.id, moved);

    const [trigger] = await received(a, ada);
    expect(trigger).toEqual({
      handle: HANDLE,
      payload: {
        customer_id: Number(ada.shopifyId),
        segment_handle: 'at-risk',
        segment_name: 'At risk',
        previous_segment_handle: 'loyal',
        previous_segment_name: 'Loyal',
        recency: 2,
        frequency: 4,
        monetary: 3,
        run_id: moved.runId,
      },
    });
    // every field sent is one the extension declares, and the other way round
    expect(Object.keys(trigger.payload as object).filter((k) => k !== 'customer_id').sort()).toEqual(await declaredKeys(HANDLE));

    await redeliverSegmentEvent(gateway, eventId);
    expect(triggersOf(a, ada)).toHaveLength(1);
  });

  it('what if the recompute emits the same movement twice (the same run and customer)? One workflow run; a later run moving the customer again starts another', async () => {
    const ben = await customer(a);
    const first = movement(ben.id, null, 'new', randomUUID(), [5, 1, 2]);
    await Promise.all([emitMovement(gateway, a.id, first), emitMovement(gateway, a.id, first)].map(async (emitted) => consumedSegmentEvent(await emitted)));
    expect(triggersOf(a, ben)).toHaveLength(1);
    expect(triggersOf(a, ben)[0].payload).toMatchObject({ segment_handle: 'new', segment_name: 'New', previous_segment_handle: '', previous_segment_name: '' });

    await emitMovement(gateway, a.id, movement(ben.id, 'new', 'promising', randomUUID(), [4, 1, 2]));
    const both = await received(a, ben, 2);
    expect(both.map((t) => (t.payload as { segment_handle: string }).segment_handle)).toEqual(['new', 'promising']);
  });

  it('sends nothing when the customer left every RFM segment (to = null): there is no segment to enter', async () => {
    const cleo = await customer(a);
    await consumedSegmentEvent(await emitMovement(gateway, a.id, movement(cleo.id, 'hibernating', null)));
    expect(triggersOf(a, cleo)).toEqual([]);
  });

  it("names the segments in the shop's primary language (es)", async () => {
    const dana = await customer(b);
    await withOwnerDb('merchant', (db) => db.query(`update merchant set primary_locale = 'es' where id = $1`, [b.id]));
    try {
      await emitMovement(gateway, b.id, movement(dana.id, 'champions', 'cant-lose', randomUUID(), [1, 5, 5]));
      const [trigger] = await received(b, dana);
      expect(trigger.payload).toMatchObject({ segment_handle: 'cant-lose', segment_name: 'No se pueden perder', previous_segment_handle: 'champions', previous_segment_name: 'Campeones' });
    } finally {
      await withOwnerDb('merchant', (db) => db.query(`update merchant set primary_locale = 'en' where id = $1`, [b.id]));
    }
  });

  it("never sends one merchant's movement to another's shop, nor for a customer the merchant does not have", async () => {
    const eve = await customer(a);
    // B's movement naming A's customer: the customer subgraph knows no such customer of B
    const crossed = await emitMovement(gateway, b.id, movement(eve.id, null, 'champions'));
    await consumedSegmentEvent(crossed);
    expect(fake.flowTriggers(b.shop).filter((t) => (t.payload as { customer_id: number }).customer_id === Number(eve.shopifyId))).toEqual([]);
    expect(triggersOf(a, eve)).toEqual([]);
    // nor for a customer nobody has
    await consumedSegmentEvent(await emitMovement(gateway, a.id, movement(randomUUID(), null, 'champions')));
    expect(fake.flowTriggers(a.shop).filter((t) => (t.payload as { segment_handle: string }).segment_handle === 'champions')).toEqual([]);
  });

  it("forgets a sent trigger once the dedupe window has passed, through the segment store's own prune function", async () => {
    const { pruned, left, fresh } = await pruneSentTriggers(gateway, 'segment', a.id, HANDLE);
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(left).toEqual([fresh]);
  });

  /** A recompute asked for through the API and worked by the subgraph's job, once it has succeeded. */
  const recomputed = async (merchant: TestMerchant) => {
    const asked = await gateway.gql<{ recomputeSegments: { id: string } }>('mutation { recomputeSegments { id } }', {}, merchant.auth);
    const id = asked.data!.recomputeSegments.id;
    return eventually(
      async () => {
        const read = await gateway.gql<{ segmentRun: { id: string; status: string; changed: number } }>('query($id: ID!) { segmentRun(id: $id) { id status changed } }', { id }, merchant.auth);
        return read.data?.segmentRun?.status === 'SUCCEEDED' ? read.data.segmentRun : undefined;
      },
      30_000,
      `segment run ${id}`,
    );
  };

  it("what if the merchant's first run scores its whole customer base? That baseline starts no workflow; a customer first scored in a later run does", async () => {
    const c = await installMerchant(gateway, fake, 'segment-flow-c');
    const [old, newcomer] = await Promise.all([customer(c), customer(c)]);
    const asOf = new Date();
    await insertOrders(c, asOf, ordersOf(old.id, 2, 30, 80_00));
    const first = await recomputed(c);
    expect(first.changed).toBe(1);
    await consumedSegmentEvent((await segmentChangedEventIds(c, first.id))[0]);
    expect(triggersOf(c, old)).toEqual([]);

    await insertOrders(c, asOf, ordersOf(newcomer.id, 1, 1, 20_00));
    const second = await recomputed(c);
    const [trigger] = await received(c, newcomer);
    expect(trigger.payload).toMatchObject({ previous_segment_handle: '', run_id: second.id });
    // the newcomer shifts the quintiles, so the second run may move the old customer: a real movement, not a first scoring
    expect(triggersOf(c, old).filter((t) => (t.payload as { previous_segment_handle: string }).previous_segment_handle === '')).toEqual([]);
  });
});
