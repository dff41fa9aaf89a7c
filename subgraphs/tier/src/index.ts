import { buildFederatedSchema, containerOf, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { withBatchProgram } from './consumers/batch-program.js';
import { customerCreatedConsumer } from './consumers/customer-created.consumer.js';
import { tierGdpr } from './consumers/tier-gdpr.consumer.js';
import { tierOrderConsumers } from './consumers/tier-order.consumer.js';
import { tierPointsConsumers } from './consumers/tier-points.consumer.js';
import { tierProgramUpdatedConsumer } from './consumers/tier-program-updated.consumer.js';
import { TierBonusEntity } from './entities/tier-bonus.entity.js';
import { TierChangeEntity } from './entities/tier-change.entity.js';
import { TierMemberEntity } from './entities/tier-member.entity.js';
import { TierOrderEntity } from './entities/tier-order.entity.js';
import { TierProgramEntity } from './entities/tier-program.entity.js';
import { TierQualificationEntity } from './entities/tier-qualification.entity.js';
import { TierRecomputeEntity } from './entities/tier-recompute.entity.js';
import { TierEntity } from './entities/tier.entity.js';
import { tierDailyJob } from './jobs/tier-daily.job.js';
import { tierRecomputeJob } from './jobs/tier-recompute.job.js';
import { AssignTierResolver } from './resolvers/assign-tier.resolver.js';
import { TierProgramResolver } from './resolvers/tier-program.resolver.js';
import { TierRecomputeResolver } from './resolvers/tier-recompute.resolver.js';
import { TierPerkResolver, TierResolver } from './resolvers/tier.resolver.js';
import { QualificationLedgerService } from './services/qualification-ledger.service.js';
import { seedTiers } from './services/seed.service.js';
import { TierAssignmentService } from './services/tier-assignment.service.js';
import { TierMemberService } from './services/tier-member.service.js';
import { TierProgramService } from './services/tier-program.service.js';
import { TierRecomputeService } from './services/tier-recompute.service.js';

const program = new TierProgramService();
const members = new TierMemberService(program);
const ledger = new QualificationLedgerService();
const assignments = new TierAssignmentService(members);
const recomputes = new TierRecomputeService(members);

/** The tier subgraph: each merchant's VIP tier program, and each customer's qualification and tier, fed by order and points events. */
const tierSubgraph: SubgraphModule = {
  name: 'tier',
  store: { name: 'tier', entities: [TierProgramEntity, TierEntity, TierMemberEntity, TierChangeEntity, TierBonusEntity, TierOrderEntity, TierQualificationEntity, TierRecomputeEntity] },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'tier',
      resolvers: [TierProgramResolver, TierResolver, TierPerkResolver, AssignTierResolver, TierRecomputeResolver],
      orphanedTypes: [],
      container: containerOf([new TierProgramResolver(program), new TierResolver(), new TierPerkResolver(), new AssignTierResolver(assignments, program), new TierRecomputeResolver(recomputes)]),
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
    ...tierProgramUpdatedConsumer(recomputes),
    ...gdprConsumers(() => tierGdpr),
  },

  jobs: (runtime) => [tierDailyJob(runtime, members), tierRecomputeJob(runtime, recomputes)],

  seed: (runtime) => seedTiers(runtime, program),
};

export default tierSubgraph;
