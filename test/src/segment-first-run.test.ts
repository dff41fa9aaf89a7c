import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, inRequestTransaction, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { insertOrders, ordersOf, recomputes } from './support/segment-recompute.js';
import { createMerchant, runtime, type TestMerchant } from './support/tenants.js';

/**
 * A merchant's first run, queued by its first order facts (`requestFirst`), waits for them to stop
 * arriving (event processing off: the test takes the steps and moves the clock by rewriting times).
 */
describe("a merchant's first segment run", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { EVENT_PROCESSING: 'off' });
  });
  afterAll(() => gateway.stop());

  const ctxOf = (merchant: TestMerchant) => runtime(gateway, 'segment').createContext(systemCaller(ADMIN_SCOPES, merchant.id));
  const requestFirst = async (merchant: TestMerchant) => {
    const ctx = ctxOf(merchant);
    await inRequestTransaction(ctx, () => recomputes.requestFirst(ctx));
  };
  const runsOf = (merchant: TestMerchant) =>
    withOwnerDb('segment', async (db) => (await db.query<{ id: string; trigger: string; status: string }>('select id, trigger, status from segment_run where merchant_id = $1 order by id', [merchant.id])).rows);

  it('waits while orders keep arriving, then starts; afterwards orders queue nothing', async () => {
    const merchant = await createMerchant(gateway);
    await insertOrders(merchant, new Date(), ordersOf(randomUUID(), 2, 3, 40_00));
    await requestFirst(merchant);
    await requestFirst(merchant);
    const [queued] = await runsOf(merchant);
    expect(await runsOf(merchant)).toEqual([{ id: queued.id, trigger: 'first', status: 'queued' }]);
    // the facts are still arriving: not due
    expect(await recomputes.step(ctxOf(merchant), 100)).toBeNull();
    // quiet for longer than the window: due
    await withOwnerDb('segment', (db) => db.query(`update segment_run set requested_at = now() - interval '11 seconds' where id = $1`, [queued.id]));
    expect(await recomputes.step(ctxOf(merchant), 100)).toMatchObject({ runId: queued.id, phase: 'started' });
    while ((await recomputes.step(ctxOf(merchant), 100))?.phase === 'batch');
    await requestFirst(merchant);
    expect(await runsOf(merchant)).toEqual([{ id: queued.id, trigger: 'first', status: 'succeeded' }]);
  });

  it('what if an admin asks for a recompute while the first run waits? The waiting run becomes theirs and starts at once', async () => {
    const merchant = await createMerchant(gateway);
    await insertOrders(merchant, new Date(), ordersOf(randomUUID(), 1, 2, 10_00));
    await requestFirst(merchant);
    const asked = await recomputes.request(ctxOf(merchant), 'manual');
    const [only] = await runsOf(merchant);
    expect(asked).toMatchObject({ id: only.id, trigger: 'manual', status: 'queued' });
    expect(await recomputes.step(ctxOf(merchant), 100)).toMatchObject({ runId: only.id, phase: 'started' });
  });

  it('what if the orders never stop arriving? The first run starts at the latest five minutes after it was queued', async () => {
    const merchant = await createMerchant(gateway);
    await insertOrders(merchant, new Date(), ordersOf(randomUUID(), 1, 2, 10_00));
    // queued six minutes ago (its UUIDv7 says when), and pushed back by an order a moment ago
    const sixMinutesAgo = Date.now() - 360_000;
    const id = `${sixMinutesAgo.toString(16).padStart(12, '0').replace(/^(.{8})(.{4})$/, '$1-$2')}-7000-8000-${randomUUID().slice(-12)}`;
    await withOwnerDb('segment', (db) =>
      db.query(`insert into segment_run (id, merchant_id, trigger, status, requested_at) values ($1, $2, 'first', 'queued', now())`, [id, merchant.id]),
    );
    expect(await recomputes.step(ctxOf(merchant), 100)).toMatchObject({ runId: id, phase: 'started' });
  });
});
