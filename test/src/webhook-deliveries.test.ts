import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { postWebhook } from './support/webhooks.js';

const DELIVERIES = `query($first: Int, $after: String, $filter: WebhookDeliveryFilter) {
  webhookDeliveries(first: $first, after: $after, filter: $filter) {
    nodes { id eventId topic status triggeredAt receivedAt appliedAt appliedBy attempts }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface Delivery {
  id: string;
  eventId: string;
  topic: string;
  status: string;
  receivedAt: string;
  appliedAt: string | null;
  appliedBy: string[];
  attempts: number;
}
type Page = { webhookDeliveries: { nodes: Delivery[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

/** `webhookDeliveries`: the merchant's webhook inbox as the dashboard lists it, never a body, never another merchant's. */
describe('webhookDeliveries', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const customerEvent = randomUUID();
  const ignoredEvent = randomUUID();
  const email = `inbox-${randomUUID()}@example.com`;

  const list = (merchant: TestMerchant, variables: Record<string, unknown> = {}) => gateway.gql<Page>(DELIVERIES, variables, merchant.auth);
  const deliver = (merchant: TestMerchant, topic: string, eventId: string, body: Record<string, unknown>) =>
    postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body });

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    expect(await deliver(a, 'customers/create', customerEvent, { id: Number(shopifyId()), email, first_name: 'Inbox', last_name: 'Person' })).toBe(200);
    expect(await deliver(a, 'products/update', ignoredEvent, { id: 1, title: 'Not acted on' })).toBe(200);
  }, 90_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  it('lists the merchant’s deliveries newest first, with their progress and without any body or PII', async () => {
    const applied = await eventually(async () => {
      const page = await list(a);
      const customer = page.data?.webhookDeliveries.nodes.find((d) => d.eventId === customerEvent);
      return customer?.status === 'PROCESSED' ? page : undefined;
    }, 20_000, 'the customers/create delivery to be applied');
    expect(applied.errors).toBeUndefined();
    const nodes = applied.data!.webhookDeliveries.nodes;
    expect(nodes.map((d) => d.eventId)).toEqual([ignoredEvent, customerEvent]);
    expect(nodes[0]).toMatchObject({ topic: 'products/update', status: 'IGNORED', appliedAt: null, attempts: 1 });
    expect(nodes[1]).toMatchObject({ topic: 'customers/create', status: 'PROCESSED', attempts: 1 });
    expect(nodes[1].appliedBy).toContain('customer');
    expect(Date.parse(nodes[1].appliedAt!)).toBeGreaterThanOrEqual(Date.parse(nodes[1].receivedAt));
    expect(JSON.stringify(applied.data)).not.toContain(email);
  });

  it('filters by topic and status, and pages by cursor', async () => {
    const byTopic = await list(a, { filter: { topic: 'customers/create' } });
    expect(byTopic.data!.webhookDeliveries.nodes.map((d) => d.eventId)).toEqual([customerEvent]);
    const byStatus = await list(a, { filter: { status: 'IGNORED' } });
    expect(byStatus.data!.webhookDeliveries.nodes.map((d) => d.eventId)).toEqual([ignoredEvent]);
    const neither = await list(a, { filter: { topic: 'customers/create', status: 'IGNORED' } });
    expect(neither.data!.webhookDeliveries.nodes).toEqual([]);

    const first = await list(a, { first: 1 });
    expect(first.data!.webhookDeliveries.pageInfo.hasNextPage).toBe(true);
    const second = await list(a, { first: 1, after: first.data!.webhookDeliveries.pageInfo.endCursor });
    expect(second.data!.webhookDeliveries.nodes.map((d) => d.eventId)).toEqual([customerEvent]);
    expect(second.data!.webhookDeliveries.pageInfo).toEqual({ endCursor: expect.any(String), hasNextPage: false });
  });

  it('never shows another merchant’s deliveries, whatever the filter or cursor', async () => {
    const first = await list(a, { first: 1 });
    const cursor = first.data!.webhookDeliveries.pageInfo.endCursor;
    for (const variables of [{}, { filter: { topic: 'customers/create' } }, { after: cursor }]) {
      const page = await list(b, variables);
      expect(page.errors).toBeUndefined();
      expect(page.data!.webhookDeliveries.nodes).toEqual([]);
    }
  });

  it('refuses bad input, naming the field', async () => {
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ filter: { topic: '' } }, 'topic'],
      [{ filter: { topic: 'x'.repeat(101) } }, 'topic'],
    ] as const) {
      const response = await list(a, variables);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain(field);
    }
    const badStatus = await list(a, { filter: { status: 'processed' } });
    expect(badStatus.errors?.[0].message).toMatch(/WebhookDeliveryStatus/);
  });

  it('is for the merchant’s admins: a partner key cannot hold its scope, and no caller without a session gets it', async () => {
    const created = await gateway.gql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "Inbox reader", scopes: ["merchant:read"] }) { ... on ApiKeyCreated { secret } } }`,
      {},
      a.auth,
    );
    const partner = await gateway.gql(DELIVERIES, {}, { authorization: `Bearer ${created.data!.createApiKey.secret}` });
    expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(partner.data?.webhookDeliveries ?? null).toBeNull();
    const asScope = await gateway.gql(`mutation { createApiKey(input: { name: "x", scopes: ["webhook_deliveries:read"] }) { __typename } }`, {}, a.auth);
    expect(asScope.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await gateway.gql(DELIVERIES, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
