import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A customer a GDPR redaction erased from the segment store: a tombstone, checked under the
 * customer's lock by every consumer that writes their facts, so that an event emitted before the
 * redaction and consumed after it brings nothing back. Holds the LoyalNest id only. Written by SQL
 * (`SegmentTombstoneService`); mapped so that shop redaction (`purgeMerchantRows`) reaches it.
 */
export const SegmentRedactedCustomerEntity = defineEntity({
  name: 'SegmentRedactedCustomer',
  tableName: 'segment_redacted_customer',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    redactedAt: p.datetime(),
  },
  ...tenantOwned('segment_redacted_customer'),
});

export type SegmentRedactedCustomer = InferEntity<typeof SegmentRedactedCustomerEntity>;
