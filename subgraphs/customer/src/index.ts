import { buildFederatedSchema, containerOf, FieldCipher, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import { CustomerEntity } from './entities/customer.entity.js';
import { CustomerOrderEntity, OrderRefundEntity } from './entities/customer-order.entity.js';
import { customerReference } from './resolvers/customer.reference.js';
import { CustomerResolver } from './resolvers/customer.resolver.js';
import { MerchantRefResolver, merchantRefReference } from './resolvers/merchant-ref.resolver.js';
import { CustomerService } from './services/customer.service.js';
import { OrderService } from './services/order.service.js';
import { seedCustomers } from './services/seed.service.js';

function services(config: KitConfig) {
  const orders = new OrderService();
  return { orders, customers: new CustomerService(new FieldCipher(config.encryptionKeys), config.blindIndexKey, orders) };
}

/** The customer subgraph: each merchant's shoppers, PII encrypted at rest. */
const customerSubgraph: SubgraphModule = {
  name: 'customer',
  store: { name: 'customer', entities: [CustomerEntity, CustomerOrderEntity, OrderRefundEntity] },

  buildSchema(config) {
    const { customers } = services(config);
    return buildFederatedSchema({
      subgraph: 'customer',
      resolvers: [CustomerResolver, MerchantRefResolver],
      orphanedTypes: [],
      container: containerOf([new CustomerResolver(customers), new MerchantRefResolver(customers)]),
      references: { Customer: customerReference(customers), Merchant: merchantRefReference },
    });
  },

  seed(runtime) {
    return seedCustomers(runtime, services(runtime.config).customers);
  },
};

export default customerSubgraph;
