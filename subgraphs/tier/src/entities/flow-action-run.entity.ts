import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A `change-tier` Flow action run applied (the kit's `FlowActionRuns` writes and reads it by SQL);
 * mapped so that shop redaction (`purgeMerchantRows`) and a customer's redaction reach it.
 */
export const FlowActionRunEntity = defineEntity({
  name: 'FlowActionRun',
  tableName: 'flow_action_run',
  properties: {
    merchantId: p.uuid().primary(),
    handle: p.string().primary(),
    runId: p.string().primary(),
    fingerprint: p.string(),
    customerId: p.uuid(),
    answer: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(),
  },
  ...tenantOwned('flow_action_run'),
});

export type FlowActionRun = InferEntity<typeof FlowActionRunEntity>;
