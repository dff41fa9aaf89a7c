import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MUTATION_EXECUTED } from '@loyalnest/kit';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { postGraphQL, startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { award, pointsOf, shopperAuth, VERIFY } from './support/points.js';
import { runPointsJob } from './support/points-jobs.js';
import { createReward, REDEEM, redeem, REWARDS_ENV } from './support/rewards.js';
import { freePort, SupergraphProcess } from './support/supergraph-process.js';
import { shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const AUDIT = `query($filter: AuditEntryFilter) {
  auditEntries(first: 100, filter: $filter) { nodes { entityType entityId action summary requestId actor { kind id } source { kind topic eventId } } }
}`;

type AuditNode = { entityType: string; entityId: string; action: string; summary: Record<string, any>; requestId: string | null; actor: { kind: string; id: string }; source: { topic: string } };

/**
 * A redemption request whose process dies (SIGKILL) between two of its steps: after the debit's
 * commit (before Shopify is asked, and before the audit record), and after Shopify created the code
 * (before the answer is written). The dying process is the embedded supergraph in a child process
 * (`serve-embedded`) with the development-only `REDEMPTION_FAULT_KILL`; everything else (set-up,
 * the recovery job, the reads) goes through a supergraph in this process on the same stores and
 * queues, as a surviving replica would. Each redemption must end ISSUED with its code, or FAILED
 * with its points given back, and its call be audited exactly once.
 */
/** Locks short enough that jobs the killed process held are handed back within seconds (see `crash-recovery.test.ts`). */
const EVENTS_ENV = { EVENTS_LOCK_MS: '1500', EVENTS_ACK_TIMEOUT_MS: '3000' };

jest.setTimeout(120_000);

describe('a redemption whose process is killed mid-request', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let merchant: TestMerchant;
  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...fake.env, ...REWARDS_ENV, ...EVENTS_ENV });
    merchant = await installMerchant(gateway, fake, 'redeem-crash');
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  /** Redeems through a supergraph that kills itself at `point`; the request gets no answer. */
  async function redeemAndDie(point: 'after-debit' | 'after-shopify', input: Record<string, string>, auth: Record<string, string>): Promise<void> {
    const dying = await SupergraphProcess.start(await freePort(), { ...fake.env, ...REWARDS_ENV, ...EVENTS_ENV, REDEMPTION_FAULT_KILL: point });
    try {
      // fetch's TypeError comes from another realm than jest's Error: compared by its message.
      const answer = await postGraphQL(`${dying.origin}/graphql`, REDEEM, { input }, auth).then(
        (response) => JSON.stringify(response),
        (error: Error) => `no answer: ${error.message}`,
      );
      expect(answer).toBe('no answer: fetch failed');
      await eventually(async () => dying.child.signalCode !== null || undefined, 10_000, 'the supergraph killed');
      expect(dying.child.signalCode).toBe('SIGKILL');
    } finally {
      await dying.kill('SIGKILL');
    }
  }

  async function redemptionRow(key: string) {
    const rows = await withOwnerDb('points', async (db) => (await db.query('select * from redemption where merchant_id = $1 and idempotency_key like $2', [merchant.id, `%${key}`])).rows);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** As if the recovery job's timeout had passed since the crash: it takes the redemption up now. */
  async function recover(redemptionId: string): Promise<void> {
    await withOwnerDb('points', (db) => db.query(`update redemption set updated_at = now() - interval '1 hour' where id = $1`, [redemptionId]));
    await runPointsJob(gateway, 'redemption recovery');
  }

  /**
   * The settling event of the redemption once the audit trail has it, the customer's
   * `redeemReward` calls in the trail, and the outbox rows recording those calls.
   */
  async function audited(redemptionId: string, settled: { topic: string; entityId: string }, customerId: string, count = 1) {
    const entries = async (filter: Record<string, unknown>) => (await gateway.gql<{ auditEntries: { nodes: AuditNode[] } }>(AUDIT, { filter }, merchant.auth)).data!.auditEntries.nodes;
    const settledEntries = async () => (await entries({ entityId: settled.entityId })).filter((e) => e.source.topic === settled.topic && (e.entityId === redemptionId || JSON.stringify(e.summary).includes(redemptionId)));
    await eventually(async () => (await settledEntries()).length > 0 || undefined, 20_000, `${settled.topic} audited`);
    const calls = await eventually(async () => {
      const nodes = await entries({ entityType: 'Mutation', entityId: 'redeemReward', actorId: customerId });
      return nodes.length >= count ? nodes : undefined;
    }, 20_000, 'the redeemReward call audited');
    const outbox = await withOwnerDb('points', async (db) =>
      (await db.query(`select payload from outbox_event where merchant_id = $1 and topic = $2 and actor_id = $3`, [merchant.id, MUTATION_EXECUTED, customerId])).rows,
    );
    return { calls, outbox, settledEntries: await settledEntries() };
  }

  /** The merchant's events of `store` not yet published, or published and not yet acknowledged by every consumer. */
  async function unsettled(store: string, merchantId: string): Promise<number> {
    return withOwnerDb(store, async (db) =>
      (
        await db.query<{ n: number }>(
          `select ((select count(*) from outbox_event where merchant_id = $1 and published_at is null)
                + (select count(*) from outbox_delivery where merchant_id = $1 and acked_at is null))::int as n`,
          [merchantId],
        )
      ).rows[0].n,
    );
  }

  async function shopper(points: number) {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
    await award(gateway, merchant, customer.id, points);
    return { customer, auth: await shopperAuth(gateway, merchant, customer.id) };
  }

  it("writes in two transactions, the debit and the answer, with the call's audit record committed in the answer's", async () => {
    const { customer, auth } = await shopper(100);
    const rewardId = await createReward(gateway, merchant, { pointsCost: 10 });
    // The probe below counts every write of the merchant: first let the consumers of what came
    // before (the customer's creation, the award) finish theirs, every delivery acknowledged. A CI
    // run under load once saw one of those land inside the probe's window.
    await eventually(async () => (await Promise.all(subgraphModules.map((m) => unsettled(m.store.name, merchant.id)))).every((n) => n === 0), 30_000, 'the earlier events consumed');
    // A probe, for this merchant only: the transaction of every row the request writes (the relay's
    // later updates would hide it from xmin).
    const probe = `redeem_tx_probe_${randomBytes(4).toString('hex')}`;
    const tables = ['redemption', 'points_entry', 'outbox_event'];
    await withOwnerDb('points', async (db) => {
      await db.query(`create table ${probe} (what text not null, tx bigint not null)`);
      await db.query(`grant insert on ${probe} to public`);
      await db.query(
        `create function ${probe}() returns trigger language plpgsql as $$ begin
           insert into ${probe} values (TG_TABLE_NAME || ':' || TG_OP || ':' || coalesce(to_jsonb(new)->>'status', to_jsonb(new)->>'topic', ''), txid_current()); return null; end $$`,
      );
      for (const table of tables) {
        await db.query(`create trigger ${probe} after insert or update on ${table} for each row when (new.merchant_id = '${merchant.id}') execute function ${probe}()`);
      }
    });
    try {
      const redeemed = await redeem(gateway, auth, { customerId: customer.id, rewardId, idempotencyKey: `path-${randomUUID()}` });
      expect(redeemed).toMatchObject({ __typename: 'Redemption', status: 'ISSUED' });
      const written = await withOwnerDb('points', async (db) => (await db.query<{ what: string; tx: string }>(`select what, tx::text from ${probe}`)).rows);
      const txOf = (what: string) => [...new Set(written.filter((w) => w.what === what).map((w) => w.tx))];
      const [debit] = txOf('redemption:INSERT:pending');
      const [answer] = txOf('redemption:UPDATE:issued');
      expect(debit).toBeDefined();
      expect(answer).toBeDefined();
      expect(txOf('outbox_event:INSERT:redemption.created')).toEqual([debit]);
      expect(txOf('outbox_event:INSERT:points.redeemed')).toEqual([debit]);
      expect(txOf('outbox_event:INSERT:reward.redeemed')).toEqual([answer]);
      expect(txOf(`outbox_event:INSERT:${MUTATION_EXECUTED}`)).toEqual([answer]);
      // Everything the request wrote, in those two (the relay's updates come after the answer, if at all before the read).
      expect(new Set(written.filter((w) => w.what.includes(':INSERT:') || w.what.startsWith('redemption:')).map((w) => w.tx))).toEqual(new Set([debit, answer]));
    } finally {
      await withOwnerDb('points', async (db) => {
        for (const table of tables) await db.query(`drop trigger if exists ${probe} on ${table}`);
        await db.query(`drop function if exists ${probe}()`);
        await db.query(`drop table if exists ${probe}`);
      });
    }
  });

  it('killed between the debit and the Shopify call: the recovery job issues the code, the call audited once under the shopper', async () => {
    const { customer, auth } = await shopper(100);
    const rewardId = await createReward(gateway, merchant, { pointsCost: 40 });
    const key = `crash-debit-${randomUUID()}`;
    const input = { customerId: customer.id, rewardId, idempotencyKey: key };
    const before = fake.discounts(merchant.shop).length;

    await redeemAndDie('after-debit', input, auth);
    const row = await redemptionRow(key);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(fake.discounts(merchant.shop)).toHaveLength(before);
    expect((await pointsOf(gateway, merchant, customer.id)).balance).toBe(60);

    await recover(row.id);
    const retried = await redeem(gateway, auth, input);
    expect(retried).toMatchObject({ __typename: 'Redemption', id: row.id, status: 'ISSUED', pointsSpent: 40 });
    expect(fake.discounts(merchant.shop).filter((d) => d.code === retried.discountCode)).toHaveLength(1);
    expect((await pointsOf(gateway, merchant, customer.id)).balance).toBe(60);

    const { calls, outbox, settledEntries } = await audited(row.id, { topic: 'reward.redeemed', entityId: rewardId }, customer.id, 2);
    // The crashed call, recorded by the recovery job under the shopper's request; the retry, by its own request.
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => [c.actor.kind, c.summary.outcome, c.summary.ok])).toEqual([
      ['SHOPPER', 'Redemption', true],
      ['SHOPPER', 'Redemption', true],
    ]);
    expect(new Set(calls.map((c) => c.requestId)).size).toBe(2);
    expect(settledEntries).toHaveLength(1);
    expect(outbox).toHaveLength(2);
    expect((await gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, merchant.auth)).data!.verifyLedger.ok).toBe(true);
  });

  it('killed between Shopify creating the code and the answer: the recovery job finds the same code and issues it, never a second code', async () => {
    const { customer, auth } = await shopper(100);
    const rewardId = await createReward(gateway, merchant, { pointsCost: 30 });
    const key = `crash-shopify-${randomUUID()}`;
    const input = { customerId: customer.id, rewardId, idempotencyKey: key };
    const before = fake.discounts(merchant.shop).length;

    await redeemAndDie('after-shopify', input, auth);
    const row = await redemptionRow(key);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(fake.discounts(merchant.shop)).toHaveLength(before + 1);

    await recover(row.id);
    const settled = await redemptionRow(key);
    expect(settled).toMatchObject({ status: 'issued', attempts: 1 });
    expect(fake.discounts(merchant.shop)).toHaveLength(before + 1);
    expect(fake.discounts(merchant.shop).some((d) => d.id === settled.shopify_discount_id)).toBe(true);
    expect((await pointsOf(gateway, merchant, customer.id)).balance).toBe(70);

    const { calls, outbox, settledEntries } = await audited(row.id, { topic: 'reward.redeemed', entityId: rewardId }, customer.id);
    const mine = calls.filter((c) => c.actor.id === customer.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actor: { kind: 'SHOPPER' }, summary: { outcome: 'Redemption', ok: true, errorCode: null } });
    expect(settledEntries).toHaveLength(1);
    expect(outbox).toHaveLength(1);
  });

  it('killed after the debit, with Shopify then refusing: the recovery job gives the points back once (redeem:<id>:refund), the call audited once as failed', async () => {
    const { customer, auth } = await shopper(100);
    const rewardId = await createReward(gateway, merchant, { pointsCost: 25 });
    const key = `crash-refused-${randomUUID()}`;
    const input = { customerId: customer.id, rewardId, idempotencyKey: key };

    await redeemAndDie('after-debit', input, auth);
    const row = await redemptionRow(key);
    expect((await pointsOf(gateway, merchant, customer.id)).balance).toBe(75);

    fake.failNext(merchant.shop, 403, 1, { operation: 'discountCodeBasicCreate' });
    await recover(row.id);
    const settled = await redemptionRow(key);
    expect(settled).toMatchObject({ status: 'failed', error_code: 'SHOPIFY_REJECTED', attempts: 1 });
    expect((await pointsOf(gateway, merchant, customer.id)).balance).toBe(100);
    const refunds = await withOwnerDb('points', async (db) => (await db.query(`select points from points_entry where merchant_id = $1 and idempotency_key = $2`, [merchant.id, `redeem:${row.id}:refund`])).rows);
    expect(refunds).toEqual([{ points: 25 }]);

    const { calls, outbox, settledEntries } = await audited(row.id, { topic: 'redemption.failed', entityId: row.id }, customer.id);
    const mine = calls.filter((c) => c.actor.id === customer.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actor: { kind: 'SHOPPER' }, summary: { outcome: 'DiscountCreationFailedError', ok: false, errorCode: 'DISCOUNT_CREATION_FAILED' } });
    expect(settledEntries).toHaveLength(1);
    expect(outbox).toHaveLength(1);
    expect((await gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, merchant.auth)).data!.verifyLedger.ok).toBe(true);
  });
});
