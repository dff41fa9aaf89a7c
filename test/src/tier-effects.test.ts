import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { TIER_CHANGED, TIER_MULTIPLIER_CHANGED, type TierChanged, type TierEntryBonus, type TierMultiplierChanged } from '@loyalnest/tier/topics';
import { randomUUID } from 'node:crypto';
import { CustomerEntity } from '../../subgraphs/customer/src/entities/customer.entity.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { pointsOf } from './support/points.js';
import { deliverWebhook, setRules } from './support/points-jobs.js';
import { shuffled } from './support/order-life.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** An order as Shopify sends it: 100.00 of goods − 10.00 discount (the earning base: 90.00), 5.00 shipping, 19.00 tax. */
function paidOrder(id: string, shopifyCustomerId: string): Record<string, unknown> {
  return {
    id: Number(id),
    currency: 'EUR',
    total_line_items_price: '100.00',
    total_discounts: '10.00',
    subtotal_price: '90.00',
    total_shipping_price_set: { shop_money: { amount: '5.00', currency_code: 'EUR' } },
    total_tax: '19.00',
    taxes_included: false,
    total_price: '114.00',
    financial_status: 'paid',
    processed_at: '2026-11-20T10:00:00Z',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    cancelled_at: null,
    customer: { id: Number(shopifyCustomerId), email: `buyer-${shopifyCustomerId}@example.com`, first_name: 'Order', last_name: 'Buyer' },
  };
}

interface AccountRow {
  tier_multiplier: string;
  tier_id: string | null;
  tier_version: number;
  balance: number;
}

interface TierEntryRow {
  points: number;
  idempotency_key: string;
  reason: string;
  kind: string;
  metadata: Record<string, unknown>;
}

