import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import type { LedgerEntryKind, LedgerEntryPosted, LedgerEntrySource } from '@loyalnest/points/topics';
import { randomUUID } from 'node:crypto';
import { LedgerService, type EntryRequest } from '../../subgraphs/points/src/services/ledger.service.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

/** Every kind and source the declaration names: a `Record` over the union, so the compiler notices one added or removed. */
const KINDS: Record<LedgerEntryKind, true> = { earn: true, redeem: true, adjust: true, expire: true, reverse: true };
const SOURCES: Record<LedgerEntrySource, true> = {
  order: true, activity: true, referral: true, tier: true, admin: true, partner: true, flow: true, signup: true, birthday: true, reward: true, expiry: true,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isUuid = (v: unknown) => typeof v === 'string' && UUID.test(v);
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const isKind = (v: unknown) => typeof v === 'string' && v in KINDS;
const isSource = (v: unknown) => typeof v === 'string' && v in SOURCES;
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);

/**
 * `LedgerEntryPosted`, key by key, as a check of each value's type. Typed as a `Record` over the
 * declaration's keys, so a key declared and not listed here (or listed and not declared) fails to
 * compile; the test then compares the keys of real payloads with these, both ways.
 */
const DECLARED: Record<keyof LedgerEntryPosted, (value: unknown) => boolean> = {
  entryId: isUuid,
  customerId: isUuid,
  kind: isKind,
  source: isSource,
  status: (v) => v === 'posted' || v === 'pending',
  points: isInt,
  balance: isInt,
  pending: isInt,
  orderId: orNull((v) => typeof v === 'string' && /^\d+$/.test(v)),
  reversesEntryId: orNull(isUuid),
  reversesKind: orNull(isKind),
  reversesSource: orNull(isSource),
  reversesCreatedAt: orNull((v) => typeof v === 'string' && ISO.test(v)),
};

interface EventRow {
  topic: string;
  payload: Record<string, unknown>;
}

