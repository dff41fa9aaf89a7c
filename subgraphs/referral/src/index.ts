import { buildFederatedSchema, containerOf, FieldCipher, fingerprinterOf, FlowTriggerSentEntity, gdprConsumers, ShopifyDiscounts, type KitConfig, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import { Router } from 'express';
import { ClickStore } from './clicks/click-store.js';
import { ShopDirectory } from './clicks/shop-directory.js';
import { customerCreatedConsumer } from './consumers/customer-created.consumer.js';
import { customerRedactedConsumer, referralGdpr } from './consumers/referral-gdpr.consumer.js';
import { referralFlowConsumers } from './consumers/referral-flow.consumer.js';
import { referralOrderConsumers } from './consumers/referral-order.consumer.js';
import { CustomerEmails } from './customers/customer-emails.js';
import { ReferralActivityEntity } from './entities/referral-activity.entity.js';
import { ReferralCodeEntity } from './entities/referral-code.entity.js';
import { ReferralEntity } from './entities/referral.entity.js';
import { ReferralOrderEntity } from './entities/referral-order.entity.js';
import { ReferralProgramEntity } from './entities/referral-program.entity.js';
import { CustomerRef } from './graphql/customer-referral.type.js';
import { clickFlushJob } from './jobs/click-flush.job.js';
import { referralHoldJob } from './jobs/referral-hold.job.js';
import { ShopLinks } from './links/shop-links.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerReferralCountsResolver, CustomerReferralResolver } from './resolvers/customer-referral.resolver.js';
import { ReferralAdminResolver } from './resolvers/referral-admin.resolver.js';
import { ReferralClaimResolver } from './resolvers/referral-claim.resolver.js';
import { ReferralOfferResolver } from './resolvers/referral-offer.resolver.js';
import { ReferralProgramResolver } from './resolvers/referral-program.resolver.js';
import { ReferralReviewResolver } from './resolvers/referral-review.resolver.js';
import { referralClaimRoutes } from './routes/referral-claim.routes.js';
import { REFERRAL_CLICK_PREFIX, referralClickRoutes } from './routes/referral-click.routes.js';
import { ReferralClaimService } from './services/referral-claim.service.js';
import { ReferralClickService } from './services/referral-click.service.js';
import { ReferralCodeService } from './services/referral-code.service.js';
import { ReferralCompletionService } from './services/referral-completion.service.js';
import { ReferralConversionService } from './services/referral-conversion.service.js';
import { ReferralFlowTriggerService } from './services/referral-flow-trigger.service.js';
import { ReferralOrderFactsService } from './services/referral-order-facts.service.js';
import { ReferralPrivacyService } from './services/referral-privacy.service.js';
import { ReferralProgramService } from './services/referral-program.service.js';
import { ReferralQueryService } from './services/referral-query.service.js';
import { ReferralReviewService } from './services/referral-review.service.js';
import { ReferralStatsService } from './services/referral-stats.service.js';
import { DemoReferrals, seedReferralProgram } from './services/seed.service.js';

const codes = new ReferralCodeService();
const queries = new ReferralQueryService();
const flowTriggers = new ReferralFlowTriggerService();

function build(config: KitConfig) {
  const store = ClickStore.of(config);
  const program = new ReferralProgramService((merchantId) => store.forgetOffer(merchantId));
  const fingerprints = fingerprinterOf(config.blindIndexKey);
  const emails = new CustomerEmails(fingerprints);
  const cipher = new FieldCipher(config.encryptionKeys);
  const claims = new ReferralClaimService(program, codes, emails, new ShopifyDiscounts(), cipher, fingerprints);
  const completion = new ReferralCompletionService(program);
  const conversion = new ReferralConversionService(program, emails, completion);
  return {
    store,
    program,
    claims,
    links: new ShopLinks(config.shopify.appProxy.path),
    clicks: new ReferralClickService(codes, program),
    completion,
    orders: { facts: new ReferralOrderFactsService(), conversion },
    review: new ReferralReviewService(program, completion),
    privacy: new ReferralPrivacyService(codes, fingerprints, () => cipher),
    demo: new DemoReferrals(fingerprints, () => cipher),
  };
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
    const { program, links, claims, review } = services(config);
    return buildFederatedSchema({
      subgraph: 'referral',
      resolvers: [ReferralProgramResolver, ReferralOfferResolver, CustomerReferralResolver, CustomerReferralCountsResolver, ReferralAdminResolver, ReferralClaimResolver, ReferralReviewResolver],
      // Customer is reachable only as an entity other subgraphs resolve through this one.
      orphanedTypes: [CustomerRef],
      container: containerOf([
        new ReferralProgramResolver(program),
        new ReferralOfferResolver(program),
        new CustomerReferralResolver(codes, links),
        new CustomerReferralCountsResolver(queries),
        new ReferralAdminResolver(queries, new ReferralStatsService()),
        new ReferralClaimResolver(claims),
        new ReferralReviewResolver(review),
      ]),
      references: { Customer: customerReference },
    });
  },

  routes: (runtime) => {
    const shops = new ShopDirectory(runtime.peers);
    return Router().use(
      referralClickRoutes(runtime, { store: storeOf(runtime), shops, clicks: services(runtime.config).clicks }),
      referralClaimRoutes(runtime, { shops, claims: services(runtime.config).claims }),
    );
  },
  routePrefixes: [REFERRAL_CLICK_PREFIX],

  consumes: {
    'customer.created': customerCreatedConsumer(codes, (runtime) => services(runtime.config).demo),
    'customer.redacted': customerRedactedConsumer((runtime) => services(runtime.config).privacy, (runtime) => services(runtime.config).store),
    ...referralOrderConsumers((runtime) => services(runtime.config).orders),
    ...gdprConsumers((runtime) => referralGdpr(services(runtime.config).privacy, services(runtime.config).store)),
    ...referralFlowConsumers(() => ({ flowTriggers })),
  },
  dedupeTables: { flow_trigger_sent: 'loyalnest_flow_trigger_prune' },

  jobs: (runtime) => [clickFlushJob(runtime, storeOf(runtime)), referralHoldJob(runtime, services(runtime.config).completion)],

  // Saving the program drops the click path's cached offer: through the runtime's store, closed with it.
  seed: (runtime) => seedReferralProgram(runtime, new ReferralProgramService((merchantId) => storeOf(runtime).forgetOffer(merchantId))),
};

export default referralSubgraph;
