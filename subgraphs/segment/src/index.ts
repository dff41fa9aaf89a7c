import { buildFederatedSchema, containerOf, FieldCipher, FlowTriggerSentEntity, gdprConsumers, type EventHandler, type KitConfig, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import { exportCustomerRedactedConsumer } from './consumers/segment-export-redact.consumer.js';
import { customerRedactedConsumer, segmentGdpr } from './consumers/segment-gdpr.consumer.js';
import { segmentMovementConsumers } from './consumers/segment-movement.consumer.js';
import { segmentOrderConsumers } from './consumers/segment-order.consumer.js';
import { segmentPointsConsumers } from './consumers/segment-points.consumer.js';
import { segmentTierConsumer } from './consumers/segment-tier.consumer.js';
import { segmentsUpdatedConsumer } from './consumers/segments-updated.consumer.js';
import { shopTimezoneConsumer } from './consumers/shop-timezone.consumer.js';
import { ExportLinkSigner, SEGMENT_EXPORT_PREFIX } from './domain/segment-export-link.js';
import { SegmentCustomerEntity } from './entities/segment-customer.entity.js';
import { SegmentDefinitionEntity } from './entities/segment-definition.entity.js';
import { SegmentExportChunkEntity } from './entities/segment-export-chunk.entity.js';
import { SegmentExportRowEntity } from './entities/segment-export-row.entity.js';
import { SegmentExportEntity } from './entities/segment-export.entity.js';
import { SegmentHistoryEntity } from './entities/segment-history.entity.js';
import { SegmentMemberEntity } from './entities/segment-member.entity.js';
import { SegmentMetafieldSyncSettingEntity } from './entities/segment-metafield-sync-setting.entity.js';
import { SegmentMetafieldSyncEntity } from './entities/segment-metafield-sync.entity.js';
import { SegmentOrderEntity } from './entities/segment-order.entity.js';
import { SegmentRedactedCustomerEntity } from './entities/segment-redacted-customer.entity.js';
import { SegmentRunCountEntity } from './entities/segment-run-count.entity.js';
import { SegmentRunFactEntity } from './entities/segment-run-fact.entity.js';
import { SegmentRunEntity } from './entities/segment-run.entity.js';
import { SegmentSettingsEntity } from './entities/segment-settings.entity.js';
import { CustomerRef } from './graphql/customer-ref.type.js';
import { segmentDailyCountsJob } from './jobs/segment-daily-counts.job.js';
import { segmentExportPruneJob } from './jobs/segment-export-prune.job.js';
import { segmentExportJob } from './jobs/segment-export.job.js';
import { segmentMetafieldSyncJob } from './jobs/segment-metafield-sync.job.js';
import { segmentNightlyJob } from './jobs/segment-nightly.job.js';
import { segmentRecomputeJob } from './jobs/segment-recompute.job.js';
import { CustomerRfmHistoryResolver, CustomerRfmResolver } from './resolvers/customer-rfm.resolver.js';
import { customerReference } from './resolvers/customer.reference.js';
import { SegmentExportResolver } from './resolvers/segment-export.resolver.js';
import { SegmentReadResolver } from './resolvers/segment-read.resolver.js';
import { SegmentRunResolver } from './resolvers/segment-run.resolver.js';
import { SegmentSettingsResolver } from './resolvers/segment-settings.resolver.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { segmentExportRoutes } from './routes/segment-export.routes.js';
import { CustomerRfmService } from './services/customer-rfm.service.js';
import { SegmentAnalyticsService } from './services/segment-analytics.service.js';
import { SegmentCustomerFactsService } from './services/segment-customer-facts.service.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';
import { SegmentExportBatchService } from './services/segment-export-batch.service.js';
import { SegmentExportService } from './services/segment-export.service.js';
import { SegmentFlowTriggerService } from './services/segment-flow-trigger.service.js';
import { SegmentMemberService } from './services/segment-member.service.js';
import { SegmentMetafieldSyncService } from './services/segment-metafield-sync.service.js';
import { SegmentOrderFactsService } from './services/segment-order-facts.service.js';
import { SegmentPrivacyService } from './services/segment-privacy.service.js';
import { SegmentRecomputeService } from './services/segment-recompute.service.js';
import { SegmentSettingsService } from './services/segment-settings.service.js';
import { SegmentTimezoneService } from './services/segment-timezone.service.js';
import { SegmentTombstoneService } from './services/segment-tombstone.service.js';

const definitions = new SegmentDefinitionService();
const recomputes = new SegmentRecomputeService(definitions);
const members = new SegmentMemberService(definitions);
const rfm = new CustomerRfmService();
const tombstones = new SegmentTombstoneService();
const privacy = new SegmentPrivacyService(tombstones);
const timezones = new SegmentTimezoneService();
const customerFacts = new SegmentCustomerFactsService(tombstones);
const flowTriggers = new SegmentFlowTriggerService();

/** Services that depend on the deployment's configuration, one set per configuration. */
function build(config: KitConfig) {
  const cipher = new FieldCipher(config.encryptionKeys);
  const signer = new ExportLinkSigner(config.internalTokenSecret);
  const { lifetimeMs } = config.segmentExports;
  return {
    exports: {
      cipher,
      signer,
      requests: new SegmentExportService(definitions, signer, { appUrl: config.shopify.appUrl, lifetimeMs }),
      batches: new SegmentExportBatchService(cipher, lifetimeMs),
    },
    metafieldSync: new SegmentMetafieldSyncService(config.segmentSync),
  };
}

const built = new WeakMap<KitConfig, ReturnType<typeof build>>();

function services(config: KitConfig) {
  let found = built.get(config);
  if (!found) built.set(config, (found = build(config)));
  return found;
}

/** What follows a movement: the Flow trigger, and the metafield sync with the deployment's retry settings. */
function movementServices(runtime: SubgraphRuntime) {
  return { flowTriggers, metafieldSync: services(runtime.config).metafieldSync, tombstones };
}

/** One topic's handlers, one after the other in the event's transaction: one fails, none applies. */
function inTurn(...handlers: EventHandler[]): EventHandler {
  return async (ctx, event, runtime, prepared) => {
    for (const handle of handlers) await handle(ctx, event, runtime, prepared);
  };
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
      SegmentRunFactEntity,
      SegmentHistoryEntity,
      SegmentRunCountEntity,
      SegmentRedactedCustomerEntity,
      SegmentExportEntity,
      SegmentExportRowEntity,
      SegmentExportChunkEntity,
      SegmentMetafieldSyncEntity,
      SegmentMetafieldSyncSettingEntity,
      FlowTriggerSentEntity,
    ],
  },

  buildSchema(config) {
    return buildFederatedSchema({
      subgraph: 'segment',
      resolvers: [SegmentResolver, SegmentSettingsResolver, SegmentReadResolver, CustomerRfmResolver, CustomerRfmHistoryResolver, SegmentRunResolver, SegmentExportResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new SegmentResolver(definitions, members),
        new SegmentSettingsResolver(new SegmentSettingsService()),
        new SegmentReadResolver(members, new SegmentAnalyticsService()),
        new CustomerRfmResolver(rfm, definitions),
        new CustomerRfmHistoryResolver(rfm, definitions),
        new SegmentRunResolver(recomputes),
        new SegmentExportResolver(services(config).exports.requests),
      ]),
      references: { Customer: customerReference },
    });
  },

  routes: (runtime) => {
    const { signer, requests, cipher } = services(runtime.config).exports;
    return segmentExportRoutes(runtime, { signer, exports: requests, cipher });
  },
  routePrefixes: [SEGMENT_EXPORT_PREFIX],

  consumes: {
    ...segmentOrderConsumers(new SegmentOrderFactsService(tombstones), recomputes),
    ...segmentTierConsumer(customerFacts),
    ...segmentPointsConsumers(customerFacts),
    ...shopTimezoneConsumer(timezones),
    'customer.redacted': inTurn(customerRedactedConsumer(privacy), exportCustomerRedactedConsumer((runtime) => services(runtime.config).exports.batches)),
    ...gdprConsumers(() => segmentGdpr(privacy)),
    ...segmentsUpdatedConsumer(recomputes, movementServices),
    ...segmentMovementConsumers(movementServices),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [
    segmentRecomputeJob(runtime, recomputes),
    ...(runtime.config.segmentNightly ? [segmentNightlyJob(runtime, recomputes)] : []),
    segmentDailyCountsJob(runtime),
    segmentExportJob(runtime, services(runtime.config).exports.batches),
    segmentExportPruneJob(runtime, services(runtime.config).exports.batches),
    segmentMetafieldSyncJob(runtime, services(runtime.config).metafieldSync),
  ],
};

export default segmentSubgraph;
