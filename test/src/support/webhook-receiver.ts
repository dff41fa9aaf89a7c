import { FieldCipher, systemCaller } from '@loyalnest/kit';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { newWebhookSecret, webhookSecretAad } from '../../../subgraphs/merchant/src/domain/webhook-signature.js';
import { WebhookSubscriptionDeliveryEntity } from '../../../subgraphs/merchant/src/entities/webhook-subscription-delivery.entity.js';
import { WebhookSubscriptionEntity } from '../../../subgraphs/merchant/src/entities/webhook-subscription.entity.js';
import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';
import { runtime, type TestMerchant } from './tenants.js';

/**
 * How the receiver answers each request:
 * - `ok`: 200 at once; `fail`: always `status` (500);
 * - `fail-then-ok`: `status` (500) to the first `failures` requests, then 200;
 * - `slow`: 200 after `delayMs` for every request;
 * - `huge`: 200 with a body of `bytes` bytes; `endless`: 200 with a body that never ends;
 * - `redirect`: `status` (302) to `location`.
 */
export type ReceiverBehaviour =
  | { answer: 'ok' }
  | { answer: 'fail'; status?: number }
  | { answer: 'fail-then-ok'; failures: number; status?: number }
  | { answer: 'slow'; delayMs: number }
  | { answer: 'huge'; bytes: number }
  | { answer: 'endless' }
  | { answer: 'redirect'; location: string; status?: number };

/** One request the receiver got, as it got it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, byte for byte (as UTF-8 text). */
  body: string;
  receivedAt: number;
  /** When the answer was finished or the connection closed; null while it is open. */
  closedAt: number | null;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks` */
  url: string;
  requests: ReceivedRequest[];
  /** Changes how the following requests are answered. */
  behave(behaviour: ReceiverBehaviour): void;
  /** Resolves with the requests once at least `n` were received. */
  waitForRequests(n: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A local HTTP endpoint for outgoing webhooks, recording every request (method, headers, raw body). */
export async function startWebhookReceiver(behaviour: ReceiverBehaviour = { answer: 'ok' }): Promise<WebhookReceiver> {
  let current = behaviour;
  let answered = 0;
  const requests: ReceivedRequest[] = [];
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now(), closedAt: null };
      requests.push(received);
      res.on('close', () => (received.closedAt = Date.now()));
      const n = answered++;
      const b = current;
      switch (b.answer) {
        case 'ok':
          return res.end('ok');
        case 'fail':
          return res.writeHead(b.status ?? 500).end('failing');
        case 'fail-then-ok':
          return n < b.failures ? res.writeHead(b.status ?? 500).end('failing') : res.end('ok');
        case 'slow': {
          const timer = setTimeout(() => res.end('slow ok'), b.delayMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case 'huge':
          return res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(b.bytes, 'x'));
        case 'endless': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = Buffer.alloc(64 * 1024, 'y');
          const write = () => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', write);
          };
          return write();
        }
        case 'redirect':
          return res.writeHead(b.status ?? 302, { location: b.location }).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    behave(next) {
      current = next;
      answered = 0;
    },
    async waitForRequests(n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < n) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${n} webhook requests (got ${requests.length})`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return requests;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A bare TCP listener that counts the connections it is offered (and closes them): proof that nothing connected. */
export async function startConnectionCounter(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface InsertedSubscription {
  id: string;
  /** The signing secret in clear, as the merchant was shown it. */
  secret: string;
}

/** A subscription of `merchant` written straight to the store, its secret encrypted as the dispatcher reads it. No URL check: tests of the dispatcher's own refusals need endpoints the API would refuse. */
export async function insertWebhookSubscription(gateway: TestGateway, merchant: Pick<TestMerchant, 'id'>, url: string, topics: string[] = ['points.earned']): Promise<InsertedSubscription> {
  const id = uuidv7();
  const secret = newWebhookSecret();
  const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
  const { em } = runtime(gateway, 'merchant').createContext(systemCaller([], merchant.id));
  em.create(WebhookSubscriptionEntity, {
    id,
    merchantId: merchant.id,
    url,
    topics,
    description: null,
    secretEncrypted: cipher.encrypt(secret, webhookSecretAad(id)),
    secretPrefix: secret.slice(0, 10),
    createdByKind: 'admin',
    createdById: 'test',
  });
  await em.flush();
  return { id, secret };
}

/** The body the fan-out records for an event (contract key order), with `data` as given. */
export function webhookBody(delivery: { id: string; topic: string; eventId: string; merchantId: string; shopDomain: string; occurredAt?: Date }, data: Record<string, unknown>): string {
  const { id, topic, eventId, merchantId, shopDomain } = delivery;
  return JSON.stringify({ id, topic, eventId, occurredAt: (delivery.occurredAt ?? new Date()).toISOString(), merchantId, shopDomain, apiVersion: '2026-12', data });
}

export interface InsertedDelivery {
  id: string;
  eventId: string;
  topic: string;
  body: string;
}

/** `count` pending deliveries of one subscription, due now, in one transaction (their commit wakes the dispatcher). */
export async function insertWebhookDeliveries(gateway: TestGateway, merchant: Pick<TestMerchant, 'id' | 'shop'>, subscriptionId: string, count = 1, topic = 'points.earned'): Promise<InsertedDelivery[]> {
  const { em } = runtime(gateway, 'merchant').createContext(systemCaller([], merchant.id));
  const now = new Date();
  const made: InsertedDelivery[] = [];
  for (let i = 0; i < count; i++) {
    const id = uuidv7();
    const eventId = uuidv7();
    const body = webhookBody({ id, topic, eventId, merchantId: merchant.id, shopDomain: merchant.shop }, { customerId: uuidv7(), entryId: uuidv7(), points: 10 + i, balance: 100 + i, pending: 0, status: 'POSTED', source: 'ORDER', orderId: null });
    em.create(WebhookSubscriptionDeliveryEntity, { id, merchantId: merchant.id, subscriptionId, eventId, topic, body, status: 'pending', attempts: 0, nextAttemptAt: now, windowStartedAt: now, createdAt: now });
    made.push({ id, eventId, topic, body });
  }
  await em.flush();
  return made;
}

/** A delivery's row as stored (owner connection: no tenant needed). */
export async function webhookDeliveryRow(id: string): Promise<Record<string, unknown> & { status: string; attempts: number }> {
  return withOwnerDb('merchant', async (db) => (await db.query('select * from webhook_subscription_delivery where id = $1', [id])).rows[0]);
}

/** A subscription's row as stored. */
export async function webhookSubscriptionRow(id: string): Promise<Record<string, unknown> & { status: string; consecutive_failures: number }> {
  return withOwnerDb('merchant', async (db) => (await db.query('select * from webhook_subscription where id = $1', [id])).rows[0]);
}

/** Deletes the merchants' subscriptions (their deliveries go with them), so later files' dispatchers find nothing of these. */
export async function deleteWebhookSubscriptions(merchantIds: string[]): Promise<void> {
  await withOwnerDb('merchant', (db) => db.query('delete from webhook_subscription where merchant_id = any($1::uuid[])', [merchantIds]));
}
