import { markWake, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * An audit entry waiting for its place in the merchant's chain (`AuditService.stage`). Written and
 * read with SQL only; declared so generated migrations and schema diffs keep its index, its policy
 * and its trigger. Each staging statement marks its transaction (`markWake`), so the chainer is
 * woken through Redis after the commit: a NOTIFY here took PostgreSQL's cluster-wide notification
 * lock at the commit of every audited event.
 */
export const AuditPendingEntity = defineEntity({
  name: 'AuditPending',
  tableName: 'audit_pending',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    draft: p.json<Record<string, unknown>>(),
  },
  indexes: [{ properties: ['merchantId', 'id'], name: 'audit_pending_merchant_index' }],
  triggers: [markWake('audit_pending_wake')],
  ...tenantOwned('audit_pending'),
});

export type AuditPending = InferEntity<typeof AuditPendingEntity>;
