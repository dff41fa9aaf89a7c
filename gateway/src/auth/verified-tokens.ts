import type { Caller } from '@loyalnest/kit';

/** What a verified JWT says about its caller, before the shop behind it is looked up again. */
export interface VerifiedJwt {
  shop: string;
  actor: Caller['actor'];
  customerId?: string;
  /** A guest's session id (see `Caller.sessionId`). */
  sessionId?: string;
  scopes: string[];
  /** Epoch ms of the token's `exp`: the entry is never served after it. */
  expiresAt: number;
}

/** Past this many tokens the oldest goes first; one entry is a few hundred bytes. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Verified caller JWTs by their exact text, each until its own `exp`. A dashboard or widget sends the
 * same token on every request for minutes, and verifying it again (an HMAC through WebCrypto per
 * request) was a visible share of the gateway's CPU. Only the signature and claims check is
 * skipped: the shop behind the token is still looked up on every request, so an uninstall shows
 * as before. A token is its own key: a different, forged or tampered token never matches an entry.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, VerifiedJwt>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(token: string, now = Date.now()): VerifiedJwt | undefined {
    const entry = this.entries.get(token);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, verified: VerifiedJwt): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, verified);
  }

  get size(): number {
    return this.entries.size;
  }
}
