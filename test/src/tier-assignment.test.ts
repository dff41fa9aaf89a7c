import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, customerIdOf, DAY_MS, deliver, memberOf, paidOrder, runDaily, saveProgram, TIER_EVENTS_ENV, tierEvents, tierSettled } from './support/tier-members.js';

const ASSIGN = `mutation($input: AssignTierInput!) {
  assignTier(input: $input) {
    __typename
    ... on AssignTierSuccess { customerId tier { id } since assignedTier { id } assignedUntil }
    ... on InvalidTierAssignmentError { code message field }
  }
}`;

type AssignResult =
  | { __typename: 'AssignTierSuccess'; customerId: string; tier: { id: string } | null; since: string | null; assignedTier: { id: string } | null; assignedUntil: string | null }
  | { __typename: 'InvalidTierAssignmentError'; code: string; message: string; field: string };

/**
 * What the tier store holds of the merchant's members (their tiers, assignments, checks; not when
 * they were last evaluated, which a late event may move), their history and bonuses, as one
 * digest: a refused assignment leaves it as it was.
 */
async function storedMembers(merchantId: string): Promise<string> {
  return withOwnerDb('tier', async (db) => {
    const { rows } = await db.query<{ d: string }>(
      `select md5(coalesce((select string_agg(m::text, ',' order by m::text) from (
                    select customer_id, tier_id, since, manual_tier_id, manual_until, manual_by, held_until, below_since, version from tier_member where merchant_id = $1) m), '') || '|' ||
                  coalesce((select string_agg(c::text, ',' order by c::text) from tier_change c where merchant_id = $1), '') || '|' ||
                  coalesce((select string_agg(b::text, ',' order by b::text) from tier_bonus b where merchant_id = $1), '')) as d`,
      [merchantId],
    );
    return rows[0].d;
  });
}

