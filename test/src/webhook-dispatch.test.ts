import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldCipher } from '@loyalnest/kit';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import {
  deleteWebhookSubscriptions,
  insertWebhookDeliveries,
  insertWebhookSubscription,
  startWebhookReceiver,
  webhookDeliveryRow,
  webhookSubscriptionRow,
  type WebhookReceiver,
} from './support/webhook-receiver.js';

/** Retries 100, 200, then 400 ms apart (±20 %); disabled at the 8th failure in a row (the run is older than 1 ms by then); 4 endpoints at once. */
const WEBHOOK_ENV = {
  WEBHOOK_CONCURRENCY: '4',
  WEBHOOK_BACKOFF_MS: '100',
  WEBHOOK_BACKOFF_MAX_MS: '400',
  WEBHOOK_POLL_MS: '100',
  WEBHOOK_DISABLE_AFTER_FAILURES: '8',
  WEBHOOK_DISABLE_AFTER_MS: '1',
  EVENTS_POLL_MS: '100',
};

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret apiKey { id } } } }`;
const CREATE_SUBSCRIPTION = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { ... on WebhookSubscriptionCreated { subscription { id } } } }`;
const REPLAY = `mutation Replay($id: ID!) { replayWebhookSubscriptionDelivery(id: $id) { __typename ... on WebhookSubscriptionDelivery { id status } } }`;

/** Whether a `X-LoyalNest-Signature` header signs `body` with `secret`; returns its `t`. */
function verifiedTimestamp(header: string, secret: string, body: string): number | null {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return null;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex');
  return expected === match[2] ? Number(match[1]) : null;
}

