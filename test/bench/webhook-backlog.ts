/**
 * What `bench webhooks` builds on: subscriptions and backlogs of deliveries written straight into
 * the merchant store (as the fan-out would have), the figures of what a receiver got, and the
 * reference sender (a plain node http loop).
 */
import { FieldCipher, loadKitConfig, TENANT_SETTING, wakeChannel } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { v7 as uuidv7 } from 'uuid';
import { newWebhookSecret, signatureHeader, webhookSecretAad } from '../../subgraphs/merchant/src/domain/webhook-signature.js';
import { withAppDb, withOwnerDb } from '../src/support/db.js';
import { webhookBody, type ReceivedRequest } from '../src/support/webhook-receiver.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { cpuSeconds } from './idle.bench.js';
import { round } from './load.js';

/** One subscription of the backlog: its endpoint, its secret in clear, its merchant's shop. */
export interface BacklogSubscription {
  id: string;
  merchantId: string;
  shop: string;
  url: string;
  secret: string;
}

/** One delivery as the dispatcher will send it (the reference sends the same ones). */
export interface BacklogDelivery {
  id: string;
  eventId: string;
  subscription: BacklogSubscription;
  body: string;
}

/** A new merchant (owner insert) with one subscription to `url`, its secret encrypted as the dispatcher reads it. */
export async function insertSubscription(url: string): Promise<BacklogSubscription> {
  const merchant = await insertMerchant();
  const id = uuidv7();
  const secret = newWebhookSecret();
  const cipher = new FieldCipher(loadKitConfig().encryptionKeys);
  await withOwnerDb('merchant', (db) =>
    db.query(
      `insert into webhook_subscription (id, merchant_id, url, topics, secret_encrypted, secret_prefix, next_attempt_at, created_by_kind, created_by_id, created_at, updated_at)
       values ($1, $2, $3, '{points.earned}', $4, $5, now(), 'admin', 'bench', now(), now())`,
      [id, merchant.id, url, cipher.encrypt(secret, webhookSecretAad(id)), secret.slice(0, 10)],
    ),
  );
  return { id, merchantId: merchant.id, shop: merchant.shop, url, secret };
}

/** `perSubscription` deliveries of each subscription, interleaved (as events of many shops arrive). */
export function backlog(subscriptions: BacklogSubscription[], perSubscription: number): BacklogDelivery[] {
  const deliveries: BacklogDelivery[] = [];
  for (let i = 0; i < perSubscription; i++) {
    for (const subscription of subscriptions) {
      const id = uuidv7();
      const eventId = uuidv7();
      const data = { customerId: uuidv7(), entryId: uuidv7(), points: 10 + i, balance: 100 + i, pending: 0, status: 'POSTED', source: 'ORDER', orderId: null };
      deliveries.push({ id, eventId, subscription, body: webhookBody({ id, topic: 'points.earned', eventId, merchantId: subscription.merchantId, shopDomain: subscription.shop }, data) });
    }
  }
  return deliveries;
}

/**
 * Records the deliveries, due now, in one transaction, then wakes the dispatcher as the fan-out's
 * commit does (the store driver publishes the table's wake on Redis after the commit; this owner
 * connection does not go through it, so without the wake the job would find them at its next poll);
 * resolves with the commit's time, the moment every one of them was recorded.
 */
export async function recordDeliveries(deliveries: BacklogDelivery[], queuePrefix: string): Promise<number> {
  const config = loadKitConfig();
  const committedAt = await withOwnerDb('merchant', async (db) => {
    await db.query('begin');
    for (let at = 0; at < deliveries.length; at += 500) {
      const chunk = deliveries.slice(at, at + 500);
      await db.query(
        `insert into webhook_subscription_delivery (id, merchant_id, subscription_id, event_id, topic, body, next_attempt_at, window_started_at, created_at)
         select d.id, d.merchant_id, d.subscription_id, d.event_id, 'points.earned', d.body, now(), now(), now()
           from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) as d(id, merchant_id, subscription_id, event_id, body)`,
        [chunk.map((d) => d.id), chunk.map((d) => d.subscription.merchantId), chunk.map((d) => d.subscription.id), chunk.map((d) => d.eventId), chunk.map((d) => d.body)],
      );
    }
    await db.query('commit');
    return Date.now();
  });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await redis.publish(wakeChannel({ events: { ...config.events, queuePrefix } }, 'merchant', 'webhook_subscription_delivery'), '');
  } finally {
    redis.disconnect();
  }
  return committedAt;
}

