import { buildFederatedSchema, containerOf, FlowTriggerSentEntity, type SubgraphModule } from '@loyalnest/kit';
import { segmentsUpdatedConsumer } from './consumers/segments-updated.consumer.js';
import { SegmentCustomerEntity } from './entities/segment-customer.entity.js';
import { SegmentDefinitionEntity } from './entities/segment-definition.entity.js';
import { SegmentHistoryEntity } from './entities/segment-history.entity.js';
import { SegmentMemberEntity } from './entities/segment-member.entity.js';
import { SegmentOrderEntity } from './entities/segment-order.entity.js';
import { SegmentRunFactEntity } from './entities/segment-run-fact.entity.js';
import { SegmentRunCountEntity } from './entities/segment-run-count.entity.js';
import { SegmentRunEntity } from './entities/segment-run.entity.js';
import { SegmentSettingsEntity } from './entities/segment-settings.entity.js';
import { CustomerRef } from './graphql/customer-ref.type.js';
import { segmentNightlyJob } from './jobs/segment-nightly.job.js';
import { segmentRecomputeJob } from './jobs/segment-recompute.job.js';
import { customerReference } from './resolvers/customer.reference.js';
import { SegmentRunResolver } from './resolvers/segment-run.resolver.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';
import { SegmentRecomputeService } from './services/segment-recompute.service.js';

const definitions = new SegmentDefinitionService();
const recomputes = new SegmentRecomputeService(definitions);

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
      SegmentRunFactEntity,
      SegmentHistoryEntity,
      SegmentRunCountEntity,
      FlowTriggerSentEntity,
    ],
  },

  buildSchema() {
    return buildFederatedSchema({
      subgraph: 'segment',
      resolvers: [SegmentResolver, SegmentRunResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([new SegmentResolver(definitions), new SegmentRunResolver(recomputes)]),
      references: { Customer: customerReference },
    });
  },

  consumes: {
    ...segmentsUpdatedConsumer(recomputes),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [segmentRecomputeJob(runtime, recomputes), segmentNightlyJob(runtime, recomputes)],
};

export default segmentSubgraph;
