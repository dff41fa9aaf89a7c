import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLoyalNestClient, LoyalNestError, paginate, parseWebhook, type LoyalNestClient } from '@loyalnest/partner-sdk';
import { signatureHeader } from '../../subgraphs/merchant/src/domain/webhook-signature.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';

/** Nobody listens there: deliveries stay waiting (or fail, once a dispatcher runs), and nothing here depends on a receipt. */
const NOWHERE = 'http://127.0.0.1:9/hooks/loyalnest';

const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
}`;

/** The partner SDK's webhook functions, with a partner key holding `webhooks:manage`, against a live supergraph. */
describe('the partner SDK’s webhook API', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let sdkA: LoyalNestClient;
  let sdkB: LoyalNestClient;

  async function partner(merchant: TestMerchant, scopes: string[]): Promise<LoyalNestClient> {
    const result = await gateway.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: `webhooks ${Math.random()}`, scopes } }, merchant.auth);
    if (!result.data?.createApiKey.secret) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
    return createLoyalNestClient({ url: gateway.url, apiKey: result.data.createApiKey.secret, maxRetries: 0 });
  }

  async function subscribe(sdk: LoyalNestClient, topics: Parameters<LoyalNestClient['createWebhookSubscription']>[0]['input']['topics'], description?: string) {
    const { createWebhookSubscription: created } = await sdk.createWebhookSubscription({ input: { url: NOWHERE, topics, description } });
    if (created.__typename !== 'WebhookSubscriptionCreated') throw new Error(`createWebhookSubscription: ${created.__typename}`);
    return created;
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const scopes = ['webhooks:manage', 'customers:write'];
    [sdkA, sdkB] = await Promise.all([partner(a, scopes), partner(b, scopes)]);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('creates, lists, reads, pauses, turns on, rotates and deletes a subscription, with typed results', async () => {
    const created = await subscribe(sdkA, ['POINTS_EARNED', 'TIER_CHANGED'], 'Reviews app');
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.subscription).toMatchObject({ url: NOWHERE, topics: ['POINTS_EARNED', 'TIER_CHANGED'], description: 'Reviews app', status: 'ACTIVE', disabledReason: null, pendingDeliveries: 0 });
    expect(created.secret.startsWith(created.subscription.secretPrefix)).toBe(true);
    const id = created.subscription.id;

    expect((await sdkA.webhookSubscriptions()).webhookSubscriptions.map((s) => s.id)).toContain(id);
    expect((await sdkA.webhookSubscription({ id })).webhookSubscription).toMatchObject({ id, status: 'ACTIVE' });

    const paused = (await sdkA.updateWebhookSubscription({ id, input: { enabled: false } })).updateWebhookSubscription;
    expect(paused).toMatchObject({ __typename: 'WebhookSubscription', status: 'DISABLED', disabledReason: 'MERCHANT' });
    const on = (await sdkA.updateWebhookSubscription({ id, input: { enabled: true, topics: ['CUSTOMER_CREATED'] } })).updateWebhookSubscription;
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

  it('refuses a key without webhooks:manage with FORBIDDEN naming the scope', async () => {
    const reader = await partner(a, ['customers:read']);
    const thrown = await reader.webhookSubscriptions().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LoyalNestError);
    expect((thrown as LoyalNestError).code).toBe('FORBIDDEN');
    expect((thrown as LoyalNestError).message).toContain('webhooks:manage');
  });
});