describe('the points ledger events carry what LedgerEntryPosted declares', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  const ledger = new LedgerService();

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    a = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  async function newAccount(): Promise<string> {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId() });
    await ledger.openAccount(runtime(gateway, 'points').createContext(systemCaller(ADMIN_SCOPES, a.id)), customer.id);
    return customer.id;
  }

  /** Posts through the ledger as the services do (`points_post_entry`) and returns the entry's id. */
  async function post(request: Omit<EntryRequest, 'idempotencyKey'>): Promise<string> {
    const result = await ledger.post(runtime(gateway, 'points').createContext(systemCaller(ADMIN_SCOPES, a.id)), { ...request, idempotencyKey: `payload-test:${randomUUID()}` });
    if (result.outcome !== 'posted') throw new Error(`ledger outcome ${result.outcome}`);
    return result.entryId;
  }

  async function eventOf(entryId: string): Promise<EventRow> {
    const { rows } = await withOwnerDb('points', (c) => c.query<EventRow>(`select topic, payload from outbox_event where merchant_id = $1 and payload->>'entryId' = $2`, [a.id, entryId]));
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  async function createdAt(entryId: string): Promise<string> {
    const { rows } = await withOwnerDb('points', (c) => c.query<{ created_at: Date }>('select created_at from points_entry where merchant_id = $1 and id = $2', [a.id, entryId]));
    return rows[0].created_at.toISOString();
  }

  function expectDeclaredShape(payload: Record<string, unknown>): void {
    expect(Object.keys(payload).sort()).toEqual(Object.keys(DECLARED).sort());
    const wrong = Object.entries(DECLARED).filter(([key, check]) => !check(payload[key])).map(([key]) => `${key}=${JSON.stringify(payload[key])}`);
    expect(wrong).toEqual([]);
  }

  it('an earn, a reversal of it, a redemption and the give-back of the redemption: the declared keys and types, and the reversal names what it reverses', async () => {
    // given an order's earn, a refund's reversal of it, a redemption and its give-back
    const customerId = await newAccount();
    const orderId = shopifyId();
    const earn = await post({ customerId, kind: 'earn', source: 'order', points: 100, orderId });
    const reversal = await post({ customerId, kind: 'reverse', source: 'order', points: -40, orderId, reversesEntryId: earn, clamp: true });
    const redemption = await post({ customerId, kind: 'redeem', source: 'reward', points: -50 });
    const giveBack = await post({ customerId, kind: 'reverse', source: 'reward', points: 50, reversesEntryId: redemption });

    // then each event has exactly the declared keys, each value of its declared type
    const events = await Promise.all([earn, reversal, redemption, giveBack].map(eventOf));
    expect(events.map((e) => e.topic)).toEqual(['points.earned', 'points.reversed', 'points.redeemed', 'points.reversed']);
    for (const { payload } of events) expectDeclaredShape(payload);

    // and the values are the entries'
    const [earned, reversed, redeemed, givenBack] = events.map((e) => e.payload);
    const none = { reversesEntryId: null, reversesKind: null, reversesSource: null, reversesCreatedAt: null };
    expect(earned).toEqual({ entryId: earn, customerId, kind: 'earn', source: 'order', status: 'posted', points: 100, balance: 100, pending: 0, orderId, ...none });
    expect(reversed).toEqual({
      entryId: reversal, customerId, kind: 'reverse', source: 'order', status: 'posted', points: -40, balance: 60, pending: 0, orderId,
      reversesEntryId: earn, reversesKind: 'earn', reversesSource: 'order', reversesCreatedAt: await createdAt(earn),
    });
    expect(redeemed).toEqual({ entryId: redemption, customerId, kind: 'redeem', source: 'reward', status: 'posted', points: -50, balance: 10, pending: 0, orderId: null, ...none });
    expect(givenBack).toEqual({
      entryId: giveBack, customerId, kind: 'reverse', source: 'reward', status: 'posted', points: 50, balance: 60, pending: 0, orderId: null,
      reversesEntryId: redemption, reversesKind: 'redeem', reversesSource: 'reward', reversesCreatedAt: await createdAt(redemption),
    });
  });

  it('a held earn and its reversal out of pending: the declared keys and types', async () => {
    const customerId = await newAccount();
    const orderId = shopifyId();
    const availableAt = new Date(Date.now() + 14 * 86_400_000);
    const earn = await post({ customerId, kind: 'earn', source: 'order', points: 80, orderId, availableAt });
    const reversal = await post({ customerId, kind: 'reverse', source: 'order', points: -80, orderId, reversesEntryId: earn, availableAt, clamp: true });

    const [earned, reversed] = (await Promise.all([earn, reversal].map(eventOf))).map((e) => e.payload);
    expectDeclaredShape(earned);
    expectDeclaredShape(reversed);
    expect(earned).toMatchObject({ status: 'pending', points: 80, balance: 0, pending: 80, reversesEntryId: null });
    expect(reversed).toMatchObject({ status: 'pending', points: -80, balance: 0, pending: 0, reversesEntryId: earn, reversesKind: 'earn', reversesSource: 'order' });
  });

  it('the check fails on a payload with a key too many or one missing, or a value of another type', () => {
    const payload: Record<string, unknown> = {
      entryId: randomUUID(), customerId: randomUUID(), kind: 'earn', source: 'tier', status: 'posted', points: 5, balance: 5, pending: 0, orderId: null,
      reversesEntryId: null, reversesKind: null, reversesSource: null, reversesCreatedAt: null,
    };
    expectDeclaredShape(payload);
    expect(() => expectDeclaredShape({ ...payload, extra: 1 })).toThrow();
    const { reversesCreatedAt: _dropped, ...missing } = payload;
    expect(() => expectDeclaredShape(missing)).toThrow();
    expect(() => expectDeclaredShape({ ...payload, points: '5' })).toThrow();
    expect(() => expectDeclaredShape({ ...payload, reversesCreatedAt: '2026-12-06 00:00:00+00' })).toThrow();
  });
});
