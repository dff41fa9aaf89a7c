import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestGateway, type GraphQLResponse, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions } from './support/webhook-receiver.js';
import { CREATE, LIST, ONE, UPDATE, type Subscription } from './support/webhook-subscriptions.js';

/** Endpoint URLs under `WEBHOOK_ENDPOINT_POLICY=strict` (the default outside development), through the API. */

type Data = Record<string, Record<string, unknown>>;

describe('webhook endpoints under the strict policy', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  const create = (url: string) => gateway.gql<Data>(CREATE, { input: { url, topics: ['POINTS_EARNED'] } }, merchant.auth);
  const outcome = (result: GraphQLResponse<Data>) => result.data?.createWebhookSubscription as { __typename: string; field?: string; reason?: string; code?: string; message?: string };

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { WEBHOOK_ENDPOINT_POLICY: 'strict' });
    merchant = await createMerchant(gateway);
  });
  afterAll(async () => {
    if (merchant) await deleteWebhookSubscriptions([merchant.id]);
    await gateway?.stop();
  });

  it('refuses loopback, link-local, private and non-https endpoints with their reasons, and saves nothing', async () => {
    for (const [url, reason] of [
      ['https://127.0.0.1/hooks', 'PRIVATE_ADDRESS'],
      ['https://localhost:8443/hooks', 'PRIVATE_ADDRESS'],
      ['https://169.254.169.254/latest/meta-data', 'PRIVATE_ADDRESS'],
      ['https://[::1]/hooks', 'PRIVATE_ADDRESS'],
      ['https://10.1.2.3/hooks', 'PRIVATE_ADDRESS'],
      ['https://[::ffff:127.0.0.1]/hooks', 'PRIVATE_ADDRESS'],
      ['http://93.184.215.14/hooks', 'NOT_HTTPS'],
      ['http://127.0.0.1:9/hooks', 'NOT_HTTPS'],
      ['https://user:secret@93.184.215.14/hooks', 'CREDENTIALS'],
      ['not a url', 'MALFORMED'],
      ['https://93.184.215.14/hooks#frag', 'MALFORMED'],
    ] as const) {
      expect({ url, ...outcome(await create(url)) }).toMatchObject({ url, __typename: 'WebhookEndpointRefusedError', code: 'WEBHOOK_ENDPOINT_REFUSED', field: 'input.url', reason });
    }
    expect((await gateway.gql<Data>(LIST, {}, merchant.auth)).data!.webhookSubscriptions).toEqual([]);
  });

  it('accepts a public https endpoint, and refuses a change of it to a private one, keeping the old URL', async () => {
    const created = outcome(await create('https://93.184.215.14/hooks')) as unknown as { __typename: string; subscription: Subscription };
    expect(created.__typename).toBe('WebhookSubscriptionCreated');
    const refused = await gateway.gql<Data>(UPDATE, { id: created.subscription.id, input: { url: 'https://169.254.169.254/' } }, merchant.auth);
    expect(refused.data!.updateWebhookSubscription).toMatchObject({ __typename: 'WebhookEndpointRefusedError', field: 'input.url', reason: 'PRIVATE_ADDRESS' });
    expect((await gateway.gql<Data>(ONE, { id: created.subscription.id }, merchant.auth)).data!.webhookSubscription).toMatchObject({ url: 'https://93.184.215.14/hooks' });
  });
});
