import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { pruneSentTriggers, triggersFor } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { changeTier, consumedTierEvent, forgetEngineRows, warnExpiring } from './support/tier-engine-stand-in.js';
import { tierInput, updateTierProgram, type TierProgramNode } from './support/tiers.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };
const SHOPIFY_ADMIN_ENV = { SHOPIFY_ADMIN_ATTEMPTS: '2', SHOPIFY_ADMIN_TIMEOUT_MS: '300', SHOPIFY_ADMIN_DEADLINE_MS: '1000', SHOPIFY_ADMIN_BACKOFF_MS: '20' };

describe('Shopify Flow triggers of the tier domain', () => {
  let gateway: TestGateway;
  let fake: FakeShopify;
  let a: TestMerchant;
  let b: TestMerchant;
  let bronze: string;
  let silver: string;
  let gold: string;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...SHOPIFY_ADMIN_ENV, ...fake.env });
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'tier-flow-a'), installMerchant(gateway, fake, 'tier-flow-b')]);
    const saved = (await updateTierProgram(gateway, a.auth, {
      // Bronze from 100, not 0: the engine would make each new customer a Bronze member, with a trigger of its own.
      tiers: [tierInput('Bronze', 100), { names: [{ locale: 'FR', text: 'Argent' }, { locale: 'EN', text: 'Silver' }], threshold: 500, earnMultiplier: 1.5 }, tierInput('Gold', 1500)],
    })) as TierProgramNode;
    [bronze, silver, gold] = saved.tiers.map((t) => t.id);
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  /** A customer the engine is done with (its customer.created placement consumed, its rows removed): the stand-in's changes are the only ones. */
  async function newCustomer(merchant: TestMerchant): Promise<CreatedCustomer> {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Vip' });
    await forgetEngineRows(merchant, [customer.id]);
    return customer;
  }
  const triggersOf = (merchant: TestMerchant, customer: CreatedCustomer, handle: string) => triggersFor(fake, merchant.shop, customer.shopifyId).filter((t) => t.handle === handle);
  const received = (merchant: TestMerchant, customer: CreatedCustomer, handle: string) =>
    eventually(async () => triggersOf(merchant, customer, handle).length >= 1 && triggersOf(merchant, customer, handle), 15_000, `${handle} for ${customer.shopifyId}`);

  /** Delivers the consumed event again, twice at once, then once more after its consumed record is gone (pruned): nothing may send twice. */
  async function redeliver(eventId: string): Promise<void> {
    const event = await consumedTierEvent(eventId);
    const tier = runtime(gateway, 'tier');
    const handler = tier.module.consumes![event.topic];
    expect(await Promise.all([consumeEvent(tier, handler, event), consumeEvent(tier, handler, event)])).toEqual(['duplicate', 'duplicate']);
    await withOwnerDb('tier', (db) => db.query(`delete from consumed_event where consumer = 'tier' and event_id = $1`, [eventId]));
    expect(await consumeEvent(tier, handler, event)).toBe('applied');
  }

  it('sends tier-upgraded once for an upgrade, naming the Shopify customer and the tiers, under redeliveries racing each other and after its consumed record is pruned', async () => {
    const customer = await newCustomer(a);
    const eventId = await changeTier(gateway, a.id, customer.id, { from: bronze, to: silver, direction: 'up', reason: 'qualified', version: 1 });

    expect(await received(a, customer, 'tier-upgraded')).toEqual([
      {
        handle: 'tier-upgraded',
        payload: { customer_id: Number(customer.shopifyId), from_tier_id: bronze, from_tier_name: 'Bronze', to_tier_id: silver, to_tier_name: 'Silver', direction: 'up', reason: 'qualified' },
      },
    ]);
    await redeliver(eventId);
    expect(triggersOf(a, customer, 'tier-upgraded')).toHaveLength(1);
    expect(triggersOf(a, customer, 'tier-downgraded')).toEqual([]);
  });

  it('sends tier-downgraded once for a downgrade, with empty fields for "no tier"', async () => {
    const customer = await newCustomer(a);
    const eventId = await changeTier(gateway, a.id, customer.id, { from: gold, to: null, direction: 'down', reason: 'period_ended', version: 4 });

    expect(await received(a, customer, 'tier-downgraded')).toEqual([
      {
        handle: 'tier-downgraded',
        payload: { customer_id: Number(customer.shopifyId), from_tier_id: gold, from_tier_name: 'Gold', to_tier_id: '', to_tier_name: '', direction: 'down', reason: 'period_ended' },
      },
    ]);
    await redeliver(eventId);
    expect(triggersOf(a, customer, 'tier-downgraded')).toHaveLength(1);
    expect(triggersOf(a, customer, 'tier-upgraded')).toEqual([]);
  });

  it('sends tier-expiring-soon once per warning, with the date the downgrade takes effect', async () => {
    const customer = await newCustomer(a);
    const effectiveAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const eventId = await warnExpiring(gateway, a.id, { customerId: customer.id, tierId: gold, toTierId: silver, effectiveAt });

    expect(await received(a, customer, 'tier-expiring-soon')).toEqual([
      {
        handle: 'tier-expiring-soon',
        payload: { customer_id: Number(customer.shopifyId), tier_id: gold, tier_name: 'Gold', to_tier_id: silver, to_tier_name: 'Silver', effective_at: effectiveAt },
      },
    ]);
    await redeliver(eventId);
    expect(triggersOf(a, customer, 'tier-expiring-soon')).toHaveLength(1);
  });

  it("never sends one merchant's change to another's shop, nor for a customer the merchant does not have", async () => {
    const customer = await newCustomer(a);
    // B's engine naming A's customer: the customer subgraph knows no such customer of B
    const crossed = await changeTier(gateway, b.id, customer.id, { from: null, to: randomUUID(), direction: 'up', reason: 'assigned', version: 1 });
    await consumedTierEvent(crossed);
    expect(fake.flowTriggers(b.shop)).toEqual([]);
    expect(triggersFor(fake, a.shop, customer.shopifyId)).toEqual([]);
    const letters = await withOwnerDb('tier', async (db) => (await db.query('select 1 from dead_letter_event where event_id = $1', [crossed])).rowCount);
    expect(letters).toBe(0);
  });

  it("forgets a sent trigger once the dedupe window has passed, through the tier store's own prune function", async () => {
    const { pruned, left, fresh } = await pruneSentTriggers(gateway, 'tier', a.id, 'tier-upgraded');
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(left).toEqual([fresh]);
  });
});
