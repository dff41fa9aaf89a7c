import { buildFederatedSchema, containerOf, gdprConsumers, type KitConfig, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import { FlowTriggerSentEntity } from '@loyalnest/kit';
import { ClickStore } from './clicks/click-store.js';
import { ShopDirectory } from './clicks/shop-directory.js';
import { customerCreatedConsumer } from './consumers/customer-created.consumer.js';
import { customerRedactedConsumer, referralGdpr } from './consumers/referral-gdpr.consumer.js';
import { referralFlowConsumers } from './consumers/referral-flow.consumer.js';
import { ReferralActivityEntity } from './entities/referral-activity.entity.js';
import { ReferralCodeEntity } from './entities/referral-code.entity.js';
import { ReferralEntity } from './entities/referral.entity.js';
import { ReferralOrderEntity } from './entities/referral-order.entity.js';
import { ReferralProgramEntity } from './entities/referral-program.entity.js';
import { CustomerRef } from './graphql/customer-referral.type.js';
import { clickFlushJob } from './jobs/click-flush.job.js';
import { ShopLinks } from './links/shop-links.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerReferralResolver } from './resolvers/customer-referral.resolver.js';
import { ReferralProgramResolver } from './resolvers/referral-program.resolver.js';
import { REFERRAL_CLICK_PREFIX, referralClickRoutes } from './routes/referral-click.routes.js';
import { ReferralClickService } from './services/referral-click.service.js';
import { ReferralCodeService } from './services/referral-code.service.js';
import { ReferralFlowTriggerService } from './services/referral-flow-trigger.service.js';
import { ReferralProgramService } from './services/referral-program.service.js';

const codes = new ReferralCodeService();
const flowTriggers = new ReferralFlowTriggerService();

function build(config: KitConfig) {
  const store = ClickStore.of(config);
  const program = new ReferralProgramService((merchantId) => store.forgetOffer(merchantId));
  return { store, program, links: new ShopLinks(config.shopify.appProxy.path), clicks: new ReferralClickService(codes, program) };
}

const built = new WeakMap<KitConfig, ReturnType<typeof build>>();

/** One set per configuration: its Redis connection is opened on first use and closed with the runtimes that use it. */
function services(config: KitConfig) {
  let found = built.get(config);
  if (!found) built.set(config, (found = build(config)));
  return found;
}

/** The click store of a runtime, closed when the runtime closes (it reopens on a later use). */
function storeOf(runtime: SubgraphRuntime): ClickStore {
  const { store } = services(runtime.config);
  runtime.onClose(() => store.close());
  return store;
}

/** The referral subgraph: each merchant's referral program, every customer's code and link, and the link clicks. */
const referralSubgraph: SubgraphModule = {
  name: 'referral',
  store: { name: 'referral', entities: [ReferralProgramEntity, ReferralCodeEntity, ReferralEntity, ReferralOrderEntity, ReferralActivityEntity, FlowTriggerSentEntity] },

  buildSchema(config) {
    const { program, links } = services(config);
    return buildFederatedSchema({
      subgraph: 'referral',
      resolvers: [ReferralProgramResolver, CustomerReferralResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([new ReferralProgramResolver(program), new CustomerReferralResolver(codes, links)]),
      references: { Customer: customerReference },
    });
  },

  routes: (runtime) => referralClickRoutes(runtime, { store: storeOf(runtime), shops: new ShopDirectory(runtime.peers), clicks: services(runtime.config).clicks }),
  routePrefixes: [REFERRAL_CLICK_PREFIX],

  consumes: {
    'customer.created': customerCreatedConsumer(codes),
    'customer.redacted': customerRedactedConsumer(codes, (runtime) => services(runtime.config).store),
    ...gdprConsumers(() => referralGdpr, { customerRequests: false }),
    ...referralFlowConsumers(() => ({ flowTriggers })),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [clickFlushJob(runtime, storeOf(runtime))],
};

export default referralSubgraph;
