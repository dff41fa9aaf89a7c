/**
 * The shopper's session from the shop's own origin (`GET <proxy path>/session`, which Shopify's app
 * proxy signs and names the logged-in customer for): a short-lived token and where the API is.
 * Renewed when next used within a minute of its expiry, and at once when the API answers 401.
 */
export interface Session {
  token: string;
  expiresAt: string;
  /** null: a guest (nobody signed in, or a customer the program does not know yet). */
  customerId: string | null;
  loggedIn: boolean;
  graphqlUrl: string;
  liveUrl: string;
}

export class WidgetError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const REFRESH_BEFORE_MS = 60_000;

/**
 * Whether a session should be renewed before use: within a minute of `expiresAt` (or past it, or
 * with an unreadable date). Pure, so a unit test pins it.
 */
export function expiresSoon(expiresAt: string, now: number, before = REFRESH_BEFORE_MS): boolean {
  const at = Date.parse(expiresAt);
  return !Number.isFinite(at) || at - now <= before;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class SessionClient {
  private pending: Promise<Session> | null = null;
  private held: Session | null = null;

  constructor(
    private readonly proxyPath: string,
    // Called through a closure: a bare `fetch` stored on an object throws "Illegal invocation".
    private readonly fetcher: Fetch = (url, init) => fetch(url, init),
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The current session, fetching one if none is held or the held one expires within a minute.
   * Renewed when next used, not on a timer: an idle tab asks the shop for nothing (the live socket
   * asks here when it reconnects, and the gateway closes it when its token ends).
   */
  current(): Promise<Session> {
    if (this.held && expiresSoon(this.held.expiresAt, this.now())) return this.refresh();
    return this.pending ?? this.refresh();
  }

  /** A new session now (the token was refused, or it is about to expire). */
  refresh(): Promise<Session> {
    this.held = null;
    const fetching = this.fetcher(`${this.proxyPath}/session`, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(
      async (response) => {
        const body = (await response.json().catch(() => null)) as (Session & { error?: { code?: string } | string }) | null;
        if (!response.ok || !body?.token) throw new WidgetError(typeof body?.error === 'object' ? (body.error.code ?? 'UNAUTHENTICATED') : 'UNAUTHENTICATED');
        if (this.pending === fetching) this.held = body;
        return body;
      },
      () => {
        throw new WidgetError('NETWORK');
      },
    );
    this.pending = fetching;
    // A failed fetch is not kept: the next caller tries again.
    fetching.catch(() => {
      if (this.pending === fetching) this.pending = null;
    });
    return fetching;
  }
}