describe('the outgoing webhooks dispatcher', () => {
  let gateway: TestGateway;
  const receivers: WebhookReceiver[] = [];
  const merchants: TestMerchant[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', WEBHOOK_ENV);
  });
  afterAll(async () => {
    if (merchants.length) await deleteWebhookSubscriptions(merchants.map((m) => m.id));
    await gateway?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const merchant = async () => {
    const m = await createMerchant(gateway);
    merchants.push(m);
    return m;
  };
  const receiver = async (...args: Parameters<typeof startWebhookReceiver>) => {
    const r = await startWebhookReceiver(...args);
    receivers.push(r);
    return r;
  };

  it('retries a receiver that fails 5 times, then recovers: 6 requests, one delivery id, attempts 1..6, each signed for its own t, then delivered', async () => {
    const a = await merchant();
    const hook = await receiver({ answer: 'fail-then-ok', failures: 5 });
    const subscription = await insertWebhookSubscription(gateway, a, hook.url);
    const [delivery] = await insertWebhookDeliveries(gateway, a, subscription.id);

    const row = await eventually(async () => {
      const r = await webhookDeliveryRow(delivery.id);
      return r.status === 'delivered' && r;
    }, 30_000, 'the delivery delivered');

    expect(hook.requests).toHaveLength(6);
    expect(hook.requests.map((r) => r.headers['x-loyalnest-attempt'])).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const request of hook.requests) {
      expect(request.method).toBe('POST');
      expect(request.body).toBe(delivery.body);
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': 'LoyalNest-Webhooks/1.0',
        'x-loyalnest-delivery-id': delivery.id,
        'x-loyalnest-event-id': delivery.eventId,
        'x-loyalnest-topic': 'points.earned',
        'x-loyalnest-shop-domain': a.shop,
      });
      const t = verifiedTimestamp(String(request.headers['x-loyalnest-signature']), subscription.secret, request.body);
      expect(t).not.toBeNull();
      expect(Math.abs(t! * 1000 - request.receivedAt)).toBeLessThan(2000);
      // a signature made with another secret does not verify
      expect(verifiedTimestamp(String(request.headers['x-loyalnest-signature']), `${subscription.secret}x`, request.body)).toBeNull();
    }
    // the retries waited their backoff (100, 200, 400, 400, 400 ms, ±20 %)
    const gaps = hook.requests.slice(1).map((r, i) => r.receivedAt - hook.requests[i].receivedAt);
    gaps.forEach((gap) => expect(gap).toBeGreaterThanOrEqual(70));
    expect(row).toMatchObject({ status: 'delivered', attempts: 6, last_status_code: 200, last_error: null, last_response_excerpt: 'ok' });
    expect(row.delivered_at).not.toBeNull();
    const sub = await eventually(async () => {
      const s = await webhookSubscriptionRow(subscription.id);
      return s.lease_owner === null && s;
    }, 5_000, 'the lease released');
    expect(sub).toMatchObject({ status: 'active', consecutive_failures: 0, failing_since: null, lease_until: null });
    expect(sub.last_success_at).not.toBeNull();
    expect(sub.last_failure_at).not.toBeNull();
  }, 60_000);

  it('disables a subscription whose receiver never recovers, emits webhook_subscription.disabled (audited) and sends nothing more', async () => {
    const a = await merchant();
    const hook = await receiver({ answer: 'fail' });
    const subscription = await insertWebhookSubscription(gateway, a, hook.url);
    const [delivery] = await insertWebhookDeliveries(gateway, a, subscription.id);

    const sub = await eventually(async () => {
      const s = await webhookSubscriptionRow(subscription.id);
      return s.status === 'disabled' && s;
    }, 30_000, 'the subscription disabled');
    expect(sub).toMatchObject({ status: 'disabled', disabled_reason: 'failures', consecutive_failures: 8 });
    expect(sub.disabled_at).not.toBeNull();
    expect(hook.requests).toHaveLength(8);

    const events = await withOwnerDb('merchant', async (db) => (await db.query(`select merchant_id, payload, actor_kind from outbox_event where topic = 'webhook_subscription.disabled' and payload->>'subscriptionId' = $1`, [subscription.id])).rows);
    expect(events).toEqual([
      { merchant_id: a.id, actor_kind: 'system', payload: { subscriptionId: subscription.id, consecutiveFailures: 8, failingSince: new Date(sub.failing_since as Date).toISOString() } },
    ]);

    // the audit trail records it against the subscription
    const [audited] = await eventually(async () => {
      const rows = await withOwnerDb('audit', async (db) => (await db.query(`select entity_type, entity_id, action, actor_kind from audit_entry where merchant_id = $1 and source_topic = 'webhook_subscription.disabled'`, [a.id])).rows);
      return rows.length > 0 && rows;
    }, 10_000, 'the audit entry');
    expect(audited).toEqual({ entity_type: 'WebhookSubscription', entity_id: subscription.id, action: 'disabled', actor_kind: 'system' });

    // ten polls later: nothing more was sent; the delivery waits for a re-enable
    await sleep(1000);
    expect(hook.requests).toHaveLength(8);
    expect(await webhookDeliveryRow(delivery.id)).toMatchObject({ status: 'pending', attempts: 8, last_status_code: 500, last_error: 'HTTP 500' });
  }, 60_000);

  it("a slow receiver (10 s per request) does not delay a fast one's deliveries, another merchant's", async () => {
    const [a, b] = [await merchant(), await merchant()];
    const slow = await receiver({ answer: 'slow', delayMs: 10_000 });
    const fast = await receiver({ answer: 'ok' });
    const slowSubscription = await insertWebhookSubscription(gateway, a, slow.url);
    const fastSubscription = await insertWebhookSubscription(gateway, b, fast.url);
    await insertWebhookDeliveries(gateway, a, slowSubscription.id, 3);
    const [slowRequest] = await slow.waitForRequests(1);

    // race: the fast endpoint's deliveries are recorded while the slow endpoint holds a request open
    const recordedAt = Date.now();
    const deliveries = await insertWebhookDeliveries(gateway, b, fastSubscription.id, 5);
    await fast.waitForRequests(5, 5_000);

    expect(slowRequest.closedAt).toBeNull();
    expect(slow.requests).toHaveLength(1);
    expect(fast.requests.map((r) => r.headers['x-loyalnest-delivery-id'])).toEqual(deliveries.map((d) => d.id));
    // not held back by the slow endpoint's 10 s (with room to spare on a loaded runner)
    fast.requests.forEach((r) => expect(r.receivedAt - recordedAt).toBeLessThan(5_000));
    // each merchant's deliveries name its own shop
    expect(new Set(fast.requests.map((r) => r.headers['x-loyalnest-shop-domain']))).toEqual(new Set([b.shop]));
    expect(slowRequest.headers['x-loyalnest-shop-domain']).toBe(a.shop);
    await eventually(async () => (await Promise.all(deliveries.map((d) => webhookDeliveryRow(d.id)))).every((r) => r.status === 'delivered'), 5_000, 'the fast deliveries recorded');
    await deleteWebhookSubscriptions([a.id]);
  }, 60_000);

  it('cuts an answer past the limit: the excerpt kept is at most WEBHOOK_RESPONSE_LIMIT_BYTES, and an endless body ends the attempt at once', async () => {
    const a = await merchant();
    const huge = await receiver({ answer: 'huge', bytes: 1_000_000 });
    const endless = await receiver({ answer: 'endless' });
    const hugeSubscription = await insertWebhookSubscription(gateway, a, huge.url);
    const endlessSubscription = await insertWebhookSubscription(gateway, a, endless.url);
    const [toHuge] = await insertWebhookDeliveries(gateway, a, hugeSubscription.id);
    const [toEndless] = await insertWebhookDeliveries(gateway, a, endlessSubscription.id);

    const [hugeRow, endlessRow] = await eventually(async () => {
      const rows = await Promise.all([webhookDeliveryRow(toHuge.id), webhookDeliveryRow(toEndless.id)]);
      return rows.every((r) => r.attempts > 0) && rows;
    }, 10_000, 'both attempts recorded');
    expect(hugeRow).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, last_response_excerpt: 'x'.repeat(1024) });
    expect(endlessRow).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, last_response_excerpt: 'y'.repeat(1024) });
    expect(endlessRow.last_duration_ms).toBeLessThan(2_000);
    // the endless answer's connection was closed by the dispatcher
    await eventually(async () => endless.requests[0].closedAt !== null, 2_000, 'the endless answer cut');
  }, 30_000);

  it('counts a redirect as a failure and never follows it', async () => {
    const a = await merchant();
    const elsewhere = await receiver({ answer: 'ok' });
    const redirecting = await receiver({ answer: 'redirect', location: elsewhere.url, status: 302 });
    const subscription = await insertWebhookSubscription(gateway, a, redirecting.url);
    const [delivery] = await insertWebhookDeliveries(gateway, a, subscription.id);

    const row = await eventually(async () => {
      const r = await webhookDeliveryRow(delivery.id);
      return r.attempts > 0 && r;
    }, 10_000, 'the attempt recorded');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 302, last_error: 'HTTP 302' });
    expect(new Date(row.next_attempt_at as Date).getTime()).toBeGreaterThan(new Date(row.last_attempt_at as Date).getTime());
    expect(await webhookSubscriptionRow(subscription.id)).toMatchObject({ consecutive_failures: 1 });
    expect(elsewhere.requests).toHaveLength(0);
  }, 30_000);

  it('records a secret no configured key decrypts as the delivery\'s failure (its lastError), sends nothing, and backs off until the run of failures disables it', async () => {
    const a = await merchant();
    const hook = await receiver({ answer: 'ok' });
    const subscription = await insertWebhookSubscription(gateway, a, hook.url);
    const wrongAad = new FieldCipher(gateway.config.kit.encryptionKeys).encrypt(subscription.secret, 'webhook_subscription:another');
    await withOwnerDb('merchant', (db) => db.query('update webhook_subscription set secret_encrypted = $1 where id = $2', [wrongAad, subscription.id]));
    const [delivery] = await insertWebhookDeliveries(gateway, a, subscription.id);

    const sub = await eventually(async () => {
      const s = await webhookSubscriptionRow(subscription.id);
      return s.status === 'disabled' && s;
    }, 15_000, 'the subscription disabled after its run of failures');
    expect(sub).toMatchObject({ disabled_reason: 'failures', consecutive_failures: 8 });
    expect(await webhookDeliveryRow(delivery.id)).toMatchObject({
      status: 'pending',
      attempts: 8,
      last_status_code: null,
      last_error: 'the signing secret cannot be decrypted: rotate the secret',
    });
    expect(hook.requests).toHaveLength(0);
  }, 30_000);

  it("a merchant with WEBHOOK_CONCURRENCY slow endpoints and backlogs holds 2 places, and another merchant's fast endpoint is still served within seconds", async () => {
    const [a, b] = [await merchant(), await merchant()];
    const slows = await Promise.all([1, 2, 3, 4].map(() => receiver({ answer: 'slow', delayMs: 10_000 })));
    for (const slow of slows) {
      const subscription = await insertWebhookSubscription(gateway, a, slow.url);
      await insertWebhookDeliveries(gateway, a, subscription.id, 3);
    }
    // race: the claims take every place merchant A may have before B's delivery is recorded
    await eventually(async () => slows.filter((r) => r.requests.length > 0).length >= 2, 5_000, 'two slow endpoints in flight');
    const fast = await receiver({ answer: 'ok' });
    const fastSubscription = await insertWebhookSubscription(gateway, b, fast.url);
    const recordedAt = Date.now();
    const [delivery] = await insertWebhookDeliveries(gateway, b, fastSubscription.id);

    const [request] = await fast.waitForRequests(1, 5_000);
    expect(request.headers['x-loyalnest-delivery-id']).toBe(delivery.id);
    expect(request.receivedAt - recordedAt).toBeLessThan(5_000);
    // merchant A never held more than its 2 places: 2 requests in all, each still waiting for its 10 s answer
    expect(slows.flatMap((r) => r.requests)).toHaveLength(2);
    expect(slows.flatMap((r) => r.requests).every((r) => r.closedAt === null)).toBe(true);
    const leased = await withOwnerDb('merchant', async (db) => (await db.query(`select count(*)::int as n from webhook_subscription where merchant_id = $1 and lease_owner is not null and lease_until > now()`, [a.id])).rows[0]);
    expect(leased).toEqual({ n: 2 });
    await deleteWebhookSubscriptions([a.id]);
  }, 60_000);

  it('keeps a replay made through the API while an attempt of the same delivery is in flight: the attempt counts, and a second request with the same delivery id follows', async () => {
    const a = await merchant();
    // 5 s: the replay must commit through the gateway while the first attempt waits, even on a loaded runner.
    const hook = await receiver({ answer: 'slow', delayMs: 5_000 });
    const subscription = await insertWebhookSubscription(gateway, a, hook.url);
    const [delivery] = await insertWebhookDeliveries(gateway, a, subscription.id);
    const [first] = await hook.waitForRequests(1);

    // race: the replay commits while the first attempt waits for its answer (5 s); that attempt's success is recorded after it
    const replayed = await gateway.gql<{ replayWebhookSubscriptionDelivery: { __typename: string; id: string; status: string } }>(REPLAY, { id: delivery.id }, a.auth);
    expect(replayed.data?.replayWebhookSubscriptionDelivery).toEqual({ __typename: 'WebhookSubscriptionDelivery', id: delivery.id, status: 'PENDING' });
    expect(first.closedAt).toBeNull();

    const requests = await hook.waitForRequests(2, 15_000);
    expect(requests.map((r) => r.headers['x-loyalnest-delivery-id'])).toEqual([delivery.id, delivery.id]);
    expect(requests.map((r) => r.headers['x-loyalnest-attempt'])).toEqual(['1', '2']);
    expect(requests[1].receivedAt).toBeGreaterThanOrEqual(first.closedAt as number);
    const row = await eventually(async () => {
      const r = await webhookDeliveryRow(delivery.id);
      return r.status === 'delivered' && r;
    }, 15_000, 'the replay delivered');
    expect(row).toMatchObject({ attempts: 2, last_status_code: 200 });
    expect(row.replayed_at).not.toBeNull();
  }, 45_000);

  it("a success after failures makes the subscription's other waiting deliveries due at once, not at their own backoff", async () => {
    const a = await merchant();
    const hook = await receiver({ answer: 'ok' });
    const subscription = await insertWebhookSubscription(gateway, a, hook.url);
    // not claimable while the scene is set up
    await withOwnerDb('merchant', (db) => db.query(`update webhook_subscription set next_attempt_at = now() + interval '1 hour' where id = $1`, [subscription.id]));
    const [parked, fresh] = await insertWebhookDeliveries(gateway, a, subscription.id, 2);
    // as after an outage: `parked` was tried 3 times and waits an hour; the endpoint's own backoff has passed
    await withOwnerDb('merchant', async (db) => {
      await db.query(`update webhook_subscription_delivery set attempts = 3, next_attempt_at = now() + interval '1 hour' where id = $1`, [parked.id]);
      await db.query(`update webhook_subscription set consecutive_failures = 3, failing_since = now() - interval '10 minutes', next_attempt_at = now() where id = $1`, [subscription.id]);
    });

    const requests = await hook.waitForRequests(2, 5_000);
    expect(requests.map((r) => r.headers['x-loyalnest-delivery-id'])).toEqual([fresh.id, parked.id]);
    expect(requests.map((r) => r.headers['x-loyalnest-attempt'])).toEqual(['1', '4']);
    await eventually(async () => (await webhookDeliveryRow(parked.id)).status === 'delivered', 5_000, 'the parked delivery delivered');
    expect(await webhookSubscriptionRow(subscription.id)).toMatchObject({ consecutive_failures: 0, failing_since: null });
  }, 30_000);

  it("disables, when it next reaches it, a partner key's subscription once that key has expired (no event marks an expiry), and sends nothing more to the former partner", async () => {
    const a = await merchant();
    const hook = await receiver();
    const created = await gateway.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(CREATE_KEY, { input: { name: 'expiring partner', scopes: ['webhooks:manage', 'points:read'] } }, a.auth);
    const key = created.data!.createApiKey;
    const subscribed = await gateway.gql<{ createWebhookSubscription: { subscription: { id: string } } }>(
      CREATE_SUBSCRIPTION,
      { input: { url: hook.url, topics: ['POINTS_EARNED'] } },
      { authorization: `Bearer ${key.secret}` },
    );
    const subscriptionId = subscribed.data!.createWebhookSubscription.subscription.id;
    await insertWebhookDeliveries(gateway, a, subscriptionId);
    await hook.waitForRequests(1);

    // when: the key expires, and a delivery recorded before the expiry waits
    await withOwnerDb('merchant', (db) => db.query(`update api_key set expires_at = now() - interval '1 second' where id = $1`, [key.apiKey.id]));
    await insertWebhookDeliveries(gateway, a, subscriptionId);

    const row = await eventually(async () => {
      const r = await webhookSubscriptionRow(subscriptionId);
      return r.status === 'disabled' && r;
    }, 10_000, 'the subscription disabled');
    expect(row).toMatchObject({ disabled_reason: 'api_key_revoked' });
    await sleep(500);
    expect(hook.requests).toHaveLength(1);
    const audited = await withOwnerDb('merchant', async (db) => (await db.query(`select payload from outbox_event where topic = 'webhook_subscription.disabled' and payload->>'subscriptionId' = $1`, [subscriptionId])).rows);
    expect(audited).toEqual([{ payload: expect.objectContaining({ subscriptionId, reason: 'api_key_revoked' }) }]);
  });
});

