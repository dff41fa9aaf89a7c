import {
  LIVE_TOPICS,
  normalizeShopDomain,
  Scope,
  systemCaller,
  verifyWebhookHmac,
  webhookBodyAad,
  type FieldCipher,
  type KitConfig,
  type LivePublisher,
  type MerchantActivityMessage,
  type SubgraphRuntime,
} from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import type { DeliveryStatus } from '../entities/webhook-delivery.entity.js';

/** The Shopify topics LoyalNest acts on; any other is recorded and ignored. */
export const WEBHOOK_TOPICS = [
  'orders/create',
  'orders/paid',
  'orders/updated',
  'orders/fulfilled',
  'orders/cancelled',
  'refunds/create',
  'customers/create',
  'customers/update',
  'customers/delete',
  'app/uninstalled',
  'shop/update',
  'customers/data_request',
  'customers/redact',
  'shop/redact',
] as const;

/** Topics Shopify sends for privacy law compliance; they are carried out even after an uninstall. */
export const COMPLIANCE_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;

/** The domain event a stored delivery of a Shopify topic is published as: `shopify.webhook.orders/paid`. */
export function webhookEventTopic(shopifyTopic: string): string {
  return `shopify.webhook.${shopifyTopic}`;
}

/** The headers Shopify sends with a webhook, as Express lower-cases them. */
export interface WebhookHeaders {
  'x-shopify-hmac-sha256'?: string;
  'x-shopify-shop-domain'?: string;
  'x-shopify-topic'?: string;
  'x-shopify-event-id'?: string;
  'x-shopify-webhook-id'?: string;
  'x-shopify-triggered-at'?: string;
  'x-shopify-api-version'?: string;
}

export interface WebhookOutcome {
  status: 200 | 400 | 401;
  body: { status: DeliveryStatus | 'duplicate' | 'unknown-shop' | 'rejected'; reason?: string };
}

/** Runs one statement in autocommit and returns its rows: the store's connection, outside any unit of work. */
export type RunSql = <T extends object>(sql: string, params: unknown[]) => Promise<T[]>;

const SHOP_CACHE_MS = 5000;
const SHOP_CACHE_SIZE = 10_000;
const INGEST = 'select loyalnest_webhook_ingest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as status';

/**
 * Webhook ingress: the signature is checked on the raw body before anything is stored; the
 * delivery lands in the inbox unique per merchant and event id, so Shopify's retries and
 * duplicate deliveries are stored once. The answer is quick: the delivery and its event are one
 * statement in autocommit (`loyalnest_webhook_ingest`), the shop lookup is cached, and the body is
 * encrypted once, for the inbox and for the event that carries it to the consuming domains. Only
 * `app/uninstalled` acts synchronously, in that same statement, because it is the merchant's own
 * state; the rest waits in the inbox for the domains that consume it.
 */
export class WebhookService {
  private readonly shops = new Map<string, { merchantId: string; expires: number }>();

  constructor(
    private readonly config: KitConfig,
    private readonly cipher: FieldCipher,
    private readonly sql: RunSql,
    private readonly live: LivePublisher,
  ) {}

  /**
   * The ingress of `runtime`'s store. Its statements go to the store's connection itself, not
   * through a request context's EntityManager, whose unit of work would wrap each one in a
   * transaction with the tenant setting.
   */
  static of(runtime: SubgraphRuntime, cipher: FieldCipher): WebhookService {
    return new WebhookService(runtime.config, cipher, (query, params) => runtime.orm.em.getConnection().execute(query, params), runtime.live);
  }

