import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent, FieldCipher, type DomainEvent } from '@loyalnest/kit';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award } from './support/points.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions } from './support/webhook-receiver.js';
import { CREATE, DELETE, DELIVERIES, LIST, NOWHERE, ONE, REPLAY, ROTATE, UPDATE, type Delivery, type Subscription } from './support/webhook-subscriptions.js';

/**
 * Outgoing webhooks' API and fan-out (issue 18), through the real supergraph, as the merchant's
 * admin. Deliveries are asserted as rows: the dispatcher sends them to a local port nobody listens
 * on, so no test here depends on a receipt, and none on a delivery's attempt fields. Partner keys
 * are in webhook-subscriptions-partners.test.ts, the strict endpoint policy in
 * webhook-subscriptions-strict.test.ts.
 */

type Data = Record<string, Record<string, unknown>>;

describe('webhook subscriptions', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  const gql = (merchant: TestMerchant | Record<string, string>, query: string, variables: Record<string, unknown> = {}) =>
    gateway.gql<Data>(query, variables, 'auth' in merchant ? (merchant as TestMerchant).auth : (merchant as Record<string, string>));

  async function subscribe(merchant: TestMerchant, topics: string[], extra: Record<string, unknown> = {}): Promise<{ subscription: Subscription; secret: string }> {
    const result = await gql(merchant, CREATE, { input: { url: NOWHERE, topics, ...extra } });
    const created = result.data?.createWebhookSubscription as { __typename: string; subscription: Subscription; secret: string } | undefined;
    if (created?.__typename !== 'WebhookSubscriptionCreated') throw new Error(`createWebhookSubscription failed: ${JSON.stringify(result)}`);
    return created;
  }

  async function deliveries(merchant: TestMerchant, filter: Record<string, unknown> = {}, first = 100): Promise<Delivery[]> {
    const result = await gql(merchant, DELIVERIES, { first, filter });
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return (result.data!.webhookSubscriptionDeliveries as { nodes: Delivery[] }).nodes;
  }

  /** The points store's events of one topic about a customer, as the relay publishes them. */
  const pointsEvents = (merchant: TestMerchant, customerId: string, topic: string) =>
    eventually(
      () =>
        withOwnerDb('points', async (db) => {
          const { rows } = await db.query<{ id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
            'select id, topic, version, occurred_at, payload from outbox_event where merchant_id = $1 and topic = $2 and payload->>$3 = $4 order by id',
            [merchant.id, topic, 'customerId', customerId],
          );
          return rows.length ? rows.map((r): DomainEvent => ({ id: r.id, merchantId: merchant.id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload })) : undefined;
        }),
      10_000,
      `${topic} of ${customerId}`,
    );

  /** Waits until the merchant subgraph's consumer has applied the event (its fan-out is done then). */
  const consumedByMerchant = (eventId: string) =>
    eventually(
      () => withOwnerDb('merchant', async (db) => (await db.query("select 1 from consumed_event where consumer = 'merchant' and event_id = $1", [eventId])).rowCount! > 0),
      10_000,
      `the merchant consumer to apply ${eventId}`,
    );

  const deliveryRows = (subscriptionId: string) =>
    withOwnerDb('merchant', async (db) => (await db.query<{ event_id: string; merchant_id: string }>('select event_id, merchant_id from webhook_subscription_delivery where subscription_id = $1', [subscriptionId])).rows);

  /** A customer of `merchant` with points awarded by its admin: a `points.adjusted` event, consumed by the merchant subgraph. */
  async function awardedEvent(merchant: TestMerchant, points = 40): Promise<{ customerId: string; event: DomainEvent }> {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `w${Math.random().toString(36).slice(2)}@example.com`, firstName: 'Ada' });
    await award(gateway, merchant, customer.id, points);
    const [event] = await pointsEvents(merchant, customer.id, 'points.adjusted');
    await consumedByMerchant(event.id);
    return { customerId: customer.id, event };
  }

  const merchants: string[] = [];
  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    merchants.push(a.id, b.id);
  });
  afterAll(async () => {
    // Nothing left for a later file's dispatcher to retry.
    await deleteWebhookSubscriptions(merchants);
    await gateway?.stop();
  });

  describe('managing subscriptions', () => {
    it('creates one with a secret shown once, stored encrypted, and lists and reads it', async () => {
      const { subscription, secret } = await subscribe(a, ['POINTS_EARNED', 'TIER_CHANGED'], { description: '  Helpdesk  ' });

      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(subscription).toMatchObject({
        url: NOWHERE,
        topics: ['POINTS_EARNED', 'TIER_CHANGED'],
        description: 'Helpdesk',
        status: 'ACTIVE',
        disabledReason: null,
        disabledAt: null,
        secretPrefix: secret.slice(0, 10),
        consecutiveFailures: 0,
        failingSince: null,
        pendingDeliveries: 0,
      });
      const stored = await withOwnerDb('merchant', async (db) => (await db.query('select * from webhook_subscription where id = $1', [subscription.id])).rows[0]);
      expect(stored).toMatchObject({ merchant_id: a.id, topics: ['points.earned', 'tier.changed'], created_by_kind: 'admin' });
      expect(stored.secret_encrypted).not.toContain(secret.slice(6));
      expect(new FieldCipher(gateway.config.kit.encryptionKeys).decrypt(stored.secret_encrypted, `webhook_subscription:${subscription.id}`)).toBe(secret);

      expect(((await gql(a, LIST)).data!.webhookSubscriptions as unknown as Subscription[])[0]).toEqual(subscription);
      expect((await gql(a, ONE, { id: subscription.id })).data!.webhookSubscription).toEqual(subscription);
      expect((await gql(a, ONE, { id: 'not-a-uuid' })).data!.webhookSubscription).toBeNull();
    });

    it('stores the URL as the parser normalizes it', async () => {
      const result = await gql(a, CREATE, { input: { url: 'HTTP://127.0.0.1:9', topics: ['POINTS_EARNED'] } });
      expect(result.data!.createWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionCreated', subscription: { url: 'http://127.0.0.1:9/' } });
    });

    it('lists newest first', async () => {
      const first = await subscribe(a, ['CUSTOMER_CREATED']);
      const second = await subscribe(a, ['CUSTOMER_CREATED']);
      const ids = ((await gql(a, LIST)).data!.webhookSubscriptions as unknown as Subscription[]).map((s) => s.id);
      expect(ids.indexOf(second.subscription.id)).toBeLessThan(ids.indexOf(first.subscription.id));
    });

    it('updates the URL, topics and note; disables (reason MERCHANT) and enables, which clears the failures and makes waiting deliveries due', async () => {
      const { subscription } = await subscribe(a, ['POINTS_ADJUSTED']);
      const changed = await gql(a, UPDATE, { id: subscription.id, input: { url: 'http://127.0.0.1:9/other', topics: ['SEGMENT_CHANGED', 'POINTS_ADJUSTED'], description: 'CRM' } });
      expect(changed.data!.updateWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscription', url: 'http://127.0.0.1:9/other', topics: ['SEGMENT_CHANGED', 'POINTS_ADJUSTED'], description: 'CRM', status: 'ACTIVE' });
      const cleared = await gql(a, UPDATE, { id: subscription.id, input: { description: '' } });
      expect(cleared.data!.updateWebhookSubscription).toMatchObject({ description: null, url: 'http://127.0.0.1:9/other' });

      // given a waiting delivery, far in the future
      const { event } = await awardedEvent(a);
      const [waiting] = await deliveries(a, { subscriptionId: subscription.id });
      expect(waiting).toMatchObject({ eventId: event.id, status: 'PENDING' });

      const disabled = await gql(a, UPDATE, { id: subscription.id, input: { enabled: false } });
      expect(disabled.data!.updateWebhookSubscription).toMatchObject({ status: 'DISABLED', disabledReason: 'MERCHANT', disabledAt: expect.any(String), pendingDeliveries: 1 });
      // a run of failures recorded while it was failing, and its delivery pushed back by the backoff
      await withOwnerDb('merchant', async (db) => {
        await db.query(`update webhook_subscription set consecutive_failures = 7, failing_since = now() - interval '1 hour', next_attempt_at = now() + interval '1 hour' where id = $1`, [subscription.id]);
        await db.query(`update webhook_subscription_delivery set next_attempt_at = now() + interval '1 hour' where subscription_id = $1`, [subscription.id]);
      });

      const before = Date.now();
      const enabled = await gql(a, UPDATE, { id: subscription.id, input: { enabled: true } });
      expect(enabled.data!.updateWebhookSubscription).toMatchObject({ status: 'ACTIVE', disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null });
      const due = await withOwnerDb('merchant', async (db) => ({
        subscription: (await db.query<{ next: Date }>('select next_attempt_at as next from webhook_subscription where id = $1', [subscription.id])).rows[0].next,
        deliveries: (await db.query<{ next: Date }>(`select next_attempt_at as next from webhook_subscription_delivery where subscription_id = $1 and status = 'pending'`, [subscription.id])).rows.map((r) => r.next),
      }));
      expect(due.subscription.getTime()).toBeLessThanOrEqual(Date.now());
      expect(due.subscription.getTime()).toBeGreaterThanOrEqual(before - 1000);
      for (const next of due.deliveries) expect(next.getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('rotates the secret: a new one, shown once, and the old one gone from the row', async () => {
      const { subscription, secret } = await subscribe(a, ['POINTS_EARNED']);
      const rotated = (await gql(a, ROTATE, { id: subscription.id })).data!.rotateWebhookSubscriptionSecret as { __typename: string; secret: string; subscription: { secretPrefix: string } };
      expect(rotated.__typename).toBe('WebhookSubscriptionSecretRotated');
      expect(rotated.secret).not.toBe(secret);
      expect(rotated.subscription.secretPrefix).toBe(rotated.secret.slice(0, 10));
      const stored = await withOwnerDb('merchant', async (db) => (await db.query('select secret_encrypted from webhook_subscription where id = $1', [subscription.id])).rows[0].secret_encrypted);
      expect(new FieldCipher(gateway.config.kit.encryptionKeys).decrypt(stored, `webhook_subscription:${subscription.id}`)).toBe(rotated.secret);
    });

    it('deletes one with its deliveries', async () => {
      const { subscription } = await subscribe(a, ['POINTS_ADJUSTED']);
      await awardedEvent(a);
      expect(await deliveryRows(subscription.id)).toHaveLength(1);

      expect((await gql(a, DELETE, { id: subscription.id })).data!.deleteWebhookSubscription).toEqual({ __typename: 'WebhookSubscriptionDeleted', id: subscription.id });
      expect((await gql(a, ONE, { id: subscription.id })).data!.webhookSubscription).toBeNull();
      expect(await deliveryRows(subscription.id)).toHaveLength(0);
      expect((await gql(a, DELETE, { id: subscription.id })).data!.deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError', code: 'WEBHOOK_SUBSCRIPTION_NOT_FOUND' });
    });

    it('refuses empty topics, repeated topics and a long description as BAD_USER_INPUT naming the field, and saves nothing', async () => {
      const count = async () => ((await gql(a, LIST)).data!.webhookSubscriptions as unknown as unknown[]).length;
      const before = await count();
      for (const [input, field] of [
        [{ url: NOWHERE, topics: [] }, 'topics'],
        [{ url: NOWHERE, topics: ['POINTS_EARNED', 'POINTS_EARNED'] }, 'topics'],
        [{ url: NOWHERE, topics: ['POINTS_EARNED'], description: 'x'.repeat(201) }, 'description'],
        [{ url: '', topics: ['POINTS_EARNED'] }, 'url'],
      ] as const) {
        const result = await gql(a, CREATE, { input });
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions?.fields).toEqual([field]);
        expect(result.errors![0].message).toMatch(new RegExp(`^${field}: `));
      }
      const { subscription } = await subscribe(a, ['POINTS_EARNED']);
      const update = await gql(a, UPDATE, { id: subscription.id, input: { topics: [] } });
      expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['topics'] });
      expect(await count()).toBe(before + 1);
    });

    it('allows at most 20 per merchant, also when creations race for the last places', async () => {
      const c = await createMerchant(gateway);
      merchants.push(c.id);
      for (let i = 0; i < 17; i++) await subscribe(c, ['POINTS_EARNED']);
      // 3 places left, 6 creations at once: the merchant's lock lets exactly 3 through
      const raced = await Promise.all(Array.from({ length: 6 }, () => gql(c, CREATE, { input: { url: NOWHERE, topics: ['POINTS_EARNED'] } })));
      const kinds = raced.map((r) => (r.data!.createWebhookSubscription as { __typename: string }).__typename).sort();
      expect(kinds).toEqual([...Array(3).fill('WebhookSubscriptionCreated'), ...Array(3).fill('WebhookSubscriptionLimitReachedError')]);
      expect(raced.map((r) => r.data!.createWebhookSubscription).find((r) => r.__typename === 'WebhookSubscriptionLimitReachedError')).toMatchObject({ code: 'WEBHOOK_SUBSCRIPTION_LIMIT_REACHED', limit: 20 });
      expect((await gql(c, LIST)).data!.webhookSubscriptions).toHaveLength(20);
    });
  });

  describe('the fan-out', () => {
    let adjusted: Subscription;
    let adjustedToo: Subscription;
    let otherTopics: Subscription;
    let disabled: Subscription;
    let event: DomainEvent;
    let customerId: string;
    let fanout: TestMerchant;

    beforeAll(async () => {
      const merchant = await createMerchant(gateway);
      merchants.push(merchant.id);
      fanout = merchant;
      adjusted = (await subscribe(merchant, ['POINTS_ADJUSTED', 'CUSTOMER_CREATED'])).subscription;
      adjustedToo = (await subscribe(merchant, ['POINTS_ADJUSTED'])).subscription;
      otherTopics = (await subscribe(merchant, ['POINTS_EARNED', 'TIER_CHANGED'])).subscription;
      disabled = (await subscribe(merchant, ['POINTS_ADJUSTED'])).subscription;
      await gql(merchant, UPDATE, { id: disabled.id, input: { enabled: false } });
      ({ event, customerId } = await awardedEvent(merchant, 40));
    });

    it('records one delivery per active subscription taking the topic, with the exact body', async () => {
      const rows = await deliveries(fanout, { topic: 'POINTS_ADJUSTED' });
      expect(rows.map((d) => d.subscriptionId).sort()).toEqual([adjusted.id, adjustedToo.id].sort());
      for (const delivery of rows) {
        expect(delivery).toMatchObject({ eventId: event.id, topic: 'POINTS_ADJUSTED', replayedAt: null });
        const body = JSON.parse(delivery.payload) as Record<string, unknown>;
        expect(Object.keys(body)).toEqual(['id', 'topic', 'eventId', 'occurredAt', 'merchantId', 'shopDomain', 'apiVersion', 'data']);
        expect(body).toEqual({
          id: delivery.id,
          topic: 'points.adjusted',
          eventId: event.id,
          occurredAt: event.occurredAt,
          merchantId: fanout.id,
          shopDomain: fanout.shop,
          apiVersion: '2026-12',
          data: { customerId, entryId: event.payload.entryId, points: 40, balance: 40, pending: 0, status: 'posted', source: 'admin', orderId: null },
        });
        expect(Object.keys(body.data as object)).toEqual(['customerId', 'entryId', 'points', 'balance', 'pending', 'status', 'source', 'orderId']);
        expect(delivery.payload).toBe(JSON.stringify(body));
        expect(delivery.payload).not.toMatch(/@example\.com|Ada/);
      }
      // the customer's creation went to the one subscription taking CUSTOMER_CREATED, as { customerId } only
      const created = await eventually(async () => (await deliveries(fanout, { topic: 'CUSTOMER_CREATED' })).find((d) => JSON.parse(d.payload).data.customerId === customerId), 10_000, 'customer.created');
      expect(created.subscriptionId).toBe(adjusted.id);
      expect(JSON.parse(created.payload).data).toEqual({ customerId });
    });

    it('records nothing for subscriptions not taking the topic, nor for a disabled one', async () => {
      expect(await deliveryRows(otherTopics.id)).toEqual([]);
      expect(await deliveryRows(disabled.id)).toEqual([]);
    });

    it('records nothing more when the event comes again: redelivered, twice at once, or after its consumed record is gone', async () => {
      const merchant = runtime(gateway, 'merchant');
      const handler = merchant.module.consumes!['points.adjusted'];
      expect(await Promise.all([consumeEvent(merchant, handler, event), consumeEvent(merchant, handler, event)])).toEqual(['duplicate', 'duplicate']);
      await withOwnerDb('merchant', (db) => db.query(`delete from consumed_event where consumer = 'merchant' and event_id = $1`, [event.id]));
      expect(await consumeEvent(merchant, handler, event)).toBe('applied');
      expect((await deliveries(fanout, { topic: 'POINTS_ADJUSTED' })).filter((d) => d.eventId === event.id)).toHaveLength(2);
    });

    it('records nothing for a subscription created after the event, even when the event is applied again', async () => {
      const late = (await subscribe(fanout, ['POINTS_ADJUSTED'])).subscription;
      const merchant = runtime(gateway, 'merchant');
      await withOwnerDb('merchant', (db) => db.query(`delete from consumed_event where consumer = 'merchant' and event_id = $1`, [event.id]));
      expect(await consumeEvent(merchant, merchant.module.consumes!['points.adjusted'], event)).toBe('applied');
      expect(await deliveryRows(late.id)).toEqual([]);
    });

    it('pages the deliveries newest first by cursor', async () => {
      const all = await deliveries(fanout);
      expect(all.length).toBeGreaterThanOrEqual(3);
      const first = await gql(fanout, DELIVERIES, { first: 2 });
      const page = first.data!.webhookSubscriptionDeliveries as { nodes: Delivery[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      expect(page.nodes.map((d) => d.id)).toEqual(all.slice(0, 2).map((d) => d.id));
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = await gql(fanout, DELIVERIES, { first: 2, after: page.pageInfo.endCursor });
      expect((next.data!.webhookSubscriptionDeliveries as { nodes: Delivery[] }).nodes.map((d) => d.id)).toEqual(all.slice(2, 4).map((d) => d.id));
      expect([...all.map((d) => d.id)].sort().reverse()).toEqual(all.map((d) => d.id));
    });

    it('replays a delivery with the same id and body, pending and due now with a fresh window, and probes a backed-off endpoint at once', async () => {
      const [delivery] = (await deliveries(fanout, { subscriptionId: adjustedToo.id })).filter((d) => d.eventId === event.id);
      await withOwnerDb('merchant', async (db) => {
        await db.query(`update webhook_subscription_delivery set status = 'failed', window_started_at = now() - interval '4 days' where id = $1`, [delivery.id]);
        await db.query(`update webhook_subscription set next_attempt_at = now() + interval '1 hour' where id = $1`, [adjustedToo.id]);
      });
      const before = Date.now() - 1000;
      const replayed = (await gql(fanout, REPLAY, { id: delivery.id })).data!.replayWebhookSubscriptionDelivery as unknown as Delivery & { __typename: string };
      expect(replayed).toMatchObject({ __typename: 'WebhookSubscriptionDelivery', id: delivery.id, eventId: event.id, status: 'PENDING', payload: delivery.payload });
      expect(new Date(replayed.replayedAt!).getTime()).toBeGreaterThanOrEqual(before);
      expect(new Date(replayed.nextAttemptAt!).getTime()).toBeLessThanOrEqual(Date.now());
      const stored = await withOwnerDb('merchant', async (db) => ({
        delivery: (await db.query('select window_started_at, body from webhook_subscription_delivery where id = $1', [delivery.id])).rows[0],
        subscription: (await db.query('select next_attempt_at from webhook_subscription where id = $1', [adjustedToo.id])).rows[0],
      }));
      expect((stored.delivery.window_started_at as Date).getTime()).toBeGreaterThanOrEqual(before);
      expect(stored.delivery.body).toBe(delivery.payload);
      expect((stored.subscription.next_attempt_at as Date).getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('refuses to replay a delivery of a disabled subscription, and an unknown delivery', async () => {
      const [delivery] = await deliveries(fanout, { subscriptionId: adjusted.id, topic: 'POINTS_ADJUSTED' });
      await gql(fanout, UPDATE, { id: adjusted.id, input: { enabled: false } });
      expect((await gql(fanout, REPLAY, { id: delivery.id })).data!.replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDisabledError', code: 'WEBHOOK_SUBSCRIPTION_DISABLED' });
      expect((await gql(fanout, REPLAY, { id: '00000000-0000-7000-8000-000000000000' })).data!.replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDeliveryNotFoundError', code: 'WEBHOOK_DELIVERY_NOT_FOUND' });
      await gql(fanout, UPDATE, { id: adjusted.id, input: { enabled: true } });
    });
  });

  describe('tenant isolation', () => {
    it("keeps A from reading, changing, rotating or deleting B's subscriptions, and from listing or replaying B's deliveries", async () => {
      const mine = await subscribe(a, ['POINTS_ADJUSTED']);
      const theirs = await subscribe(b, ['POINTS_ADJUSTED']);
      const { event } = await awardedEvent(b);
      const [theirDelivery] = (await deliveries(b, { subscriptionId: theirs.subscription.id })).filter((d) => d.eventId === event.id);
      expect(theirDelivery).toBeDefined();

      const id = theirs.subscription.id;
      expect((await gql(a, ONE, { id })).data!.webhookSubscription).toBeNull();
      expect(((await gql(a, LIST)).data!.webhookSubscriptions as unknown as Subscription[]).map((s) => s.id)).not.toContain(id);
      for (const input of [{ enabled: false }, { enabled: true }, { url: 'http://127.0.0.1:9/stolen', topics: ['CUSTOMER_CREATED'] }]) {
        expect((await gql(a, UPDATE, { id, input })).data!.updateWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
      }
      expect((await gql(a, ROTATE, { id })).data!.rotateWebhookSubscriptionSecret).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
      expect((await gql(a, DELETE, { id })).data!.deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
      expect(await deliveries(a, { subscriptionId: id })).toEqual([]);
      expect((await deliveries(a)).map((d) => d.id)).not.toContain(theirDelivery.id);
      expect((await gql(a, REPLAY, { id: theirDelivery.id })).data!.replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDeliveryNotFoundError' });

      // B's subscription and delivery are as they were
      const after = (await gql(b, ONE, { id })).data!.webhookSubscription as unknown as Subscription;
      expect(after).toMatchObject({ url: NOWHERE, topics: ['POINTS_ADJUSTED'], status: 'ACTIVE', secretPrefix: theirs.subscription.secretPrefix });
      expect((await deliveries(b, { subscriptionId: id })).find((d) => d.id === theirDelivery.id)).toMatchObject({ replayedAt: null });

      // and B's event created no row on A's subscription taking the same topic
      expect((await deliveryRows(mine.subscription.id)).map((r) => r.event_id)).not.toContain(event.id);
      const aOwn = await awardedEvent(a);
      expect((await deliveryRows(mine.subscription.id)).map((r) => r.event_id)).toEqual([aOwn.event.id]);
      expect((await deliveryRows(theirs.subscription.id)).map((r) => r.event_id)).not.toContain(aOwn.event.id);
    });

    it("records nothing on A's subscriptions for an event of B applied by the consumer, whatever A subscribes to", async () => {
      const mine = await subscribe(a, ['POINTS_ADJUSTED']);
      const { event } = await awardedEvent(b);
      const merchant = runtime(gateway, 'merchant');
      await withOwnerDb('merchant', (db) => db.query(`delete from consumed_event where consumer = 'merchant' and event_id = $1`, [event.id]));
      expect(await consumeEvent(merchant, merchant.module.consumes!['points.adjusted'], event)).toBe('applied');
      expect(await deliveryRows(mine.subscription.id)).toEqual([]);
      const rows = await withOwnerDb('merchant', async (db) => (await db.query<{ merchant_id: string }>('select merchant_id from webhook_subscription_delivery where event_id = $1', [event.id])).rows);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.merchant_id === b.id)).toBe(true);
    });
  });
});
