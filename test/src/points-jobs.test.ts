import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, liveChannel, systemCaller, type BalanceChangedMessage } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { BirthdayService } from '../../subgraphs/points/src/services/birthday.service.js';
import { CustomerDirectory } from '../../subgraphs/points/src/services/customer-directory.js';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
import { PointsProgramService } from '../../subgraphs/points/src/services/points-program.service.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award, DEDUCT, pointsOf, shopperAuth } from './support/points.js';
import {
  asPointsOwner,
  deliverWebhook,
  orderBody,
  pointsEvents,
  pointsWhen,
  POINTS_JOBS_ENV,
  runPointsJob,
  setRules,
  verifyLedger,
} from './support/points-jobs.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const SET_BIRTHDAY = `mutation($input: SetBirthdayInput!) {
  setBirthday(input: $input) { __typename ... on CustomerBirthday { customerId month day } ... on ErrorResult { code message } }
}`;

describe('scheduled points work', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', POINTS_JOBS_ENV);
  });
  afterAll(() => gateway.stop());

  const newCustomer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com`, firstName: 'Lin' });
  const entriesOf = (customerId: string) =>
    asPointsOwner('select kind, source, status, points, idempotency_key, released_at, created_at from points_entry where customer_id = $1 order by id', [customerId]);

  describe('pending release', () => {
    let a: TestMerchant;
    let b: TestMerchant;
    beforeAll(async () => {
      a = await createMerchant(gateway);
      b = await createMerchant(gateway);
      await setRules(gateway, a, { pendingDays: 14 });
      await setRules(gateway, b, { pendingDays: 14 });
    });

    it('holds order points, then releases them once their date has passed, once, publishing the new balance', async () => {
      // given an order paid under a 14-day hold, in each merchant
      const customer = await newCustomer(a);
      const other = await newCustomer(b);
      await deliverWebhook(gateway, a, 'orders/paid', orderBody(shopifyId(), customer.shopifyId, '40.00'));
      await deliverWebhook(gateway, b, 'orders/paid', orderBody(shopifyId(), other.shopifyId, '25.00'));
      const held = await pointsWhen(gateway, a, customer.id, (p) => p.pending === 40, '40 pending points');
      expect(held).toMatchObject({ balance: 0, pending: 40, lifetimeEarned: 40 });
      expect(held.history.nodes).toMatchObject([{ kind: 'EARN', source: 'ORDER', status: 'PENDING', points: 40 }]);

      // a run before the date changes nothing
      await runPointsJob(gateway, 'pending release');
      expect(await pointsOf(gateway, a, customer.id)).toMatchObject({ balance: 0, pending: 40 });

      // when the hold of A's order has ended (B's has not) and the job runs on two replicas at once, then again
      await asPointsOwner(`update points_entry set available_at = now() - interval '1 minute' where customer_id = $1`, [customer.id]);
      const redis = new Redis(gateway.config.kit.redisUrl);
      const seen: BalanceChangedMessage[] = [];
      try {
        await redis.subscribe(liveChannel(gateway.config.kit, 'balance.changed'));
        redis.on('message', (_channel, text) => seen.push(JSON.parse(text)));
        await Promise.all([runPointsJob(gateway, 'pending release'), runPointsJob(gateway, 'pending release')]);
        await runPointsJob(gateway, 'pending release');
        const message = await eventually(async () => seen.find((m) => m.customerId === customer.id), 5_000, 'balance.changed of the release');
        expect(message).toMatchObject({ merchantId: a.id, balance: 40, pending: 0, delta: 40, kind: 'release' });
      } finally {
        redis.disconnect();
      }

      // then A's points are spendable, the entry posted, released once; B's are still held
      const released = await pointsOf(gateway, a, customer.id);
      expect(released).toMatchObject({ balance: 40, pending: 0, lifetimeEarned: 40 });
      expect(released.history.nodes).toMatchObject([{ kind: 'EARN', status: 'POSTED', points: 40 }]);
      const [entry] = await entriesOf(customer.id);
      expect(entry.released_at).not.toBeNull();
      const events = (await pointsEvents(a.id, 'points.released')).filter((e) => e.customerId === customer.id);
      expect(events).toEqual([expect.objectContaining({ customerId: customer.id, points: 40, balance: 40, pending: 0 })]);
      expect(await pointsOf(gateway, b, other.id)).toMatchObject({ balance: 0, pending: 25 });
      expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true, mismatches: [] });
      expect(await verifyLedger(gateway, b)).toMatchObject({ ok: true, mismatches: [] });
      // and the released points spend like any others
      const spent = await gateway.gql<{ deductPoints: { __typename: string } }>(DEDUCT, { input: { customerId: customer.id, points: 40 } }, a.auth);
      expect(spent.data!.deductPoints.__typename).toBe('PointsChange');
    });

    it("takes a refunded and cancelled order's points from pending before they are ever released", async () => {
      // given 30 pending points, refunded by a third, then cancelled
      const customer = await newCustomer(a);
      const orderId = shopifyId();
      await deliverWebhook(gateway, a, 'orders/paid', orderBody(orderId, customer.shopifyId, '30.00'));
      await pointsWhen(gateway, a, customer.id, (p) => p.pending === 30, '30 pending points');
      await deliverWebhook(gateway, a, 'refunds/create', {
        id: Number(shopifyId()),
        order_id: Number(orderId),
        created_at: new Date().toISOString(),
        transactions: [{ kind: 'refund', status: 'success', amount: '10.00' }],
      });
      await pointsWhen(gateway, a, customer.id, (p) => p.pending === 20, 'the refund taken from pending');
      await deliverWebhook(gateway, a, 'orders/cancelled', orderBody(orderId, customer.shopifyId, '30.00', true));
      const cancelled = await pointsWhen(gateway, a, customer.id, (p) => p.pending === 0, 'the cancellation taken from pending');
      expect(cancelled).toMatchObject({ balance: 0, pending: 0, lifetimeEarned: 0 });
      expect(cancelled.history.nodes).toMatchObject([
        { kind: 'REVERSE', status: 'PENDING', points: -20 },
        { kind: 'REVERSE', status: 'PENDING', points: -10 },
        { kind: 'EARN', status: 'PENDING', points: 30 },
      ]);

      // when the hold ends and the job runs
      await asPointsOwner(`update points_entry set available_at = now() - interval '1 minute' where customer_id = $1`, [customer.id]);
      await runPointsJob(gateway, 'pending release');

      // then the earning and both reversals are posted together, and nothing became spendable
      const after = await pointsOf(gateway, a, customer.id);
      expect(after).toMatchObject({ balance: 0, pending: 0, lifetimeEarned: 0 });
      expect(after.history.nodes.map((n) => n.status)).toEqual(['POSTED', 'POSTED', 'POSTED']);
      expect((await pointsEvents(a.id, 'points.released')).filter((e) => e.customerId === customer.id)).toEqual([expect.objectContaining({ points: 0 })]);
      expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true });
    });
  });

  describe('expiry', () => {
    it('after inactivity: expires the whole balance of an account idle for N months, once, and warns an account that soon will be', async () => {
      const a = await createMerchant(gateway);
      const b = await createMerchant(gateway);
      await setRules(gateway, a, { expiryPolicy: 'AFTER_INACTIVITY', expiryMonths: 6, expiryWarningDays: 30 });
      await setRules(gateway, b, { expiryPolicy: 'AFTER_INACTIVITY', expiryMonths: 6, expiryWarningDays: 30 });
      const idle = await newCustomer(a);
      const soon = await newCustomer(a);
      const active = await newCustomer(a);
      const ofB = await newCustomer(b);
      await award(gateway, a, idle.id, 100);
      await award(gateway, a, soon.id, 50);
      await award(gateway, a, active.id, 70);
      await award(gateway, b, ofB.id, 80);
      // idle: last active 6 months and a day ago; soon: expires in 10 days; B's customer: idle too, but B's job runs under B.
      await asPointsOwner(`update points_account set last_activity_at = now() - interval '6 months 1 day' where customer_id = any($1)`, [[idle.id, ofB.id]]);
      await asPointsOwner(`update points_account set last_activity_at = now() - interval '6 months' + interval '10 days' where customer_id = $1`, [soon.id]);
      const [{ last_activity_at: idleSince }] = await asPointsOwner('select last_activity_at from points_account where customer_id = $1', [idle.id]);

      await runPointsJob(gateway, 'points expiry');
      await runPointsJob(gateway, 'points expiry');

      const expired = await pointsOf(gateway, a, idle.id);
      expect(expired.balance).toBe(0);
      expect(expired.history.nodes).toMatchObject([{ kind: 'EXPIRE', source: 'EXPIRY', status: 'POSTED', points: -100 }, { kind: 'ADJUST', points: 100 }]);
      // Expiring is not activity: the account stays idle since the same moment.
      const [{ last_activity_at: stillIdleSince }] = await asPointsOwner('select last_activity_at from points_account where customer_id = $1', [idle.id]);
      expect(stillIdleSince).toEqual(idleSince);
      expect((await pointsOf(gateway, a, soon.id)).balance).toBe(50);
      expect((await pointsOf(gateway, a, active.id)).balance).toBe(70);
      expect((await pointsOf(gateway, b, ofB.id)).balance).toBe(0);

      const warnings = await pointsEvents(a.id, 'points.expiring_soon');
      expect(warnings).toEqual([{ customerId: soon.id, points: 50, expiresAt: expect.any(String) }]);
      const days = (Date.parse(warnings[0].expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(9);
      expect(days).toBeLessThan(11);
      expect(await pointsEvents(a.id, 'points.expired')).toEqual([expect.objectContaining({ customerId: idle.id, points: -100 })]);
      expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true });
      expect(await verifyLedger(gateway, b)).toMatchObject({ ok: true });
      // B's run touched nothing of A's, and A's warnings are A's alone.
      expect(await pointsEvents(b.id, 'points.expiring_soon')).toEqual([]);
    });

    it('after earning: expires each earning N months on, oldest first, what is left of it; never pending points; a re-run is a no-op', async () => {
      const a = await createMerchant(gateway);
      await setRules(gateway, a, { expiryPolicy: 'AFTER_EARNING', expiryMonths: 12, expiryWarningDays: 30, pendingDays: 10 });
      const customer = await newCustomer(a);
      const key = () => `k-${randomUUID()}`;
      const [old, middle] = [key(), key()];
      await award(gateway, a, customer.id, 100, old);
      await award(gateway, a, customer.id, 50, middle);
      const spent = await gateway.gql<{ deductPoints: { __typename: string } }>(DEDUCT, { input: { customerId: customer.id, points: 30 } }, a.auth);
      expect(spent.data!.deductPoints.__typename).toBe('PointsChange');
      await award(gateway, a, customer.id, 20);
      await deliverWebhook(gateway, a, 'orders/paid', orderBody(shopifyId(), customer.shopifyId, '40.00'));
      await pointsWhen(gateway, a, customer.id, (p) => p.pending === 40, '40 pending points');
      // The 100 were earned 13 months ago and the held order too; the 50 expire in 10 days.
      await asPointsOwner(`update points_entry set created_at = now() - interval '13 months' where idempotency_key = $1 or (customer_id = $2 and status = 'pending')`, [
        `admin:${old}`,
        customer.id,
      ]);
      await asPointsOwner(`update points_entry set created_at = now() - interval '12 months' + interval '10 days' where idempotency_key = $1`, [`admin:${middle}`]);

      // as two replicas at once, then once more
      await Promise.all([runPointsJob(gateway, 'points expiry'), runPointsJob(gateway, 'points expiry')]);
      await runPointsJob(gateway, 'points expiry');

      // 30 were spent from the oldest 100, so 70 of them expire; the pending 40 stay.
      const first = await pointsOf(gateway, a, customer.id);
      expect(first).toMatchObject({ balance: 70, pending: 40 });
      expect(first.history.nodes.filter((n) => n.kind === 'EXPIRE')).toEqual([expect.objectContaining({ points: -70, source: 'EXPIRY', status: 'POSTED' })]);
      const warnings = await pointsEvents(a.id, 'points.expiring_soon');
      expect(warnings).toEqual([{ customerId: customer.id, points: 50, expiresAt: expect.any(String) }]);
      expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true });

      // when the 50 pass their 12 months too
      await asPointsOwner(`update points_entry set created_at = now() - interval '12 months 1 day' where idempotency_key = $1`, [`admin:${middle}`]);
      await runPointsJob(gateway, 'points expiry');
      const second = await pointsOf(gateway, a, customer.id);
      expect(second).toMatchObject({ balance: 20, pending: 40 });
      expect(second.history.nodes.filter((n) => n.kind === 'EXPIRE').map((n) => n.points)).toEqual([-50, -70]);
      const keys = (await entriesOf(customer.id)).filter((e) => e.kind === 'expire').map((e) => e.idempotency_key);
      expect(keys).toEqual([expect.stringMatching(/^expire:[0-9a-f-]+:1$/), expect.stringMatching(/^expire:[0-9a-f-]+:2$/)]);
      // one warning per account and date, however often the job ran
      expect(await pointsEvents(a.id, 'points.expiring_soon')).toHaveLength(1);
      expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true });
    });
  });

  describe('birthday bonus', () => {
    let a: TestMerchant;
    let b: TestMerchant;
    beforeAll(async () => {
      a = await createMerchant(gateway);
      b = await createMerchant(gateway);
      await setRules(gateway, a, { birthdayBonus: 25 });
    });

    it('lets a shopper set their own birthday and admins anyone\'s, refusing dates that do not exist', async () => {
      const self = await newCustomer(a);
      const other = await newCustomer(a);
      const auth = await shopperAuth(gateway, a, self.id);
      const own = await gateway.gql<{ setBirthday: Record<string, unknown> }>(SET_BIRTHDAY, { input: { customerId: self.id, month: 2, day: 29 } }, auth);
      expect(own.data!.setBirthday).toEqual({ __typename: 'CustomerBirthday', customerId: self.id, month: 2, day: 29 });
      const theirs = await gateway.gql(SET_BIRTHDAY, { input: { customerId: other.id, month: 3, day: 3 } }, auth);
      expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const byAdmin = await gateway.gql<{ setBirthday: Record<string, unknown> }>(SET_BIRTHDAY, { input: { customerId: other.id, month: 12, day: 31 } }, a.auth);
      expect(byAdmin.data!.setBirthday).toMatchObject({ __typename: 'CustomerBirthday', month: 12, day: 31 });
      for (const [input, field] of [
        [{ month: 2, day: 30 }, 'day'],
        [{ month: 4, day: 31 }, 'day'],
        [{ month: 13, day: 1 }, 'month'],
        [{ month: 1, day: 0 }, 'day'],
      ] as const) {
        const bad = await gateway.gql(SET_BIRTHDAY, { input: { customerId: other.id, ...input } }, a.auth);
        expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(bad.errors?.[0]?.message).toContain(field);
      }
      const rows = await asPointsOwner('select birth_month, birth_day from points_account where customer_id = any($1) order by birth_month', [[self.id, other.id]]);
      expect(rows).toEqual([{ birth_month: 2, birth_day: 29 }, { birth_month: 12, birth_day: 31 }]);
      // Another merchant's admin finds no such customer and changes nothing.
      const cross = await gateway.gql<{ setBirthday: Record<string, unknown> }>(SET_BIRTHDAY, { input: { customerId: other.id, month: 5, day: 5 } }, b.auth);
      expect(cross.data!.setBirthday).toMatchObject({ __typename: 'CustomerNotFoundError', code: 'CUSTOMER_NOT_FOUND' });
      expect(await asPointsOwner('select birth_month from points_account where customer_id = $1', [other.id])).toEqual([{ birth_month: 12 }]);
    });

    it('awards the bonus on the UTC birthday once a year, however often the job runs, and only where the program gives one', async () => {
      const now = new Date();
      const today = { month: now.getUTCMonth() + 1, day: now.getUTCDate() };
      const later = new Date(now.getTime() + 3 * 86_400_000);
      const birthday = await newCustomer(a);
      const notYet = await newCustomer(a);
      const ofB = await newCustomer(b);
      for (const [merchant, customer, date] of [
        [a, birthday, today],
        [a, notYet, { month: later.getUTCMonth() + 1, day: later.getUTCDate() }],
        [b, ofB, today],
      ] as const) {
        const set = await gateway.gql<{ setBirthday: { __typename: string } }>(SET_BIRTHDAY, { input: { customerId: customer.id, ...date } }, merchant.auth);
        expect(set.data!.setBirthday.__typename).toBe('CustomerBirthday');
      }

      await runPointsJob(gateway, 'birthday bonus');
      await runPointsJob(gateway, 'birthday bonus');

      const celebrated = await pointsOf(gateway, a, birthday.id);
      expect(celebrated).toMatchObject({ balance: 25, lifetimeEarned: 25 });
      expect(celebrated.history.nodes).toMatchObject([{ kind: 'EARN', source: 'BIRTHDAY', status: 'POSTED', points: 25 }]);
      expect((await entriesOf(birthday.id))[0].idempotency_key).toBe(`birthday:${birthday.id}:${now.getUTCFullYear()}`);
      expect((await pointsOf(gateway, a, notYet.id)).balance).toBe(0);
      // B gives no birthday bonus: its customer born today gets nothing.
      expect((await pointsOf(gateway, b, ofB.id)).balance).toBe(0);

      // The next year's birthday earns again, once (the service run with that day's clock).
      const points = runtime(gateway, 'points');
      const service = new BirthdayService(new LedgerService(), new CustomerDirectory(), new PointsProgramService());
      const nextYear = new Date(Date.UTC(now.getUTCFullYear() + 1, today.month - 1, today.day, 12));
      expect(await service.awardDue(points.createContext(systemCaller(ADMIN_SCOPES, a.id)), nextYear)).toBe(1);
      expect(await service.awardDue(points.createContext(systemCaller(ADMIN_SCOPES, a.id)), nextYear)).toBe(0);
      expect((await pointsOf(gateway, a, birthday.id)).balance).toBe(50);
      expect(await verifyLedger(gateway, a)).toMatchObject({ ok: true });

      // Switched off, the program gives no bonus.
      await setRules(gateway, a, { enabled: false });
      const inTwoYears = new Date(Date.UTC(now.getUTCFullYear() + 2, today.month - 1, today.day, 12));
      expect(await service.awardDue(points.createContext(systemCaller(ADMIN_SCOPES, a.id)), inTwoYears)).toBe(0);
      await setRules(gateway, a, { enabled: true });
    });

    it('celebrates a 29 February birthday on 28 February in years without one', async () => {
      const customer = await newCustomer(a);
      const set = await gateway.gql<{ setBirthday: { __typename: string } }>(SET_BIRTHDAY, { input: { customerId: customer.id, month: 2, day: 29 } }, a.auth);
      expect(set.data!.setBirthday.__typename).toBe('CustomerBirthday');
      const points = runtime(gateway, 'points');
      const service = new BirthdayService(new LedgerService(), new CustomerDirectory(), new PointsProgramService());
      const ctx = () => points.createContext(systemCaller(ADMIN_SCOPES, a.id));
      await service.awardDue(ctx(), new Date(Date.UTC(2027, 1, 27, 12)));
      expect((await pointsOf(gateway, a, customer.id)).balance).toBe(0);
      await service.awardDue(ctx(), new Date(Date.UTC(2027, 1, 28, 12)));
      await service.awardDue(ctx(), new Date(Date.UTC(2027, 2, 1, 12)));
      expect((await pointsOf(gateway, a, customer.id)).balance).toBe(25);
      expect((await entriesOf(customer.id)).map((e) => e.idempotency_key)).toEqual([`birthday:${customer.id}:2027`]);
    });
  });
});
