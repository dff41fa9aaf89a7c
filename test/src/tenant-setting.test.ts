import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRequestContext, databaseName, EVENT_ENTITIES, loadKitConfig, openStore, systemCaller, ADMIN_SCOPES, type RequestContext } from '@loyalnest/kit';
import { MikroORM, PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { CustomerEntity } from '../../subgraphs/customer/src/entities/customer.entity.js';
import customer from '@loyalnest/customer';

/**
 * The tenant setting the RLS policies read rides on statements the work sends anyway (the kit's
 * store driver, `store-driver.ts`) instead of MikroORM's own begin / set_config / commit around every query.
 * Round trips are counted on the wire (every message a pooled `pg` client sends), against the
 * same work through MikroORM's stock driver on the same store.
 */

const config = loadKitConfig();
const store = customer.store;

/** Every message the clients of `orm`'s pool send while `fn` runs. */
async function wire(orm: MikroORM, fn: () => Promise<unknown>): Promise<string[]> {
  const pool = (await orm.em.getConnection().getNativeClient()) as pg.Pool;
  const clients = new Set<pg.ClientBase>();
  const acquired = (client: pg.PoolClient) => clients.add(client);
  pool.on('acquire', acquired);
  // the `pg` Client whose query() puts a message on the wire (the pool's own, under any subclass)
  let wireClient = (pool as unknown as { Client: typeof pg.Client }).Client.prototype;
  while (Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(wireClient), 'query')) wireClient = Object.getPrototypeOf(wireClient);
  const sent: string[] = [];
  const query = wireClient.query;
  wireClient.query = function (this: pg.Client, ...args: unknown[]) {
    if (clients.has(this)) sent.push(typeof args[0] === 'string' ? args[0] : '(object)');
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
    return sent;
  } finally {
    wireClient.query = query;
    pool.off('acquire', acquired);
  }
}

/** MikroORM as it comes, on the same store and role: the reference the saving is measured against. */
function openStockStore(): Promise<MikroORM> {
  const url = new URL(config.databaseUrl);
  return MikroORM.init({
    driver: PostgreSqlDriver,
    dbName: databaseName(config, store.name),
    entities: [...store.entities, ...EVENT_ENTITIES],
    host: url.hostname,
    port: Number(url.port || 5432),
    user: config.appDbUser,
    password: config.appDbPassword,
    allowGlobalContext: false,
    pool: { min: 0, max: 2 },
  });
}

const contextFor = (orm: MikroORM, merchantId: string | null) => createRequestContext(orm.em as EntityManager, systemCaller(ADMIN_SCOPES, merchantId));

/** An admin query as the customer list resolves it: a page and a count. */
async function adminQuery(ctx: RequestContext): Promise<void> {
  await ctx.em.find(CustomerEntity, {}, { orderBy: { id: 'asc' }, limit: 21, disableIdentityMap: true });
  await ctx.em.count(CustomerEntity, {});
}

/** A mutation as upsertCustomer runs it: look up, create, record the event, flush. */
async function mutation(ctx: RequestContext): Promise<string> {
  const shopifyId = String(randomInt(1, 2 ** 47));
  await ctx.em.findOne(CustomerEntity, { shopifyId });
  const row = ctx.em.create(CustomerEntity, { merchantId: ctx.merchantId!, shopifyId });
  ctx.emit('customer.created', { customerId: row.id, fields: [] });
  await ctx.em.flush();
  return shopifyId;
}

const shopifyIdsSeenBy = async (ctx: RequestContext) => (await ctx.em.find(CustomerEntity, {}, { disableIdentityMap: true })).map((c) => c.shopifyId).sort();

describe('the tenant setting costs no round trip of its own', () => {
  let kit: MikroORM;
  let stock: MikroORM;
  const merchant = randomUUID();

  beforeAll(async () => {
    kit = await openStore(config, store, 2);
    stock = await openStockStore();
    await mutation(contextFor(kit, merchant));
  });
  afterAll(async () => {
    await kit?.close(true);
    await stock?.close(true);
  });

  it('an admin query (a page and a count) costs 2 round trips, where MikroORM stock sends 8', async () => {
    const ours = await wire(kit, () => adminQuery(contextFor(kit, merchant)));
    const theirs = await wire(stock, () => adminQuery(contextFor(stock, merchant)));

    expect(theirs).toHaveLength(8);
    expect(ours).toHaveLength(2);
    // each of ours carries the setting with its query, in one message
    // (and the read of the wake marks, as every statement that is a transaction of its own: commit-wake.ts)
    for (const message of ours) expect(message).toMatch(/^select set_config\('app\.merchant_id', '[0-9a-f-]{36}', true\)\n; select .*\n; select current_setting\('loyalnest\.outbox_written', true\) as outbox_written, current_setting\('loyalnest\.wake', true\) as wake$/s);
  });

  it('a mutation (look-up, then a flush of the row and its event) saves 4 round trips: 3 on the look-up, 1 on the transaction', async () => {
    const ours = await wire(kit, () => mutation(contextFor(kit, merchant)));
    const theirs = await wire(stock, () => mutation(contextFor(stock, merchant)));

    expect(ours).toHaveLength(theirs.length - 4);
    expect(theirs.filter((m) => /set_config/.test(m))).toHaveLength(2);
    // the flush's transaction: its begin carries the setting; nothing else in it does
    const begins = ours.filter((m) => /^begin\b/.test(m));
    expect(begins).toEqual([`begin; select set_config('app.merchant_id', '${merchant}', true)`]);
    expect(ours.filter((m) => /set_config/.test(m))).toHaveLength(2);
    // the commit carries the read of the wake marks (commit-wake.ts), in the same message
    expect(ours.at(-1)).toBe(`select current_setting('loyalnest.outbox_written', true) as outbox_written, current_setting('loyalnest.wake', true) as wake; commit`);
  });
});

