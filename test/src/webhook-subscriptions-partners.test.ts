import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent, signWebhook } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions } from './support/webhook-receiver.js';
import { CREATE, DELETE, DELIVERIES, LIST, NOWHERE, ONE, REPLAY, ROTATE, UPDATE, type Delivery, type Subscription } from './support/webhook-subscriptions.js';

/**
 * What a partner key with `webhooks:manage` reaches (issue 18, review M1): only topics its read
 * scopes cover, only the subscriptions it created and their deliveries; revoking it disables them,
 * an uninstall disables every subscription, and every change is in the audit trail without the
 * secret or the full URL. Through the real supergraph; deliveries are recorded by the fan-out
 * consumer and asserted as rows, never received.
 */

type Data = Record<string, Record<string, unknown>>;
type Auth = Record<string, string>;

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret apiKey { id } } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }`;

describe('webhook subscriptions and partner keys', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  const merchants: string[] = [];

  const gql = (auth: Auth, query: string, variables: Record<string, unknown> = {}) => gateway.gql<Data>(query, variables, auth);

  async function apiKey(owner: TestMerchant, scopes: string[]): Promise<{ auth: Auth; id: string }> {
    const result = await gql(owner.auth, CREATE_KEY, { input: { name: `webhooks ${Math.random()}`, scopes } });
    const created = result.data?.createApiKey as { secret?: string; apiKey?: { id: string } } | undefined;
    if (!created?.secret || !created.apiKey) throw new Error(`createApiKey failed: ${JSON.stringify(result)}`);
    return { auth: { authorization: `Bearer ${created.secret}` }, id: created.apiKey.id };
  }

  async function subscribe(auth: Auth, topics: string[]): Promise<{ subscription: Subscription; secret: string }> {
    const result = await gql(auth, CREATE, { input: { url: NOWHERE, topics } });
    const created = result.data?.createWebhookSubscription as { __typename: string; subscription: Subscription; secret: string } | undefined;
    if (created?.__typename !== 'WebhookSubscriptionCreated') throw new Error(`createWebhookSubscription failed: ${JSON.stringify(result)}`);
    return created;
  }

  async function deliveries(auth: Auth, filter: Record<string, unknown> = {}): Promise<Delivery[]> {
    const result = await gql(auth, DELIVERIES, { first: 100, filter });
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return (result.data!.webhookSubscriptionDeliveries as { nodes: Delivery[] }).nodes;
  }

  const ids = async (auth: Auth) => ((await gql(auth, LIST)).data!.webhookSubscriptions as unknown as Subscription[]).map((s) => s.id);

  /** An internal event of `owner`, applied by the merchant subgraph's consumer as the relay would: its fan-out is done on return. */
  async function fanOut(owner: TestMerchant, topic: string, payload: Record<string, unknown>): Promise<string> {
    const merchantRuntime = runtime(gateway, 'merchant');
    const event = { id: randomUUID(), merchantId: owner.id, topic, version: 1, occurredAt: new Date().toISOString(), payload };
    expect(await consumeEvent(merchantRuntime, merchantRuntime.module.consumes![topic], event)).toBe('applied');
    return event.id;
  }
  const ledgerEntry = () => ({ entryId: randomUUID(), customerId: randomUUID(), source: 'admin', status: 'posted', points: 5, balance: 5, pending: 0, orderId: null, reversesEntryId: null });
  const segmentMove = () => ({ customerId: randomUUID(), from: 'at_risk', to: 'champions', recency: 5, frequency: 4, monetary: 5 });

  const stored = (id: string) =>
    withOwnerDb('merchant', async (db) => (await db.query<{ status: string; disabled_reason: string | null }>('select status, disabled_reason from webhook_subscription where id = $1', [id])).rows[0]);

  const owner = (id: string) =>
    withOwnerDb('merchant', async (db) => (await db.query<{ created_by_kind: string; created_by_id: string | null }>('select created_by_kind, created_by_id from webhook_subscription where id = $1', [id])).rows[0]);

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    merchant = await createMerchant(gateway);
    merchants.push(merchant.id);
  });
  afterAll(async () => {
    // Nothing left for a later file's dispatcher to retry.
    await deleteWebhookSubscriptions(merchants);
    await gateway?.stop();
  });

  describe('topic scopes', () => {
    it("refuses a webhooks:manage-only key SEGMENT_CHANGED (FORBIDDEN naming segments:read), on create and on update, and saves nothing", async () => {
      const key = await apiKey(merchant, ['webhooks:manage']);
      const refused = await gql(key.auth, CREATE, { input: { url: NOWHERE, topics: ['SEGMENT_CHANGED'] } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/segments:read.*segment\.changed/);
      expect(await ids(key.auth)).toEqual([]);

      const reader = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const { subscription } = await subscribe(reader.auth, ['POINTS_EARNED']);
      const widened = await gql(reader.auth, UPDATE, { id: subscription.id, input: { topics: ['POINTS_EARNED', 'TIER_CHANGED'] } });
      expect(widened.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(widened.errors?.[0]?.message).toMatch(/tiers:read/);
      expect((await gql(reader.auth, ONE, { id: subscription.id })).data!.webhookSubscription).toMatchObject({ topics: ['POINTS_EARNED'] });
    });

    it('lets a key subscribe to the topics its read scopes cover', async () => {
      const key = await apiKey(merchant, ['webhooks:manage', 'segments:read', 'referrals:read']);
      expect((await subscribe(key.auth, ['SEGMENT_CHANGED', 'REFERRAL_COMPLETED'])).subscription.topics).toEqual(['SEGMENT_CHANGED', 'REFERRAL_COMPLETED']);
    });

    it('hides the deliveries of topics the key cannot read, and refuses their replay, while the admin sees them', async () => {
      // given a key's subscription taking a topic its scopes do not cover (made before topics needed scopes)
      const key = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const { subscription } = await subscribe(key.auth, ['POINTS_ADJUSTED']);
      await withOwnerDb('merchant', (db) => db.query(`update webhook_subscription set topics = '{points.adjusted,segment.changed}' where id = $1`, [subscription.id]));
      const pointsEvent = await fanOut(merchant, 'points.adjusted', ledgerEntry());
      const segmentEvent = await fanOut(merchant, 'segment.changed', segmentMove());

      const seen = await deliveries(key.auth, { subscriptionId: subscription.id });
      expect(seen.map((d) => d.eventId)).toEqual([pointsEvent]);
      expect(await deliveries(key.auth, { topic: 'SEGMENT_CHANGED' })).toEqual([]);
      expect((await gql(key.auth, ONE, { id: subscription.id })).data!.webhookSubscription).toMatchObject({ pendingDeliveries: 1 });
      expect((await gql(merchant.auth, ONE, { id: subscription.id })).data!.webhookSubscription).toMatchObject({ pendingDeliveries: 2 });
      const all = await deliveries(merchant.auth, { subscriptionId: subscription.id });
      expect(all.map((d) => d.eventId).sort()).toEqual([pointsEvent, segmentEvent].sort());
      const hidden = all.find((d) => d.eventId === segmentEvent)!;
      expect((await gql(key.auth, REPLAY, { id: hidden.id })).data!.replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDeliveryNotFoundError' });
      expect((await gql(merchant.auth, REPLAY, { id: hidden.id })).data!.replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDelivery', id: hidden.id });
    });
  });

  describe('ownership', () => {
    it("keeps key B from seeing, updating, rotating, deleting, listing or replaying key A's subscriptions and deliveries, while the admin sees all", async () => {
      const keyA = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const keyB = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const a = (await subscribe(keyA.auth, ['POINTS_ADJUSTED'])).subscription;
      const b = (await subscribe(keyB.auth, ['POINTS_ADJUSTED'])).subscription;
      const admins = (await subscribe(merchant.auth, ['POINTS_ADJUSTED'])).subscription;
      const eventId = await fanOut(merchant, 'points.adjusted', ledgerEntry());
      const [aDelivery] = (await deliveries(keyA.auth, { subscriptionId: a.id })).filter((d) => d.eventId === eventId);
      expect(aDelivery).toBeDefined();

      expect(await ids(keyB.auth)).toEqual([b.id]);
      expect(await ids(keyA.auth)).toEqual([a.id]);
      expect(await ids(merchant.auth)).toEqual(expect.arrayContaining([a.id, b.id, admins.id]));
      expect((await gql(keyB.auth, ONE, { id: a.id })).data!.webhookSubscription).toBeNull();
      expect((await gql(keyB.auth, ONE, { id: admins.id })).data!.webhookSubscription).toBeNull();
      for (const input of [{ enabled: false }, { url: 'http://127.0.0.1:9/stolen' }]) {
        expect((await gql(keyB.auth, UPDATE, { id: a.id, input })).data!.updateWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
      }
      expect((await gql(keyB.auth, ROTATE, { id: a.id })).data!.rotateWebhookSubscriptionSecret).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
      expect((await gql(keyB.auth, DELETE, { id: a.id })).data!.deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
      expect(await deliveries(keyB.auth, { subscriptionId: a.id })).toEqual([]);
      const bSees = await deliveries(keyB.auth);
      expect(bSees.length).toBeGreaterThan(0);
      expect(bSees.every((d) => d.subscriptionId === b.id)).toBe(true);
      expect((await gql(keyB.auth, REPLAY, { id: aDelivery.id })).data!.replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDeliveryNotFoundError' });

      // A's subscription and delivery are as they were; the admin sees and acts on all three
      expect((await gql(keyA.auth, ONE, { id: a.id })).data!.webhookSubscription).toMatchObject({ url: NOWHERE, status: 'ACTIVE', secretPrefix: a.secretPrefix });
      expect((await deliveries(keyA.auth, { subscriptionId: a.id })).find((d) => d.id === aDelivery.id)).toMatchObject({ replayedAt: null });
      expect((await deliveries(merchant.auth)).map((d) => d.subscriptionId)).toEqual(expect.arrayContaining([a.id, b.id, admins.id]));
      expect((await gql(merchant.auth, UPDATE, { id: a.id, input: { description: 'seen by the admin' } })).data!.updateWebhookSubscription).toMatchObject({ description: 'seen by the admin' });
      expect((await gql(merchant.auth, DELETE, { id: b.id })).data!.deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionDeleted' });
    });

    it("keeps another merchant's key from A's subscriptions", async () => {
      const other = await createMerchant(gateway);
      merchants.push(other.id);
      const outsider = await apiKey(other, ['webhooks:manage', 'points:read']);
      const mine = (await subscribe(merchant.auth, ['POINTS_EARNED'])).subscription;
      expect(await ids(outsider.auth)).toEqual([]);
      expect((await gql(outsider.auth, ONE, { id: mine.id })).data!.webhookSubscription).toBeNull();
      expect((await gql(outsider.auth, DELETE, { id: mine.id })).data!.deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    });

    it('refuses a key without webhooks:manage, and a shopper', async () => {
      const owned = (await subscribe(merchant.auth, ['POINTS_EARNED'])).subscription;
      const outsider = await apiKey(merchant, ['points:read', 'customers:read']);
      const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });
      const shopper = await shopperAuth(gateway, merchant, customer.id);
      for (const auth of [outsider.auth, shopper]) {
        for (const [query, variables] of [
          [LIST, {}],
          [ONE, { id: owned.id }],
          [DELIVERIES, {}],
          [CREATE, { input: { url: NOWHERE, topics: ['POINTS_EARNED'] } }],
          [UPDATE, { id: owned.id, input: { enabled: false } }],
          [ROTATE, { id: owned.id }],
          [DELETE, { id: owned.id }],
          [REPLAY, { id: owned.id }],
        ] as const) {
          expect((await gql(auth, query, variables)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
      }
      expect((await gql(merchant.auth, ONE, { id: owned.id })).data!.webhookSubscription).toMatchObject({ status: 'ACTIVE' });
    });
  });

  describe('disabling', () => {
    it("disables a revoked key's subscriptions (API_KEY_REVOKED), not the admin's nor another key's; the admin turns one on again", async () => {
      const keyA = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const keyB = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const a = (await subscribe(keyA.auth, ['POINTS_EARNED'])).subscription;
      const b = (await subscribe(keyB.auth, ['POINTS_EARNED'])).subscription;
      const admins = (await subscribe(merchant.auth, ['POINTS_EARNED'])).subscription;

      expect((await gql(merchant.auth, REVOKE_KEY, { id: keyA.id })).data!.revokeApiKey).toMatchObject({ __typename: 'ApiKey' });

      expect((await gql(merchant.auth, ONE, { id: a.id })).data!.webhookSubscription).toMatchObject({ status: 'DISABLED', disabledReason: 'API_KEY_REVOKED', disabledAt: expect.any(String) });
      expect(await stored(b.id)).toEqual({ status: 'active', disabled_reason: null });
      expect(await stored(admins.id)).toEqual({ status: 'active', disabled_reason: null });
      expect((await gql(keyA.auth, LIST)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // no new delivery is recorded for it
      const eventId = await fanOut(merchant, 'points.earned', ledgerEntry());
      expect((await deliveries(merchant.auth, { subscriptionId: a.id })).map((d) => d.eventId)).not.toContain(eventId);
      expect((await deliveries(merchant.auth, { subscriptionId: admins.id })).map((d) => d.eventId)).toContain(eventId);

      // the admin turns it on: it becomes the merchant's own, so the fan-out records for it again
      expect((await gql(merchant.auth, UPDATE, { id: a.id, input: { enabled: true } })).data!.updateWebhookSubscription).toMatchObject({ status: 'ACTIVE', disabledReason: null });
      const taken = await owner(a.id);
      expect(taken.created_by_kind).toBe('admin');
      expect(taken.created_by_id).not.toBe(keyA.id);
      const afterEnable = await fanOut(merchant, 'points.earned', ledgerEntry());
      expect((await deliveries(merchant.auth, { subscriptionId: a.id })).map((d) => d.eventId)).toContain(afterEnable);
      const updated = await eventually(
        () =>
          withOwnerDb('audit', async (db) => {
            const { rows } = await db.query<{ actor_kind: string; summary: Record<string, unknown> }>(
              `select actor_kind, summary from audit_entry where merchant_id = $1 and entity_id = $2 and source_topic = 'webhook_subscription.updated'`,
              [merchant.id, a.id],
            );
            return rows[0];
          }),
        15_000,
        'the audit entry of the take-over',
      );
      expect(updated).toMatchObject({ actor_kind: 'admin', summary: { changed: ['enabled', 'owner'], status: 'active' } });
    });

    it("lets a key turn on its own subscription disabled for failures, but not the admin's pause (FORBIDDEN, nothing changed); the admin's enable keeps a live key's subscription the key's", async () => {
      const key = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const failing = (await subscribe(key.auth, ['POINTS_EARNED'])).subscription;
      const paused = (await subscribe(key.auth, ['POINTS_EARNED'])).subscription;
      await withOwnerDb('merchant', (db) =>
        db.query(`update webhook_subscription set status = 'disabled', disabled_reason = 'failures', disabled_at = now(), consecutive_failures = 20 where id = $1`, [failing.id]),
      );
      expect((await gql(key.auth, UPDATE, { id: failing.id, input: { enabled: true } })).data!.updateWebhookSubscription).toMatchObject({ status: 'ACTIVE', disabledReason: null, consecutiveFailures: 0 });

      expect((await gql(merchant.auth, UPDATE, { id: paused.id, input: { enabled: false } })).data!.updateWebhookSubscription).toMatchObject({ status: 'DISABLED', disabledReason: 'MERCHANT' });
      const refused = await gql(key.auth, UPDATE, { id: paused.id, input: { enabled: true, description: 'sneaked in' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/admin/);
      expect((await gql(merchant.auth, ONE, { id: paused.id })).data!.webhookSubscription).toMatchObject({ status: 'DISABLED', disabledReason: 'MERCHANT', description: null });
      // nor can it lift its own pause: the reason does not say who paused it
      await gql(key.auth, UPDATE, { id: failing.id, input: { enabled: false } });
      expect((await gql(key.auth, UPDATE, { id: failing.id, input: { enabled: true } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      expect((await gql(merchant.auth, UPDATE, { id: paused.id, input: { enabled: true } })).data!.updateWebhookSubscription).toMatchObject({ status: 'ACTIVE' });
      expect(await owner(paused.id)).toEqual({ created_by_kind: 'partner', created_by_id: key.id });
      expect(await ids(key.auth)).toContain(paused.id);
    });

    it("records nothing more for an expired key's subscriptions (no event marks an expiry), while the admin's still get theirs", async () => {
      const key = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const expiring = (await subscribe(key.auth, ['POINTS_EARNED'])).subscription;
      const admins = (await subscribe(merchant.auth, ['POINTS_EARNED'])).subscription;
      const before = await fanOut(merchant, 'points.earned', ledgerEntry());
      expect((await deliveries(merchant.auth, { subscriptionId: expiring.id })).map((d) => d.eventId)).toContain(before);

      await withOwnerDb('merchant', (db) => db.query(`update api_key set expires_at = now() - interval '1 second' where id = $1`, [key.id]));
      const after = await fanOut(merchant, 'points.earned', ledgerEntry());

      expect((await deliveries(merchant.auth, { subscriptionId: expiring.id })).map((d) => d.eventId)).not.toContain(after);
      expect((await deliveries(merchant.auth, { subscriptionId: admins.id })).map((d) => d.eventId)).toContain(after);

      // still ACTIVE (no event marks an expiry): the admin's enabled: true makes it the merchant's own, and it gets events again
      expect((await gql(merchant.auth, UPDATE, { id: expiring.id, input: { enabled: true } })).data!.updateWebhookSubscription).toMatchObject({ status: 'ACTIVE' });
      expect((await owner(expiring.id)).created_by_kind).toBe('admin');
      const resumed = await fanOut(merchant, 'points.earned', ledgerEntry());
      expect((await deliveries(merchant.auth, { subscriptionId: expiring.id })).map((d) => d.eventId)).toContain(resumed);
    });

    it('disables every subscription of the merchant when the app is uninstalled (APP_UNINSTALLED)', async () => {
      const leaving = await createMerchant(gateway);
      merchants.push(leaving.id);
      const key = await apiKey(leaving, ['webhooks:manage', 'points:read']);
      const subscriptions = [(await subscribe(key.auth, ['POINTS_EARNED'])).subscription, (await subscribe(leaving.auth, ['CUSTOMER_CREATED'])).subscription];
      const other = (await subscribe(merchant.auth, ['POINTS_EARNED'])).subscription;

      const body = JSON.stringify({ id: 1, name: 'Leaving' });
      const response = await fetch(`${new URL(gateway.url).origin}/webhooks/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-hmac-sha256': signWebhook(body, gateway.config.kit.shopify.apiSecret),
          'x-shopify-shop-domain': leaving.shop,
          'x-shopify-topic': 'app/uninstalled',
          'x-shopify-event-id': randomUUID(),
        },
        body,
      });
      expect(await response.json()).toMatchObject({ status: 'processed' });

      // applied by the consumer of merchant.uninstalled, after the relay publishes it
      for (const subscription of subscriptions) {
        await eventually(async () => ((await stored(subscription.id)).status === 'disabled' ? true : undefined), 15_000, `${subscription.id} disabled`);
        expect(await stored(subscription.id)).toEqual({ status: 'disabled', disabled_reason: 'app_uninstalled' });
      }
      expect(await stored(other.id)).toEqual({ status: 'active', disabled_reason: null });
    });
  });

  describe('audit trail', () => {
    it('records typed events for each change, naming the topics and host, never the secret or the full URL', async () => {
      const key = await apiKey(merchant, ['webhooks:manage', 'points:read']);
      const { subscription, secret } = await subscribe(key.auth, ['POINTS_EARNED']);
      await gql(key.auth, UPDATE, { id: subscription.id, input: { enabled: false } });
      const rotated = (await gql(key.auth, ROTATE, { id: subscription.id })).data!.rotateWebhookSubscriptionSecret as { secret: string };
      await gql(key.auth, DELETE, { id: subscription.id });

      type Entry = { source_topic: string; entity_type: string; entity_id: string; action: string; actor_kind: string; actor_id: string; summary: Record<string, unknown> };
      const entries = await eventually(
        () =>
          withOwnerDb('audit', async (db) => {
            const { rows } = await db.query<Entry>(
              `select source_topic, entity_type, entity_id, action, actor_kind, actor_id, summary from audit_entry where merchant_id = $1 and entity_id = $2 and source_topic like 'webhook_subscription.%' order by occurred_at, id`,
              [merchant.id, subscription.id],
            );
            return rows.length >= 4 ? rows : undefined;
          }),
        15_000,
        'the audit entries of the subscription',
      );
      expect(entries.map((e) => e.source_topic)).toEqual(['webhook_subscription.created', 'webhook_subscription.updated', 'webhook_subscription.secret_rotated', 'webhook_subscription.deleted']);
      for (const entry of entries) expect(entry).toMatchObject({ entity_type: 'WebhookSubscription', entity_id: subscription.id, actor_kind: 'partner', actor_id: key.id });
      expect(entries[0].summary).toMatchObject({ topics: ['points.earned'], host: '127.0.0.1:9' });
      expect(entries[1].summary).toMatchObject({ changed: ['enabled'], status: 'disabled' });
      const text = JSON.stringify(entries);
      for (const leak of [secret, secret.slice(6), rotated.secret, rotated.secret.slice(6), NOWHERE, '/hooks']) expect(text).not.toContain(leak);
    });
  });
});
