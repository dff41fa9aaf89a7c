import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** A customer in a custom segment (custom segments may overlap; RFM membership is `SegmentCustomer.segment`). */
export const SegmentMemberEntity = defineEntity({
  name: 'SegmentMember',
  tableName: 'segment_member',
  properties: {
    merchantId: p.uuid().primary(),
    handle: p.string().length(64).primary(),
    customerId: p.uuid().primary(),
    since: p.datetime(),
  },
  ...tenantOwned('segment_member'),
});

export type SegmentMember = InferEntity<typeof SegmentMemberEntity>;
