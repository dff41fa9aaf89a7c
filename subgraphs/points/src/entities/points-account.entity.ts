import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/**
 * One customer's points at one merchant. `balance` (spendable), `pending` (earned, not yet
 * spendable) and `lifetimeEarned` are kept here and moved only by `points_post_entry` (and the
 * release job), in the transaction that writes the entry, so they always equal the sums of the
 * ledger (`verifyLedger` proves it). The customer id is the customer subgraph's; the Shopify id is
 * remembered so order webhooks find the account without asking the customer subgraph again.
 */
export const PointsAccountEntity = defineEntity({
  name: 'PointsAccount',
  tableName: 'points_account',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    customerId: p.uuid(),
    shopifyCustomerId: p.bigint('string').nullable(),
    balance: p.integer().default(0),
    pending: p.integer().default(0),
    lifetimeEarned: p.integer().default(0),
    /** Every earn by order or activity is multiplied by it; set by the tier domain's changes (`tier.changed`), 1 until one is applied. */
    tierMultiplier: p.decimal('string').precision(6).scale(2).default('1'),
    /** The tier the multiplier comes from (the tier domain's `Tier.id`); null when none. */
    tierId: p.uuid().nullable(),
    /** The tier domain's version of the change applied last (0: none): an older change consumed later changes nothing. */
    tierVersion: p.integer().default(0),
    birthMonth: p.smallint().nullable(),
    birthDay: p.smallint().nullable(),
    lastActivityAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['merchantId', 'customerId'], name: 'points_account_merchant_customer_unique' }],
  indexes: [{ properties: ['merchantId', 'shopifyCustomerId'], name: 'points_account_merchant_shopify_index' }],
  ...tenantOwned('points_account'),
});

export type PointsAccount = InferEntity<typeof PointsAccountEntity>;