  async receive(headers: WebhookHeaders, rawBody: Buffer): Promise<WebhookOutcome> {
    if (!verifyWebhookHmac(rawBody, headers['x-shopify-hmac-sha256'], this.config.shopify.apiSecret)) {
      return { status: 401, body: { status: 'rejected', reason: 'HMAC verification failed' } };
    }
    const shop = normalizeShopDomain(headers['x-shopify-shop-domain']);
    const topic = headers['x-shopify-topic']?.trim();
    const eventId = (headers['x-shopify-event-id'] ?? headers['x-shopify-webhook-id'])?.trim();
    if (!shop || !topic || !eventId) {
      return { status: 400, body: { status: 'rejected', reason: 'X-Shopify-Shop-Domain, X-Shopify-Topic and X-Shopify-Event-Id are required' } };
    }
    const payload = parseJson(rawBody);
    // As if the merchant were installed: the statement reads its status and ignores what an uninstalled merchant may not act on.
    const status: DeliveryStatus =
      payload === undefined ? 'malformed' : !(WEBHOOK_TOPICS as readonly string[]).includes(topic) ? 'ignored' : topic === 'app/uninstalled' ? 'processed' : 'received';
    const delivery: Delivery = {
      shop,
      topic: topic.slice(0, 100),
      eventId: eventId.slice(0, 255),
      webhookId: headers['x-shopify-webhook-id']?.slice(0, 255) ?? null,
      apiVersion: headers['x-shopify-api-version']?.slice(0, 20) ?? null,
      triggeredAt: parseDate(headers['x-shopify-triggered-at']),
      status,
      body: rawBody.toString('utf8'),
    };

    // A shop we do not know (never installed, or already redacted) has no tenant to store under;
    // answering 200 stops Shopify from retrying for two days. A cached merchant the statement no
    // longer finds under this shop (redacted, then installed again as a new merchant) is looked up once more.
    let stored: { merchantId: string; id: string; outcome: IngestOutcome } | null = null;
    for (const cached of [true, false]) {
      const merchantId = await this.merchantOf(shop, cached);
      if (!merchantId) break;
      stored = await this.ingest(merchantId, delivery);
      if (stored.outcome !== 'unknown-shop') break;
      this.shops.delete(shop);
    }
    if (!stored || stored.outcome === 'unknown-shop') return { status: 200, body: { status: 'unknown-shop' } };

    const outcome = stored.outcome;
    if (outcome === 'received') {
      // Not awaited: the answer to Shopify must stay fast, and a lost live message loses nothing durable.
      const activity: MerchantActivityMessage = { merchantId: stored.merchantId, kind: 'webhook.received', customerId: null, details: { topic, deliveryId: stored.id }, committedAt: new Date().toISOString() };
      void this.live.publish(LIVE_TOPICS.merchantActivity, activity);
    }
    if (outcome === 'malformed') return { status: 400, body: { status: outcome, reason: 'The body is not valid JSON' } };
    return { status: 200, body: { status: outcome } };
  }

  /** The one round trip: the delivery, and its event (or the uninstall), committed together or not at all. */
  private async ingest(merchantId: string, d: Delivery): Promise<{ merchantId: string; id: string; outcome: IngestOutcome }> {
    const id = uuidv7();
    const caller = systemCaller([Scope.MERCHANT_WRITE], merchantId);
    const [row] = await this.sql<{ status: IngestOutcome }>(INGEST, [
      id,
      merchantId,
      d.shop,
      d.eventId,
      d.webhookId,
      d.topic,
      d.apiVersion,
      d.triggeredAt?.toISOString() ?? null,
      d.status,
      (COMPLIANCE_TOPICS as readonly string[]).includes(d.topic),
      this.cipher.encrypt(d.body, webhookBodyAad(merchantId, id)),
      caller.actor.kind,
      caller.actor.id,
      caller.requestId,
      uuidv7(),
    ]);
    return { merchantId, id, outcome: row.status };
  }

  /**
   * Shop → merchant, cached for a few seconds: webhooks of one shop arrive in bursts, and the
   * lookup is a round trip of its own. Only the mapping is cached, never the merchant's status,
   * which the ingest statement reads itself; and a mapping gone stale is found out by that same
   * statement. Only known shops are cached, so an install is seen at once.
   */
  private async merchantOf(shop: string, useCache: boolean): Promise<string | null> {
    const cached = this.shops.get(shop);
    if (useCache && cached && cached.expires > Date.now()) return cached.merchantId;
    const [found] = await this.sql<{ merchant_id: string }>('select merchant_id from loyalnest_merchant_by_shop(?)', [shop]);
    if (!found) {
      this.shops.delete(shop);
      return null;
    }
    if (!cached && this.shops.size >= SHOP_CACHE_SIZE) this.shops.delete(this.shops.keys().next().value!);
    this.shops.set(shop, { merchantId: found.merchant_id, expires: Date.now() + SHOP_CACHE_MS });
    return found.merchant_id;
  }
}

type IngestOutcome = DeliveryStatus | 'duplicate' | 'unknown-shop';

interface Delivery {
  shop: string;
  topic: string;
  eventId: string;
  webhookId: string | null;
  apiVersion: string | null;
  triggeredAt: Date | null;
  status: DeliveryStatus;
  body: string;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function parseDate(value: string | undefined): Date | null {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