describe('the dispatcher at shutdown', () => {
  it('aborts the request in flight: the delivery stays pending, its attempt uncounted, the lease released', async () => {
    const gateway = await startTestGateway('embedded', WEBHOOK_ENV);
    const hook = await startWebhookReceiver({ answer: 'slow', delayMs: 10_000 });
    let a: TestMerchant | undefined;
    let stopped = false;
    try {
      a = await createMerchant(gateway);
      const subscription = await insertWebhookSubscription(gateway, a, hook.url);
      const [delivery] = await insertWebhookDeliveries(gateway, a, subscription.id);
      const [request] = await hook.waitForRequests(1);

      const stopping = Date.now();
      await gateway.stop();
      stopped = true;
      // the 10 s answer was not waited for
      expect(Date.now() - stopping).toBeLessThan(5_000);
      expect(request.closedAt).not.toBeNull();

      expect(await webhookDeliveryRow(delivery.id)).toMatchObject({ status: 'pending', attempts: 0, last_attempt_at: null, last_error: null });
      expect(await webhookSubscriptionRow(subscription.id)).toMatchObject({ status: 'active', consecutive_failures: 0, lease_owner: null, lease_until: null });
    } finally {
      if (!stopped) await gateway.stop();
      if (a) await deleteWebhookSubscriptions([a.id]);
      await hook.close();
    }
  }, 60_000);
});
