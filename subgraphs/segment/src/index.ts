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
import { CustomerRfmHistoryResolver, CustomerRfmResolver } from './resolvers/customer-rfm.resolver.js';
import { SegmentReadResolver } from './resolvers/segment-read.resolver.js';
import { SegmentSettingsResolver } from './resolvers/segment-settings.resolver.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { CustomerRfmService } from './services/customer-rfm.service.js';
import { SegmentAnalyticsService } from './services/segment-analytics.service.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';
import { SegmentMemberService } from './services/segment-member.service.js';
import { SegmentSettingsService } from './services/segment-settings.service.js';

const definitions = new SegmentDefinitionService();
const members = new SegmentMemberService(definitions);
const rfm = new CustomerRfmService();

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
      resolvers: [SegmentResolver, SegmentSettingsResolver, SegmentReadResolver, CustomerRfmResolver, CustomerRfmHistoryResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new SegmentResolver(definitions, members),
        new SegmentSettingsResolver(new SegmentSettingsService()),
        new SegmentReadResolver(members, new SegmentAnalyticsService()),
        new CustomerRfmResolver(rfm, definitions),
        new CustomerRfmHistoryResolver(rfm, definitions),
      ]),
      references: { Customer: customerReference },
    });
  },

  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },
};

export default segmentSubgraph;
