import { buildFederatedSchema, containerOf, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { tierChangeConsumers } from './consumers/tier-change.consumer.js';
import { tierGdpr } from './consumers/tier-gdpr.consumer.js';
import { TierProgramEntity } from './entities/tier-program.entity.js';
import { TierEntity } from './entities/tier.entity.js';
import { CustomerRef } from './graphql/tier-membership.type.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerTierResolver, TierMembershipResolver } from './resolvers/customer-tier.resolver.js';
import { TierDistributionResolver } from './resolvers/tier-distribution.resolver.js';
import { TierProgramResolver } from './resolvers/tier-program.resolver.js';
import { TierPerkResolver, TierResolver } from './resolvers/tier.resolver.js';
import { CustomerTierService } from './services/customer-tier.service.js';
import { seedTiers } from './services/seed.service.js';
import { TierFlowTriggerService } from './services/tier-flow-trigger.service.js';
import { TierProgramService } from './services/tier-program.service.js';

const program = new TierProgramService();
const customerTiers = new CustomerTierService(program);
const flowTriggers = new TierFlowTriggerService();

/** The tier subgraph: each merchant's VIP tier program (tiers, multipliers, entry bonuses, perks, and how customers qualify) and each customer's tier. */
const tierSubgraph: SubgraphModule = {
  name: 'tier',
  store: { name: 'tier', entities: [TierProgramEntity, TierEntity] },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'tier',
      resolvers: [TierProgramResolver, TierResolver, TierPerkResolver, CustomerTierResolver, TierMembershipResolver, TierDistributionResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new TierProgramResolver(program),
        new TierResolver(),
        new TierPerkResolver(),
        new CustomerTierResolver(customerTiers),
        new TierMembershipResolver(customerTiers),
        new TierDistributionResolver(customerTiers),
      ]),
      references: { Customer: customerReference },
    });
  },

  consumes: {
    ...tierChangeConsumers(() => ({ flowTriggers })),
    ...gdprConsumers(() => tierGdpr),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  seed: (runtime) => seedTiers(runtime, program),
};

export default tierSubgraph;
