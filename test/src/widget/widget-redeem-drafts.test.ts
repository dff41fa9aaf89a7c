import { describe, expect, it } from '@jest/globals';
import type { RedeemRewardMutation } from '../../../clients/widget/src/generated/graphql.js';
import { draftStore, RedeemDrafts, redeemOutcome, settleRedemption, type KeyValueStorage } from '../../../clients/widget/src/panel/redeem-drafts.js';
import { expiresSoon, SessionClient } from '../../../clients/widget/src/shared/session.client.js';

type Answer = RedeemRewardMutation['redeemReward'];

const redemption = (status: 'PENDING' | 'ISSUED' | 'FAILED', discountCode: string | null): Answer => ({
  __typename: 'Redemption',
  id: 'r1',
  status,
  discountCode,
  expiresAt: null,
  pointsSpent: 500,
});

/** Keys from a counter, so a test can tell a reused key from a new one. */
function counterKeys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('the widget redeem outcome', () => {
  it('reads a code, a pending redemption and refusals apart', () => {
    expect(redeemOutcome(redemption('ISSUED', 'LN-ABC'))).toEqual({ kind: 'code', code: 'LN-ABC' });
    expect(redeemOutcome(redemption('PENDING', null))).toEqual({ kind: 'pending' });
    expect(redeemOutcome(redemption('FAILED', null))).toEqual({ kind: 'refused', code: 'DISCOUNT_CREATION_FAILED' });
    expect(redeemOutcome({ __typename: 'InsufficientPointsError', balance: 10, required: 500 } as Answer)).toEqual({ kind: 'refused', code: 'INSUFFICIENT_POINTS' });
    expect(redeemOutcome({ __typename: 'RewardUnavailableError', code: 'REWARD_UNAVAILABLE' } as Answer)).toEqual({ kind: 'refused', code: 'REWARD_UNAVAILABLE' });
  });
});

describe('the widget redeem drafts', () => {
  it('keeps the key while the redemption is pending or unanswered, and starts a new one once settled', () => {
    const drafts = new RedeemDrafts(counterKeys());
    expect(drafts.begin('gift')).toBe('key-1');
    // A second tap (or a redraw's fresh button) while in flight sends nothing.
    expect(drafts.begin('gift')).toBeNull();
    expect(drafts.inFlight('gift')).toBe(true);
    expect(drafts.stateOf('gift')).toBe('busy');
    drafts.end('gift', false); // still PENDING, or a network error
    expect(drafts.inFlight('gift')).toBe(false);
    expect(drafts.stateOf('gift')).toBe('open');
    expect(drafts.begin('gift')).toBe('key-1');
    drafts.end('gift', true); // the code was shown
    expect(drafts.keyOf('gift')).toBeUndefined();
    expect(drafts.stateOf('gift')).toBeNull();
    expect(drafts.begin('gift')).toBe('key-2');
  });

  it('keeps drafts of different rewards apart', () => {
    const drafts = new RedeemDrafts(counterKeys());
    expect(drafts.begin('a')).toBe('key-1');
    expect(drafts.begin('b')).toBe('key-2');
    drafts.end('a', true);
    expect(drafts.inFlight('b')).toBe(true);
    expect(drafts.keyOf('b')).toBe('key-2');
  });
});

/** An in-memory Web Storage, like the browser's sessionStorage for one origin. */
function fakeStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, String(value)),
    removeItem: (name) => void items.delete(name),
  };
}

describe('the widget redeem drafts across a reload', () => {
  it('resumes an open draft with its key after a reload, and forgets it once settled', () => {
    const storage = fakeStorage();
    const first = new RedeemDrafts(counterKeys(), draftStore(() => storage, 'cust-1'));
    expect(first.begin('gift')).toBe('key-1');
    // The page is reloaded while the redemption is in flight or PENDING: a new panel, new key source.
    const second = new RedeemDrafts(() => 'never-used', draftStore(() => storage, 'cust-1'));
    expect(second.open()).toEqual(['gift']);
    expect(second.stateOf('gift')).toBe('open');
    expect(second.begin('gift')).toBe('key-1');
    expect(second.open()).toEqual([]); // in flight: not resumed twice
    second.end('gift', true);
    expect(storage.items.size).toBe(0);
    expect(new RedeemDrafts(counterKeys(), draftStore(() => storage, 'cust-1')).open()).toEqual([]);
  });

  it('keeps each shopper’s drafts to themselves', () => {
    const storage = fakeStorage();
    new RedeemDrafts(counterKeys(), draftStore(() => storage, 'cust-1')).begin('gift');
    const other = new RedeemDrafts(() => 'other-key', draftStore(() => storage, 'cust-2'));
    expect(other.open()).toEqual([]);
    expect(other.begin('gift')).toBe('other-key');
    expect(new RedeemDrafts(counterKeys(), draftStore(() => storage, 'cust-1')).keyOf('gift')).toBe('key-1');
  });

  it('works in memory when storage throws or holds something damaged', () => {
    const throwing = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const drafts = new RedeemDrafts(counterKeys(), draftStore(throwing, 'cust-1'));
    expect(drafts.begin('gift')).toBe('key-1');
    drafts.end('gift', false);
    expect(drafts.begin('gift')).toBe('key-1');
    const full: KeyValueStorage = { ...fakeStorage(), setItem: () => throwing() };
    expect(new RedeemDrafts(counterKeys(), draftStore(() => full, 'c')).begin('gift')).toBe('key-1');
    const damaged = fakeStorage();
    damaged.items.set('loyalnest:redeem-drafts:cust-1', '{not json');
    expect(new RedeemDrafts(counterKeys(), draftStore(() => damaged, 'cust-1')).open()).toEqual([]);
    damaged.items.set('loyalnest:redeem-drafts:cust-1', JSON.stringify({ gift: 42, ok: 'k' }));
    expect(new RedeemDrafts(counterKeys(), draftStore(() => damaged, 'cust-1')).open()).toEqual(['ok']);
  });
});

