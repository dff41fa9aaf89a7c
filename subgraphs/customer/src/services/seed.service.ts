import { ADMIN_SCOPES, DEMO_MERCHANT, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { CustomerEntity } from '../entities/customer.entity.js';
import type { CustomerService } from './customer.service.js';

const DEMO_CUSTOMERS = [
  { shopifyId: '7001', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', tags: ['vip'], acceptsMarketing: true },
  { shopifyId: '7002', email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', tags: [], acceptsMarketing: true },
  { shopifyId: '7003', email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing', tags: ['wholesale'], acceptsMarketing: false },
  { shopifyId: '7004', email: 'katherine@example.com', firstName: 'Katherine', lastName: 'Johnson', tags: [], acceptsMarketing: false },
  { shopifyId: '7005', email: 'edsger@example.com', firstName: 'Edsger', lastName: 'Dijkstra', tags: ['vip'], acceptsMarketing: true },
];

/** A few shoppers for the demo merchant, unless it already has customers. */
export async function seedCustomers(runtime: SubgraphRuntime, customers: CustomerService): Promise<void> {
  const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, DEMO_MERCHANT.id));
  if ((await ctx.em.count(CustomerEntity, {})) > 0) return;
  for (const customer of DEMO_CUSTOMERS) await customers.upsert(ctx, customer);
}