describe('the tenant setting on a shared connection', () => {
  let orm: MikroORM;
  const a = randomUUID();
  const b = randomUUID();
  let aRows: string[];
  let bRows: string[];

  /** What a bare statement on the pool's one connection sees of the setting and the table. */
  async function bare(): Promise<{ pid: number; setting: string | null; visible: number }> {
    const [row] = await orm.em.fork().execute<{ pid: number; setting: string | null; visible: string }[]>(
      `select pg_backend_pid() as pid, current_setting('app.merchant_id', true) as setting, (select count(*) from customer) as visible`,
    );
    return { pid: row.pid, setting: row.setting, visible: Number(row.visible) };
  }

  beforeAll(async () => {
    // one connection: every request below takes turns on the same PostgreSQL session
    orm = await openStore(config, store, 1);
    aRows = [await mutation(contextFor(orm, a)), await mutation(contextFor(orm, a))].sort();
    bRows = [await mutation(contextFor(orm, b))];
  });
  afterAll(() => orm?.close(true));

  it('two merchants interleaved on a pool of size 1 (reads racing, transactions, a failing statement) each see only their own rows, and the connection keeps no merchant after any of them', async () => {
    const { pid } = await bare();

    // reads of both merchants racing for the one connection
    const seen = await Promise.all(Array.from({ length: 12 }, (_, i) => shopifyIdsSeenBy(contextFor(orm, i % 2 ? b : a))));
    seen.forEach((ids, i) => expect(ids).toEqual(i % 2 ? bRows : aRows));
    expect(await bare()).toEqual({ pid, setting: '', visible: 0 });

    // A's transaction holds the connection while B's read waits for it
    const ctxA = contextFor(orm, a);
    const [inA, afterA] = await Promise.all([ctxA.em.transactional((em) => em.find(CustomerEntity, {})), shopifyIdsSeenBy(contextFor(orm, b))]);
    expect(inA.map((c) => c.shopifyId).sort()).toEqual(aRows);
    expect(afterA).toEqual(bRows);
    expect(await bare()).toEqual({ pid, setting: '', visible: 0 });

    // A's transaction rolls back; A's statement outside a transaction fails: B next sees only B
    await expect(
      contextFor(orm, a).em.transactional(async (em) => {
        await em.find(CustomerEntity, {});
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await shopifyIdsSeenBy(contextFor(orm, b))).toEqual(bRows);
    await expect(contextFor(orm, a).em.execute('select * from no_such_table')).rejects.toThrow(/no_such_table/);
    expect(await shopifyIdsSeenBy(contextFor(orm, b))).toEqual(bRows);
    expect(await bare()).toEqual({ pid, setting: '', visible: 0 });
  });

  it('a query for no merchant fails closed: the tenant filter throws, and without the filter RLS shows nothing', async () => {
    const none = contextFor(orm, null);
    await expect(none.em.find(CustomerEntity, {})).rejects.toThrow(/filter 'tenant'/);
    expect(await none.em.find(CustomerEntity, {}, { filters: false })).toEqual([]);
    expect(await none.em.execute('select count(*)::int as n from customer')).toEqual([{ n: 0 }]);
    expect((await bare()).visible).toBe(0);
  });

  it('a statement ending in a line comment still runs under its tenant and answers its own rows (the appended outbox-mark read is not commented out)', async () => {
    const rows = await contextFor(orm, a).em.execute<{ n: number }[]>('select count(*)::int as n from customer -- a trailing comment');
    expect(rows).toEqual([{ n: aRows.length }]);
  });

  it('race: a connection handed back to the pool mid-transaction is refused the next tenant-scoped statement, never runs it without its setting', async () => {
    const pool = (await orm.em.getConnection().getNativeClient()) as pg.Pool;
    const leaked = await pool.connect();
    await leaked.query('begin');
    leaked.release();
    try {
      await expect(contextFor(orm, a).em.execute('select count(*)::int as n from customer')).rejects.toThrow(/inside a transaction it did not begin/);
    } finally {
      const again = await pool.connect();
      await again.query('rollback');
      again.release();
    }
    expect(await shopifyIdsSeenBy(contextFor(orm, b))).toEqual(bRows);
  });

  it("a merchant's write of another merchant's row is refused (the setting is in force inside the flush's transaction)", async () => {
    const ctx = contextFor(orm, a);
    ctx.em.create(CustomerEntity, { merchantId: b, shopifyId: String(randomInt(1, 2 ** 47)) });
    await expect(ctx.em.flush()).rejects.toThrow(/row-level security/);
    expect(await shopifyIdsSeenBy(contextFor(orm, b))).toEqual(bRows);
  });
});
