import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MUTATION_EXECUTED, signWebhook } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, UPSERT_CUSTOMER, type TestMerchant } from './support/tenants.js';

interface OutboxRow {
  id: string;
  topic: string;
  version: number;
  payload: Record<string, unknown>;
  published_at: Date | null;
  actor_kind: string | null;
}

async function outbox(store: string, merchantId: string): Promise<OutboxRow[]> {
  return withOwnerDb(store, async (c) => (await c.query('select * from outbox_event where merchant_id = $1 order by id', [merchantId])).rows);
}

describe('the transactional outbox', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    merchant = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  it('records a customer change with its event, ids and field names only', async () => {
    const created = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'outbox-pii@example.com', firstName: 'Olga' });
    await upsertCustomer(gateway, merchant, { shopifyId: created.shopifyId, lastName: 'Ortiz' });

    const events = (await outbox('customer', merchant.id)).filter((e) => e.payload.customerId === created.id);
    expect(events.map((e) => [e.topic, e.version, e.payload.fields, e.actor_kind])).toEqual([
      ['customer.created', 1, ['email', 'firstName'], 'admin'],
      ['customer.updated', 1, ['lastName'], 'admin'],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/outbox-pii|Olga|Ortiz|example\.com/);
  });

  it('writes neither the change nor its event when the transaction fails', async () => {
    // given a store that rejects this merchant's next customer insert
    const fn = `reject_${randomBytes(4).toString('hex')}`;
    await withOwnerDb('customer', async (c) => {
      await c.query(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'rejected'; end $$`);
      await c.query(`create trigger ${fn} before insert on customer for each row when (new.merchant_id = '${merchant.id}') execute function ${fn}()`);
    });
    // The mutation's own audit record is written whatever its outcome; only domain events count here.
    const domainEvents = async () => (await outbox('customer', merchant.id)).filter((e) => e.topic !== MUTATION_EXECUTED).length;
    const before = await domainEvents();
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // when an upsert fails at the database
      const result = await gateway.gql(UPSERT_CUSTOMER, { input: { shopifyId: shopifyId(), email: 'never@example.com' } }, merchant.auth);

      // then the caller sees INTERNAL and the outbox holds no event for the change that did not happen
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL');
      expect(await domainEvents()).toBe(before);
    } finally {
      quiet.mockRestore();
      await withOwnerDb('customer', async (c) => {
        await c.query(`drop trigger if exists ${fn} on customer`);
        await c.query(`drop function if exists ${fn}()`);
      });
    }
  });

  it('records a settings change by field name', async () => {
    const result = await gateway.gql('mutation { updateMerchantSettings(input: { pointsName: "Pips", pointsPerCurrencyUnit: 3 }) { __typename } }', {}, merchant.auth);
    expect(result.errors).toBeUndefined();

    const events = (await outbox('merchant', merchant.id)).filter((e) => e.topic === 'merchant.settings_updated');
    expect(events.at(-1)!.payload).toEqual({ merchantId: merchant.id, fields: ['pointsName', 'pointsPerCurrencyUnit'] });
  });

  it('hands a webhook delivery on exactly once, however often Shopify sends it', async () => {
    const body = JSON.stringify({ id: 1, email: 'webhook-pii@example.com' });
    const eventId = randomUUID();
    const send = () =>
      fetch(`${new URL(gateway.url).origin}/webhooks/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-hmac-sha256': signWebhook(body, gateway.config.kit.shopify.apiSecret),
          'x-shopify-shop-domain': merchant.shop,
          'x-shopify-topic': 'customers/create',
          'x-shopify-event-id': eventId,
        },
        body,
      });
    await Promise.all([send(), send(), send()]);

    const [delivery] = (await withOwnerDb('merchant', (c) => c.query('select id from webhook_delivery where merchant_id = $1 and event_id = $2', [merchant.id, eventId]))).rows;
    const events = (await outbox('merchant', merchant.id)).filter((e) => e.topic === 'shopify.webhook.customers/create' && e.payload.deliveryId === delivery.id);
    expect(events).toHaveLength(1);
    // The body travels sealed in the event until the delivery is processed (then it is erased), so
    // whether it is still there depends on how fast the consumers were: either way, never in clear.
    const { bodyEncrypted, ...ids } = events[0].payload as { bodyEncrypted?: unknown };
    expect(ids).toEqual({ deliveryId: delivery.id, topic: 'customers/create' });
    expect(bodyEncrypted === undefined || typeof bodyEncrypted === 'string').toBe(true);
    expect(JSON.stringify(events)).not.toContain('webhook-pii');
  });
});