describe('assignTier', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let tiersA: Record<string, string>;
  let tiersB: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const program: [string, number, number?][] = [['Bronze', 0], ['Silver', 2], ['Gold', 5, 30]];
    [tiersA, tiersB] = await Promise.all([saveProgram(gateway, a, { metric: 'ORDERS_COUNT' }, program), saveProgram(gateway, b, { metric: 'ORDERS_COUNT' }, program)]);
  });
  afterAll(() => gateway.stop());

  async function assign(merchant: TestMerchant, input: Record<string, unknown>, auth = merchant.auth): Promise<AssignResult> {
    const result = await gateway.gql<{ assignTier: AssignResult }>(ASSIGN, { input }, auth);
    if (result.errors?.length || !result.data) throw new Error(`assignTier failed: ${JSON.stringify(result.errors)}`);
    return result.data.assignTier;
  }

  async function customerWithOrders(merchant: TestMerchant, orders: number): Promise<{ customerId: string; shopify: string }> {
    const shopify = shopifyId();
    for (let i = 0; i < orders; i++) await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '10.00'));
    await tierSettled(merchant);
    return { customerId: await customerIdOf(gateway, merchant, shopify), shopify };
  }

  it('assigns a tier without `until` that wins over the metric until lifted, then the metric decides again', async () => {
    const { customerId, shopify } = await customerWithOrders(a, 1);
    expect((await memberOf(a, customerId))?.tier_id).toBe(tiersA.Bronze);

    const assigned = await assign(a, { customerId, tierId: tiersA.Gold });
    expect(assigned).toMatchObject({ __typename: 'AssignTierSuccess', customerId, tier: { id: tiersA.Gold }, assignedTier: { id: tiersA.Gold }, assignedUntil: null, since: expect.any(String) });
    expect((await changesOf(a, customerId)).at(-1)).toMatchObject({ from_tier_id: tiersA.Bronze, to_tier_id: tiersA.Gold, direction: 'up', reason: 'assigned' });
    expect((await tierEvents(a, 'tier.changed', customerId)).at(-1)).toMatchObject({ reason: 'assigned', multiplier: 2, entryBonuses: [{ tierId: tiersA.Gold, points: 30 }] });

    // an order that brings the metric to Silver changes nothing while the assignment holds
    await deliver(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify, '10.00'));
    await tierSettled(a);
    expect(await memberOf(a, customerId)).toMatchObject({ tier_id: tiersA.Gold, qualified_tier_id: tiersA.Silver, metric_value: '2' });

    // lifting it: the metric places the customer
    const lifted = await assign(a, { customerId, tierId: null });
    expect(lifted).toMatchObject({ __typename: 'AssignTierSuccess', tier: { id: tiersA.Silver }, assignedTier: null, assignedUntil: null });
    expect((await changesOf(a, customerId)).at(-1)).toMatchObject({ from_tier_id: tiersA.Gold, to_tier_id: tiersA.Silver, direction: 'down', reason: 'assignment_ended' });

    // and, like every mutation, it was audited
    const { rows } = await withOwnerDb('tier', (db) => db.query("select payload from outbox_event where merchant_id = $1 and topic = 'audit.mutation_executed' and payload->>'mutation' = 'assignTier'", [a.id]));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('assigns a tier `until` a date; the daily job hands the customer back to the metric then, not before', async () => {
    const { customerId } = await customerWithOrders(a, 2);
    const until = new Date(Date.now() + 5 * DAY_MS);
    const assigned = await assign(a, { customerId, tierId: tiersA.Bronze, until: until.toISOString() });
    expect(assigned).toMatchObject({ tier: { id: tiersA.Bronze }, assignedTier: { id: tiersA.Bronze }, assignedUntil: until.toISOString() });
    expect((await memberOf(a, customerId))?.tier_id).toBe(tiersA.Bronze);

    await runDaily(gateway, new Date(until.getTime() - 1000));
    expect((await memberOf(a, customerId))?.tier_id).toBe(tiersA.Bronze);
    await runDaily(gateway, new Date(until.getTime() + 1000));
    expect(await memberOf(a, customerId)).toMatchObject({ tier_id: tiersA.Silver, manual_tier_id: null, manual_until: null });
    expect((await changesOf(a, customerId)).at(-1)).toMatchObject({ from_tier_id: tiersA.Bronze, to_tier_id: tiersA.Silver, direction: 'up', reason: 'assignment_ended' });
  });

  it('refuses an unknown customer, an unknown tier and an `until` in the past, naming the field, with nothing written', async () => {
    const { customerId } = await customerWithOrders(a, 1);
    const before = await storedMembers(a.id);

    expect(await assign(a, { customerId: randomUUID(), tierId: tiersA.Gold })).toMatchObject({ __typename: 'InvalidTierAssignmentError', code: 'CUSTOMER_NOT_FOUND', field: 'customerId' });
    expect(await assign(a, { customerId: 'not-a-uuid', tierId: tiersA.Gold })).toMatchObject({ field: 'customerId' });
    expect(await assign(a, { customerId, tierId: randomUUID() })).toMatchObject({ __typename: 'InvalidTierAssignmentError', code: 'NOT_FOUND', field: 'tierId' });
    expect(await assign(a, { customerId, tierId: tiersA.Gold, until: new Date(Date.now() - 60_000).toISOString() })).toMatchObject({ __typename: 'InvalidTierAssignmentError', field: 'until' });

    expect(await storedMembers(a.id)).toBe(before);
  });

  it("keeps merchants apart: B's customers and tiers are unknown to A, and B's members untouched", async () => {
    const ofA = await customerWithOrders(a, 1);
    const ofB = await customerWithOrders(b, 1);
    const beforeB = await storedMembers(b.id);

    expect(await assign(a, { customerId: ofB.customerId, tierId: tiersA.Gold })).toMatchObject({ __typename: 'InvalidTierAssignmentError', field: 'customerId' });
    expect(await assign(a, { customerId: ofA.customerId, tierId: tiersB.Gold })).toMatchObject({ __typename: 'InvalidTierAssignmentError', field: 'tierId' });
    expect(await assign(a, { customerId: ofB.customerId, tierId: null })).toMatchObject({ __typename: 'InvalidTierAssignmentError', field: 'customerId' });

    expect(await storedMembers(b.id)).toBe(beforeB);
    expect((await memberOf(a, ofA.customerId))?.tier_id).toBe(tiersA.Bronze);
  });

  it('is for admins with tiers:manage: a shopper is refused', async () => {
    const { customerId } = await customerWithOrders(a, 1);
    const result = await gateway.gql(ASSIGN, { input: { customerId, tierId: tiersA.Gold } }, await shopperAuth(gateway, a, customerId));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await memberOf(a, customerId))?.tier_id).toBe(tiersA.Bronze);
  });
});
