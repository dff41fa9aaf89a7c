import { buildFederatedSchema, containerOf, FlowTriggerSentEntity, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { withBatchProgram } from './consumers/batch-program.js';
import { customerCreatedConsumer } from './consumers/customer-created.consumer.js';
import { tierChangeConsumers } from './consumers/tier-change.consumer.js';
import { tierGdpr } from './consumers/tier-gdpr.consumer.js';
import { tierOrderConsumers } from './consumers/tier-order.consumer.js';
import { tierPointsConsumers } from './consumers/tier-points.consumer.js';
import { TierBonusEntity } from './entities/tier-bonus.entity.js';
import { TierChangeEntity } from './entities/tier-change.entity.js';
import { TierMemberEntity } from './entities/tier-member.entity.js';
import { TierOrderEntity } from './entities/tier-order.entity.js';
import { TierProgramEntity } from './entities/tier-program.entity.js';
import { TierQualificationEntity } from './entities/tier-qualification.entity.js';
import { TierEntity } from './entities/tier.entity.js';
import { CustomerRef } from './graphql/tier-membership.type.js';
import { tierDailyJob } from './jobs/tier-daily.job.js';
import { AssignTierResolver } from './resolvers/assign-tier.resolver.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerTierResolver, TierMembershipResolver } from './resolvers/customer-tier.resolver.js';
import { TierDistributionResolver } from './resolvers/tier-distribution.resolver.js';
import { TierProgramResolver } from './resolvers/tier-program.resolver.js';
import { TierPerkResolver, TierResolver } from './resolvers/tier.resolver.js';
import { CustomerTierService } from './services/customer-tier.service.js';
import { QualificationLedgerService } from './services/qualification-ledger.service.js';
import { seedTiers } from './services/seed.service.js';
import { TierAssignmentService } from './services/tier-assignment.service.js';
import { TierFlowTriggerService } from './services/tier-flow-trigger.service.js';
import { TierMemberService } from './services/tier-member.service.js';
import { TierProgramService } from './services/tier-program.service.js';

const program = new TierProgramService();
const members = new TierMemberService(program);
const ledger = new QualificationLedgerService();
const assignments = new TierAssignmentService(members);
const customerTiers = new CustomerTierService(program);
const flowTriggers = new TierFlowTriggerService();

/** The tier subgraph: each merchant's VIP tier program, and each customer's qualification and tier, fed by order and points events. */
const tierSubgraph: SubgraphModule = {
  name: 'tier',
  store: { name: 'tier', entities: [TierProgramEntity, TierEntity, TierMemberEntity, TierChangeEntity, TierBonusEntity, TierOrderEntity, TierQualificationEntity, FlowTriggerSentEntity] },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'tier',
      resolvers: [TierProgramResolver, TierResolver, TierPerkResolver, AssignTierResolver, CustomerTierResolver, TierMembershipResolver, TierDistributionResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new TierProgramResolver(program),
        new TierResolver(),
        new TierPerkResolver(),
        new AssignTierResolver(assignments, program),
        new CustomerTierResolver(customerTiers),
        new TierMembershipResolver(customerTiers),
        new TierDistributionResolver(customerTiers),
      ]),
      references: { Customer: customerReference },
    });
  },

  // A batch's events of one merchant share one read of its program.
  prepareMerchantEvents: ({ em, merchantId }) => members.load(em, merchantId),
  consumes: {
    ...withBatchProgram(members, {
      ...tierOrderConsumers(members, ledger),
      ...tierPointsConsumers(members, ledger),
      'customer.created': customerCreatedConsumer(members),
    }),
    ...tierChangeConsumers(() => ({ flowTriggers })),
    ...gdprConsumers(() => tierGdpr),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [tierDailyJob(runtime, members)],

  seed: (runtime) => seedTiers(runtime, program),
};

export default tierSubgraph;
