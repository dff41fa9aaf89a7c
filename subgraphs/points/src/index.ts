import { buildFederatedSchema, containerOf, FieldCipher, flowActionPaths, flowActionRoutes, FlowTriggerSentEntity, gdprConsumers, ShopifyDiscounts, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import { flowTriggerConsumers } from './consumers/flow-trigger.consumer.js';
import { pointsGdpr } from './consumers/gdpr.consumer.js';
import { shopifyWebhookConsumers } from './consumers/shopify-webhook.consumer.js';
import { customerCreatedConsumer } from './consumers/customer-created.consumer.js';
import { redemptionCompensationConsumer } from './consumers/redemption-compensation.consumer.js';
import { referralCompletedConsumer } from './consumers/referral-completed.consumer.js';
import { tierChangeConsumers } from './consumers/tier-changed.consumer.js';
import { PointsAccountEntity } from './entities/points-account.entity.js';
import { PointsEntryEntity } from './entities/points-entry.entity.js';
import { PointsExpiryWarningEntity } from './entities/points-expiry-warning.entity.js';
import { PointsOrderCancellationEntity } from './entities/points-order-cancellation.entity.js';
import { PointsOrderRefundEntity } from './entities/points-order-refund.entity.js';
import { PointsParkedOrderEntity } from './entities/points-parked-order.entity.js';
import { PointsProgramEntity } from './entities/points-program.entity.js';
import { RedemptionEntity } from './entities/redemption.entity.js';
import { RewardEntity } from './entities/reward.entity.js';
import { redemptionExpiry } from './jobs/redemption-expiry.job.js';
import { redemptionRecovery } from './jobs/redemption-recovery.job.js';
import { CustomerRef } from './graphql/points-account.type.js';
import { birthdayBonusJob } from './jobs/birthday-bonus.job.js';
import { pendingReleaseJob } from './jobs/pending-release.job.js';
import { pointsExpiryJob } from './jobs/points-expiry.job.js';
import { ActivityResolver } from './resolvers/activity.resolver.js';
import { BirthdayResolver } from './resolvers/birthday.resolver.js';
import { CustomerPointsResolver, customerReference, merchantReference, PointsAccountResolver } from './resolvers/customer-points.resolver.js';
import { EarningRulesResolver } from './resolvers/earning-rules.resolver.js';
import { PointsResolver } from './resolvers/points.resolver.js';
import { CustomerRedemptionsResolver, RedemptionResolver } from './resolvers/redemption.resolver.js';
import { RewardResolver } from './resolvers/reward.resolver.js';
import { ActivityService } from './services/activity.service.js';
import { BirthdayService } from './services/birthday.service.js';
import { CustomerDirectory } from './services/customer-directory.js';
import { FLOW_ACTION_HANDLES, FlowActionService } from './services/flow-action.service.js';
import { FlowTriggerService } from './services/flow-trigger.service.js';
import { LedgerReportService } from './services/ledger-report.service.js';
import { LedgerService } from './services/ledger.service.js';
import { OrderPointsService } from './services/order-points.service.js';
import { PendingReleaseService } from './services/pending-release.service.js';
import { PointsExpiryService } from './services/points-expiry.service.js';
import { PointsProgramService } from './services/points-program.service.js';
import { PointsService } from './services/points.service.js';
import { ReferralRewardService } from './services/referral-reward.service.js';
import { seedPoints } from './services/seed.service.js';
import { RewardReach } from './services/reward-reach.js';
import { RedemptionSettlement } from './services/redemption-settlement.service.js';
import { RedemptionService } from './services/redemption.service.js';
import { RewardCatalogService } from './services/reward-catalog.service.js';
import { TierEffectsService } from './services/tier-effects.service.js';

function build(config: KitConfig) {
  const ledger = new LedgerService();
  const customers = new CustomerDirectory();
  const program = new PointsProgramService();
  const cipher = new FieldCipher(config.encryptionKeys);
  const settlement = new RedemptionSettlement(ledger, new ShopifyDiscounts(), cipher, config.redemptions.faultKill);
  return {
    catalog: new RewardCatalogService(),
    settlement,
    redemptions: new RedemptionService(ledger, customers, program, settlement, cipher, config.blindIndexKey, config.redemptions.faultKill),
    ledger,
    customers,
    program,
    points: new PointsService(ledger, customers),
    reports: new LedgerReportService(program),
    orders: new OrderPointsService(ledger, customers, program),
    triggers: new FlowTriggerService(),
    reach: new RewardReach(),
    activities: new ActivityService(ledger, customers, program),
    birthdays: new BirthdayService(ledger, customers, program),
    releases: new PendingReleaseService(),
    expiry: new PointsExpiryService(ledger),
    tiers: new TierEffectsService(ledger, customers, program),
    referrals: new ReferralRewardService(ledger, customers),
  };
}

const built = new WeakMap<KitConfig, ReturnType<typeof build>>();

/** One set of services per configuration: event handlers ask for them on every event. */
function services(config: KitConfig) {
  let found = built.get(config);
  if (!found) built.set(config, (found = build(config)));
  return found;
}

/** The points subgraph: each customer's ledger, the earning rules, rewards and redemptions. */
const pointsSubgraph: SubgraphModule = {
  name: 'points',
  store: {
    name: 'points',
    entities: [PointsProgramEntity, PointsAccountEntity, PointsEntryEntity, PointsOrderRefundEntity, PointsOrderCancellationEntity, PointsParkedOrderEntity, PointsExpiryWarningEntity, RewardEntity, RedemptionEntity, FlowTriggerSentEntity],
  },

  buildSchema(config) {
    const { points, reports, program, catalog, redemptions, settlement, activities, birthdays } = services(config);
    return buildFederatedSchema({
      subgraph: 'points',
      resolvers: [
        CustomerPointsResolver,
        PointsAccountResolver,
        PointsResolver,
        EarningRulesResolver,
        RewardResolver,
        RedemptionResolver,
        CustomerRedemptionsResolver,
        ActivityResolver,
        BirthdayResolver,
      ],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new CustomerPointsResolver(points),
        new PointsAccountResolver(points),
        new PointsResolver(points, reports),
        new EarningRulesResolver(program),
        new RewardResolver(catalog),
        new RedemptionResolver(redemptions, settlement, catalog),
        new CustomerRedemptionsResolver(redemptions),
        new ActivityResolver(activities),
        new BirthdayResolver(birthdays),
      ]),
      references: { Customer: customerReference, Merchant: merchantReference },
    });
  },

  routes(runtime) {
    const { points, customers } = services(runtime.config);
    return flowActionRoutes(runtime, new FlowActionService(points, customers).actions());
  },

  routePrefixes: flowActionPaths(FLOW_ACTION_HANDLES),
  consumes: {
    ...shopifyWebhookConsumers((runtime) => services(runtime.config)),
    ...flowTriggerConsumers((runtime) => services(runtime.config)),
    'customer.created': customerCreatedConsumer((runtime) => services(runtime.config)),
    'redemption.failed': redemptionCompensationConsumer((runtime) => services(runtime.config)),
    'redemption.compensation_requested': redemptionCompensationConsumer((runtime) => services(runtime.config)),
    ...tierChangeConsumers((runtime) => services(runtime.config)),
    ...referralCompletedConsumer((runtime) => services(runtime.config)),
    ...gdprConsumers((runtime) => pointsGdpr(services(runtime.config).customers)),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },
  seed(runtime) {
    const { program, catalog } = services(runtime.config);
    return seedPoints(runtime, program, catalog);
  },

  jobs(runtime) {
    const { releases, expiry, program, birthdays, settlement } = services(runtime.config);
    return [
      pendingReleaseJob(runtime, releases),
      pointsExpiryJob(runtime, expiry, program),
      birthdayBonusJob(runtime, birthdays),
      redemptionRecovery(runtime, () => settlement),
      redemptionExpiry(runtime, () => settlement),
    ];
  },
};

export default pointsSubgraph;
