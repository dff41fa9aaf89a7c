import { buildFederatedSchema, containerOf, flowActionPaths, flowActionRoutes, FlowTriggerSentEntity, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { customerCreatedConsumer } from './consumers/customer-created.consumer.js';
import { tierChangeConsumers } from './consumers/tier-change.consumer.js';
import { customerRedactedConsumer, erasesCustomers, tierGdpr } from './consumers/tier-gdpr.consumer.js';
import { orderEventCustomer, tierOrderConsumers } from './consumers/tier-order.consumer.js';
import { pointsEventCustomer, tierPointsConsumers } from './consumers/tier-points.consumer.js';
import { FlowActionRunEntity } from './entities/flow-action-run.entity.js';
import { tierProgramUpdatedConsumer } from './consumers/tier-program-updated.consumer.js';
import { shopTimezoneConsumer } from './consumers/shop-timezone.consumer.js';
import { TierBonusEntity } from './entities/tier-bonus.entity.js';
import { TierChangeEntity } from './entities/tier-change.entity.js';
import { TierCustomerEntity } from './entities/tier-customer.entity.js';
import { TierMemberEntity } from './entities/tier-member.entity.js';
import { TierOrderEntity } from './entities/tier-order.entity.js';
import { TierProgramEntity } from './entities/tier-program.entity.js';
import { TierQualificationEntity } from './entities/tier-qualification.entity.js';
import { TierRecomputeEntity } from './entities/tier-recompute.entity.js';
import { TierEntity } from './entities/tier.entity.js';
import { CustomerRef } from './graphql/tier-membership.type.js';
import { tierDailyJob } from './jobs/tier-daily.job.js';
import { tierRecomputeJob } from './jobs/tier-recompute.job.js';
import { AssignTierResolver } from './resolvers/assign-tier.resolver.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerTierResolver, TierMembershipResolver } from './resolvers/customer-tier.resolver.js';
import { TierDistributionResolver } from './resolvers/tier-distribution.resolver.js';
import { TierProgramResolver } from './resolvers/tier-program.resolver.js';
import { TierRecomputeResolver } from './resolvers/tier-recompute.resolver.js';
import { TierPerkResolver, TierResolver } from './resolvers/tier.resolver.js';
import { CustomerTierService } from './services/customer-tier.service.js';
import { QualificationLedgerService } from './services/qualification-ledger.service.js';
import { seedTiers } from './services/seed.service.js';
import { TierAssignmentService } from './services/tier-assignment.service.js';
import { TierCustomerKeyService } from './services/tier-customer-key.service.js';
import { TIER_FLOW_ACTION_HANDLES, TierFlowActionService } from './services/tier-flow-action.service.js';
import { TierFlowTriggerService } from './services/tier-flow-trigger.service.js';
import { TierBatchService } from './services/tier-batch.service.js';
import { TierMemberService } from './services/tier-member.service.js';
import { TierPrivacyService } from './services/tier-privacy.service.js';
import { TierProgramService } from './services/tier-program.service.js';
import { TierRecomputeService } from './services/tier-recompute.service.js';
import { TierTimezoneService } from './services/tier-timezone.service.js';

const program = new TierProgramService();
const members = new TierMemberService(program);
const batches = new TierBatchService(members);
const ledger = new QualificationLedgerService();
const assignments = new TierAssignmentService(members);
const customerTiers = new CustomerTierService(program);
const flowTriggers = new TierFlowTriggerService();
const flowActions = new TierFlowActionService(assignments, program);
const privacy = new TierPrivacyService(members);

const customerKeys = new Map<string, TierCustomerKeyService>();
/** One per blind index key (each deployment's configuration has one). */
function customerKeysFor(blindIndexKey: string): TierCustomerKeyService {
  let found = customerKeys.get(blindIndexKey);
  if (!found) customerKeys.set(blindIndexKey, (found = new TierCustomerKeyService(blindIndexKey)));
  return found;
}
const recomputes = new TierRecomputeService(members);
const timezones = new TierTimezoneService(recomputes);

/** The tier subgraph: each merchant's VIP tier program, and each customer's qualification and tier, fed by order and points events. */
const tierSubgraph: SubgraphModule = {
  name: 'tier',
  store: {
    name: 'tier',
    entities: [TierProgramEntity, TierEntity, TierMemberEntity, TierChangeEntity, TierBonusEntity, TierOrderEntity, TierQualificationEntity, TierCustomerEntity, FlowActionRunEntity, FlowTriggerSentEntity, TierRecomputeEntity],
  },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'tier',
      resolvers: [TierProgramResolver, TierResolver, TierPerkResolver, AssignTierResolver, CustomerTierResolver, TierMembershipResolver, TierDistributionResolver, TierRecomputeResolver],
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
        new TierRecomputeResolver(recomputes),
      ]),
      references: { Customer: customerReference },
    });
  },

  routes: (runtime) => flowActionRoutes(runtime, flowActions.actions()),
  routePrefixes: flowActionPaths(TIER_FLOW_ACTION_HANDLES),

  // A batch's events of one merchant share one read of the program and one lock statement, and
  // the customers they touch are re-placed together, once, after the last of them; unless the
  // batch erases customers, whose events then run one by one, each placing its own customer.
  prepareMerchantEvents: async ({ em, merchantId }, events) =>
    events.some(erasesCustomers)
      ? undefined
      : batches.prepareBatch(
          em,
          merchantId,
          events.map((e) => orderEventCustomer(e) ?? pointsEventCustomer(e)).filter((c): c is string => c !== null),
        ),
  finishMerchantEvents: (ctx, prepared, applied) => batches.finishBatch(ctx, prepared, applied),
  consumes: {
    ...tierOrderConsumers(batches, ledger),
    ...tierPointsConsumers(batches, ledger),
    'customer.created': customerCreatedConsumer(batches, customerKeysFor),
    ...tierChangeConsumers(() => ({ flowTriggers })),
    'customer.redacted': customerRedactedConsumer(privacy),
    ...gdprConsumers((runtime) => tierGdpr(customerKeysFor(runtime.config.blindIndexKey), privacy)),
    ...tierProgramUpdatedConsumer(recomputes),
    ...shopTimezoneConsumer(timezones),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune', flow_action_run: 'loyalnest_flow_action_run_prune' },

  jobs: (runtime) => [tierDailyJob(runtime, members), tierRecomputeJob(runtime, recomputes)],

  seed: (runtime) => seedTiers(runtime, program),
};

export default tierSubgraph;
