import { shopifyBaseUrl, type ShopifyAdminRetryConfig, type ShopifyConfig } from '@loyalnest/kit';
import { setTimeout as sleep } from 'node:timers/promises';

/** A userError of a Shopify mutation payload. */
export interface ShopifyUserError {
  field: string[] | null;
  code?: string | null;
  message: string;
}

/**
 * Why a call to the Admin API failed. `permanent`: Shopify refused it (userErrors, a 4xx, a
 * GraphQL error other than throttling), and sending it again fails the same way. `gave_up`: every
 * attempt met a transient failure (network, timeout, 5xx, 429, THROTTLED) until the attempts or
 * the deadline ran out; the same call may succeed later. `unknown`: an at-most-once call failed in
 * a way that may have reached Shopify (a timeout, a dropped connection, a 5xx), so Shopify may have
 * applied it, and it was not sent again.
 */
export class ShopifyAdminError extends Error {
  constructor(
    readonly kind: 'permanent' | 'gave_up' | 'unknown',
    message: string,
    /** How many requests were sent. */
    readonly attempts: number,
    readonly userErrors: ShopifyUserError[] = [],
  ) {
    super(message);
    this.name = 'ShopifyAdminError';
  }
}

/**
 * What a single attempt ended with, when it did not succeed. `unsent`: the request certainly did
 * not reach Shopify's processing (no connection was made, or Shopify turned it away unprocessed).
 */
type Failure = { retry: true; reason: string; waitMs?: number; unsent?: true } | { retry: false; reason: string; userErrors?: ShopifyUserError[] };

/** Call options. `atMostOnce`: for a mutation that must not be applied twice and cannot be made idempotent (a Flow trigger); see `send`. */
export interface CallOptions {
  atMostOnce?: boolean;
}

/** Connection failures that happen before any byte of the request is sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Judges the `data` of a 200 without GraphQL errors: the caller's result, or a permanent failure. */
type Reader<T> = (data: Record<string, unknown> | null | undefined) => { payload: T } | Failure;

interface ThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable?: number;
  restoreRate?: number;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } };
}

export const DEFAULT_ADMIN_RETRY: ShopifyAdminRetryConfig = { attempts: 4, attemptTimeoutMs: 10_000, deadlineMs: 20_000, backoffMs: 500 };

/**
 * The Shopify Admin GraphQL API, for one shop and token per call. Transient failures are retried
 * with exponential backoff and full jitter, honouring what Shopify says about when to come back
 * (`Retry-After` on a 429, the cost bucket on THROTTLED), within a number of attempts and a total
 * deadline, so a caller waiting on a redemption is never held for long.
 */
export class ShopifyAdminClient {
  private readonly retry: ShopifyAdminRetryConfig;

  constructor(
    private readonly shopify: ShopifyConfig,
    retry: Partial<ShopifyAdminRetryConfig> = shopify.admin,
  ) {
    this.retry = { ...DEFAULT_ADMIN_RETRY, ...retry };
  }

  /**
   * Runs a mutation and returns its payload (`data[field]`); userErrors in the payload are a
   * permanent failure.
   */
  mutate<T extends { userErrors?: ShopifyUserError[] }>(shop: string, accessToken: string, query: string, variables: Record<string, unknown>, field: string, options: CallOptions = {}): Promise<T> {
    return this.send<T>(shop, accessToken, query, variables, options, (data) => {
      const payload = data?.[field] as T | null | undefined;
      if (!payload) return { retry: false, reason: `Shopify returned no ${field} payload` };
      if (payload.userErrors?.length) {
        return { retry: false, reason: `Shopify rejected ${field}: ${payload.userErrors.map((e) => e.message).join('; ')}`, userErrors: payload.userErrors };
      }
      return { payload };
    });
  }

  /** Runs a query and returns `data[field]`, which is null when Shopify has nothing there (a lookup that found nothing). */
  query<T>(shop: string, accessToken: string, query: string, variables: Record<string, unknown>, field: string): Promise<T | null> {
    return this.send<T | null>(shop, accessToken, query, variables, {}, (data) => {
      if (!data || !(field in data)) return { retry: false, reason: `Shopify returned no ${field} field` };
      return { payload: (data[field] ?? null) as T | null };
    });
  }

