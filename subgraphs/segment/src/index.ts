import { buildFederatedSchema, containerOf, FlowTriggerSentEntity, type KitConfig, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import { segmentMovementConsumers, segmentSyncSettingsConsumer } from './consumers/segment-movement.consumer.js';
import { SegmentCustomerEntity } from './entities/segment-customer.entity.js';
import { SegmentDefinitionEntity } from './entities/segment-definition.entity.js';
import { SegmentHistoryEntity } from './entities/segment-history.entity.js';
import { SegmentMemberEntity } from './entities/segment-member.entity.js';
import { SegmentMetafieldSyncSettingEntity } from './entities/segment-metafield-sync-setting.entity.js';
import { SegmentMetafieldSyncEntity } from './entities/segment-metafield-sync.entity.js';
import { SegmentOrderEntity } from './entities/segment-order.entity.js';
import { SegmentRunCountEntity } from './entities/segment-run-count.entity.js';
import { SegmentRunEntity } from './entities/segment-run.entity.js';
import { SegmentSettingsEntity } from './entities/segment-settings.entity.js';
import { CustomerRef } from './graphql/customer-ref.type.js';
import { segmentMetafieldSyncJob } from './jobs/segment-metafield-sync.job.js';
import { customerReference } from './resolvers/customer.reference.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';
import { SegmentFlowTriggerService } from './services/segment-flow-trigger.service.js';
import { SegmentMetafieldSyncService } from './services/segment-metafield-sync.service.js';

const definitions = new SegmentDefinitionService();
const flowTriggers = new SegmentFlowTriggerService();
const metafieldSyncs = new WeakMap<KitConfig, SegmentMetafieldSyncService>();

/** What follows a movement, one set per configuration (the sync's retry settings are the deployment's). */
function movementServices(runtime: SubgraphRuntime) {
  let metafieldSync = metafieldSyncs.get(runtime.config);
  if (!metafieldSync) metafieldSyncs.set(runtime.config, (metafieldSync = new SegmentMetafieldSyncService(runtime.config.segmentSync)));
  return { flowTriggers, metafieldSync };
}

/** The segment subgraph: customers scored by recency, frequency and monetary value, and the named segments they fall in. */
const segmentSubgraph: SubgraphModule = {
  name: 'segment',
  store: {
    name: 'segment',
    entities: [
      SegmentSettingsEntity,
      SegmentDefinitionEntity,
      SegmentOrderEntity,
      SegmentCustomerEntity,
      SegmentMemberEntity,
      SegmentRunEntity,
      SegmentHistoryEntity,
      SegmentRunCountEntity,
      SegmentMetafieldSyncEntity,
      SegmentMetafieldSyncSettingEntity,
      FlowTriggerSentEntity,
    ],
  },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'segment',
      resolvers: [SegmentResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([new SegmentResolver(definitions)]),
      references: { Customer: customerReference },
    });
  },

  consumes: {
    ...segmentMovementConsumers(movementServices),
    ...segmentSyncSettingsConsumer(movementServices),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [segmentMetafieldSyncJob(runtime, movementServices(runtime).metafieldSync)],
};

export default segmentSubgraph;
