import { buildFederatedSchema, containerOf, FieldCipher, fingerprinterOf, gdprConsumers, type Fingerprinter, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import { customerGdpr } from './consumers/gdpr.consumer.js';
import { shopifyWebhookConsumers } from './consumers/shopify-webhook.consumer.js';
import { CustomerEntity } from './entities/customer.entity.js';
import { CustomerOrderEntity, OrderRefundEntity } from './entities/customer-order.entity.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerResolver } from './resolvers/customer.resolver.js';
import { MemberRevenueResolver } from './resolvers/member-revenue.resolver.js';
import { MerchantRefResolver, merchantRefReference } from './resolvers/merchant-ref.resolver.js';
import { CustomerService } from './services/customer.service.js';
import { MemberRevenueService } from './services/member-revenue.service.js';
import { OrderService } from './services/order.service.js';
import { seedCustomers } from './services/seed.service.js';

const built = new WeakMap<KitConfig, { orders: OrderService; customers: CustomerService; fingerprinter: Fingerprinter }>();

/** One set of services per configuration: event handlers ask for them on every event. */
function services(config: KitConfig) {
  let found = built.get(config);
  if (!found) {
    const orders = new OrderService();
    found = {
      orders,
      customers: new CustomerService(new FieldCipher(config.encryptionKeys), config.blindIndexKey, orders),
      fingerprinter: fingerprinterOf(config.blindIndexKey),
    };
    built.set(config, found);
  }
  return found;
}

/** The customer subgraph: each merchant's shoppers, PII encrypted at rest. */
const customerSubgraph: SubgraphModule = {
  name: 'customer',
  store: { name: 'customer', entities: [CustomerEntity, CustomerOrderEntity, OrderRefundEntity] },

  buildSchema(config) {
    const { customers } = services(config);
    return buildFederatedSchema({
      subgraph: 'customer',
      resolvers: [CustomerResolver, MerchantRefResolver, MemberRevenueResolver],
      orphanedTypes: [],
      container: containerOf([new CustomerResolver(customers), new MerchantRefResolver(customers), new MemberRevenueResolver(new MemberRevenueService())]),
      references: { Customer: customerReference(customers), Merchant: merchantRefReference },
    });
  },

  consumes: {
    ...shopifyWebhookConsumers((runtime) => services(runtime.config)),
    ...gdprConsumers((runtime) => customerGdpr(services(runtime.config))),
  },

  seed(runtime) {
    return seedCustomers(runtime, services(runtime.config).customers);
  },
};

export default customerSubgraph;

/** The demo shop's shoppers, for development tools that act as them (the local storefront). */
export { DEMO_CUSTOMERS } from './services/seed.service.js';
