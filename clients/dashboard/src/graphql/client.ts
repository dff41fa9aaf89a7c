import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import type { Session } from '../session/session.js';

/**
 * The dashboard's urql client. Queries go as POST: the gateway's CSRF protection refuses a GET
 * without a preflight-forcing header, and urql would otherwise send short queries as GET
 * (`preferGetMethod` defaults to 'within-url-limit'). Every request carries a session token taken
 * just before it is sent; a 401 (the token expired in flight) is retried once with a new one.
 * Subscriptions share the /graphql URL over graphql-ws, with the token in `connection_init`,
 * taken again on every reconnect; graphql-ws subscribes again to what was active.
 */
/**
 * Fires 'reconnected' each time the live socket is open again after it closed (every token
 * expiry, under App Bridge once a minute). What was published while it was closed is not replayed:
 * a page that shows figures next to live lines reads its figures again on this.
 */
export const liveConnection = new EventTarget();

export function createDashboardClient(session: Session, origin = window.location.origin): { client: Client; ws: WsClient } {
  const url = `${origin}/graphql`;
  let connections = 0;
  const ws = createWsClient({
    on: {
      connected: () => {
        if (connections++ > 0) liveConnection.dispatchEvent(new Event('reconnected'));
      },
    },
    url: url.replace(/^http/, 'ws'),
    lazy: true,
    connectionParams: async () => ({ authorization: `Bearer ${await session.token()}` }),
    // The gateway closes a socket when its token expires, which under App Bridge is every minute.
    // Events published while no socket is open are not replayed, so the first reconnection (with a
    // fresh token) is immediate; only repeated failures back off, up to half a minute.
    shouldRetry: () => true,
    retryAttempts: Infinity,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retries === 0 ? 0 : Math.min(30_000, 500 * 2 ** retries + Math.random() * 1000))),
  });
  const authenticatedFetch: typeof fetch = async (input, init) => {
    const send = (token: string) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const response = await send(await session.token());
    return response.status === 401 ? send(await session.refresh()) : response;
  };
  const client = new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetch: authenticatedFetch,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, ws };
}
