import { buildFederatedSchema, containerOf, FlowTriggerSentEntity, type SubgraphModule } from '@loyalnest/kit';
import { SegmentCustomerEntity } from './entities/segment-customer.entity.js';
import { SegmentDefinitionEntity } from './entities/segment-definition.entity.js';
import { SegmentHistoryEntity } from './entities/segment-history.entity.js';
import { SegmentMemberEntity } from './entities/segment-member.entity.js';
import { SegmentOrderEntity } from './entities/segment-order.entity.js';
import { SegmentRunCountEntity } from './entities/segment-run-count.entity.js';
import { SegmentRunEntity } from './entities/segment-run.entity.js';
import { SegmentSettingsEntity } from './entities/segment-settings.entity.js';
import { CustomerRef } from './graphql/customer-ref.type.js';
import { customerReference } from './resolvers/customer.reference.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';

const definitions = new SegmentDefinitionService();

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

  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },
};

export default segmentSubgraph;
