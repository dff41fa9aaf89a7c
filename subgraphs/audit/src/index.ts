import { ALL_TOPICS, buildFederatedSchema, containerOf, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { auditGdpr } from './consumers/audit-gdpr.consumer.js';
import { auditChainer } from './jobs/audit-chainer.job.js';
import { auditConsumer, prepareAuditEvents } from './consumers/audit.consumer.js';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { AuditPendingEntity } from './entities/audit-pending.entity.js';
import { AuditResolver } from './resolvers/audit.resolver.js';
import { AuditService } from './services/audit.service.js';

const audit = new AuditService();

/**
 * The audit subgraph: every domain event of every store, and every mutation of every subgraph
 * (through `audit.mutation_executed`), as an append-only, hash-chained trail per merchant.
 */
const auditSubgraph: SubgraphModule = {
  name: 'audit',
  store: { name: 'audit', entities: [AuditEntryEntity, AuditPendingEntity] },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'audit',
      resolvers: [AuditResolver],
      orphanedTypes: [],
      container: containerOf([new AuditResolver(audit)]),
    });
  },

  jobs: (runtime) => [auditChainer(runtime, audit)],

  prepareMerchantEvents: prepareAuditEvents(audit),
  consumes: {
    [ALL_TOPICS]: auditConsumer(audit),
    ...gdprConsumers((runtime) => auditGdpr(audit, runtime.config), { customerRequests: false }),
  },
};

export default auditSubgraph;
export { AuditService } from './services/audit.service.js';
export { AuditEntryEntity, type AuditEntry } from './entities/audit-entry.entity.js';