describe('the widget settling a redemption', () => {
  it('asks again while PENDING and answers the code once issued', async () => {
    const answers = [redemption('PENDING', null), redemption('PENDING', null), redemption('ISSUED', 'LN-XYZ')];
    const waited: number[] = [];
    let sent = 0;
    const outcome = await settleRedemption(
      async () => answers[sent++]!,
      async (ms) => void waited.push(ms),
      [10, 20, 30, 40],
    );
    expect(outcome).toEqual({ kind: 'code', code: 'LN-XYZ' });
    expect(sent).toBe(3);
    expect(waited).toEqual([10, 20]);
  });

  it('stops asking after its waits and answers pending (the draft keeps its key)', async () => {
    let sent = 0;
    const outcome = await settleRedemption(
      async () => (sent++, redemption('PENDING', null)),
      async () => undefined,
      [1, 1],
    );
    expect(outcome).toEqual({ kind: 'pending' });
    expect(sent).toBe(3);
  });

  it('lets a network error through, so the caller keeps the draft', async () => {
    await expect(settleRedemption(async () => Promise.reject(new Error('offline')), async () => undefined, [1])).rejects.toThrow('offline');
  });
});

describe('the widget session renewal', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');

  it('renews within a minute of expiry, past it, or with an unreadable date', () => {
    expect(expiresSoon('2026-01-01T12:05:00Z', now)).toBe(false);
    expect(expiresSoon('2026-01-01T12:00:59Z', now)).toBe(true);
    expect(expiresSoon('2026-01-01T11:59:00Z', now)).toBe(true);
    expect(expiresSoon('not a date', now)).toBe(true);
  });

  it('asks the shop for a session only when one is used, not on a timer', async () => {
    let clock = now;
    let fetched = 0;
    const client = new SessionClient(
      '/apps/loyalnest',
      async (url) => {
        expect(url).toBe('/apps/loyalnest/session');
        fetched += 1;
        const session = { token: `t${fetched}`, expiresAt: new Date(clock + 15 * 60_000).toISOString(), customerId: null, loggedIn: false, graphqlUrl: 'http://api/graphql', liveUrl: 'ws://api/graphql' };
        return new Response(JSON.stringify(session), { status: 200, headers: { 'content-type': 'application/json' } });
      },
      () => clock,
    );
    expect((await client.current()).token).toBe('t1');
    expect((await client.current()).token).toBe('t1');
    // An idle hour: nothing is fetched until the next use, which renews the expired token.
    clock += 60 * 60_000;
    expect(fetched).toBe(1);
    expect((await client.current()).token).toBe('t2');
    // Two callers at once share one renewal.
    clock += 15 * 60_000;
    const [a, b] = await Promise.all([client.current(), client.current()]);
    expect([a.token, b.token, fetched]).toEqual(['t3', 't3', 3]);
  });

  it('says why a session was refused by code, and fetches again on the next use', async () => {
    let fail = true;
    const client = new SessionClient('/p', async () =>
      fail
        ? new Response(JSON.stringify({ error: { code: 'SHOP_NOT_INSTALLED' } }), { status: 403 })
        : new Response(JSON.stringify({ token: 'ok', expiresAt: new Date(Date.now() + 600_000).toISOString(), customerId: null, loggedIn: false, graphqlUrl: '', liveUrl: '' }), { status: 200 }),
    );
    await expect(client.current()).rejects.toMatchObject({ code: 'SHOP_NOT_INSTALLED' });
    fail = false;
    expect((await client.current()).token).toBe('ok');
  });
});
