import { buildFederatedSchema, containerOf, FieldCipher, FlowTriggerSentEntity, gdprConsumers, type EventHandler, type KitConfig, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import { customerRedactedConsumer, segmentGdpr } from './consumers/segment-gdpr.consumer.js';
import { segmentOrderConsumers } from './consumers/segment-order.consumer.js';
import { segmentPointsConsumers } from './consumers/segment-points.consumer.js';
import { segmentTierConsumer } from './consumers/segment-tier.consumer.js';
import { shopTimezoneConsumer } from './consumers/shop-timezone.consumer.js';
import { exportCustomerRedactedConsumer } from './consumers/segment-export-redact.consumer.js';
import { ExportLinkSigner, SEGMENT_EXPORT_PREFIX } from './domain/segment-export-link.js';
import { SegmentExportChunkEntity } from './entities/segment-export-chunk.entity.js';
import { SegmentExportRowEntity } from './entities/segment-export-row.entity.js';
import { SegmentExportEntity } from './entities/segment-export.entity.js';
import { segmentExportPruneJob } from './jobs/segment-export-prune.job.js';
import { segmentExportJob } from './jobs/segment-export.job.js';
import { SegmentExportResolver } from './resolvers/segment-export.resolver.js';
import { segmentExportRoutes } from './routes/segment-export.routes.js';
import { SegmentExportBatchService } from './services/segment-export-batch.service.js';
import { SegmentExportService } from './services/segment-export.service.js';
import { segmentMovementConsumers, segmentSyncSettingsConsumer } from './consumers/segment-movement.consumer.js';
import { SegmentCustomerEntity } from './entities/segment-customer.entity.js';
import { SegmentDefinitionEntity } from './entities/segment-definition.entity.js';
import { SegmentHistoryEntity } from './entities/segment-history.entity.js';
import { SegmentMemberEntity } from './entities/segment-member.entity.js';
import { SegmentMetafieldSyncSettingEntity } from './entities/segment-metafield-sync-setting.entity.js';
import { SegmentMetafieldSyncEntity } from './entities/segment-metafield-sync.entity.js';
import { SegmentOrderEntity } from './entities/segment-order.entity.js';
import { SegmentRedactedCustomerEntity } from './entities/segment-redacted-customer.entity.js';
import { SegmentRunCountEntity } from './entities/segment-run-count.entity.js';
import { SegmentRunEntity } from './entities/segment-run.entity.js';
import { SegmentSettingsEntity } from './entities/segment-settings.entity.js';
import { CustomerRef } from './graphql/customer-ref.type.js';
import { segmentMetafieldSyncJob } from './jobs/segment-metafield-sync.job.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerRfmHistoryResolver, CustomerRfmResolver } from './resolvers/customer-rfm.resolver.js';
import { SegmentReadResolver } from './resolvers/segment-read.resolver.js';
import { SegmentSettingsResolver } from './resolvers/segment-settings.resolver.js';
import { SegmentResolver } from './resolvers/segment.resolver.js';
import { SegmentCustomerFactsService } from './services/segment-customer-facts.service.js';
import { CustomerRfmService } from './services/customer-rfm.service.js';
import { SegmentAnalyticsService } from './services/segment-analytics.service.js';
import { SegmentDefinitionService } from './services/segment-definition.service.js';
import { SegmentMemberService } from './services/segment-member.service.js';
import { SegmentSettingsService } from './services/segment-settings.service.js';
import { SegmentFlowTriggerService } from './services/segment-flow-trigger.service.js';
import { SegmentMetafieldSyncService } from './services/segment-metafield-sync.service.js';

import { SegmentOrderFactsService } from './services/segment-order-facts.service.js';
import { SegmentPrivacyService } from './services/segment-privacy.service.js';
import { SegmentTimezoneService } from './services/segment-timezone.service.js';
import { SegmentTombstoneService } from './services/segment-tombstone.service.js';

const definitions = new SegmentDefinitionService();
const members = new SegmentMemberService(definitions);
const rfm = new CustomerRfmService();
const flowTriggers = new SegmentFlowTriggerService();
const metafieldSyncs = new WeakMap<KitConfig, SegmentMetafieldSyncService>();

const tombstones = new SegmentTombstoneService();
const privacy = new SegmentPrivacyService(tombstones);
const timezones = new SegmentTimezoneService();
const customerFacts = new SegmentCustomerFactsService(tombstones);

/** Member exports' services, one set per configuration (its cipher, link key and lifetime). */
function buildExports(config: KitConfig) {
  const cipher = new FieldCipher(config.encryptionKeys);
  const signer = new ExportLinkSigner(config.internalTokenSecret);
  const { lifetimeMs } = config.segmentExports;
  return {
    cipher,
    signer,
    requests: new SegmentExportService(definitions, signer, { appUrl: config.shopify.appUrl, lifetimeMs }),
    batches: new SegmentExportBatchService(cipher, lifetimeMs),
  };
}
const builtExports = new WeakMap<KitConfig, ReturnType<typeof buildExports>>();
function exportsOf(config: KitConfig) {
  let found = builtExports.get(config);
  if (!found) builtExports.set(config, (found = buildExports(config)));
  return found;
}

/** One topic's handlers, one after the other in the event's transaction: one fails, none applies. */
function inTurn(...handlers: EventHandler[]): EventHandler {
  return async (ctx, event, runtime, prepared) => {
    for (const handle of handlers) await handle(ctx, event, runtime, prepared);
  };
}

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
      resolvers: [SegmentResolver, SegmentSettingsResolver, SegmentReadResolver, CustomerRfmResolver, CustomerRfmHistoryResolver, SegmentExportResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new SegmentResolver(definitions, members),
        new SegmentSettingsResolver(new SegmentSettingsService()),
        new SegmentReadResolver(members, new SegmentAnalyticsService()),
        new CustomerRfmResolver(rfm, definitions),
        new CustomerRfmHistoryResolver(rfm, definitions),
        new SegmentExportResolver(exportsOf(config).requests),
      ]),
      references: { Customer: customerReference },
    });
  },

  routes: (runtime) => segmentExportRoutes(runtime, { signer: exportsOf(runtime.config).signer, exports: exportsOf(runtime.config).requests, cipher: exportsOf(runtime.config).cipher }),
  routePrefixes: [SEGMENT_EXPORT_PREFIX],

  consumes: {
    ...segmentOrderConsumers(new SegmentOrderFactsService(tombstones)),
    ...segmentTierConsumer(customerFacts),
    ...segmentPointsConsumers(customerFacts),
    ...shopTimezoneConsumer(timezones),
    'customer.redacted': inTurn(customerRedactedConsumer(privacy), exportCustomerRedactedConsumer((runtime) => exportsOf(runtime.config).batches)),
    ...gdprConsumers(() => segmentGdpr(privacy)),
    ...segmentMovementConsumers(movementServices),
    ...segmentSyncSettingsConsumer(movementServices),
  },

  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [segmentExportJob(runtime, exportsOf(runtime.config).batches), segmentExportPruneJob(runtime, exportsOf(runtime.config).batches), segmentMetafieldSyncJob(runtime, movementServices(runtime).metafieldSync)],
};

export default segmentSubgraph;
