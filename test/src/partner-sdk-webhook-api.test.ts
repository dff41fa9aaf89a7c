import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLoyalNestClient, LoyalNestError, paginate, parseWebhook, type LoyalNestClient } from '@loyalnest/partner-sdk';
import { signatureHeader } from '../../subgraphs/merchant/src/domain/webhook-signature.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions } from './support/webhook-receiver.js';
import { CREATE_API_KEY, LIST, NOWHERE, UPDATE } from './support/webhook-subscriptions.js';

/** A partner key's scopes for these tests: managing subscriptions, and reading what their topics carry. */
const SCOPES = ['webhooks:manage', 'customers:read', 'customers:write', 'points:read', 'tiers:read'];

/** A fetch that puts `answer` in place of the API's: `before` never sends the request, `after` sends it and loses the answer. */
type Interception = { when: 'before' | 'after'; answer: () => Response | Promise<Response> };

/** The real fetch, intercepted as told for the first requests, counting each request that reached the API by operation. */
function interceptingFetch(interceptions: Interception[], reached: string[]): typeof fetch {
  return async (input, init) => {
    const next = interceptions.shift();
    if (next?.when === 'before') return next.answer();
    const response = await fetch(input, init);
    reached.push((JSON.parse(String(init?.body)) as { operationName: string }).operationName);
    return next ? next.answer() : response;
  };
}

