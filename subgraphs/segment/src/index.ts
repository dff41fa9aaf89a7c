import { buildFederatedSchema, containerOf, FlowTriggerSentEntity, gdprConsumers, type SubgraphModule } from '@loyalnest/kit';
import { customerRedactedConsumer, segmentGdpr } from './consumers/segment-gdpr.consumer.js';
import { segmentOrderConsumers } from './consumers/segment-order.consumer.js';
import { segmentPointsConsumers } from './consumers/segment-points.consumer.js';
import { segmentTierConsumer } from './consumers/segment-tier.consumer.js';
import { shopTimezoneConsumer } from './consumers/shop-timezone.consumer.js';
import { SegmentCustomerEntity } from './entities/segment-customer.entity.js';
import { SegmentDefinitionEntity } from './entities/segment-definition.entity.js';
import { SegmentHistoryEntity } from './entities/segment-history.entity.js';
import { SegmentMemberEntity } from './entities/segment-member.entity.js';
import { SegmentOrderEntity } from './entities/segment-order.entity.js';
import { SegmentRedactedCustomerEntity } from './entities/segment-redacted-customer.entity.js';
import { SegmentRunCountEntity } from './entities/segment-run-count.entity.js';
import { SegmentRunEntity } from './entities/segment-run.entity.js';
import { SegmentSettingsEntity } from './entities/segment-settings.entity.js';
import { CustomerRef } from './graphql/customer-ref.type.js';
import { customerReference } from './resolvers/customer.reference.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { SegmentCustomerFactsService } from './services/segment-customer-facts.service.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';
import { SegmentOrderFactsService } from './services/segment-order-facts.service.js';
import { SegmentPrivacyService } from './services/segment-privacy.service.js';
import { SegmentTimezoneService } from './services/segment-timezone.service.js';
import { SegmentTombstoneService } from './services/segment-tombstone.service.js';

const definitions = new SegmentDefinitionService();
const tombstones = new SegmentTombstoneService();
const privacy = new SegmentPrivacyService(tombstones);
const timezones = new SegmentTimezoneService();
const customerFacts = new SegmentCustomerFactsService(tombstones);

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
      SegmentRedactedCustomerEntity,
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
    ...segmentOrderConsumers(new SegmentOrderFactsService(tombstones)),
    ...segmentTierConsumer(customerFacts),
    ...segmentPointsConsumers(customerFacts),
    ...shopTimezoneConsumer(timezones),
    'customer.redacted': customerRedactedConsumer(privacy),
    ...gdprConsumers(() => segmentGdpr(privacy)),
  },

  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },
};

export default segmentSubgraph;
