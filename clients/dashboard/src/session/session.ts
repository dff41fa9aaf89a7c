/**
 * Who the dashboard acts as. Inside Shopify admin, App Bridge (`window.shopify`, loaded by the
 * gateway's page before this module) hands out Shopify session tokens: each lives a minute, and
 * `idToken()` returns a fresh one whenever the last is about to expire, so the dashboard asks for
 * one before every request. Outside Shopify admin there is no App Bridge: a gateway started for
 * development (`npm start`) hands out a dev token for the demo shop at /app/dev-session, and the
 * app says on screen that it runs on one. A production gateway has no such route.
 */
export type SessionKind = 'shopify' | 'development';

export interface Session {
  kind: SessionKind;
  /** A token that is valid now, for the Authorization header or graphql-ws's connection_init. */
  token(): Promise<string>;
  /** A new token after the API refused the last one as expired or unknown. */
  refresh(): Promise<string>;
}

export class NoSessionError extends Error {
  constructor() {
    super('Open LoyalNest from your Shopify admin: this page has no Shopify session.');
  }
}

interface DevSessionBody {
  token: string;
  shop: string;
  expiresAt: string;
}

/** Seconds before a dev token's expiry at which a new one is fetched instead. */
const DEV_TOKEN_MARGIN_MS = 60_000;

type AppBridge = typeof globalThis.shopify;

function appBridgeSession(shopify: AppBridge): Session {
  return { kind: 'shopify', token: () => shopify.idToken(), refresh: () => shopify.idToken() };
}

function devSession(first: DevSessionBody, base: string): Session {
  let current = first;
  const fetchNew = async () => {
    current = await fetchDevSession(base);
    return current.token;
  };
  return {
    kind: 'development',
    token: async () => (Date.parse(current.expiresAt) - Date.now() > DEV_TOKEN_MARGIN_MS ? current.token : fetchNew()),
    refresh: fetchNew,
  };
}

async function fetchDevSession(base: string): Promise<DevSessionBody> {
  const response = await fetch(`${base}dev-session`, { headers: { accept: 'application/json' }, cache: 'no-store' });
  // 403: a development gateway refusing a page that is not on its own machine; it says why.
  if (response.status === 403) throw new Error(((await response.json().catch(() => null)) as { message?: string } | null)?.message ?? new NoSessionError().message);
  if (!response.ok) throw new NoSessionError();
  return (await response.json()) as DevSessionBody;
}

/** App Bridge when the page runs inside Shopify admin, else the development session, else none. */
export async function openSession(base = import.meta.env.BASE_URL): Promise<Session> {
  // Declared always present by App Bridge's types; absent when the page is not inside Shopify admin.
  const shopify = (globalThis as { shopify?: AppBridge }).shopify;
  if (shopify?.idToken) return appBridgeSession(shopify);
  return devSession(await fetchDevSession(base), base);
}
