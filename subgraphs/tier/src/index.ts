import { buildFederatedSchema, containerOf, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { tierGdpr } from './consumers/tier-gdpr.consumer.js';
import { TierProgramEntity } from './entities/tier-program.entity.js';
import { TierEntity } from './entities/tier.entity.js';
import { TierProgramResolver } from './resolvers/tier-program.resolver.js';
import { TierPerkResolver, TierResolver } from './resolvers/tier.resolver.js';
import { seedTiers } from './services/seed.service.js';
import { TierProgramService } from './services/tier-program.service.js';

const program = new TierProgramService();

/** The tier subgraph: each merchant's VIP tier program (tiers, multipliers, entry bonuses, perks, and how customers qualify). */
const tierSubgraph: SubgraphModule = {
  name: 'tier',
  store: { name: 'tier', entities: [TierProgramEntity, TierEntity] },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'tier',
      resolvers: [TierProgramResolver, TierResolver, TierPerkResolver],
      orphanedTypes: [],
      container: containerOf([new TierProgramResolver(program), new TierResolver(), new TierPerkResolver()]),
    });
  },

  consumes: {
    ...gdprConsumers(() => tierGdpr),
  },

  seed: (runtime) => seedTiers(runtime, program),
};

export default tierSubgraph;
