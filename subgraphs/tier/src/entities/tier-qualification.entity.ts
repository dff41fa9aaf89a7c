import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { TIER_METRICS } from '../domain/tier-program.js';

/**
 * One dated amount of the qualification ledger: a subject (`order:<id>`, `entry:<points entry id>`)
 * and metric. Written and summed by SQL (`QualificationLedgerService`, `TierMemberService`);
 * mapped so that shop redaction (`purgeMerchantRows`) reaches it.
 */
export const TierQualificationEntity = defineEntity({
  name: 'TierQualification',
  tableName: 'tier_qualification',
  properties: {
    merchantId: p.uuid().primary(),
    metric: p.enum(TIER_METRICS).primary(),
    subject: p.string().primary(),
    customerId: p.uuid(),
    amount: p.bigint('number'),
    qualifiesAt: p.datetime().nullable(),
    updatedAt: p.datetime(),
  },
  ...tenantOwned('tier_qualification'),
});

export type TierQualification = InferEntity<typeof TierQualificationEntity>;
