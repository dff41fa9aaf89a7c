import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * What the tier domain knows of one order from the customer domain's events (placed when, for how
 * much, paid, refunded, cancelled), folded in whatever order they arrive; the order's ledger rows
 * are derived from it. Written by SQL (`QualificationLedgerService`); mapped so that shop
 * redaction (`purgeMerchantRows`) reaches it.
 */
export const TierOrderEntity = defineEntity({
  name: 'TierOrder',
  tableName: 'tier_order',
  properties: {
    merchantId: p.uuid().primary(),
    orderId: p.string().primary(),
    customerId: p.uuid(),
    placedAt: p.datetime().nullable(),
    totalMilli: p.bigint('number').nullable(),
    paid: p.boolean(),
    refundedMilli: p.bigint('number'),
    cancelled: p.boolean(),
    updatedAt: p.datetime(),
  },
  ...tenantOwned('tier_order'),
});

export type TierOrder = InferEntity<typeof TierOrderEntity>;
