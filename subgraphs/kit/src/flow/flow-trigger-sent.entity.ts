import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { tenantOwned } from '../tenancy.js';

/**
 * A Flow trigger an event has sent, or begun to send: recorded in a transaction of its own before
 * the send, so the same event never sends it again (`FlowTriggerSender`). Kept for the dedupe
 * window, while the event can still be delivered again (the module's `dedupeTables`). Every store
 * whose domain sends triggers registers it, so that a shop redaction purges its rows there too.
 */
export const FlowTriggerSentEntity = defineEntity({
  name: 'FlowTriggerSent',
  tableName: 'flow_trigger_sent',
  properties: {
    merchantId: p.uuid().primary(),
    eventId: p.uuid().primary(),
    handle: p.string().length(255).primary(),
    createdAt: p.datetime(),
  },
  indexes: [{ properties: ['createdAt'], name: 'flow_trigger_sent_created_at_index' }],
  ...tenantOwned('flow_trigger_sent'),
});

export type FlowTriggerSent = InferEntity<typeof FlowTriggerSentEntity>;
