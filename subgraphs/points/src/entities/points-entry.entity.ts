import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

export const ENTRY_KINDS = ['earn', 'redeem', 'adjust', 'expire', 'reverse'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_SOURCES = ['order', 'activity', 'referral', 'tier', 'admin', 'partner', 'flow', 'signup', 'birthday', 'reward', 'expiry'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];
/** posted: counts in the balance; pending: counts in `pending` until released. */
export const ENTRY_STATUSES = ['posted', 'pending'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * One immutable line of the ledger, written only through `points_post_entry`. `points` is what
 * the entry moved (a clamped reversal may move less than `requestedPoints`); the idempotency key
 * is unique per merchant, so the same award, order or refund can never be counted twice. The one
 * change an entry sees is a pending earn's release (status → posted, `releasedAt`).
 */
export const PointsEntryEntity = defineEntity({
  name: 'PointsEntry',
  tableName: 'points_entry',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    accountId: p.uuid(),
    customerId: p.uuid(),
    kind: p.enum(ENTRY_KINDS),
    source: p.enum(ENTRY_SOURCES),
    status: p.enum(ENTRY_STATUSES),
    points: p.integer(),
    requestedPoints: p.integer(),
    idempotencyKey: p.string().length(400),
    reason: p.string().length(255).nullable(),
    /** The Shopify order it came from, for order earns and their reversals. */
    orderId: p.bigint('string').nullable(),
    reversesEntryId: p.uuid().nullable(),
    availableAt: p.datetime().nullable(),
    releasedAt: p.datetime().nullable(),
    metadata: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['merchantId', 'idempotencyKey'], name: 'points_entry_merchant_key_unique' }],
  indexes: [{ properties: ['merchantId', 'createdAt'], name: 'points_entry_merchant_created_index' }],
  ...tenantOwned('points_entry'),
});

export type PointsEntry = InferEntity<typeof PointsEntryEntity>;
