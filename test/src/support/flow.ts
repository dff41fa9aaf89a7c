import { pruneEvents, serviceConnection, signWebhook } from '@loyalnest/kit';
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { withOwnerDb } from './db.js';
import type { FakeFlowTrigger, FakeShopify } from './fake-shopify.js';
import type { TestGateway } from './gateway.js';
import { runtime } from './tenants.js';

/** The body Flow posts to an action's runtime URL. */
export interface FlowActionBody {
  shop_id: string;
  shopify_domain: string;
  action_run_id: string;
  action_definition_id: string;
  handle: string;
  properties: Record<string, unknown>;
}

/** A Flow action run for `shop`, as Flow sends it: the customer reference and the action's fields. */
export function flowAction(shop: string, handle: string, properties: Record<string, unknown>, runId: string = randomUUID()): FlowActionBody {
  return { shop_id: '1', shopify_domain: shop, action_run_id: runId, action_definition_id: handle, handle, properties };
}

/**
 * Posts `body` to `origin`/flow/actions/`handle` signed the way Flow signs it (base64 HMAC-SHA256
 * of the raw body with the app secret), or with the `hmac` given (null sends none).
 */
export async function postFlowAction(
  origin: string,
  secret: string,
  handle: string,
  body: FlowActionBody | string,
  options: { hmac?: string | null } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const hmac = options.hmac === undefined ? signWebhook(raw, secret) : options.hmac;
  const response = await fetch(`${origin}/flow/actions/${handle}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(hmac !== null && { 'x-shopify-hmac-sha256': hmac }) },
    body: raw,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The Flow triggers `shop` received for one customer, in the order received. */
export function triggersFor(fake: FakeShopify, shop: string, shopifyCustomerId: string): FakeFlowTrigger[] {
  return fake.flowTriggers(shop).filter((t) => (t.payload as { customer_id?: unknown }).customer_id === Number(shopifyCustomerId));
}

/**
 * The field keys a trigger's extension declares (besides its customer reference), sorted: each
 * trigger's test compares them with the fields it sends, so the extension and the sender agree.
 */
export async function declaredKeys(handle: string): Promise<string[]> {
  const toml = await readFile(new URL(`../../../extensions/flow-trigger-${handle}/shopify.extension.toml`, import.meta.url), 'utf8');
  expect(toml).toContain(`handle = "${handle}"`);
  expect(toml).toContain('type = "customer_reference"');
  return [...toml.matchAll(/^\s*key = "([a-z_]+)"$/gm)].map((m) => m[1]).sort();
}

/**
 * Records two sent triggers of `handle` in `store`'s `flow_trigger_sent`, one from before a
 * two-hour dedupe window and one from now, then prunes the store as its subgraph's pruner does
 * (its module's `dedupeTables`): how many rows were pruned, and which of the two events are left.
 */
export async function pruneSentTriggers(gateway: TestGateway, store: string, merchantId: string, handle: string): Promise<{ pruned: number; left: string[]; fresh: string }> {
  const { module } = runtime(gateway, store);
  const pool = new pg.Pool({ ...serviceConnection(gateway.config.kit, module.store), max: 1 });
  const [old, fresh] = [randomUUID(), randomUUID()];
  try {
    await withOwnerDb(store, (db) =>
      db.query(`insert into flow_trigger_sent (merchant_id, event_id, handle, created_at) values ($1, $2, $4, now() - interval '3 hours'), ($1, $3, $4, now())`, [merchantId, old, fresh, handle]),
    );
    const pruned = await pruneEvents(pool, { outboxRetentionMs: 7_200_000, dedupeRetentionMs: 7_200_000, batch: 1000, dedupeTables: module.dedupeTables });
    const { rows } = await withOwnerDb(store, (db) => db.query<{ event_id: string }>('select event_id from flow_trigger_sent where event_id = any($1) order by event_id', [[old, fresh]]));
    return { pruned: pruned.flow_trigger_sent ?? 0, left: rows.map((r) => r.event_id), fresh };
  } finally {
    await pool.end();
  }
}