  /**
   * The attempts of one call, within the attempts and the deadline; `read` judges a 200 without
   * GraphQL errors. An at-most-once call is retried only after a failure that certainly did not
   * reach Shopify: after any other (a timeout, a dropped connection, a 5xx) Shopify may have
   * applied it, and it fails as `unknown` instead of being sent again.
   */
  private async send<T>(shop: string, accessToken: string, query: string, variables: Record<string, unknown>, options: CallOptions, read: Reader<T>): Promise<T> {
    const url = `${shopifyBaseUrl(this.shopify, shop)}/admin/api/${this.shopify.apiVersion}/graphql.json`;
    const started = Date.now();
    let last: Failure | undefined;
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      const remaining = this.retry.deadlineMs - (Date.now() - started);
      if (remaining <= 0) break;
      const outcome = await this.attempt<T>(url, accessToken, query, variables, read, Math.min(this.retry.attemptTimeoutMs, remaining));
      if ('payload' in outcome) return outcome.payload;
      last = outcome;
      if (!outcome.retry) throw new ShopifyAdminError('permanent', outcome.reason, attempt, outcome.userErrors);
      if (options.atMostOnce && !outcome.unsent) throw new ShopifyAdminError('unknown', `${outcome.reason}; not sent again, since Shopify may have applied it`, attempt);
      if (attempt === this.retry.attempts) throw new ShopifyAdminError('gave_up', `${outcome.reason}; gave up after ${attempt} attempts`, attempt);
      const wait = Math.max(outcome.waitMs ?? 0, this.backoff(attempt));
      // A wait that ends past the deadline leaves no time for the attempt it waits for.
      if (Date.now() - started + wait >= this.retry.deadlineMs) {
        throw new ShopifyAdminError('gave_up', `${outcome.reason}; gave up after ${attempt} attempts (deadline of ${this.retry.deadlineMs} ms)`, attempt);
      }
      await sleep(wait);
    }
    throw new ShopifyAdminError('gave_up', `${last?.reason ?? 'no attempt made'}; gave up at the deadline of ${this.retry.deadlineMs} ms`, this.retry.attempts);
  }

  /** Full jitter: anywhere up to backoff × 2^(attempt-1), so many callers do not come back in step. */
  private backoff(attempt: number): number {
    return Math.round(Math.random() * this.retry.backoffMs * 2 ** (attempt - 1));
  }

  private async attempt<T>(
    url: string,
    accessToken: string,
    query: string,
    variables: Record<string, unknown>,
    read: Reader<T>,
    timeoutMs: number,
  ): Promise<{ payload: T } | Failure> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': accessToken },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return { retry: true, reason: `Shopify did not answer within ${timeoutMs} ms` };
      const code = ((error as Error).cause as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && NOT_CONNECTED.has(code)) return { retry: true, reason: `Shopify could not be reached (${code})`, unsent: true };
      return { retry: true, reason: 'Shopify could not be reached' };
    }
    // Rate limits are applied before the request is processed.
    if (response.status === 429) return { retry: true, reason: 'Shopify rate-limited the request (HTTP 429)', waitMs: retryAfterMs(response.headers.get('retry-after')), unsent: true };
    if (response.status >= 500) return { retry: true, reason: `Shopify failed (HTTP ${response.status})` };
    if (!response.ok) return { retry: false, reason: `Shopify refused the request (HTTP ${response.status})` };

    let body: GraphQLBody;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      // Shopify's maintenance pages come back as HTML with a 200: a passing state, not a refusal.
      return { retry: true, reason: 'Shopify answered with a malformed response' };
    }
    if (body.errors?.length) {
      if (body.errors.some((e) => e.extensions?.code === 'THROTTLED')) {
        return { retry: true, reason: 'Shopify throttled the request (THROTTLED)', waitMs: throttleWaitMs(body.extensions?.cost), unsent: true };
      }
      return { retry: false, reason: `Shopify refused the request: ${body.errors.map((e) => e.message ?? 'unknown error').join('; ')}` };
    }
    return read(body.data);
  }
}

/** `Retry-After` is seconds (Shopify's form) or an HTTP date; absent or unreadable, the backoff decides. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Time for the bucket to refill enough for the query: (requested − available) / restore rate. */
function throttleWaitMs(cost: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } | undefined): number | undefined {
  const requested = cost?.requestedQueryCost;
  const { currentlyAvailable, restoreRate } = cost?.throttleStatus ?? {};
  if (typeof requested !== 'number' || typeof currentlyAvailable !== 'number' || typeof restoreRate !== 'number' || restoreRate <= 0) return undefined;
  return Math.max(0, Math.ceil(((requested - currentlyAvailable) / restoreRate) * 1000));
}
