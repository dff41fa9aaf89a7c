import { Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { getSdk, idempotentInputs, type Requester, type Sdk } from './generated/sdk.js';
import { LoyalNestError, type GraphQLErrorBody } from './loyalnest-error.js';

/** The API's `extensions.cost`, on every metered answer, throttled ones included. */
export interface QueryCost {
  requestedQueryCost: number;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Why the client is about to wait and send a request again. */
export interface RetryEvent {
  operationName: string;
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it. */
  waitMs: number;
  /** `throttled`: the API refused the cost (429 or THROTTLED); `unavailable`: a 502/503/504 or no answer at all. */
  reason: 'throttled' | 'unavailable';
  /** The throttled answer's `extensions.cost`, when it had one. */
  cost?: QueryCost;
}

export interface LoyalNestClientOptions {
  /** The GraphQL endpoint, e.g. `https://loyalnest.example/graphql`. */
  url: string;
  /** A partner API key (`lnk_…`), created in the dashboard's settings or with `createApiKey`. */
  apiKey: string;
  /** Defaults to the global `fetch` (Node 20+, browsers). */
  fetch?: typeof globalThis.fetch;
  /** Retries per call after a throttled or unavailable answer; 0 turns retrying off. Default 3. */
  maxRetries?: number;
  /** The longest single wait before a retry; a longer one throws THROTTLED instead. Default 60 s. */
  maxWaitMs?: number;
  /** Told before each retry (for logs or metrics): why, and how long the client waits. */
  onThrottle?: (event: RetryEvent) => void;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the request and any wait before a retry. */
  signal?: AbortSignal;
}

/** An input whose `idempotencyKey` the API requires, made optional: the client fills it in. */
type KeyOptional<T> = T extends { idempotencyKey: infer K } ? Omit<T, 'idempotencyKey'> & { idempotencyKey?: K | null } : T;
type KeysOptional<V> = { [P in keyof V]: KeyOptional<V[P]> };
/** A function's arguments with its variables (the first) loosened so; a mapped tuple keeps each one's optionality. */
type LoosenedArgs<A extends unknown[]> = { [I in keyof A]: I extends '0' ? KeysOptional<A[I]> : A[I] };

/**
 * The generated functions, one per operation (`customers`, `awardPoints`, …), each resolving to its
 * typed `data`; `idempotencyKey` is optional on every input, required by the API or not.
 */
export type LoyalNestClient = {
  [F in keyof Sdk]: (...args: LoosenedArgs<Parameters<Sdk[F]>>) => ReturnType<Sdk[F]>;
};

interface Answer {
  data?: unknown;
  errors?: GraphQLErrorBody[];
  extensions?: { cost?: QueryCost };
}

/** A generated document, printed once: its text, its operation's name, and whether sending it twice is harmless. */
interface PrintedOperation {
  query: string;
  operationName: string;
  repeatable: boolean;
}

const printed = new WeakMap<DocumentNode, PrintedOperation>();

/**
 * Whether an operation may be sent again after an attempt that may have reached the API: a query
 * changes nothing; a mutation whose input carries an idempotency key is applied once whatever the
 * number of attempts; an upsert (`upsert…`) sets the same state again. Any other mutation (creating
 * a webhook subscription, rotating its secret, …) could be applied twice.
 */
function isRepeatable(operation: OperationDefinitionNode | undefined, operationName: string): boolean {
  if (operation?.operation === 'query') return true;
  return operationName in idempotentInputs || /^upsert[A-Z]/.test(operationName);
}

function printOnce(document: DocumentNode): PrintedOperation {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operationName = operation?.name?.value ?? 'anonymous';
    entry = { query: print(document), operationName, repeatable: isRepeatable(operation, operationName) };
    printed.set(document, entry);
  }
  return entry;
}

/** A small margin over the computed wait: the bucket refills by the server's clock, not ours. */
const CLOCK_MARGIN_MS = 50;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Fills in an idempotency key on each input of the operation that takes one and was given none. Done
 * once per call, before the first attempt, so that every retry carries the same key and the API
 * applies the change once however many attempts reach it.
 */
function withIdempotencyKeys(operationName: string, variables: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const names = idempotentInputs[operationName];
  if (!names || !variables) return variables;
  const filled = { ...variables };
  for (const name of names) {
    const input = filled[name];
    if (typeof input === 'object' && input !== null && ((input as { idempotencyKey?: unknown }).idempotencyKey ?? null) === null) {
      filled[name] = { ...input, idempotencyKey: crypto.randomUUID() };
    }
  }
  return filled;
}

/**
 * How long until the request's cost fits the bucket again: from `extensions.cost` (what is missing
 * over the restore rate) when the answer has it, else the `Retry-After` header, else the error's
 * `retryAfter`, in that order of precision.
 */
function throttleWaitMs(answer: Answer | undefined, retryAfterHeader: string | null): number | undefined {
  const cost = answer?.extensions?.cost;
  const status = cost?.throttleStatus;
  if (cost && status && status.restoreRate > 0) {
    const missing = Math.max(0, cost.requestedQueryCost - status.currentlyAvailable);
    return Math.ceil((missing / status.restoreRate) * 1000) + CLOCK_MARGIN_MS;
  }
  const header = retryAfterHeader === null ? NaN : Number(retryAfterHeader);
  if (Number.isFinite(header)) return header * 1000 + CLOCK_MARGIN_MS;
  const fromBody = answer?.errors?.[0]?.extensions?.retryAfter;
  return typeof fromBody === 'number' ? fromBody * 1000 + CLOCK_MARGIN_MS : undefined;
}

/** Backoff for answers that say nothing about when to come back: 0.25 s, 0.5 s, 1 s, … */
const backoffMs = (attempt: number) => 250 * 2 ** (attempt - 1);

/**
 * A client of the LoyalNest GraphQL API for partners: one typed function per operation of the SDK.
 *
 * - Each function resolves to the operation's `data`. Business outcomes stay data: a mutation's
 *   result union names them by `__typename` (`InsufficientPointsError`, …).
 * - Authentication, authorization, bad input and transport failures throw a `LoyalNestError` with
 *   the API's `code` (`UNAUTHENTICATED`, `FORBIDDEN`, …).
 * - A throttled answer (HTTP 429 with `Retry-After`, or a THROTTLED error with `extensions.cost`) is
 *   waited out until the cost has been restored, then sent again, up to `maxRetries` times: the API
 *   refused it before running it. 502/503/504 answers and network failures are retried with
 *   exponential backoff only for operations that are safe to repeat (queries, keyed mutations,
 *   upserts); any other mutation throws (`NETWORK_ERROR`, or the HTTP status) and the caller decides,
 *   since the attempt may have been applied.
 * - Mutations whose input takes an `idempotencyKey` get one (`crypto.randomUUID()`) when the
 *   caller gives none; retries reuse it, so a change is applied once.
 */
export function createLoyalNestClient(options: LoyalNestClientOptions): LoyalNestClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const maxRetries = options.maxRetries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  if (!options.url) throw new TypeError('createLoyalNestClient: `url` is required');
  if (!options.apiKey) throw new TypeError('createLoyalNestClient: `apiKey` is required');

  const requester: Requester<CallOptions> = async <R, V>(document: DocumentNode, vars?: V, call?: CallOptions): Promise<R> => {
    const { query, operationName, repeatable } = printOnce(document);
    const variables = withIdempotencyKeys(operationName, vars as Record<string, unknown> | undefined);
    const body = JSON.stringify({ query, variables, operationName });

    for (let attempt = 0; ; attempt++) {
      let response: Response;
      let text: string;
      // A failure before the whole answer arrived may have reached the API and been applied: only an
      // operation that is safe to repeat is sent again (a second createWebhookSubscription would
      // leave a subscription whose secret nobody has).
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${options.apiKey}` },
          body,
          signal: call?.signal,
        });
        text = await response.text();
      } catch (cause) {
        if (call?.signal?.aborted) throw cause;
        if (repeatable && attempt < maxRetries) {
          await retryAfter({ operationName, attempt: attempt + 1, waitMs: backoffMs(attempt + 1), reason: 'unavailable' }, call);
          continue;
        }
        const outcome = repeatable ? 'the API could not be reached' : 'no answer came, and it may have been applied: check before sending it again';
        throw new LoyalNestError(`${operationName}: ${outcome}`, 'NETWORK_ERROR', { cause });
      }

      const requestId = response.headers.get('x-request-id') ?? undefined;
      let answer: Answer | undefined;
      try {
        answer = text ? (JSON.parse(text) as Answer) : undefined;
      } catch {
        answer = undefined;
      }
      const errors = Array.isArray(answer?.errors) ? answer.errors : [];
      const firstCode = errors[0]?.extensions?.code;

      const throttled = response.status === 429 || firstCode === 'THROTTLED';
      // A 502/503/504 may come from a proxy after the API ran the operation; a throttled one never ran.
      const gatewayError = !throttled && [502, 503, 504].includes(response.status);
      const unavailable = gatewayError && repeatable;
      if ((throttled || unavailable) && attempt < maxRetries) {
        const waitMs = throttled ? (throttleWaitMs(answer, response.headers.get('retry-after')) ?? backoffMs(attempt + 1)) : backoffMs(attempt + 1);
        if (waitMs <= maxWaitMs) {
          await retryAfter({ operationName, attempt: attempt + 1, waitMs, reason: throttled ? 'throttled' : 'unavailable', cost: answer?.extensions?.cost }, call);
          continue;
        }
      }

      if (errors.length) {
        const code = throttled ? 'THROTTLED' : typeof firstCode === 'string' ? firstCode : 'INTERNAL';
        throw new LoyalNestError(`${operationName}: ${errors[0]!.message}`, code, { status: response.status, requestId, errors, data: answer?.data ?? undefined });
      }
      if (!response.ok || answer?.data === undefined || answer.data === null) {
        const outcome = gatewayError && !repeatable ? 'it may have been applied: check before sending it again' : 'unexpected answer';
        throw new LoyalNestError(`${operationName}: ${outcome} (HTTP ${response.status})`, throttled ? 'THROTTLED' : 'BAD_RESPONSE', { status: response.status, requestId });
      }
      return answer.data as R;
    }
  };

  async function retryAfter(event: RetryEvent, call: CallOptions | undefined): Promise<void> {
    options.onThrottle?.(event);
    await sleep(event.waitMs, call?.signal);
  }

  // The keys the type leaves optional are filled in by the requester before anything is sent.
  return getSdk(requester) as unknown as LoyalNestClient;
}
