import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { shuffled, type Webhook } from './order-life.js';
import type { TestMerchant } from './tenants.js';
import { postWebhook } from './webhooks.js';

/** An event of the customer store's outbox. */
export interface OutboxRow {
  id: string;
  topic: string;
  version: number;
  payload: Record<string, unknown>;
}

/**
 * Signed order webhooks through a gateway's ingress, and the order events the customer domain
 * emitted for them: what the order-event tests share.
 */
export function orderDeliveries(gateway: TestGateway) {
  async function deliver(merchant: TestMerchant, webhook: Webhook, eventId: string): Promise<void> {
    const status = await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic: webhook.topic, eventId, body: webhook.body });
    expect(status).toBe(200);
  }

  /** Resolves once each of the deliveries is processed: applied by every domain that takes its topic. */
  async function processed(merchant: TestMerchant, eventIds: string[]): Promise<void> {
    const unique = [...new Set(eventIds)];
    await eventually(
      async () => {
        const { rows } = await withOwnerDb('merchant', (c) => c.query<{ status: string }>('select status from webhook_delivery where merchant_id = $1 and event_id = any($2)', [merchant.id, unique]));
        return rows.length === unique.length && rows.every((r) => r.status === 'processed');
      },
      30_000,
      `${unique.length} deliveries processed`,
    );
  }

  /**
   * Delivers every webhook three times: twice under one event id (the inbox's duplicate) and once
   * under another (Shopify sending the same change again). The first copy of each is applied in
   * the order given, each processed before the next is sent, so the ordering is what the domain
   * sees; the other copies then arrive all at once, shuffled. `together`: every copy at once.
   */
  async function deliverThrice(merchant: TestMerchant, sequence: Webhook[], seed: number, options: { together?: boolean } = {}): Promise<void> {
    const copies = sequence.map((webhook) => ({ webhook, first: randomUUID(), second: randomUUID() }));
    for (const { webhook, first } of options.together ? [] : copies) {
      await deliver(merchant, webhook, first);
      await processed(merchant, [first]);
    }
    const rest = shuffled(
      copies.flatMap(({ webhook, first, second }) => [...(options.together ? [{ webhook, eventId: first }] : []), { webhook, eventId: first }, { webhook, eventId: second }]),
      seed,
    );
    await Promise.all(rest.map((copy) => deliver(merchant, copy.webhook, copy.eventId)));
    await processed(merchant, rest.map((copy) => copy.eventId));
  }

  /** The merchant's order events in the customer store's outbox, oldest first. */
  async function orderEvents(merchant: TestMerchant, orderId?: string): Promise<OutboxRow[]> {
    const { rows } = await withOwnerDb('customer', (c) =>
      c.query<OutboxRow>(
        `select id, topic, version, payload from outbox_event where merchant_id = $1 and topic like 'order.%' and ($2::text is null or payload->>'orderId' = $2) order by id`,
        [merchant.id, orderId ?? null],
      ),
    );
    return rows;
  }

  async function customerIdOf(merchant: TestMerchant, shopifyCustomerId: string): Promise<string> {
    const { rows } = await withOwnerDb('customer', (c) => c.query<{ id: string }>('select id from customer where merchant_id = $1 and shopify_id = $2', [merchant.id, shopifyCustomerId]));
    return rows[0].id;
  }

  return { deliver, processed, deliverThrice, orderEvents, customerIdOf };
}
