import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { pointsOf, VERIFY, type Account } from './points.js';
import { runtime, type TestMerchant } from './tenants.js';
import { postWebhook } from './webhooks.js';

/** Tests run the points jobs themselves; the schedules are set far apart so no run of the runtime's own comes between a test's steps. */
export const POINTS_JOBS_ENV = {
  EVENTS_BACKOFF_MS: '100',
  EVENTS_POLL_MS: '100',
  POINTS_RELEASE_EVERY_MS: '3600000',
  POINTS_EXPIRY_EVERY_MS: '3600000',
  POINTS_BIRTHDAY_EVERY_MS: '3600000',
};

/** Runs one of the points module's jobs once, as its schedule would (never aborted). */
export async function runPointsJob(gateway: TestGateway, name: 'pending release' | 'points expiry' | 'birthday bonus' | 'redemption recovery' | 'redemption expiry'): Promise<void> {
  const points = runtime(gateway, 'points');
  const job = points.module.jobs!(points).find((j) => j.name === name);
  if (!job) throw new Error(`no points job "${name}"`);
  await job.run(new AbortController().signal);
}

export const UPDATE_RULES = `mutation($input: UpdateEarningRulesInput!) { updateEarningRules(input: $input) { enabled } }`;

/** Changes the merchant's earning rules as its admin; throws on any error. */
export async function setRules(gateway: TestGateway, merchant: TestMerchant, input: Record<string, unknown>): Promise<void> {
  const result = await gateway.gql(UPDATE_RULES, { input }, merchant.auth);
  if (result.errors?.length) throw new Error(`updateEarningRules failed: ${JSON.stringify(result.errors)}`);
}

/** Posts a signed Shopify webhook for the merchant and waits until the points domain has applied it. */
export async function deliverWebhook(gateway: TestGateway, merchant: TestMerchant, topic: string, body: Record<string, unknown>): Promise<void> {
  const eventId = randomUUID();
  const status = await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body });
  if (status !== 200) throw new Error(`webhook ${topic} answered ${status}`);
  const [{ id: deliveryId }] = await withOwnerDb('merchant', async (db) => (await db.query('select id from webhook_delivery where merchant_id = $1 and event_id = $2', [merchant.id, eventId])).rows);
  await eventually(
    async () => (await pointsEvents(merchant.id, 'shopify.webhook_applied')).some((e) => e.deliveryId === deliveryId && e.subgraph === 'points'),
    30_000,
    `${topic} applied by points`,
  );
}

/** An order body as Shopify sends it, for a customer's Shopify id. */
export function orderBody(orderId: string, shopifyCustomerId: string, total: string, cancelled = false): Record<string, unknown> {
  return {
    id: Number(orderId),
    total_price: total,
    processed_at: new Date().toISOString(),
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    cancelled_at: cancelled ? new Date().toISOString() : null,
    customer: { id: Number(shopifyCustomerId), email: `buyer-${shopifyCustomerId}@example.com`, first_name: 'Order', last_name: 'Buyer' },
  };
}

/** Waits until the customer's points satisfy `ready`, then returns them. */
export function pointsWhen(gateway: TestGateway, merchant: TestMerchant, customerId: string, ready: (a: Account) => boolean, what: string): Promise<Account> {
  return eventually(async () => {
    const account = await pointsOf(gateway, merchant, customerId);
    return ready(account) ? account : undefined;
  }, 20_000, what);
}

export async function verifyLedger(gateway: TestGateway, merchant: TestMerchant): Promise<{ ok: boolean; accountsChecked: number; mismatches: unknown[] }> {
  const result = await gateway.gql<{ verifyLedger: { ok: boolean; accountsChecked: number; mismatches: unknown[] } }>(VERIFY, {}, merchant.auth);
  if (result.errors?.length) throw new Error(`verifyLedger failed: ${JSON.stringify(result.errors)}`);
  return result.data!.verifyLedger;
}

/** Events of the points store's outbox for one merchant and topic, read as the owner. */
export async function pointsEvents(merchantId: string, topic: string): Promise<Record<string, any>[]> {
  return withOwnerDb('points', async (db) => (await db.query('select payload from outbox_event where merchant_id = $1 and topic = $2 order by id', [merchantId, topic])).rows.map((r) => r.payload));
}

/** Runs SQL as the points store's owner (past RLS): how tests move time, by backdating rows. */
export async function asPointsOwner(sql: string, params: unknown[] = []): Promise<Record<string, any>[]> {
  return withOwnerDb('points', async (db) => (await db.query(sql, params)).rows);
}
