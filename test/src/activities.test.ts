import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { ActivityService, isoWeek, utcDate } from '../../subgraphs/points/src/services/activity.service.js';
import { CustomerDirectory } from '../../subgraphs/points/src/services/customer-directory.js';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
import { PointsProgramService } from '../../subgraphs/points/src/services/points-program.service.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { pointsOf, shopperAuth } from './support/points.js';
import { asPointsOwner, POINTS_JOBS_ENV, setRules, verifyLedger } from './support/points-jobs.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const RECORD = `mutation($input: RecordActivityInput!) {
  recordActivity(input: $input) {
    __typename
    ... on PointsChange { duplicate entry { id kind source status points reason } account { balance lifetimeEarned } }
    ... on ActivityLimitReachedError { activityKey limit period }
    ... on ActivityNotFoundError { activityKey }
    ... on ErrorResult { code message }
  }
}`;

type Recorded = { recordActivity: Record<string, any> };

const ACTIVITIES = [
  { key: 'instagram_follow', name: 'Follow us on Instagram', points: 10, limit: 'ONCE' },
  { key: 'review', name: 'Write a review', points: 20, limit: 'DAILY' },
  { key: 'share', name: 'Share a product', points: 5, limit: 'WEEKLY' },
  { key: 'visit', name: 'Visit the store', points: 1, limit: 'UNLIMITED' },
];

describe('custom activities (recordActivity)', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', POINTS_JOBS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
    await setRules(gateway, a, { activities: ACTIVITIES });
    await setRules(gateway, b, { activities: ACTIVITIES });
  });
  afterAll(() => gateway.stop());

  const newCustomer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com`, firstName: 'Ines' });
  const record = (merchant: TestMerchant, customerId: string, activityKey: string, idempotencyKey?: string, headers = merchant.auth) =>
    gateway.gql<Recorded>(RECORD, { input: { customerId, activityKey, idempotencyKey } }, headers).then((r) => {
      if (r.errors?.length) return { __typename: 'errors', errors: r.errors } as Record<string, any>;
      return r.data!.recordActivity;
    });

  it('earns a once-only activity once: a retry with the same key returns the first result, another attempt the limit', async () => {
    const customer = await newCustomer(a);
    const first = await record(a, customer.id, 'instagram_follow', 'follow-1');
    expect(first).toMatchObject({
      __typename: 'PointsChange',
      duplicate: false,
      entry: { kind: 'EARN', source: 'ACTIVITY', status: 'POSTED', points: 10, reason: 'Follow us on Instagram' },
      account: { balance: 10, lifetimeEarned: 10 },
    });
    const retry = await record(a, customer.id, 'instagram_follow', 'follow-1');
    expect(retry).toMatchObject({ __typename: 'PointsChange', duplicate: true, entry: { id: first.entry.id }, account: { balance: 10 } });
    const again = await record(a, customer.id, 'instagram_follow', 'follow-2');
    expect(again).toMatchObject({ __typename: 'ActivityLimitReachedError', code: 'ACTIVITY_LIMIT_REACHED', activityKey: 'instagram_follow', limit: 'ONCE', period: null });
    const unkeyed = await record(a, customer.id, 'instagram_follow');
    expect(unkeyed.__typename).toBe('ActivityLimitReachedError');
    expect((await asPointsOwner('select idempotency_key from points_entry where customer_id = $1', [customer.id])).map((r) => r.idempotency_key)).toEqual([
      `activity:instagram_follow:${customer.id}`,
    ]);
  });

  it('lets exactly one of ten concurrent recordings of a once-only activity earn', async () => {
    const customer = await newCustomer(a);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => record(a, customer.id, 'instagram_follow', `race-${i}`)));
    expect(results.filter((r) => r.__typename === 'PointsChange')).toHaveLength(1);
    expect(results.filter((r) => r.__typename === 'ActivityLimitReachedError')).toHaveLength(9);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(10);
  });

  it('limits daily activities per UTC day and weekly ones per ISO week; unlimited ones count once per key', async () => {
    const customer = await newCustomer(a);
    const now = new Date();
    expect(await record(a, customer.id, 'review')).toMatchObject({ __typename: 'PointsChange', entry: { points: 20 } });
    expect(await record(a, customer.id, 'review')).toMatchObject({ __typename: 'ActivityLimitReachedError', limit: 'DAILY', period: utcDate(now) });
    expect(await record(a, customer.id, 'share')).toMatchObject({ __typename: 'PointsChange', entry: { points: 5 } });
    expect(await record(a, customer.id, 'share')).toMatchObject({ __typename: 'ActivityLimitReachedError', limit: 'WEEKLY', period: isoWeek(now) });
    for (const key of ['v1', 'v2', 'v3']) expect(await record(a, customer.id, 'visit', key)).toMatchObject({ __typename: 'PointsChange', duplicate: false });
    expect(await record(a, customer.id, 'visit', 'v2')).toMatchObject({ __typename: 'PointsChange', duplicate: true });
    expect(await record(a, customer.id, 'visit')).toMatchObject({ __typename: 'PointsChange', duplicate: false });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(20 + 5 + 4);

    // The next day the daily activity earns again; the weekly one only in the next ISO week.
    const service = new ActivityService(new LedgerService(), new CustomerDirectory(), new PointsProgramService());
    const ctx = () => runtime(gateway, 'points').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    expect(await service.record(ctx(), { customerId: customer.id, activityKey: 'review' }, tomorrow)).toMatchObject({ duplicate: false, entry: { points: 20 } });
    expect(await service.record(ctx(), { customerId: customer.id, activityKey: 'review' }, tomorrow)).toMatchObject({ period: utcDate(tomorrow) });
    expect(await service.record(ctx(), { customerId: customer.id, activityKey: 'share' }, nextWeek)).toMatchObject({ duplicate: false, entry: { points: 5 } });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(20 + 5 + 4 + 20 + 5);
    expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true });
  });

  it('numbers weeks as ISO 8601 does across year ends', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-12-06T23:59:59Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
  });

  it("multiplies an activity's points by the customer's tier multiplier, rounded by the program's rule", async () => {
    const customer = await newCustomer(a);
    expect(await record(a, customer.id, 'visit', 'open')).toMatchObject({ entry: { points: 1 } });
    await asPointsOwner('update points_account set tier_multiplier = 1.5 where customer_id = $1', [customer.id]);
    expect(await record(a, customer.id, 'review')).toMatchObject({ __typename: 'PointsChange', entry: { points: 30 } });
    // 1 × 1.5 rounds down to 1 under the default rule.
    expect(await record(a, customer.id, 'visit', 'again')).toMatchObject({ entry: { points: 1 } });
  });

  it('answers an unknown activity, a switched-off program and an unknown customer with typed errors, writing nothing', async () => {
    const customer = await newCustomer(a);
    expect(await record(a, customer.id, 'no_such_thing')).toMatchObject({ __typename: 'ActivityNotFoundError', code: 'ACTIVITY_NOT_FOUND', activityKey: 'no_such_thing' });
    expect(await record(a, randomUUID(), 'review')).toMatchObject({ __typename: 'CustomerNotFoundError' });
    const off = await createMerchant(gateway);
    await setRules(gateway, off, { activities: ACTIVITIES, enabled: false });
    const ofOff = await newCustomer(off);
    expect(await record(off, ofOff.id, 'review')).toMatchObject({ __typename: 'ProgramDisabledError', code: 'PROGRAM_DISABLED' });
    const bad = await record(a, customer.id, 'review', 'has space');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await asPointsOwner('select 1 from points_entry where customer_id = any($1)', [[customer.id, ofOff.id]])).toEqual([]);
  });

  it('is not open to shoppers, even for themselves', async () => {
    const customer = await newCustomer(a);
    const result = await record(a, customer.id, 'review', undefined, await shopperAuth(gateway, a, customer.id));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await asPointsOwner('select 1 from points_entry where customer_id = $1', [customer.id])).toEqual([]);
  });

  it("keeps merchants apart: another merchant's admin recording an activity for this merchant's customer finds no customer", async () => {
    const customer = await newCustomer(a);
    await record(a, customer.id, 'review');
    const cross = await record(b, customer.id, 'instagram_follow', 'cross');
    expect(cross).toMatchObject({ __typename: 'CustomerNotFoundError' });
    const crossDaily = await record(b, customer.id, 'review');
    expect(crossDaily).toMatchObject({ __typename: 'CustomerNotFoundError' });
    expect(await asPointsOwner('select merchant_id from points_entry where customer_id = $1', [customer.id])).toEqual([{ merchant_id: a.id }]);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(20);
  });
});