/** Deliveries of these subscriptions still pending (the owner's count). */
export async function pendingOf(subscriptionIds: string[]): Promise<number> {
  return withOwnerDb('merchant', async (db) => {
    const { rows } = await db.query<{ n: number }>("select count(*)::int as n from webhook_subscription_delivery where subscription_id = any($1::uuid[]) and status = 'pending'", [subscriptionIds]);
    return rows[0].n;
  });
}

export interface Receipt {
  /** Distinct deliveries received (by `X-LoyalNest-Delivery-Id`). */
  received: number;
  /** Requests beyond one per delivery: retries, or a delivery sent twice. */
  repeated: number;
  /** Received per second, from the first receipt to the last. */
  perSecond: number;
  /** From `startedAt` (the record's commit, or the reference's start) to each receipt. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** The figures of the requests a receiver got for `deliveryIds`, since `startedAt` (ms, `Date.now()`). */
export function receipt(requests: ReceivedRequest[], deliveryIds: Set<string>, startedAt: number): Receipt {
  const first = new Map<string, number>();
  let repeated = 0;
  for (const r of requests) {
    const id = String(r.headers['x-loyalnest-delivery-id'] ?? '');
    if (!deliveryIds.has(id)) continue;
    if (first.has(id)) repeated++;
    else first.set(id, r.receivedAt);
  }
  const times = [...first.values()].sort((a, b) => a - b);
  const span = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : NaN;
  const latencies = times.map((t) => t - startedAt);
  return {
    received: times.length,
    repeated,
    perSecond: round((times.length - 1) / span, 1),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
  };
}

/** One POST with the dispatcher's headers, a fresh connection each time (as its client: `agent: false`); true on a 2xx. */
function post(delivery: BacklogDelivery): Promise<boolean> {
  const body = Buffer.from(delivery.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = http.request(delivery.subscription.url, {
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(body.length),
        'User-Agent': 'LoyalNest-Webhooks/1.0',
        'X-LoyalNest-Delivery-Id': delivery.id,
        'X-LoyalNest-Event-Id': delivery.eventId,
        'X-LoyalNest-Topic': 'points.earned',
        'X-LoyalNest-Shop-Domain': delivery.subscription.shop,
        'X-LoyalNest-Attempt': '1',
        'X-LoyalNest-Signature': signatureHeader(delivery.subscription.secret, delivery.body, Math.floor(Date.now() / 1000)),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The reference: `concurrency` loops, each sending the next delivery once its last one was answered. */
export async function plainSender(deliveries: BacklogDelivery[], concurrency: number): Promise<number> {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) if (!(await post(deliveries[next++]))) failed++;
    }),
  );
  return failed;
}

/**
 * The read the fan-out adds to each merchant consumer batch of a merchant's events (its
 * `fanoutTargets`: the merchant's active subscriptions, none here), as the services' role under
 * the tenant: per second, in transactions of its own, against the same transactions without it.
 */
export async function fanoutReadCost(merchantId: string, seconds: number): Promise<{ withReadPerS: number; withoutPerS: number; addedMs: number; found: number }> {
  return withAppDb('merchant', async (db) => {
    let found = 0;
    const loop = async (read: boolean) => {
      const until = performance.now() + seconds * 1000;
      let n = 0;
      const started = performance.now();
      while (performance.now() < until) {
        await db.query(`begin; select set_config('${TENANT_SETTING}', '${merchantId}', true)`);
        if (read) found += (await db.query("select id, topics, created_at from webhook_subscription where merchant_id = $1 and status = 'active'", [merchantId])).rowCount ?? 0;
        await db.query('commit');
        n++;
      }
      return n / ((performance.now() - started) / 1000);
    };
    await loop(false);
    const withoutPerS = await loop(false);
    const withReadPerS = await loop(true);
    return { withReadPerS: round(withReadPerS, 1), withoutPerS: round(withoutPerS, 1), addedMs: round(1000 / withReadPerS - 1000 / withoutPerS, 3), found };
  });
}

/** Busy and total CPU ticks of the whole machine so far (the first line of /proc/stat; idle and iowait are not busy). */
export function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - fields[4], total };
}

/** CPU seconds used so far by every PostgreSQL process of this machine (their backends are the store's side of each round trip). */
export function postgresCpuSeconds(): number {
  let seconds = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') seconds += cpuSeconds(Number(pid));
    } catch {
      // The process ended while listed.
    }
  }
  return seconds;
}