/** The partner SDK's webhook functions, with a partner key holding `webhooks:manage`, against a live supergraph. */
describe('the partner SDK’s webhook API', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let sdkA: LoyalNestClient;
  let sdkB: LoyalNestClient;

  async function partnerKey(merchant: TestMerchant, scopes: string[]): Promise<string> {
    const result = await gateway.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: `webhooks ${Math.random()}`, scopes } }, merchant.auth);
    if (!result.data?.createApiKey.secret) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
    return result.data.createApiKey.secret;
  }

  async function partner(merchant: TestMerchant, scopes: string[]): Promise<LoyalNestClient> {
    return createLoyalNestClient({ url: gateway.url, apiKey: await partnerKey(merchant, scopes), maxRetries: 0 });
  }

  /** A client that retries (quickly) through `interceptingFetch`, with a key of its own. */
  async function intercepted(interceptions: Interception[], reached: string[]): Promise<LoyalNestClient> {
    return createLoyalNestClient({ url: gateway.url, apiKey: await partnerKey(a, SCOPES), maxRetries: 3, fetch: interceptingFetch(interceptions, reached) });
  }

  /** A's subscriptions with this description, as A's admin sees them: how many the API really made, whatever the client was told. */
  async function countDescribed(description: string): Promise<number> {
    const result = await gateway.gql<{ webhookSubscriptions: { description: string | null }[] }>(LIST, {}, a.auth);
    return result.data!.webhookSubscriptions.filter((s) => s.description === description).length;
  }

  async function subscribe(sdk: LoyalNestClient, topics: Parameters<LoyalNestClient['createWebhookSubscription']>[0]['input']['topics'], description?: string) {
    const { createWebhookSubscription: created } = await sdk.createWebhookSubscription({ input: { url: NOWHERE, topics, description } });
    if (created.__typename !== 'WebhookSubscriptionCreated') throw new Error(`createWebhookSubscription: ${created.__typename}`);
    return created;
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    [sdkA, sdkB] = await Promise.all([partner(a, SCOPES), partner(b, SCOPES)]);
  });
  afterAll(async () => {
    // After the gateway stopped: no drain is recording while the rows go.
    await gateway?.stop();
    if (a && b) await deleteWebhookSubscriptions([a.id, b.id]);
  });

  it('creates, lists, reads, pauses, rotates and deletes a subscription, with typed results; a pause is the admin\'s to lift (FORBIDDEN to the key)', async () => {
    const created = await subscribe(sdkA, ['POINTS_EARNED', 'TIER_CHANGED'], 'Reviews app');
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.subscription).toMatchObject({ url: NOWHERE, topics: ['POINTS_EARNED', 'TIER_CHANGED'], description: 'Reviews app', status: 'ACTIVE', disabledReason: null, pendingDeliveries: 0 });
    expect(created.secret.startsWith(created.subscription.secretPrefix)).toBe(true);
    const id = created.subscription.id;

    expect((await sdkA.webhookSubscriptions()).webhookSubscriptions.map((s) => s.id)).toContain(id);
    expect((await sdkA.webhookSubscription({ id })).webhookSubscription).toMatchObject({ id, status: 'ACTIVE' });

    const paused = (await sdkA.updateWebhookSubscription({ id, input: { enabled: false } })).updateWebhookSubscription;
    expect(paused).toMatchObject({ __typename: 'WebhookSubscription', status: 'DISABLED', disabledReason: 'MERCHANT' });
    // a pause is lifted by the merchant's admin, not by the key (it may turn on only what failures disabled)
    const refused = await sdkA.updateWebhookSubscription({ id, input: { enabled: true } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LoyalNestError);
    expect((refused as LoyalNestError).code).toBe('FORBIDDEN');
    expect((await gateway.gql<Record<string, Record<string, unknown>>>(UPDATE, { id, input: { enabled: true } }, a.auth)).data!.updateWebhookSubscription).toMatchObject({ status: 'ACTIVE' });
    const on = (await sdkA.updateWebhookSubscription({ id, input: { topics: ['CUSTOMER_CREATED'] } })).updateWebhookSubscription;
    expect(on).toMatchObject({ __typename: 'WebhookSubscription', status: 'ACTIVE', disabledReason: null, topics: ['CUSTOMER_CREATED'] });

    const rotated = (await sdkA.rotateWebhookSubscriptionSecret({ id })).rotateWebhookSubscriptionSecret;
    if (rotated.__typename !== 'WebhookSubscriptionSecretRotated') throw new Error(rotated.__typename);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    expect((await sdkA.deleteWebhookSubscription({ id })).deleteWebhookSubscription).toEqual({ __typename: 'WebhookSubscriptionDeleted', id });
    expect((await sdkA.webhookSubscription({ id })).webhookSubscription).toBeNull();
    expect((await sdkA.deleteWebhookSubscription({ id })).deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError', code: 'WEBHOOK_SUBSCRIPTION_NOT_FOUND' });
  });

  it('answers a refused endpoint as a typed error, and bad input as BAD_USER_INPUT', async () => {
    const refused = (await sdkA.createWebhookSubscription({ input: { url: 'ftp://example.com/hooks', topics: ['CUSTOMER_CREATED'] } })).createWebhookSubscription;
    expect(refused).toMatchObject({ __typename: 'WebhookEndpointRefusedError', field: 'input.url', reason: 'NOT_HTTPS' });
    const thrown = await sdkA.createWebhookSubscription({ input: { url: NOWHERE, topics: [] } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LoyalNestError);
    expect((thrown as LoyalNestError).code).toBe('BAD_USER_INPUT');
  });

  it('does not send a create again after its answer was lost: NETWORK_ERROR, and one subscription', async () => {
    const reached: string[] = [];
    const sdk = await intercepted([{ when: 'after', answer: () => Promise.reject(new TypeError('fetch failed: socket hang up')) }], reached);
    const description = `lost answer ${Math.random()}`;

    const thrown = await sdk.createWebhookSubscription({ input: { url: NOWHERE, topics: ['CUSTOMER_CREATED'], description } }).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(LoyalNestError);
    expect(thrown).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringContaining('may have been applied') });
    expect(reached).toEqual(['createWebhookSubscription']);
    expect(await countDescribed(description)).toBe(1);
  });

  it('does not send a create again after a proxy’s 503 that followed it: the HTTP status, and one subscription', async () => {
    const reached: string[] = [];
    const sdk = await intercepted([{ when: 'after', answer: () => new Response('upstream unavailable', { status: 503 }) }], reached);
    const description = `proxy 503 ${Math.random()}`;

    const thrown = await sdk.createWebhookSubscription({ input: { url: NOWHERE, topics: ['CUSTOMER_CREATED'], description } }).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(LoyalNestError);
    expect(thrown).toMatchObject({ code: 'BAD_RESPONSE', status: 503 });
    expect(reached).toEqual(['createWebhookSubscription']);
    expect(await countDescribed(description)).toBe(1);
  });

  it('sends a create again after a 429, which the API answers before running anything: one subscription', async () => {
    const reached: string[] = [];
    const throttled = () => new Response('{"errors":[{"message":"Too many requests","extensions":{"code":"THROTTLED"}}]}', { status: 429, headers: { 'retry-after': '0', 'content-type': 'application/json' } });
    const sdk = await intercepted([{ when: 'before', answer: throttled }], reached);
    const description = `throttled ${Math.random()}`;

    const { createWebhookSubscription: created } = await sdk.createWebhookSubscription({ input: { url: NOWHERE, topics: ['CUSTOMER_CREATED'], description } });

    expect(created).toMatchObject({ __typename: 'WebhookSubscriptionCreated', subscription: { description } });
    expect(reached).toEqual(['createWebhookSubscription']);
    expect(await countDescribed(description)).toBe(1);
  });

  it('still retries a query after a lost answer and a 503', async () => {
    const reached: string[] = [];
    const interceptions: Interception[] = [];
    const sdk = await intercepted(interceptions, reached);
    const { createWebhookSubscription: created } = await sdk.createWebhookSubscription({ input: { url: NOWHERE, topics: ['CUSTOMER_CREATED'] } });
    if (created.__typename !== 'WebhookSubscriptionCreated') throw new Error(created.__typename);
    interceptions.push(
      { when: 'after', answer: () => Promise.reject(new TypeError('fetch failed: socket hang up')) },
      { when: 'after', answer: () => new Response('upstream unavailable', { status: 503 }) },
    );

    const { webhookSubscription } = await sdk.webhookSubscription({ id: created.subscription.id });

    expect(reached).toEqual(['createWebhookSubscription', 'webhookSubscription', 'webhookSubscription', 'webhookSubscription']);
    expect(webhookSubscription).toMatchObject({ id: created.subscription.id, status: 'ACTIVE' });
  });

  it('lists a real delivery, whose payload parseWebhook reads as its typed event once signed with the secret; replays it', async () => {
    const { subscription, secret } = await subscribe(sdkA, ['CUSTOMER_CREATED']);
    const { upsertCustomer } = await sdkA.upsertCustomer({ input: { shopifyId: shopifyId(), email: `hook${Math.random().toString(36).slice(2)}@example.com` } });
    if (upsertCustomer.__typename !== 'UpsertCustomerSuccess') throw new Error(upsertCustomer.__typename);
    const customerId = upsertCustomer.customer.id;

    // The fan-out runs in the workers after the customer subgraph's event is relayed.
    const delivery = await eventually(async () => {
      const { webhookSubscriptionDeliveries } = await sdkA.webhookSubscriptionDeliveries({ first: 5, filter: { subscriptionId: subscription.id } });
      return webhookSubscriptionDeliveries.nodes[0];
    }, 15_000, 'the customer.created delivery');
    expect(delivery).toMatchObject({ subscriptionId: subscription.id, topic: 'CUSTOMER_CREATED', replayedAt: null });

    const event = await parseWebhook({ body: delivery.payload, signature: signatureHeader(secret, delivery.payload, Math.floor(Date.now() / 1000)), secret });
    expect(event).toMatchObject({ id: delivery.id, topic: 'customer.created', eventId: delivery.eventId, merchantId: a.id, shopDomain: a.shop, apiVersion: '2026-12' });
    expect(event.topic === 'customer.created' && event.data).toEqual({ customerId });

    const pages: string[] = [];
    for await (const node of paginate(sdkA.webhookSubscriptionDeliveries, { first: 1, filter: { subscriptionId: subscription.id } })) pages.push(node.id);
    expect(pages).toEqual([delivery.id]);

    const replayed = (await sdkA.replayWebhookSubscriptionDelivery({ id: delivery.id })).replayWebhookSubscriptionDelivery;
    expect(replayed).toMatchObject({ __typename: 'WebhookSubscriptionDelivery', id: delivery.id, payload: delivery.payload });
    expect(replayed.__typename === 'WebhookSubscriptionDelivery' && replayed.replayedAt).toEqual(expect.any(String));
  });

  it('keeps merchants apart: B lists none of A’s subscriptions or deliveries, and cannot replay, change or delete them', async () => {
    const { subscription } = await subscribe(sdkA, ['CUSTOMER_CREATED']);
    await sdkA.upsertCustomer({ input: { shopifyId: shopifyId(), email: `iso${Math.random().toString(36).slice(2)}@example.com` } });
    const delivery = await eventually(async () => (await sdkA.webhookSubscriptionDeliveries({ filter: { subscriptionId: subscription.id } })).webhookSubscriptionDeliveries.nodes[0], 15_000, 'A’s delivery');

    expect((await sdkB.webhookSubscriptions()).webhookSubscriptions.map((s) => s.id)).not.toContain(subscription.id);
    expect((await sdkB.webhookSubscription({ id: subscription.id })).webhookSubscription).toBeNull();
    expect((await sdkB.webhookSubscriptionDeliveries({ filter: { subscriptionId: subscription.id } })).webhookSubscriptionDeliveries.nodes).toEqual([]);
    expect((await sdkB.webhookSubscriptionDeliveries({ first: 100 })).webhookSubscriptionDeliveries.nodes.map((d) => d.id)).not.toContain(delivery.id);
    expect((await sdkB.replayWebhookSubscriptionDelivery({ id: delivery.id })).replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDeliveryNotFoundError' });
    expect((await sdkB.updateWebhookSubscription({ id: subscription.id, input: { enabled: false } })).updateWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    expect((await sdkB.rotateWebhookSubscriptionSecret({ id: subscription.id })).rotateWebhookSubscriptionSecret).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    expect((await sdkB.deleteWebhookSubscription({ id: subscription.id })).deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    expect((await sdkA.webhookSubscription({ id: subscription.id })).webhookSubscription).toMatchObject({ status: 'ACTIVE' });
  });

  it('gives a key only its own subscriptions: another key of the same merchant lists, reads, changes and replays none of them', async () => {
    const other = await partner(a, SCOPES);
    const { subscription } = await subscribe(sdkA, ['CUSTOMER_CREATED']);
    await sdkA.upsertCustomer({ input: { shopifyId: shopifyId(), email: `own${Math.random().toString(36).slice(2)}@example.com` } });
    const delivery = await eventually(async () => (await sdkA.webhookSubscriptionDeliveries({ filter: { subscriptionId: subscription.id } })).webhookSubscriptionDeliveries.nodes[0], 15_000, 'the key’s delivery');

    expect((await other.webhookSubscriptions()).webhookSubscriptions.map((s) => s.id)).not.toContain(subscription.id);
    expect((await other.webhookSubscription({ id: subscription.id })).webhookSubscription).toBeNull();
    expect((await other.webhookSubscriptionDeliveries({ filter: { subscriptionId: subscription.id } })).webhookSubscriptionDeliveries.nodes).toEqual([]);
    expect((await other.webhookSubscriptionDeliveries({ first: 100 })).webhookSubscriptionDeliveries.nodes.map((d) => d.id)).not.toContain(delivery.id);
    expect((await other.replayWebhookSubscriptionDelivery({ id: delivery.id })).replayWebhookSubscriptionDelivery).toMatchObject({ __typename: 'WebhookSubscriptionDeliveryNotFoundError' });
    expect((await other.updateWebhookSubscription({ id: subscription.id, input: { url: `${NOWHERE}/hijacked` } })).updateWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    expect((await other.rotateWebhookSubscriptionSecret({ id: subscription.id })).rotateWebhookSubscriptionSecret).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    expect((await other.deleteWebhookSubscription({ id: subscription.id })).deleteWebhookSubscription).toMatchObject({ __typename: 'WebhookSubscriptionNotFoundError' });
    // Untouched, and still the creating key's; the merchant's admin sees it too.
    expect((await sdkA.webhookSubscription({ id: subscription.id })).webhookSubscription).toMatchObject({ url: NOWHERE, status: 'ACTIVE', secretPrefix: subscription.secretPrefix });
    const admin = await gateway.gql<{ webhookSubscriptions: { id: string }[] }>(LIST, {}, a.auth);
    expect(admin.data!.webhookSubscriptions.map((s) => s.id)).toContain(subscription.id);
  });

  it('refuses a topic whose read scope the key lacks, with FORBIDDEN naming the scope', async () => {
    const manageOnly = await partner(a, ['webhooks:manage', 'customers:read']);
    const thrown = await manageOnly.createWebhookSubscription({ input: { url: NOWHERE, topics: ['CUSTOMER_CREATED', 'SEGMENT_CHANGED'] } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LoyalNestError);
    expect((thrown as LoyalNestError).code).toBe('FORBIDDEN');
    expect((thrown as LoyalNestError).message).toContain('segments:read');
    const { subscription } = await subscribe(manageOnly, ['CUSTOMER_CREATED']);
    const widened = await manageOnly.updateWebhookSubscription({ id: subscription.id, input: { topics: ['POINTS_EARNED'] } }).catch((e: unknown) => e);
    expect(widened).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('points:read') });
    expect((await manageOnly.webhookSubscription({ id: subscription.id })).webhookSubscription).toMatchObject({ topics: ['CUSTOMER_CREATED'] });
  });

  it('refuses a key without webhooks:manage with FORBIDDEN naming the scope', async () => {
    const reader = await partner(a, ['customers:read']);
    const thrown = await reader.webhookSubscriptions().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LoyalNestError);
    expect((thrown as LoyalNestError).code).toBe('FORBIDDEN');
    expect((thrown as LoyalNestError).message).toContain('webhooks:manage');
  });
});
