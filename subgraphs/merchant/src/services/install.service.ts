import { fieldAad, FieldCipher, isTimeZone, normalizeShopDomain, Scope, shopifyBaseUrl, systemCaller, verifyQueryHmac, type KitConfig, type RequestContext } from '@loyalnest/kit';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { OAuthStateEntity } from '../entities/oauth-state.entity.js';
import type { Merchant } from '../entities/merchant.entity.js';
import type { MerchantService, ShopInfo } from './merchant.service.js';
import { WEBHOOK_TOPICS } from './webhook.service.js';

/** Topics registered through the Admin API at install; the compliance topics are app configuration. */
const SUBSCRIBED_TOPICS = WEBHOOK_TOPICS.filter((t) => !['customers/data_request', 'customers/redact', 'shop/redact'].includes(t));

/** How long a merchant has between the install redirect and Shopify's callback. */
const STATE_TTL_MS = 10 * 60 * 1000;

/** A failed install step, with the HTTP status the callback answers with. */
export class InstallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Shopify OAuth (authorization code grant): the install redirect with a single-use state nonce,
 * then the callback that checks HMAC and state, exchanges the code for an offline token, reads the
 * shop, and creates or restores the merchant with the token encrypted at rest.
 */
export class InstallService {
  constructor(
    private readonly config: KitConfig,
    private readonly merchants: MerchantService,
    private readonly cipher: FieldCipher,
    private readonly contextFor: (merchantId: string | null) => RequestContext,
  ) {}

  async begin(shopInput: string | undefined): Promise<string> {
    const shop = normalizeShopDomain(shopInput);
    if (!shop) throw new InstallError(400, 'shop must be a *.myshopify.com domain');
    const nonce = randomBytes(24).toString('hex');
    const em = this.contextFor(null).em;
    // The install link needs no login, so every call adds a row: clear the expired ones as we go.
    await em.nativeDelete(OAuthStateEntity, { expiresAt: { $lt: new Date() } });
    em.create(OAuthStateEntity, { nonce, shopDomain: shop, expiresAt: new Date(Date.now() + STATE_TTL_MS) });
    await em.flush();
    const { apiKey, scopes, appUrl } = this.config.shopify;
    const params = new URLSearchParams({ client_id: apiKey, scope: scopes, redirect_uri: `${appUrl}/auth/callback`, state: nonce });
    return `${shopifyBaseUrl(this.config.shopify, shop)}/admin/oauth/authorize?${params}`;
  }

  async complete(query: Record<string, unknown>): Promise<{ merchant: Merchant; redirectTo: string }> {
    if (!verifyQueryHmac(query, this.config.shopify.apiSecret)) throw new InstallError(401, 'HMAC verification failed');
    const shop = normalizeShopDomain(typeof query.shop === 'string' ? query.shop : undefined);
    if (!shop) throw new InstallError(400, 'shop must be a *.myshopify.com domain');
    if (typeof query.code !== 'string' || typeof query.state !== 'string') throw new InstallError(400, 'code and state are required');
    await this.consumeState(query.state, shop);

    const { accessToken, scopes } = await this.exchangeCode(shop, query.code);
    const info = await this.fetchShop(shop, accessToken);
    await this.subscribeWebhooks(shop, accessToken);
    const merchant = await this.recordInstall(shop, info, accessToken, scopes);
    return { merchant, redirectTo: `${shopifyBaseUrl(this.config.shopify, shop)}/admin/apps/${this.config.shopify.apiKey}` };
  }