describe('the points domain applies tier changes', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', EVENTS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  /** Reads the points store past RLS (a superuser): `sql` names the merchant's rows itself, as `merchant_id = $1`. */
  async function asPoints<T>(merchant: TestMerchant, sql: string, params: unknown[]): Promise<T[]> {
    return withOwnerDb('points', async (c) => (await c.query(sql, [merchant.id, ...params])).rows as T[]);
  }

  /** The merchants under which any account of the customer exists, across tenants. */
  const merchantsHolding = async (customerId: string) =>
    (await withOwnerDb('points', (c) => c.query<{ merchant_id: string }>('select merchant_id from points_account where customer_id = $1', [customerId]))).rows.map((r) => r.merchant_id);
  const accountOf = async (merchant: TestMerchant, customerId: string) =>
    (await asPoints<AccountRow>(merchant, 'select tier_multiplier::text, tier_id, tier_version, balance from points_account where merchant_id = $1 and customer_id = $2', [customerId]))[0];
  /** The customer's tier entries, by idempotency key (compared as JavaScript does, whatever the database's collation). */
  const tierEntriesOf = async (merchant: TestMerchant, customerId: string) =>
    (await asPoints<TierEntryRow>(merchant, `select points, idempotency_key, reason, kind, metadata from points_entry where merchant_id = $1 and customer_id = $2 and source = 'tier'`, [customerId])).sort((x, y) =>
      byText(x.idempotency_key, y.idempotency_key),
    );

  /** Emits an event as the tier domain does: through a context of the tier store, written by its flush with its outbox row. */
  async function emitTier(merchant: TestMerchant, event: { changed: TierChanged } | { multiplier: TierMultiplierChanged }): Promise<string> {
    const ctx = runtime(gateway, 'tier').createContext(systemCaller(ADMIN_SCOPES, merchant.id));
    const id = 'changed' in event ? ctx.emit(TIER_CHANGED, event.changed) : ctx.emit(TIER_MULTIPLIER_CHANGED, event.multiplier);
    await ctx.em.flush();
    return id;
  }

  /** Waits until the points domain has consumed every one of the events (applied, or found nothing to do). */
  async function consumed(eventIds: string[]): Promise<void> {
    await eventually(
      async () =>
        withOwnerDb('points', async (c) => (await c.query(`select 1 from consumed_event where consumer = 'points' and event_id = any($1)`, [eventIds])).rowCount === eventIds.length),
      20_000,
      `points consuming ${eventIds.length} tier events`,
    );
  }

  function changed(customerId: string, to: string | null, version: number, multiplier: number, entryBonuses: TierEntryBonus[] = []): TierChanged {
    return { customerId, from: null, to, direction: 'up', reason: 'qualified', multiplier, version, entryBonuses };
  }

  const bonus = (customerId: string, tierId: string, points: number, period = '2026'): TierEntryBonus => ({ tierId, points, idempotencyKey: `tier:${customerId}:${tierId}:${period}` });

  /** A customer of `merchant` whose account the points domain has opened (its `customer.created` consumed). */
  async function customerWithAccount(merchant: TestMerchant): Promise<{ id: string; shopifyId: string }> {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });
    await eventually(async () => (await accountOf(merchant, customer.id)) ?? undefined, 20_000, 'the account opened');
    return customer;
  }

  it("multiplies the next order's earn, end to end from the order webhook, rounded once by the program's rule", async () => {
    // given a customer whose first order earned at 1×
    const customer = await customerWithAccount(a);
    await deliverWebhook(gateway, a, 'orders/paid', paidOrder(shopifyId(), customer.shopifyId));
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(90);

    // when the tier domain moves the customer up to a 1.25× tier
    const gold = randomUUID();
    await consumed([await emitTier(a, { changed: changed(customer.id, gold, 1, 1.25) })]);
    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '1.25', tier_id: gold, tier_version: 1 });

    // then the next order earns 90 × 1.25 = 112.5, rounded down by default: 112
    await deliverWebhook(gateway, a, 'orders/paid', paidOrder(shopifyId(), customer.shopifyId));
    // and to nearest once the merchant says so: 113
    await setRules(gateway, a, { rounding: 'NEAREST' });
    await deliverWebhook(gateway, a, 'orders/paid', paidOrder(shopifyId(), customer.shopifyId));
    await setRules(gateway, a, { rounding: 'DOWN' });

    const points = await pointsOf(gateway, a, customer.id);
    expect(points.history.nodes.filter((n) => n.source === 'ORDER').map((n) => n.points).sort((x, y) => x - y)).toEqual([90, 112, 113]);
    expect(points.balance).toBe(90 + 112 + 113);
    const earns = await asPoints<{ metadata: { multiplier: number; base: number } }>(a, `select metadata from points_entry where merchant_id = $1 and customer_id = $2 and source = 'order' order by created_at`, [customer.id]);
    expect(earns.map((e) => [e.metadata.base, e.metadata.multiplier])).toEqual([
      [90, 1],
      [90, 1.25],
      [90, 1.25],
    ]);
  });

  it('keeps the newest change: an older version consumed after a newer one changes nothing, of either topic', async () => {
    const customer = await customerWithAccount(a);
    const [silver, gold] = [randomUUID(), randomUUID()];

    // given version 3 applied
    await consumed([await emitTier(a, { changed: changed(customer.id, gold, 3, 1.5) })]);
    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '1.50', tier_id: gold, tier_version: 3 });

    // when versions 2 of both topics arrive late
    await consumed([
      await emitTier(a, { changed: { ...changed(customer.id, silver, 2, 1.25), direction: 'down', reason: 'metric_lowered' } }),
      await emitTier(a, { multiplier: { customerId: customer.id, tierId: silver, multiplier: 1.1, version: 2 } }),
    ]);
    // then nothing changed
    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '1.50', tier_id: gold, tier_version: 3 });

    // and a newer multiplier change of the same tier applies
    await consumed([await emitTier(a, { multiplier: { customerId: customer.id, tierId: gold, multiplier: 2, version: 4 } })]);
    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '2.00', tier_id: gold, tier_version: 4 });
  });

  it('ends on the newest of 12 changes of one customer emitted at once and consumed in whatever order (the race of concurrent consumers)', async () => {
    const customer = await customerWithAccount(a);
    const tiers = Array.from({ length: 12 }, () => randomUUID());
    const versions = shuffled(
      tiers.map((_, i) => i + 1),
      99,
    );

    const ids = await Promise.all(
      versions.map((v) =>
        v % 2 ? emitTier(a, { changed: changed(customer.id, tiers[v - 1], v, 1 + v / 10) }) : emitTier(a, { multiplier: { customerId: customer.id, tierId: tiers[v - 1], multiplier: 1 + v / 10, version: v } }),
      ),
    );
    await consumed(ids);

    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '2.20', tier_id: tiers[11], tier_version: 12 });
  });

  it('posts an entry bonus exactly once when its change arrives three times at once, and again when a later change repeats its key', async () => {
    // given a customer
    const customer = await customerWithAccount(a);
    const gold = randomUUID();
    const goldBonus = bonus(customer.id, gold, 200);

    // when the same change is emitted three times at once (three events: only the ledger key can keep it once)
    const copies = await Promise.all([1, 2, 3].map(() => emitTier(a, { changed: changed(customer.id, gold, 1, 1.5, [goldBonus]) })));
    await consumed(copies);
    // and later the customer drops a tier and comes back within the same period: the tier domain repeats the key
    await consumed([await emitTier(a, { changed: { ...changed(customer.id, null, 2, 1, []), direction: 'down', reason: 'metric_lowered' } })]);
    await consumed([await emitTier(a, { changed: changed(customer.id, gold, 3, 1.5, [goldBonus]) })]);

    // then one bonus of 200 (not multiplied: it is a gift of a stated amount)
    const entries = await tierEntriesOf(a, customer.id);
    expect(entries).toEqual([{ points: 200, idempotency_key: goldBonus.idempotencyKey, reason: 'Tier entry bonus', kind: 'earn', metadata: { tierId: gold, tierVersion: 1 } }]);
    expect(await accountOf(a, customer.id)).toMatchObject({ balance: 200, tier_multiplier: '1.50', tier_id: gold, tier_version: 3 });
    // and the next period's key pays again
    await consumed([await emitTier(a, { changed: changed(customer.id, gold, 4, 1.5, [bonus(customer.id, gold, 200, '2027')]) })]);
    expect((await tierEntriesOf(a, customer.id)).map((e) => e.points)).toEqual([200, 200]);
  });

  it('posts one bonus per tier passed when a change skips tiers, and an older change still pays its bonuses', async () => {
    const customer = await customerWithAccount(a);
    const [silver, gold, platinum] = [randomUUID(), randomUUID(), randomUUID()];

    // when one change passes silver and gold to platinum
    await consumed([await emitTier(a, { changed: changed(customer.id, platinum, 5, 2, [bonus(customer.id, silver, 100), bonus(customer.id, gold, 250), bonus(customer.id, platinum, 500)]) })]);
    // and an older change, consumed late, carries a bonus of its own (and one already paid)
    await consumed([await emitTier(a, { changed: changed(customer.id, gold, 4, 1.5, [bonus(customer.id, gold, 250), bonus(customer.id, silver, 100, 'spring')]) })]);

    // then each tier's bonus once, each under its key, and the newest multiplier
    const entries = await tierEntriesOf(a, customer.id);
    expect(entries.map((e) => [e.idempotency_key, e.points, e.metadata.tierId])).toEqual(
      [
        [bonus(customer.id, silver, 100).idempotencyKey, 100, silver],
        [bonus(customer.id, gold, 250).idempotencyKey, 250, gold],
        [bonus(customer.id, platinum, 500).idempotencyKey, 500, platinum],
        [bonus(customer.id, silver, 100, 'spring').idempotencyKey, 100, silver],
      ].sort((x, y) => byText(String(x[0]), String(y[0]))),
    );
    expect(await accountOf(a, customer.id)).toMatchObject({ balance: 950, tier_multiplier: '2.00', tier_id: platinum, tier_version: 5 });
  });

  it("changes nothing for either merchant when an event of merchant A names merchant B's customer", async () => {
    // given B's customer, with an account at B
    const theirs = await customerWithAccount(b);
    const tier = randomUUID();

    // when A's tier domain emits changes naming B's customer, with a bonus
    await consumed([
      await emitTier(a, { changed: changed(theirs.id, tier, 1, 3, [bonus(theirs.id, tier, 1000)]) }),
      await emitTier(a, { multiplier: { customerId: theirs.id, tierId: tier, multiplier: 3, version: 2 } }),
    ]);

    // then A has no account for them, and B's account is untouched
    expect(await asPoints(a, 'select 1 from points_account where merchant_id = $1 and customer_id = $2', [theirs.id])).toEqual([]);
    expect(await asPoints(a, 'select 1 from points_entry where merchant_id = $1 and customer_id = $2', [theirs.id])).toEqual([]);
    expect(await merchantsHolding(theirs.id)).toEqual([b.id]);
    expect(await accountOf(b, theirs.id)).toMatchObject({ tier_multiplier: '1.00', tier_id: null, tier_version: 0, balance: 0 });
    expect(await tierEntriesOf(b, theirs.id)).toEqual([]);

    // and the same event under B applies to B only
    await consumed([await emitTier(b, { changed: changed(theirs.id, tier, 1, 3, [bonus(theirs.id, tier, 1000)]) })]);
    expect(await accountOf(b, theirs.id)).toMatchObject({ tier_multiplier: '3.00', tier_id: tier, tier_version: 1, balance: 1000 });
    expect(await asPoints(a, 'select 1 from points_account where merchant_id = $1 and customer_id = $2', [theirs.id])).toEqual([]);
  });

  it('opens the account of a customer the points domain has not heard of yet, so nothing is lost, and ignores a customer that does not exist', async () => {
    // given a customer the customer domain holds, whose customer.created the points domain has not consumed
    const shopify = shopifyId();
    const customerCtx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const customer = customerCtx.em.create(CustomerEntity, { merchantId: a.id, shopifyId: shopify });
    await customerCtx.em.flush();
    expect(await accountOf(a, customer.id)).toBeUndefined();
    const gold = randomUUID();

    // when its tier change arrives, and one naming a customer no one has
    const stranger = randomUUID();
    await consumed([
      await emitTier(a, { changed: changed(customer.id, gold, 1, 1.5, [bonus(customer.id, gold, 300)]) }),
      await emitTier(a, { changed: changed(stranger, gold, 1, 1.5, [bonus(stranger, gold, 300)]) }),
    ]);

    // then the customer's account is open with the tier and the bonus; the stranger has nothing
    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '1.50', tier_id: gold, tier_version: 1, balance: 300 });
    expect(await merchantsHolding(stranger)).toEqual([]);

    // and when customer.created is consumed afterwards, the account keeps them, and orders earn at 1.5×
    const created = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const createdId = created.emit('customer.created', { customerId: customer.id, fields: [] });
    await created.em.flush();
    await eventually(
      async () => withOwnerDb('points', async (c) => (await c.query(`select 1 from consumed_event where consumer = 'points' and event_id = $1`, [createdId])).rowCount === 1),
      20_000,
      'customer.created consumed',
    );
    expect(await accountOf(a, customer.id)).toMatchObject({ tier_multiplier: '1.50', tier_id: gold, tier_version: 1, balance: 300 });
    await deliverWebhook(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify));
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(300 + 135);
  });

  it('applies the multiplier but posts no bonus while the merchant has switched the program off', async () => {
    const merchant = await createMerchant(gateway);
    const customer = await customerWithAccount(merchant);
    await setRules(gateway, merchant, { enabled: false });
    const gold = randomUUID();

    await consumed([await emitTier(merchant, { changed: changed(customer.id, gold, 1, 1.25, [bonus(customer.id, gold, 100)]) })]);

    expect(await accountOf(merchant, customer.id)).toMatchObject({ tier_multiplier: '1.25', tier_id: gold, tier_version: 1, balance: 0 });
    expect(await tierEntriesOf(merchant, customer.id)).toEqual([]);
  });
});
