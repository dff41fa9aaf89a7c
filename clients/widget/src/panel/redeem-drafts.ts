/**
 * Redeeming without spending twice and without losing a code. Pure (no DOM), so unit tests pin it.
 *
 * A draft is one shopper's intent to redeem one reward, named by an idempotency key: every retry of
 * that draft (a network error, a redemption still PENDING) sends the same key, so the API answers
 * the first attempt again instead of spending again. Only an answer that settles the draft (a code,
 * or a refusal) lets the next tap start a new draft with a new key.
 */
import type { RedeemRewardMutation } from '../generated/graphql.js';

type Answer = RedeemRewardMutation['redeemReward'];

/** What one redeemReward answer means for the draft. */
export type RedeemOutcome =
  | { kind: 'code'; code: string }
  /** Points spent, code still being made in Shopify: ask again with the same key. */
  | { kind: 'pending' }
  /** Final: nothing (more) will come of this draft; `code` says why, for the shopper's words. */
  | { kind: 'refused'; code: string };

export function redeemOutcome(answer: Answer): RedeemOutcome {
  if (answer.__typename === 'Redemption') {
    if (answer.discountCode) return { kind: 'code', code: answer.discountCode };
    if (answer.status === 'PENDING') return { kind: 'pending' };
    // FAILED (points given back), CANCELLED, EXPIRED without a code: the shopper may try anew.
    return { kind: 'refused', code: 'DISCOUNT_CREATION_FAILED' };
  }
  if (answer.__typename === 'InsufficientPointsError') return { kind: 'refused', code: 'INSUFFICIENT_POINTS' };
  return { kind: 'refused', code: 'code' in answer ? answer.code : 'DISCOUNT_CREATION_FAILED' };
}

/** The waits between asking again about a PENDING redemption (Shopify usually answers in seconds). */
export const PENDING_WAITS_MS = [1000, 2000, 3000, 5000, 8000, 13000];

/**
 * Sends the draft's mutation until it settles: a code, a refusal, or still PENDING after every wait
 * (then `pending`: the draft keeps its key, so the shopper's next tap asks about the same redemption).
 * A thrown error (network, session) propagates; the caller keeps the draft for the same reason.
 */
export async function settleRedemption(send: () => Promise<Answer>, wait: (ms: number) => Promise<void>, waits: readonly number[] = PENDING_WAITS_MS): Promise<RedeemOutcome> {
  let outcome = redeemOutcome(await send());
  for (const ms of waits) {
    if (outcome.kind !== 'pending') break;
    await wait(ms);
    outcome = redeemOutcome(await send());
  }
  return outcome;
}

/** Where open drafts outlive a reload: the keys of one shopper's drafts, by reward id. */
export interface DraftStore {
  load(): Record<string, string>;
  save(keys: Record<string, string>): void;
}

/** The part of the Web Storage API a draft store uses (sessionStorage in the panel, a fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * One shopper's drafts in `storage` (the panel passes sessionStorage, which is already per shop:
 * it belongs to the shop's origin), under a name holding their customer id, so two shoppers on one
 * browser tab never resume each other's redemption. Every access is guarded: Web Storage throws in
 * some private modes and when full, and then drafts live in memory only, as before.
 */
export function draftStore(storage: () => KeyValueStorage | null | undefined, customerId: string): DraftStore {
  const name = `loyalnest:redeem-drafts:${customerId}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage()?.getItem(name) ?? '{}');
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
        // Only string keys of string rewards: anything else is not ours (or is damaged) and is dropped.
        return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
      } catch {
        return {};
      }
    },
    save(keys) {
      try {
        const store = storage();
        if (Object.keys(keys).length === 0) store?.removeItem(name);
        else store?.setItem(name, JSON.stringify(keys));
      } catch {
        // Not saved: the draft still holds its key for as long as the page lives.
      }
    },
  };
}

/**
 * The panel's redeem state: one key per open draft, and which rewards have a request in flight.
 * With a store, open drafts are written through to it and read back at construction, so a draft
 * left PENDING (points spent, no code yet) is resumed after a reload with its key, not spent again.
 */
export class RedeemDrafts {
  private readonly keys = new Map<string, string>();
  private readonly busy = new Set<string>();

  constructor(private readonly newKey: () => string, private readonly store?: DraftStore) {
    for (const [rewardId, key] of Object.entries(store?.load() ?? {})) this.keys.set(rewardId, key);
  }

  /** Starts (or resumes) the reward's draft; null when a request for it is already in flight. */
  begin(rewardId: string): string | null {
    if (this.busy.has(rewardId)) return null;
    this.busy.add(rewardId);
    let key = this.keys.get(rewardId);
    if (!key) {
      this.keys.set(rewardId, (key = this.newKey()));
      // Saved before the request goes out: a reload while it is in flight must not lose the key.
      this.save();
    }
    return key;
  }

  /**
   * Ends the request in flight. `settled`: the draft is over (a code was shown or the API refused),
   * so the next tap is a new draft; otherwise (network error, still pending) it keeps its key.
   */
  end(rewardId: string, settled: boolean): void {
    this.busy.delete(rewardId);
    if (settled && this.keys.delete(rewardId)) this.save();
  }

  inFlight(rewardId: string): boolean {
    return this.busy.has(rewardId);
  }

  /** 'busy' while a request is in flight, 'open' for a draft awaiting its code, else null. */
  stateOf(rewardId: string): 'busy' | 'open' | null {
    return this.busy.has(rewardId) ? 'busy' : this.keys.has(rewardId) ? 'open' : null;
  }

  /** The key an open draft holds (for tests and diagnostics). */
  keyOf(rewardId: string): string | undefined {
    return this.keys.get(rewardId);
  }

  /** The rewards with an open draft and no request in flight: what the panel resumes on mount. */
  open(): string[] {
    return [...this.keys.keys()].filter((rewardId) => !this.busy.has(rewardId));
  }

  private save(): void {
    this.store?.save(Object.fromEntries(this.keys));
  }
}