  /**
   * Two callbacks for one new shop (two install tabs) race on the unique shop domain; the loser
   * retries, now finding the merchant the winner created, and installs onto it.
   */
  private async recordInstall(shop: string, info: ShopInfo, accessToken: string, scopes: string): Promise<Merchant> {
    for (let attempt = 0; ; attempt++) {
      const known = await this.merchants.resolveShop(this.contextFor(null), shop);
      const merchantId = known?.merchantId ?? uuidv7();
      const encrypted = this.cipher.encrypt(accessToken, fieldAad(merchantId, 'merchant', merchantId, 'access_token'));
      try {
        return await this.merchants.recordInstall(this.contextFor(merchantId), merchantId, shop, info, encrypted, scopes);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt > 0) throw error;
      }
    }
  }

  /** Single use: deleting the row is the check, so a replayed callback finds nothing. */
  private async consumeState(nonce: string, shop: string): Promise<void> {
    const em = this.contextFor(null).em;
    const deleted = await em.nativeDelete(OAuthStateEntity, { nonce, shopDomain: shop, expiresAt: { $gt: new Date() } });
    if (deleted !== 1) throw new InstallError(403, 'OAuth state is unknown, expired or already used');
  }

  private async exchangeCode(shop: string, code: string): Promise<{ accessToken: string; scopes: string }> {
    const body = await this.askShopify<{ access_token?: string; scope?: string }>(
      `${shopifyBaseUrl(this.config.shopify, shop)}/admin/oauth/access_token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ client_id: this.config.shopify.apiKey, client_secret: this.config.shopify.apiSecret, code }),
      },
      'Shopify refused the authorization code',
    );
    if (!body.access_token) throw new InstallError(502, 'Shopify returned no access token');
    return { accessToken: body.access_token, scopes: body.scope ?? '' };
  }

  private async fetchShop(shop: string, accessToken: string): Promise<ShopInfo> {
    const { shop: data } = await this.askShopify<{ shop?: { name?: string; currency?: string; primary_locale?: string; iana_timezone?: string } }>(
      `${shopifyBaseUrl(this.config.shopify, shop)}/admin/api/${this.config.shopify.apiVersion}/shop.json`,
      { headers: { 'x-shopify-access-token': accessToken, accept: 'application/json' } },
      'Shopify shop lookup failed',
    );
    if (!data) throw new InstallError(502, 'Shopify returned no shop');
    // A zone this runtime does not know is not kept (the shop stays in UTC until a shop/update tells a known one); the install goes on.
    return { name: data.name || shop, currency: data.currency || 'USD', primaryLocale: data.primary_locale || 'en', timezone: isTimeZone(data.iana_timezone) ? data.iana_timezone : null };
  }

  /**
   * Subscribes the shop to the topics the inbox acts on, before the merchant is recorded: an
   * install that cannot receive webhooks fails (502) and can simply be retried. Shopify answers
   * 422 for a topic already subscribed at this address, which a re-install expects. The
   * compliance topics are not subscribable through the API; they come from the app's config.
   */
  private async subscribeWebhooks(shop: string, accessToken: string): Promise<void> {
    const address = `${this.config.shopify.appUrl}/webhooks/shopify`;
    const url = `${shopifyBaseUrl(this.config.shopify, shop)}/admin/api/${this.config.shopify.apiVersion}/webhooks.json`;
    for (const topic of SUBSCRIBED_TOPICS) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': accessToken },
          body: JSON.stringify({ webhook: { topic, address, format: 'json' } }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw new InstallError(502, 'Shopify could not be reached to subscribe webhooks');
      }
      const taken = response.status === 422 && /already been taken/.test(await response.text());
      if (!response.ok && !taken) throw new InstallError(502, `Shopify refused the webhook subscription for ${topic} (HTTP ${response.status})`);
    }
  }

  /** Shopify unreachable, slow or answering garbage fails the install like a refusal does: 502, not ours to 500. */
  private async askShopify<T>(url: string, init: RequestInit, failure: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new InstallError(502, (error as Error).name === 'TimeoutError' ? 'Shopify did not answer in time' : 'Shopify could not be reached');
    }
    if (!response.ok) throw new InstallError(502, `${failure} (HTTP ${response.status})`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new InstallError(502, `${failure} (malformed response)`);
    }
  }

  /** The context install steps run in: the system actor, scoped to the merchant being installed. */
  static contextFactory(create: (caller: ReturnType<typeof systemCaller>) => RequestContext) {
    return (merchantId: string | null) => create(systemCaller([Scope.MERCHANT_WRITE], merchantId));
  }
}
