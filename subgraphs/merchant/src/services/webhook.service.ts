import { fieldAad, FieldCipher, LIVE_TOPICS, normalizeShopDomain, verifyWebhookHmac, type KitConfig, type MerchantActivityMessage, type RequestContext } from '@loyalnest/kit';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { MerchantEntity } from '../entities/merchant.entity.js';
import { WebhookDeliveryEntity, type DeliveryStatus } from '../entities/webhook-delivery.entity.js';
import type { MerchantService } from './merchant.service.js';

/** The Shopify topics LoyalNest acts on; any other is recorded and ignored. */
export const WEBHOOK_TOPICS = [
  'orders/create',
  'orders/paid',
  'orders/updated',
  'orders/cancelled',
  'refunds/create',
  'customers/create',
  'customers/update',
  'customers/delete',
  'app/uninstalled',
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

/**
 * Webhook ingress: the signature is checked on the raw body before anything is stored; the
 * delivery lands in the inbox unique per merchant and event id, so Shopify's retries and
 * duplicate deliveries are stored once. The answer is quick: only `app/uninstalled` acts
 * synchronously, because it is the merchant's own state; the rest waits in the inbox for the
 * domains that consume it.
 */
const SHOP_CACHE_MS = 5000;
const SHOP_CACHE_SIZE = 10_000;

export class WebhookService {
  private readonly shops = new Map<string, { value: { merchantId: string; status: string }; expires: number }>();

  constructor(
    private readonly config: KitConfig,
    private readonly merchants: MerchantService,
    private readonly cipher: FieldCipher,
    private readonly contextFor: (merchantId: string | null) => RequestContext,
  ) {}

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
    // A shop we do not know (never installed, or already redacted) has no tenant to store under;
    // answering 200 stops Shopify from retrying for two days.
    const known = await this.resolveShop(shop);
    if (!known) return { status: 200, body: { status: 'unknown-shop' } };

    const payload = parseJson(rawBody);
    const inactive = known.status === 'uninstalled' && !(COMPLIANCE_TOPICS as readonly string[]).includes(topic);
    const status: DeliveryStatus =
      payload === undefined
        ? 'malformed'
        : !(WEBHOOK_TOPICS as readonly string[]).includes(topic)
          ? 'ignored'
          : topic === 'app/uninstalled'
            ? 'processed'
            : inactive
              ? 'ignored'
              : 'received';
    const ctx = this.contextFor(known.merchantId);
    const id = uuidv7();
    ctx.em.create(WebhookDeliveryEntity, {
      id,
      merchantId: known.merchantId,
      eventId: eventId.slice(0, 255),
      webhookId: headers['x-shopify-webhook-id']?.slice(0, 255) ?? null,
      topic: topic.slice(0, 100),
      apiVersion: headers['x-shopify-api-version']?.slice(0, 20) ?? null,
      triggeredAt: parseDate(headers['x-shopify-triggered-at']),
      status,
      processedAt: status === 'processed' ? new Date() : null,
      payloadEncrypted: this.cipher.encrypt(rawBody.toString('utf8'), fieldAad(known.merchantId, 'webhook_delivery', id, 'payload')),
    });
    if (status === 'processed') {
      await this.markUninstalled(ctx, known.merchantId);
      this.shops.delete(shop);
    }
    // The hand-off to the consuming domains: committed with the delivery, or not at all. One event
    // topic per Shopify topic, so each delivery goes only to the domains that act on it. An
    // uninstalled merchant's deliveries are kept but not acted on, except the compliance topics,
    // which Shopify sends after the uninstall and which must be carried out.
    if (status === 'received') ctx.emit(webhookEventTopic(topic), { deliveryId: id, topic });
    try {
      await ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return { status: 200, body: { status: 'duplicate' } };
      throw error;
    }
    if (status === 'received') {
      // Not awaited: the answer to Shopify must stay fast, and a lost live message loses nothing durable.
      const activity: MerchantActivityMessage = { merchantId: known.merchantId, kind: 'webhook.received', customerId: null, details: { topic, deliveryId: id }, committedAt: new Date().toISOString() };
      void ctx.live.publish(LIVE_TOPICS.merchantActivity, activity);
    }
    if (status === 'malformed') return { status: 400, body: { status, reason: 'The body is not valid JSON' } };
    return { status: 200, body: { status } };
  }

  /**
   * Shop → merchant, cached for a few seconds: webhooks of one shop arrive in bursts, and the
   * lookup is a transaction of its own. Only known shops are cached (an install is seen at once),
   * and an uninstall applied here drops its entry; another replica's uninstall is seen within the TTL.
   */
  private async resolveShop(shop: string): Promise<{ merchantId: string; status: string } | null> {
    const cached = this.shops.get(shop);
    if (cached && cached.expires > Date.now()) return cached.value;
    const value = await this.merchants.resolveShop(this.contextFor(null), shop);
    if (value) {
      if (this.shops.size >= SHOP_CACHE_SIZE) this.shops.delete(this.shops.keys().next().value!);
      this.shops.set(shop, { value, expires: Date.now() + SHOP_CACHE_MS });
    } else {
      this.shops.delete(shop);
    }
    return value;
  }

  /** Joins the delivery's transaction, so a redelivered uninstall changes nothing twice. */
  private async markUninstalled(ctx: RequestContext, merchantId: string): Promise<void> {
    const merchant = await ctx.em.findOneOrFail(MerchantEntity, { id: merchantId });
    if (merchant.status === 'uninstalled') return;
    ctx.em.assign(merchant, { status: 'uninstalled', uninstalledAt: new Date(), accessTokenEncrypted: null });
    ctx.emit('merchant.uninstalled', { merchantId });
  }
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
