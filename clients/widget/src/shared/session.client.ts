/**
 * The shopper's session from the shop's own origin (`GET <proxy path>/session`, which Shopify's app
 * proxy signs and names the logged-in customer for): a short-lived token and where the API is.
 * Refreshed about a minute before it expires, and at once when the API answers 401.
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

export class SessionClient {
  private pending: Promise<Session> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly proxyPath: string) {}

  /** The current session, fetching one if none is held. */
  current(): Promise<Session> {
    return this.pending ?? this.refresh();
  }

  /** A new session now (the token was refused, or it is about to expire). */
  refresh(): Promise<Session> {
    clearTimeout(this.timer);
    const fetching = fetch(`${this.proxyPath}/session`, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(
      async (response) => {
        const body = (await response.json().catch(() => null)) as (Session & { error?: { code?: string } | string }) | null;
        if (!response.ok || !body?.token) throw new WidgetError(typeof body?.error === 'object' ? (body.error.code ?? 'UNAUTHENTICATED') : 'UNAUTHENTICATED');
        const wait = Date.parse(body.expiresAt) - Date.now() - REFRESH_BEFORE_MS;
        if (wait > 0) this.timer = setTimeout(() => void this.refresh().catch(() => undefined), wait);
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
