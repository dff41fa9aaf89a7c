import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { EmbeddedSubgraphClient } from '../../gateway/src/subgraph-client.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installShop } from './support/install.js';
import { MERCHANT_ENTITIES } from './support/isolation.js';
import { runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, customerIdOf, deliver, memberOf, paidOrder, runDaily, saveProgram, TIER_EVENTS_ENV, tierEvents, tierSettled } from './support/tier-members.js';
import { adminCaller, bearer } from './support/tokens.js';

const HOUR_MS = 3_600_000;
const MERCHANT_TIMEZONE = `{ merchant { id timezone } }`;

/**
 * The shop's time zone, end to end: Shopify tells it at install and in `shop/update`, the merchant
 * domain keeps it and announces it, and the tier domain turns calendar periods at the shop's
 * midnight (Sydney, ten hours before UTC's), re-placing members when the zone changes.
 */
describe("tier periods at the shop's midnight", () => {
  let fake: FakeShopify;
  let gateway: TestGateway;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...TIER_EVENTS_ENV, ...fake.env });
  });
  afterAll(async () => {
    await gateway.stop();
    await fake.close();
  });

  /** A shop installed through OAuth against the fake, whose `shop.json` tells `zone`. */
  async function installIn(zone: string, label: string): Promise<TestMerchant> {
    const shop = `${label}-${randomBytes(6).toString('hex')}.myshopify.com`;
    fake.setShop(shop, { iana_timezone: zone });
    const id = await installShop(new URL(gateway.url).origin, fake, shop);
    const token = await mintDevToken(gateway.config.devTokenSecret, { shop, role: 'admin' });
    return { id, shop, token, auth: bearer(token) };
  }

  async function timezoneOf(merchant: TestMerchant): Promise<string> {
    const result = await gateway.gql<{ merchant: { id: string; timezone: string } }>(MERCHANT_TIMEZONE, {}, merchant.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.merchant.id).toBe(merchant.id);
    return result.data!.merchant.timezone;
  }

  /** The zone the tier store keeps with the merchant's program, once it is `zone`. */
  async function tierZoneBecomes(merchant: TestMerchant, zone: string): Promise<{ timezone: string; timezone_version: number; version: number }> {
    return eventually(async () => {
      const { rows } = await withOwnerDb('tier', (db) => db.query('select timezone, timezone_version, version from tier_program where merchant_id = $1', [merchant.id]));
      return rows[0]?.timezone === zone ? rows[0] : false;
    }, 15_000, `the tier program of ${merchant.shop} in ${zone}`);
  }

  /** Sends `shop/update` for the merchant's shop telling `zone`, as of `updatedAt`. */
  async function shopUpdate(merchant: TestMerchant, zone: string, updatedAt: Date): Promise<void> {
    await deliver(gateway, merchant, 'shop/update', { id: 1, name: 'Shop', iana_timezone: zone, timezone: '(GMT) whatever', updated_at: updatedAt.toISOString() });
  }

  /** The last 30 June at 23:30 in Sydney, which is 13:30 UTC (AEST, no daylight saving in winter); and the next Sydney midnight of 1 July a year after. */
  function lastSydneyThirtiethOfJune(): { placedAt: Date; periodEnd: Date; key: string } {
    const now = Date.now();
    let year = new Date(now).getUTCFullYear();
    if (now < Date.UTC(year, 5, 30, 14)) year -= 1;
    return { placedAt: new Date(Date.UTC(year, 5, 30, 13, 30)), periodEnd: new Date(Date.UTC(year + 1, 5, 30, 14)), key: `${year}-07-01` };
  }

  it("keeps the zone Shopify tells at install, shows it on Merchant.timezone to the shop's own callers only, and announces it to the tier domain", async () => {
    const a = await installIn('Australia/Sydney', 'zone-a');
    const b = await installIn('America/Los_Angeles', 'zone-b');

    expect(await timezoneOf(a)).toBe('Australia/Sydney');
    expect(await timezoneOf(b)).toBe('America/Los_Angeles');
    // B's merchant, referenced by id with A's caller, resolves to nothing
    const client = new EmbeddedSubgraphClient(runtime(gateway, 'merchant'));
    const query = MERCHANT_ENTITIES.replace('shopDomain', 'shopDomain timezone');
    expect(await client.execute(query, { representations: [{ __typename: 'Merchant', id: b.id }] }, adminCaller(a.id))).toEqual({ data: { _entities: [null] } });
    expect(await client.execute(query, { representations: [{ __typename: 'Merchant', id: b.id }] }, adminCaller(b.id))).toEqual({
      data: { _entities: [{ id: b.id, shopDomain: b.shop, timezone: 'America/Los_Angeles' }] },
    });

    expect(await tierZoneBecomes(a, 'Australia/Sydney')).toEqual({ timezone: 'Australia/Sydney', timezone_version: 1, version: 0 });
    expect(await tierZoneBecomes(b, 'America/Los_Angeles')).toMatchObject({ timezone_version: 1 });
    // a program never saved reads as such: the row keeps the zone only
    const program = await gateway.gql<{ tierProgram: { version: number; updatedAt: string | null; timezone: string } }>('{ tierProgram { version updatedAt timezone } }', {}, a.auth);
    expect(program.data?.tierProgram).toEqual({ version: 0, updatedAt: null, timezone: 'Australia/Sydney' });
  });

  it('a re-install reads the zone again and announces it only when it changed', async () => {
    const merchant = await installIn('Australia/Sydney', 'reinstall');
    await installShop(new URL(gateway.url).origin, fake, merchant.shop);
    fake.setShop(merchant.shop, { iana_timezone: 'Asia/Tokyo' });
    await installShop(new URL(gateway.url).origin, fake, merchant.shop);

    expect(await timezoneOf(merchant)).toBe('Asia/Tokyo');
    const { rows } = await withOwnerDb('merchant', (db) =>
      db.query<{ payload: unknown }>("select payload from outbox_event where merchant_id = $1 and topic = 'merchant.timezone_changed' order by id", [merchant.id]),
    );
    expect(rows.map((r) => r.payload)).toEqual([
      { timezone: 'Australia/Sydney', version: 1 },
      { timezone: 'Asia/Tokyo', version: 2 },
    ]);
    expect(await tierZoneBecomes(merchant, 'Asia/Tokyo')).toMatchObject({ timezone_version: 2 });
  });

  it('installs a shop whose zone this runtime does not know in UTC, announcing nothing', async () => {
    const odd = await installIn('Mars/Olympus_Mons', 'zone-odd');
    expect(await timezoneOf(odd)).toBe('UTC');
    const { rows } = await withOwnerDb('merchant', (db) => db.query("select count(*)::int as n from outbox_event where merchant_id = $1 and topic = 'merchant.timezone_changed'", [odd.id]));
    expect(rows[0].n).toBe(0);
  });

  it('a Sydney customer who qualified on 30 June, local time, keeps the tier through the next year and loses it at Sydney midnight, not UTC midnight', async () => {
    const shop = await installIn('Australia/Sydney', 'sydney');
    await tierZoneBecomes(shop, 'Australia/Sydney');
    const tiers = await saveProgram(gateway, shop, { metric: 'ORDERS_COUNT', period: 'CALENDAR_YEAR', periodStartMonth: 7, periodStartDay: 1 }, [['Bronze', 0], ['Silver', 1, 10]]);
    const { placedAt, periodEnd, key } = lastSydneyThirtiethOfJune();

    // given an order placed at 23:30 on 30 June in Sydney (13:30 UTC, the same UTC day)
    const shopify = shopifyId();
    await deliver(gateway, shop, 'orders/paid', paidOrder(shopifyId(), shopify, '20.00', placedAt));
    await tierSettled(shop);
    const customerId = await customerIdOf(gateway, shop, shopify);

    // then Silver, held through the year that began at Sydney's midnight, until the next one (14:00 UTC on 30 June), its bonus under that year's local first day
    expect(await memberOf(shop, customerId)).toMatchObject({ tier_id: tiers.Silver, held_until: periodEnd });
    const changed = (await tierEvents(shop, 'tier.changed', customerId)).find((e) => e.to === tiers.Silver);
    expect(changed).toMatchObject({ to: tiers.Silver, entryBonuses: [{ tierId: tiers.Silver, points: 10, idempotencyKey: `tier:${customerId}:${tiers.Silver}:${key}` }] });

    // warned a week before Sydney's midnight, with that date
    await runDaily(gateway, new Date(periodEnd.getTime() - 7 * 24 * HOUR_MS + 1000));
    expect(await tierEvents(shop, 'tier.expiring_soon', customerId)).toEqual([{ customerId, tierId: tiers.Silver, toTierId: tiers.Bronze, effectiveAt: periodEnd.toISOString() }]);

    // a minute before Sydney's midnight: still Silver
    await runDaily(gateway, new Date(periodEnd.getTime() - 60_000));
    expect((await memberOf(shop, customerId))?.tier_id).toBe(tiers.Silver);
    // just after it, ten hours before UTC's midnight: Bronze, the period ended
    await runDaily(gateway, new Date(periodEnd.getTime() + 1000));
    expect((await memberOf(shop, customerId))?.tier_id).toBe(tiers.Bronze);
    expect((await changesOf(shop, customerId)).at(-1)).toMatchObject({ from_tier_id: tiers.Silver, to_tier_id: tiers.Bronze, reason: 'period_ended' });
    expect(await tierEvents(shop, 'tier.expiring_soon', customerId)).toHaveLength(1);
  });

  it("re-places a calendar program's members when the shop moves (Sydney to Los Angeles, by shop/update), and another shop's move touches none of them", async () => {
    const a = await installIn('Australia/Sydney', 'move-a');
    const b = await installIn('Australia/Sydney', 'move-b');
    const { placedAt, periodEnd } = lastSydneyThirtiethOfJune();
    const members: Record<string, { customerId: string; silver: string }> = {};
    for (const merchant of [a, b]) {
      await tierZoneBecomes(merchant, 'Australia/Sydney');
      const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT', period: 'CALENDAR_YEAR', periodStartMonth: 7, periodStartDay: 1 }, [['Bronze', 0], ['Silver', 1]]);
      const shopify = shopifyId();
      await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '20.00', placedAt));
      await tierSettled(merchant);
      members[merchant.id] = { customerId: await customerIdOf(gateway, merchant, shopify), silver: tiers.Silver };
      expect(await memberOf(merchant, members[merchant.id].customerId)).toMatchObject({ tier_id: tiers.Silver, held_until: periodEnd });
    }
    const aBefore = await memberOf(a, members[a.id].customerId);

    // when B's shop moves to Los Angeles
    await shopUpdate(b, 'America/Los_Angeles', new Date());
    await tierSettled(b);
    expect(await timezoneOf(b)).toBe('America/Los_Angeles');
    expect(await tierZoneBecomes(b, 'America/Los_Angeles')).toMatchObject({ timezone_version: 2, version: 2 });
    const programs = await Promise.all([a, b].map((m) => gateway.gql<{ tierProgram: { timezone: string; version: number } }>('{ tierProgram { timezone version } }', {}, m.auth)));
    expect(programs.map((p) => p.data?.tierProgram)).toEqual([
      { timezone: 'Australia/Sydney', version: 1 },
      { timezone: 'America/Los_Angeles', version: 2 },
    ]);

    // then B's member is re-placed by the recompute: held until Los Angeles' midnight of 1 July (07:00 UTC, PDT)
    const laMidnight = new Date(periodEnd.getTime() + 17 * HOUR_MS);
    await eventually(async () => (await memberOf(b, members[b.id].customerId))?.held_until?.getTime() === laMidnight.getTime(), 30_000, "B's member re-placed in Los Angeles");
    // and A's zone, program and member are as they were
    expect(await timezoneOf(a)).toBe('Australia/Sydney');
    expect(await tierZoneBecomes(a, 'Australia/Sydney')).toMatchObject({ timezone_version: 1, version: 1 });
    expect(await memberOf(a, members[a.id].customerId)).toEqual(aBefore);
    const { rows } = await withOwnerDb('tier', (db) => db.query('select count(*)::int as n from tier_recompute where merchant_id = $1 and program_version > 1', [a.id]));
    expect(rows[0].n).toBe(0);
  });

  it('what if an older shop/update comes last, or one comes twice? The newest zone stays, announced once', async () => {
    const merchant = await installIn('Europe/Paris', 'late');
    await tierZoneBecomes(merchant, 'Europe/Paris');
    const now = Date.now();

    // the newer update (Tokyo) arrives first, then an older one (Lisbon), then the newer again
    await shopUpdate(merchant, 'Asia/Tokyo', new Date(now));
    await shopUpdate(merchant, 'Europe/Lisbon', new Date(now - 60_000));
    await shopUpdate(merchant, 'Asia/Tokyo', new Date(now));
    await tierSettled(merchant);

    expect(await timezoneOf(merchant)).toBe('Asia/Tokyo');
    const { rows } = await withOwnerDb('merchant', (db) =>
      db.query<{ payload: unknown }>("select payload from outbox_event where merchant_id = $1 and topic = 'merchant.timezone_changed' order by id", [merchant.id]),
    );
    expect(rows.map((r) => r.payload)).toEqual([
      { timezone: 'Europe/Paris', version: 1 },
      { timezone: 'Asia/Tokyo', version: 2 },
    ]);
    expect(await tierZoneBecomes(merchant, 'Asia/Tokyo')).toMatchObject({ timezone_version: 2 });
  });

  it('what if the announcements reach the tier domain out of order? The later version wins, an earlier one changes nothing', async () => {
    const merchant = await installIn('UTC', 'reorder');
    const ctx = runtime(gateway, 'merchant').createContext(adminCaller(merchant.id));
    // the merchant domain emits version 3, then (late) version 2, through its outbox
    await ctx.em.begin();
    ctx.emit('merchant.timezone_changed', { timezone: 'Asia/Kolkata', version: 3 });
    ctx.emit('merchant.timezone_changed', { timezone: 'Europe/Berlin', version: 2 });
    await ctx.em.flush();
    await ctx.em.commit();
    await ctx.runAfterCommit();

    await eventually(async () => {
      const { rows } = await withOwnerDb('merchant', (db) => db.query<{ id: string }>("select id from outbox_event where merchant_id = $1 and topic = 'merchant.timezone_changed'", [merchant.id]));
      const consumed = await withOwnerDb('tier', (db) => db.query<{ n: number }>('select count(*)::int as n from consumed_event where merchant_id = $1 and event_id = any($2)', [merchant.id, rows.map((r) => r.id)]));
      return consumed.rows[0].n === 2;
    }, 15_000, 'both announcements consumed');
    expect(await tierZoneBecomes(merchant, 'Asia/Kolkata')).toMatchObject({ timezone_version: 3 });
  });
});
