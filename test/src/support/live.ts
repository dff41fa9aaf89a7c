import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { Redis } from 'ioredis';
import { createHmac } from 'node:crypto';
import WebSocket from 'ws';
import { liveChannel, type KitConfig, type LiveTopic } from '@loyalnest/kit';

export interface Closed {
  code: number;
  reason: string;
}

export interface LiveSubscription {
  /** The next event (or error result); fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult>;
  /** Resolves when nothing arrived for `ms`; fails if something did. */
  nothingFor(ms: number): Promise<void>;
  stop(): void;
}

export interface LiveConnection {
  client: Client;
  /** Settles when the server closes the socket. */
  closed: Promise<Closed>;
  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription;
  dispose(): Promise<void>;
}

/** `http://host:port/graphql` → `ws://host:port/graphql`. */
export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/**
 * A real graphql-ws client over `ws`, authenticated in `connection_init` as a browser would be.
 * It never retries, so a refusal shows as the close code. `webSocketImpl` may add what a browser
 * sends besides (its `Origin`).
 */
export function connectLive(url: string, authorization: string | undefined, webSocketImpl: new (url: string, protocols?: string | string[]) => WebSocket = WebSocket): LiveConnection {
  let settle: (closed: Closed) => void = () => {};
  const closed = new Promise<Closed>((resolve) => {
    settle = resolve;
  });
  const client = createClient({
    url: wsUrl(url),
    webSocketImpl,
    connectionParams: authorization === undefined ? {} : { authorization },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        settle({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      const received: ExecutionResult[] = [];
      let waiting: ((result: ExecutionResult) => void) | null = null;
      const push = (result: ExecutionResult) => {
        if (waiting) {
          const resolve = waiting;
          waiting = null;
          resolve(result);
        } else received.push(result);
      };
      const stop = client.subscribe(
        { query, variables },
        {
          next: push,
          error: (error) => push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] } as ExecutionResult),
          complete: () => {},
        },
      );
      return {
        next(timeoutMs = 5000) {
          if (received.length) return Promise.resolve(received.shift()!);
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              waiting = null;
              reject(new Error(`no event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiting = (result) => {
              clearTimeout(timer);
              resolve(result);
            };
          });
        },
        async nothingFor(ms) {
          await new Promise((resolve) => setTimeout(resolve, ms));
          if (received.length) throw new Error(`expected no event, got ${JSON.stringify(received[0])}`);
        },
        stop,
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Publishes a live message the way a subgraph does after its commit. */
export async function publishLive(redis: Redis, config: KitConfig, topic: LiveTopic, message: object): Promise<void> {
  await redis.publish(liveChannel(config, topic), JSON.stringify(message));
}

/** Signs app proxy parameters as Shopify does: sorted `k=v` pairs, no separator, hex HMAC-SHA256. */
export function signAppProxy(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * Signs a query string as Shopify does, repeated names included: each name once, sorted, with its
 * values in order of appearance joined by commas (`shop=a.myshopify.com,b.myshopify.com`).
 */
export function signAppProxyQuery(query: URLSearchParams, secret: string): string {
  const names = [...new Set(query.keys())].filter((k) => k !== 'signature').sort();
  const message = names.map((k) => `${k}=${query.getAll(k).join(',')}`).join('');
  return createHmac('sha256', secret).update(message).digest('hex');
}

export { Redis };
