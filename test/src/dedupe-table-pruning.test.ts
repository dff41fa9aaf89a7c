import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent, pruneEvents, serviceConnection, type DomainEvent, type PruneOptions } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { triggersFor } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { award } from './support/points.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { orderBody, postWebhook } from './support/webhooks.js';

const HOUR_MS = 3_600_000;
/** The dedupe window of the direct calls; the gateway's own pruning keeps the default (30 days) and reaches only rows older than that. */
const WINDOW_MS = 2 * HOUR_MS;
const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100', EVENTS_PRUNE_EVERY_MS: '300' };

/**
 * The tables a store keeps only while an event can be delivered again (`SubgraphModule.dedupeTables`),
 * pruned with the event tables (`pruneEvents`) on the dedupe window: the points store's record of
 * Flow triggers sent (`flow_trigger_sent`) and the merchant webhook inbox (`webhook_delivery`),
 * which also waits out Shopify's 48 hours of retries. Rows are aged by moving their timestamps back.
 */
describe('pruning the tables kept for the dedupe window', () => {
  let gateway: TestGateway;
  let fake: FakeShopify;
  let a: TestMerchant;
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...fake.env });
    a = await installMerchant(gateway, fake, 'prune-a');
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await gateway?.stop();
    await fake?.close();
  });

  /** Prunes `store` as its runtime does, through the service role, with the tables its module declares. */
  function pruner(store: 'points' | 'merchant') {
    const { module } = runtime(gateway, store);
    const pool = new pg.Pool({ ...serviceConnection(gateway.config.kit, module.store), max: 2 });
    pools.push(pool);
    const options: PruneOptions = { outboxRetentionMs: WINDOW_MS, dedupeRetentionMs: WINDOW_MS, batch: 1000, dedupeTables: module.dedupeTables };
    /** Runs a prune; `calls` collects what each call of `fn` deleted. */
    return (overrides: Partial<PruneOptions> = {}, calls?: { fn: string; n: number[] }) => {
      const counting = {
        query: async (sql: string, values: unknown[]) => {
          const result = await pool.query<{ n: number }>(sql, values);
          if (calls && sql.includes(calls.fn)) calls.n.push(result.rows[0].n);
          return result;
        },
      } as unknown as pg.Pool;
      return pruneEvents(counting, { ...options, ...overrides });
    };
  }

  describe('flow_trigger_sent', () => {
    const rows = (eventIds: string[]) =>
      withOwnerDb('points', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from flow_trigger_sent where event_id = any($1)', [eventIds])).rows[0].n);
    const insertSent = (eventIds: string[], hoursAgo: number) =>
      withOwnerDb('points', (db) =>
        db.query(
          `insert into flow_trigger_sent (merchant_id, event_id, handle, created_at)
           select $2, id, 'points-earned', now() - make_interval(hours => $3) from unnest($1::uuid[]) as id`,
          [eventIds, a.id, hoursAgo],
        ),
      );

    it('sends nothing twice for an event delivered again within the window after its send, and forgets it once the window has passed', async () => {
      // given a trigger sent for an award, whose consumer then failed to commit (no consumed row)
      const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com`, firstName: 'Pru' });
      await award(gateway, a, customer.id, 25);
      const triggers = () => triggersFor(fake, a.shop, customer.shopifyId);
      await eventually(async () => triggers().length === 1, 10_000, 'points-earned sent');
      const [event] = await withOwnerDb('points', async (db) =>
        (
          await db.query<{ id: string; merchant_id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
            `select id, merchant_id, topic, version, occurred_at, payload from outbox_event where merchant_id = $1 and topic = 'points.adjusted' and payload->>'customerId' = $2`,
            [a.id, customer.id],
          )
        ).rows.map((r): DomainEvent => ({ id: r.id, merchantId: r.merchant_id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload })),
      );
      await eventually(async () => (await withOwnerDb('points', (db) => db.query(`select 1 from consumed_event where consumer = 'points' and event_id = $1`, [event.id]))).rowCount === 1);
      await withOwnerDb('points', (db) => db.query(`delete from consumed_event where consumer = 'points' and event_id = $1`, [event.id]));

      // when its record is older than an hour, within the window, and the store is pruned
      await withOwnerDb('points', (db) => db.query(`update flow_trigger_sent set created_at = created_at - interval '1 hour' where event_id = $1`, [event.id]));
      await pruner('points')();

      // then the record stays, and a redelivery of the event sends nothing again
      expect(await rows([event.id])).toBe(1);
      const points = runtime(gateway, 'points');
      expect(await consumeEvent(points, points.module.consumes!['points.adjusted'], event)).toBe('applied');
      expect(triggers()).toHaveLength(1);

      // and once the record is older than the window, pruning removes it
      await withOwnerDb('points', (db) => db.query(`update flow_trigger_sent set created_at = created_at - interval '2 hours' where event_id = $1`, [event.id]));
      expect((await pruner('points')()).flow_trigger_sent).toBeGreaterThanOrEqual(1);
      expect(await rows([event.id])).toBe(0);
    });

    it("removes records older than the window and keeps recent ones and those whose event's dead letter is not resolved", async () => {
      const [old, recent, deadLettered, resolved] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await insertSent([old, deadLettered, resolved], 3);
      await insertSent([recent], 0);
      await withOwnerDb('points', (db) =>
        db.query(
          `insert into dead_letter_event (id, merchant_id, consumer, event_id, topic, version, occurred_at, payload, error, attempts, status, failed_at)
           select gen_random_uuid(), $1, 'points', e.id, 'points.adjusted', 1, now(), '{}', 'Error: failed', 1, e.status, now()
             from (values ($2::uuid, 'dead'), ($3::uuid, 'resolved')) as e(id, status)`,
          [a.id, deadLettered, resolved],
        ),
      );

      await pruner('points')();

      expect(await rows([old, resolved])).toBe(0);
      expect(await rows([recent, deadLettered])).toBe(2);
      await withOwnerDb('points', (db) => db.query('delete from dead_letter_event where event_id = any($1)', [[deadLettered, resolved]]));
    });

    it('prunes in batches of the fixed size until nothing old is left', async () => {
      const prune = pruner('points');
      await prune();
      const ids = Array.from({ length: 250 }, () => randomUUID());
      await insertSent(ids, 5);

      const calls = { fn: 'loyalnest_flow_trigger_prune', n: [] as number[] };
      expect((await prune({ batch: 100 }, calls)).flow_trigger_sent).toBe(250);
      expect(calls.n).toEqual([100, 100, 50]);
      expect(await rows(ids)).toBe(0);
    });
  });

  describe('webhook_delivery', () => {
    const origin = () => new URL(gateway.url).origin;
    const deliveries = (merchantId: string, eventIds: string[]) =>
      withOwnerDb('merchant', async (db) =>
        (await db.query<{ event_id: string; status: string }>('select event_id, status from webhook_delivery where merchant_id = $1 and event_id = any($2) order by event_id', [merchantId, eventIds])).rows,
      );
    const age = (merchantId: string, eventIds: string[], hours: number) =>
      withOwnerDb('merchant', (db) =>
        db.query(`update webhook_delivery set received_at = received_at - make_interval(hours => $3) where merchant_id = $1 and event_id = any($2)`, [merchantId, eventIds, hours]),
      );
    const insertDeliveries = (merchantId: string, eventIds: string[], status: string, hoursAgo: number) =>
      withOwnerDb('merchant', (db) =>
        db.query(
          `insert into webhook_delivery (id, merchant_id, event_id, topic, received_at, status)
           select gen_random_uuid(), $1, e, 'orders/paid', now() - make_interval(hours => $4), $3 from unnest($2::text[]) as e`,
          [merchantId, eventIds, status, hoursAgo],
        ),
      );

    it("stores a Shopify retry within its 48 hours once however short the window, and removes the row only after them; a received row stays", async () => {
      // given a delivery applied by every domain (processed), and one still received
      const m = await createMerchant(gateway);
      const secret = gateway.config.kit.shopify.apiSecret;
      const processed = { topic: 'orders/paid', eventId: randomUUID(), body: orderBody(shopifyId(), shopifyId(), 4200) };
      expect(await postWebhook(origin(), m.shop, secret, processed)).toBe(200);
      await eventually(async () => (await deliveries(m.id, [processed.eventId]))[0]?.status === 'processed', 15_000, 'the delivery processed');
      const received = randomUUID();
      await insertDeliveries(m.id, [received], 'received', 50);

      // when both are 47 hours old, older than the window (2 hours), and the store is pruned
      await age(m.id, [processed.eventId], 47);
      await pruner('merchant')();

      // then the processed row stays, and Shopify's retry of it is a duplicate, published to no domain again
      expect(await deliveries(m.id, [processed.eventId])).toHaveLength(1);
      expect(await postWebhook(origin(), m.shop, secret, processed)).toBe(200);
      expect(await deliveries(m.id, [processed.eventId])).toEqual([{ event_id: processed.eventId, status: 'processed' }]);
      const published = await withOwnerDb('merchant', async (db) => (await db.query<{ n: number }>(`select count(*)::int as n from outbox_event where merchant_id = $1 and topic = 'shopify.webhook.orders/paid'`, [m.id])).rows[0].n);
      expect(published).toBe(1);

      // and past 48 hours the processed row goes, the received one (not yet applied by a domain) stays
      await age(m.id, [processed.eventId], 2);
      expect((await pruner('merchant')()).webhook_delivery).toBeGreaterThanOrEqual(1);
      expect(await deliveries(m.id, [processed.eventId, received])).toEqual([{ event_id: received, status: 'received' }]);
    });

    it('removes finished rows past the window when it is longer than 48 hours, and keeps recent ones', async () => {
      const m = await createMerchant(gateway);
      const [old, ignored, malformed, recent] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await insertDeliveries(m.id, [old], 'processed', 80);
      await insertDeliveries(m.id, [ignored], 'ignored', 80);
      await insertDeliveries(m.id, [malformed], 'malformed', 80);
      await insertDeliveries(m.id, [recent], 'processed', 70);

      await pruner('merchant')({ dedupeRetentionMs: 72 * HOUR_MS });

      expect(await deliveries(m.id, [old, ignored, malformed, recent])).toEqual([{ event_id: recent, status: 'processed' }]);
    });

    it('prunes in batches of the fixed size until nothing old is left', async () => {
      const prune = pruner('merchant');
      await prune();
      const m = await createMerchant(gateway);
      const ids = Array.from({ length: 250 }, () => randomUUID());
      await insertDeliveries(m.id, ids, 'processed', 50);

      const calls = { fn: 'loyalnest_webhook_prune', n: [] as number[] };
      expect((await prune({ batch: 100 }, calls)).webhook_delivery).toBe(250);
      expect(calls.n).toEqual([100, 100, 50]);
      expect(await deliveries(m.id, ids)).toEqual([]);
    });
  });

  it("is scheduled with each store's event pruning, on the configured dedupe window", async () => {
    // given rows older than the default window (30 days), in both stores
    const m = await createMerchant(gateway);
    const [sent, delivery] = [randomUUID(), randomUUID()];
    await withOwnerDb('points', (db) =>
      db.query(`insert into flow_trigger_sent (merchant_id, event_id, handle, created_at) values ($1, $2, 'points-earned', now() - interval '31 days')`, [a.id, sent]),
    );
    await withOwnerDb('merchant', (db) =>
      db.query(`insert into webhook_delivery (id, merchant_id, event_id, topic, received_at, status) values (gen_random_uuid(), $1, $2, 'orders/paid', now() - interval '31 days', 'processed')`, [m.id, delivery]),
    );

    // then the runtimes' pruning (every 300 ms here) removes them
    await eventually(
      async () =>
        (await withOwnerDb('points', (db) => db.query('select 1 from flow_trigger_sent where event_id = $1', [sent]))).rowCount === 0 &&
        (await withOwnerDb('merchant', (db) => db.query('select 1 from webhook_delivery where event_id = $1', [delivery]))).rowCount === 0,
      10_000,
      'both rows pruned',
    );
  });
});
