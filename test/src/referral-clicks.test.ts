import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { ClickStore } from '../../subgraphs/referral/src/clicks/click-store.js';
import { clickDay } from '../../subgraphs/referral/src/clicks/visitor.js';
import { flushClicks } from '../../subgraphs/referral/src/jobs/click-flush.job.js';
import { ReferralCodeService } from '../../subgraphs/referral/src/services/referral-code.service.js';
import { withOwnerDb } from './support/db.js';
import { recordSql } from './support/sql-log.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { clickLink, flushReferralClicks, PROGRAM_ON, referralOf, storedClicks, updateReferralProgram } from './support/referrals.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

/** Removes every referral key of this run's prefix from Redis: what a restarted Redis without persistence holds. */
async function flushReferralRedis(gateway: TestGateway): Promise<number> {
  const redis = new Redis(gateway.config.kit.redisUrl);
  try {
    const keys = await redis.keys(`${gateway.config.kit.events.queuePrefix}:referral:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

describe.each<Mode>(['embedded', 'networked'])('referral link clicks through the app proxy (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;
  let noorCode: string;
  let beaCode: string;

  beforeAll(async () => {
    // The test runs the flush itself, so no scheduled one comes between a click and its check.
    gateway = await startTestGateway(mode, { REFERRAL_CLICK_FLUSH_MS: '3600000' });
    [a, b] = await Promise.all([createMerchant(gateway, { currency: 'CAD' }), createMerchant(gateway)]);
    [noor, bea] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com' }),
      upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com' }),
    ]);
    await Promise.all([
      updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, friendReward: { kind: 'FIXED_AMOUNT', value: '15', minimumOrderAmount: '50', expiryDays: 14 } }),
      updateReferralProgram(gateway, b.auth, PROGRAM_ON),
    ]);
    noorCode = (await referralOf(gateway, a.auth, noor.id))!.code;
    beaCode = (await referralOf(gateway, b.auth, bea.id))!.code;
    await flushReferralClicks(gateway);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it("answers the friend's offer in the shop's currency, and nothing about the advocate", async () => {
    const answer = await clickLink(gateway, a.shop, noorCode);
    expect(answer).toEqual({
      status: 200,
      body: { code: noorCode, enabled: true, offer: { kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 14, currency: 'CAD' } },
    });
    expect(JSON.stringify(answer.body)).not.toContain(noor.id);
    expect(JSON.stringify(answer.body)).not.toContain('noor');
  });

  it('counts every click and each visitor once a day, in Redis until the flush moves the counts to PostgreSQL', async () => {
    await flushReferralClicks(gateway);
    const before = (await storedClicks(a, noor.id))!;
    // given: one visitor three times (two spellings of the code), another once
    for (const code of [noorCode, noorCode.toLowerCase(), noorCode]) expect((await clickLink(gateway, a.shop, code, { ip: '198.51.100.1' })).status).toBe(200);
    expect((await clickLink(gateway, a.shop, noorCode, { ip: '198.51.100.2' })).status).toBe(200);
    // then: nothing in the store before the flush
    expect(await storedClicks(a, noor.id)).toEqual(before);
    await flushReferralClicks(gateway);
    expect(await storedClicks(a, noor.id)).toEqual({ clicks: before.clicks + 4, unique_clicks: before.unique_clicks + 2 });
    expect(await referralOf(gateway, a.auth, noor.id)).toMatchObject({ clicks: before.clicks + 4, uniqueClicks: before.unique_clicks + 2 });
    // a flush with nothing pending adds nothing
    await flushReferralClicks(gateway);
    expect(await storedClicks(a, noor.id)).toEqual({ clicks: before.clicks + 4, unique_clicks: before.unique_clicks + 2 });
  });

  it('counts 1,000 distinct visitors of a day as about 1,000 unique clicks, never more, and their repeats as none, in at most 12 KB', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'popular@example.com' });
    const { code } = (await referralOf(gateway, a.auth, customer.id))!;
    // given: the code and the offer cached by a first click (from a visitor outside the thousand)
    expect((await clickLink(gateway, a.shop, code, { ip: '192.0.2.200' })).status).toBe(200);
    await flushReferralClicks(gateway);
    const before = (await storedClicks(a, customer.id))!;
    const store = ClickStore.of(gateway.config.kit);
    const redis = new Redis(gateway.config.kit.redisUrl);
    try {
      const day = clickDay();
      const visitors = Array.from({ length: 1000 }, (_, i) => createHash('sha256').update(`visitor ${i}`).digest('base64url').slice(0, 22));
      // when: each visits once
      const first = await Promise.all(visitors.map((v) => store.click(a.id, code, v, day)));
      expect(first.every((o) => o.kind === 'known')).toBe(true);
      await flushReferralClicks(gateway);
      const once = (await storedClicks(a, customer.id))!;
      // then
      expect(once.clicks - before.clicks).toBe(1000);
      expect(once.unique_clicks - before.unique_clicks).toBeGreaterThanOrEqual(970);
      expect(once.unique_clicks - before.unique_clicks).toBeLessThanOrEqual(1000);
      // when: every one of them comes back the same day
      const again = await Promise.all(visitors.map((v) => store.click(a.id, code, v, day)));
      expect(again.filter((o) => o.kind === 'known' && o.unique)).toEqual([]);
      await flushReferralClicks(gateway);
      expect(await storedClicks(a, customer.id)).toEqual({ clicks: once.clicks + 1000, unique_clicks: once.unique_clicks });
      // and the day's sketch of the code stays within a HyperLogLog's 12 KB
      const key = `${gateway.config.kit.events.queuePrefix}:referral:visitors:${a.id}:${day}:${code}`;
      expect(await redis.strlen(key)).toBeLessThanOrEqual(12 * 1024 + 16);
      expect(await redis.ttl(key)).toBeGreaterThan(86_400);
    } finally {
      redis.disconnect();
      await store.close();
    }
  });

  it('never stores or keys anything by the raw IP address or user agent', async () => {
    await clickLink(gateway, a.shop, noorCode, { ip: '192.0.2.77', userAgent: 'Very-Unique-Agent/9' });
    const redis = new Redis(gateway.config.kit.redisUrl);
    try {
      const keys = await redis.keys(`${gateway.config.kit.events.queuePrefix}:referral:visitors:${a.id}:*`);
      expect(keys.length).toBeGreaterThan(0);
      const sketches = await Promise.all(keys.map((k) => redis.getBuffer(k)));
      for (const sketch of sketches) expect(sketch!.subarray(0, 4).toString()).toBe('HYLL');
      expect(JSON.stringify([keys, sketches.map((b) => b!.toString('latin1'))])).not.toMatch(/192\.0\.2\.77|Very-Unique-Agent/);
    } finally {
      redis.disconnect();
    }
  });

  it.each([
    ['too short', 'AB12CD3'],
    ['a letter the alphabet leaves out', 'AB12CD3U'],
    ['a path', '..%2F..%2Fgraphql'],
  ])('answers 404 with a typed error for a malformed code (%s)', async (_, code) => {
    const answer = await clickLink(gateway, a.shop, decodeURIComponent(code));
    expect(answer).toEqual({ status: 404, body: { error: { code: 'REFERRAL_CODE_MALFORMED', message: expect.any(String) } } });
  });

  it('answers 404 with a typed error for a well-formed code nobody holds, and counts nothing', async () => {
    const unknown = noorCode === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
    const answer = await clickLink(gateway, a.shop, unknown);
    expect(answer).toEqual({ status: 404, body: { error: { code: 'REFERRAL_CODE_NOT_FOUND', message: expect.any(String) } } });
  });

  it("keeps shops apart: B's code followed through A's shop is unknown there and counts for no one", async () => {
    await flushReferralClicks(gateway);
    const beaBefore = await storedClicks(b, bea.id);
    const answer = await clickLink(gateway, a.shop, beaCode);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: 'REFERRAL_CODE_NOT_FOUND', message: expect.any(String) } });
    await flushReferralClicks(gateway);
    expect(await storedClicks(b, bea.id)).toEqual(beaBefore);
    // and through B's own shop it works
    expect((await clickLink(gateway, b.shop, beaCode)).body).toMatchObject({ code: beaCode, enabled: true, offer: { kind: 'PERCENTAGE', currency: 'EUR' } });
  });

  it('refuses requests Shopify did not sign, that repeat its parameters, or that come from a shop without the app', async () => {
    expect((await clickLink(gateway, a.shop, noorCode, {}, { signature: 'f'.repeat(64) })).body).toEqual({ error: { code: 'APP_PROXY_REFUSED', message: 'The app proxy signature does not match' } });
    const repeated = await clickLink(gateway, a.shop, noorCode, {}, { extra: [['shop', b.shop]] });
    expect(repeated).toEqual({ status: 400, body: { error: { code: 'APP_PROXY_REFUSED', message: 'The app proxy request names "shop" more than once' } } });
    const gone = await createMerchant(gateway, { status: 'uninstalled' });
    expect(await clickLink(gateway, gone.shop, noorCode)).toEqual({ status: 403, body: { error: { code: 'SHOP_NOT_INSTALLED', message: expect.any(String) } } });
  });

  it('answers that the program is off, at once after the merchant switches it off, and counts nothing while off', async () => {
    const merchant = await createMerchant(gateway);
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'off@example.com' });
    await updateReferralProgram(gateway, merchant.auth, PROGRAM_ON);
    const { code } = (await referralOf(gateway, merchant.auth, customer.id))!;
    expect((await clickLink(gateway, merchant.shop, code)).body).toMatchObject({ enabled: true });
    await updateReferralProgram(gateway, merchant.auth, { ...PROGRAM_ON, enabled: false });
    expect(await clickLink(gateway, merchant.shop, code)).toEqual({ status: 200, body: { code, enabled: false, offer: null } });
    await flushReferralClicks(gateway);
    expect(await storedClicks(merchant, customer.id)).toEqual({ clicks: 1, unique_clicks: 1 });
  });

  it('what if Redis loses everything between two clicks? Codes still resolve, flushed counts stay, and new clicks count from there', async () => {
    await clickLink(gateway, a.shop, noorCode, { ip: '198.51.100.9' });
    await flushReferralClicks(gateway);
    const flushed = (await storedClicks(a, noor.id))!;
    expect(await flushReferralRedis(gateway)).toBeGreaterThan(0);
    // when
    const answer = await clickLink(gateway, a.shop, noorCode, { ip: '198.51.100.9' });
    // then: resolved from PostgreSQL, counted again (the visitor set went with Redis, so it is new today)
    expect(answer.body).toMatchObject({ code: noorCode, enabled: true });
    await flushReferralClicks(gateway);
    expect(await storedClicks(a, noor.id)).toEqual({ clicks: flushed.clicks + 1, unique_clicks: flushed.unique_clicks + 1 });
  });

  it('what if 30 clicks arrive at once on a code Redis lost? They wait for one cache fill: PostgreSQL is asked once, and every click counts', async () => {
    await flushReferralClicks(gateway);
    const flushed = (await storedClicks(a, noor.id))!;
    expect(await flushReferralRedis(gateway)).toBeGreaterThan(0);
    // when: 30 visitors at once, every one of them a cache miss
    const { result: answers, queries } = await recordSql(runtime(gateway, 'referral'), () =>
      Promise.all(Array.from({ length: 30 }, (_, i) => clickLink(gateway, a.shop, noorCode, { ip: `203.0.113.${100 + i}` }))),
    );
    // then
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    expect(queries.filter((sql) => /from "?referral_code"?\s/.test(sql))).toHaveLength(1);
    await flushReferralClicks(gateway);
    expect(await storedClicks(a, noor.id)).toEqual({ clicks: flushed.clicks + 30, unique_clicks: flushed.unique_clicks + 30 });
  });

  it('what if a flush crashes after PostgreSQL took its batch but before Redis dropped it? The next flush adds nothing twice', async () => {
    await clickLink(gateway, a.shop, noorCode, { ip: '198.51.100.10' });
    await clickLink(gateway, a.shop, noorCode, { ip: '198.51.100.10' });
    const before = (await storedClicks(a, noor.id))!;
    // given: a pass took the batch, as a flush does, and the batch is left in flight
    const store = ClickStore.of(gateway.config.kit);
    try {
      const batch = (await store.take(a.id, '0192f000-0000-7000-8000-000000000001'))!;
      expect(batch.counts).toEqual([{ customerId: noor.id, clicks: 2, uniqueClicks: 1 }]);
      // the batch is applied (by this flush), then left in Redis as if the pass had died before dropping it
      await flushReferralClicks(gateway);
      expect(await storedClicks(a, noor.id)).toEqual({ clicks: before.clicks + 2, unique_clicks: before.unique_clicks + 1 });
      const redis = new Redis(gateway.config.kit.redisUrl);
      await redis.hset(`${gateway.config.kit.events.queuePrefix}:referral:flushing:${a.id}`, { batch: batch.batchId, [`c:${noor.id}`]: '2', [`u:${noor.id}`]: '1' });
      await redis.sadd(`${gateway.config.kit.events.queuePrefix}:referral:dirty`, a.id);
      redis.disconnect();
      // when
      await flushReferralClicks(gateway);
      // then
      expect(await storedClicks(a, noor.id)).toEqual({ clicks: before.clicks + 2, unique_clicks: before.unique_clicks + 1 });
    } finally {
      await store.close();
    }
  });

  it('what if more merchants are dirty than the old 500 a pass took? One pass drains them all, a step at a time; out of time, the next pass resumes where it stopped', async () => {
    const dirtyKey = `${gateway.config.kit.events.queuePrefix}:referral:dirty`;
    const referral = runtime(gateway, 'referral');
    const store = ClickStore.of(gateway.config.kit);
    const redis = new Redis(gateway.config.kit.redisUrl);
    try {
      // given: 600 merchants marked with nothing pending (a mark outliving its counts), and Noor's real clicks
      const marked = Array.from({ length: 600 }, () => randomUUID());
      await redis.sadd(dirtyKey, ...marked);
      const before = (await storedClicks(a, noor.id))!;
      await clickLink(gateway, a.shop, noorCode, { ip: '198.51.100.60' });
      // when: a pass with no time for more than one SSCAN step of 10
      const cut = await flushClicks(referral, store, { budgetMs: 0, pageSize: 10 });
      // then: it stopped part-way and says where
      expect(cut.cursor).not.toBe('0');
      expect(await redis.scard(dirtyKey)).toBeGreaterThan(0);
      // when: the next pass resumes from there, then one from the start (SSCAN's walk covers members present throughout)
      const rest = await flushClicks(referral, store, { from: cut.cursor, pageSize: 10, budgetMs: 60_000 });
      expect(rest.cursor).toBe('0');
      const full = await flushClicks(referral, store, { pageSize: 10, budgetMs: 60_000 });
      expect(full.cursor).toBe('0');
      // then: every mark is gone and Noor's click is in PostgreSQL
      expect(cut.merchants + rest.merchants).toBeGreaterThanOrEqual(600);
      expect(await redis.smismember(dirtyKey, ...marked)).toEqual(marked.map(() => 0));
      expect(await storedClicks(a, noor.id)).toEqual({ clicks: before.clicks + 1, unique_clicks: before.unique_clicks + 1 });
    } finally {
      redis.disconnect();
      await store.close();
    }
  });

  it('what if two replicas flush at once? Each click is added once', async () => {
    const before = (await storedClicks(a, noor.id))!;
    await Promise.all(Array.from({ length: 20 }, (_, i) => clickLink(gateway, a.shop, noorCode, { ip: `198.51.100.${100 + (i % 5)}` })));
    await Promise.all([flushReferralClicks(gateway), flushReferralClicks(gateway), flushReferralClicks(gateway)]);
    await flushReferralClicks(gateway);
    expect(await storedClicks(a, noor.id)).toEqual({ clicks: before.clicks + 20, unique_clicks: before.unique_clicks + 5 });
    const batches = await withOwnerDb('referral', async (db) => (await db.query('select count(*)::int as n from referral_click_flush where merchant_id = $1', [a.id])).rows[0].n);
    expect(batches).toBeGreaterThan(0);
  });

  it("what if the advocate is erased (customer.redacted)? Their link stops resolving at once, though Redis had it cached", async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'erased@example.com' });
    const { code } = (await referralOf(gateway, a.auth, customer.id))!;
    expect((await clickLink(gateway, a.shop, code)).status).toBe(200);
    // when: the customer domain erases them (its redaction deletes the row; a late customer.created then makes no code)
    // and the referral domain applies its customer.redacted, as its consumer would
    await withOwnerDb('customer', (db) => db.query('delete from customer where merchant_id = $1 and id = $2', [a.id, customer.id]));
    const referral = runtime(gateway, 'referral');
    const ctx = referral.createContext(systemCaller(ADMIN_SCOPES, a.id));
    const event = { id: randomUUID(), merchantId: a.id, topic: 'customer.redacted', version: 1, occurredAt: new Date().toISOString(), payload: { customerId: customer.id } };
    await referral.module.consumes!['customer.redacted'](ctx, event, referral);
    await ctx.runAfterCommit();
    // then
    expect(await storedClicks(a, customer.id)).toBeUndefined();
    expect((await clickLink(gateway, a.shop, code)).body).toEqual({ error: { code: 'REFERRAL_CODE_NOT_FOUND', message: expect.any(String) } });
    // and the other customers' links are untouched
    expect((await clickLink(gateway, a.shop, noorCode)).status).toBe(200);
  });

  it("what if a click read the advocate's code before their erasure committed, and fills the cache after it? The code stays unknown", async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'late-fill@example.com' });
    const { code } = (await referralOf(gateway, a.auth, customer.id))!;
    const offer = { enabled: true, reward: { kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 14 }, currency: 'CAD' };
    // given: a click missed the cache and read the holder from PostgreSQL (the customer, still there)
    const store = ClickStore.of(gateway.config.kit);
    const redis = new Redis(gateway.config.kit.redisUrl);
    try {
      const codeKey = `${gateway.config.kit.events.queuePrefix}:referral:code:${a.id}:${code}`;
      await redis.del(codeKey);
      const referral = runtime(gateway, 'referral');
      const holderRead = await new ReferralCodeService().holderOf(referral.createContext(systemCaller(ADMIN_SCOPES, a.id)).em, a.id, code);
      expect(holderRead).toBe(customer.id);
      // when: the erasure commits (the customer domain's, then the referral domain's) and forgets the code, and only then the click's fill arrives
      await withOwnerDb('customer', (db) => db.query('delete from customer where merchant_id = $1 and id = $2', [a.id, customer.id]));
      const ctx = referral.createContext(systemCaller(ADMIN_SCOPES, a.id));
      const event = { id: randomUUID(), merchantId: a.id, topic: 'customer.redacted', version: 1, occurredAt: new Date().toISOString(), payload: { customerId: customer.id } };
      await referral.module.consumes!['customer.redacted'](ctx, event, referral);
      await ctx.runAfterCommit();
      await store.fill(a.id, code, holderRead, offer);
      // then: the tombstone stands, for as long as a holder would have been cached
      expect(await redis.get(codeKey)).toBe('-');
      expect(await redis.ttl(codeKey)).toBeGreaterThan(6 * 86_400);
      expect(await storedClicks(a, customer.id)).toBeUndefined();
      expect((await clickLink(gateway, a.shop, code)).body).toEqual({ error: { code: 'REFERRAL_CODE_NOT_FOUND', message: expect.any(String) } });
      const pending = await redis.hgetall(`${gateway.config.kit.events.queuePrefix}:referral:pending:${a.id}`);
      expect(Object.keys(pending).some((field) => field.endsWith(customer.id))).toBe(false);
    } finally {
      redis.disconnect();
      await store.close();
    }
  });

  it('what if a fill arrives for a code Redis already holds? The value there is kept (a fill never overwrites)', async () => {
    const store = ClickStore.of(gateway.config.kit);
    try {
      // given: Noor's code cached with her as holder
      expect((await clickLink(gateway, a.shop, noorCode)).status).toBe(200);
      // when: a stale fill says nobody holds it
      await store.fill(a.id, noorCode, null, { enabled: true, reward: { kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 14 }, currency: 'CAD' });
      // then: her link still resolves
      expect((await clickLink(gateway, a.shop, noorCode)).status).toBe(200);
    } finally {
      await store.close();
    }
  });
});
