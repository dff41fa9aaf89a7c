import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { connectLive, type LiveConnection, type LiveSubscription } from './support/live.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { changeTier, forgetEngineRows } from './support/tier-engine-stand-in.js';
import { tierInput, updateTierProgram, type TierProgramNode } from './support/tiers.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

const TIER_CHANGED = `subscription($customerId: ID) {
  tierChanged(customerId: $customerId) { fromTierId toTierId direction reason version committedAt customer { id firstName tier { current { name } } } }
}`;
const ACTIVITY = 'subscription { merchantActivity { kind details customer { id } } }';

/** Long enough for a subscription to be listening before anything is published. */
const SETTLE_MS = 500;

describe('tierChanged: live tier changes over graphql-ws', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let aTiers: string[];
  let bTiers: string[];
  let noor: CreatedCustomer;
  let omar: CreatedCustomer;
  let bea: CreatedCustomer;
  const open: LiveConnection[] = [];

  const subscribe = (auth: Record<string, string>, query: string, variables?: Record<string, unknown>): LiveSubscription => {
    const connection = connectLive(gateway.url, auth.authorization);
    open.push(connection);
    return connection.subscribe(query, variables);
  };
  const programOf = async (merchant: TestMerchant) =>
    // Bronze from 100, not 0: the engine would make each new customer a Bronze member, a live change of its own.
    ((await updateTierProgram(gateway, merchant.auth, { tiers: [tierInput('Bronze', 100), tierInput('Silver', 500), tierInput('Gold', 1500)] })) as TierProgramNode).tiers.map((t) => t.id);

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', EVENTS_ENV);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    [aTiers, bTiers] = await Promise.all([programOf(a), programOf(b)]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Noor' });
    omar = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), firstName: 'Omar' });
    bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), firstName: 'Bea' });
    // The engine's own placement of these new customers is consumed and removed: the stand-in's changes are the only ones.
    await Promise.all([forgetEngineRows(a, [noor.id, omar.id]), forgetEngineRows(b, [bea.id])]);
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await gateway?.stop();
  });

  it("delivers a committed change to the customer's shopper, to admins following them or every customer, and to the activity feed; never to another shopper or merchant", async () => {
    // given every kind of subscriber, of A and of B
    const noorOwn = subscribe(await shopperAuth(gateway, a, noor.id), TIER_CHANGED);
    const omarOwn = subscribe(await shopperAuth(gateway, a, omar.id), TIER_CHANGED);
    const adminOfNoor = subscribe(a.auth, TIER_CHANGED, { customerId: noor.id });
    const adminAll = subscribe(a.auth, TIER_CHANGED);
    const activity = subscribe(a.auth, ACTIVITY);
    const otherMerchant = subscribe(b.auth, TIER_CHANGED);
    const otherActivity = subscribe(b.auth, ACTIVITY);
    await Promise.all([noorOwn, omarOwn, adminOfNoor, adminAll, activity, otherMerchant, otherActivity].map((s) => s.nothingFor(SETTLE_MS)));

    // when the engine commits Noor's upgrade from Bronze to Silver
    await changeTier(gateway, a.id, noor.id, { from: aTiers[0], to: aTiers[1], direction: 'up', reason: 'qualified', version: 1 });

    // then her shopper and A's admins receive it, with the customer resolved through the supergraph
    const expected = {
      data: {
        tierChanged: {
          fromTierId: aTiers[0],
          toTierId: aTiers[1],
          direction: 'up',
          reason: 'qualified',
          version: 1,
          committedAt: expect.any(String),
          customer: { id: noor.id, firstName: 'Noor', tier: { current: { name: 'Silver' } } },
        },
      },
    };
    expect(await noorOwn.next(15_000)).toEqual(expected);
    expect(await adminOfNoor.next()).toEqual(expected);
    expect(await adminAll.next()).toEqual(expected);
    expect(await activity.next()).toEqual({
      data: { merchantActivity: { kind: 'tier.changed', details: { fromTierId: aTiers[0], toTierId: aTiers[1], direction: 'up', reason: 'qualified', version: 1 }, customer: { id: noor.id } } },
    });
    // and nobody else does
    await Promise.all([omarOwn, otherMerchant, otherActivity].map((s) => s.nothingFor(SETTLE_MS)));

    // when B's customer changes tier, A's feeds stay quiet and B's admin receives it
    await changeTier(gateway, b.id, bea.id, { from: null, to: bTiers[2], direction: 'up', reason: 'assigned', version: 1 });
    expect(await otherMerchant.next(15_000)).toMatchObject({ data: { tierChanged: { toTierId: bTiers[2], customer: { id: bea.id, tier: { current: { name: 'Gold' } } } } } });
    await Promise.all([noorOwn, omarOwn, adminOfNoor, adminAll, activity].map((s) => s.nothingFor(SETTLE_MS)));
  });

  it("refuses a shopper following another customer, a caller without tiers:read, and another merchant's customer", async () => {
    const shopperOfOther = subscribe(await shopperAuth(gateway, a, noor.id), TIER_CHANGED, { customerId: omar.id });
    expect((await shopperOfOther.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const created = await gateway.gql<{ createApiKey: { secret: string } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
      { input: { name: 'points only', scopes: ['points:read', 'customers:read'] } },
      a.auth,
    );
    const partner = subscribe({ authorization: `Bearer ${created.data!.createApiKey.secret}` }, TIER_CHANGED);
    const refused = await partner.next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/tiers:read/);

    const crossMerchant = subscribe(b.auth, TIER_CHANGED, { customerId: noor.id });
    expect((await crossMerchant.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
