import { ADMIN_SCOPES, DEMO_MERCHANT, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { CustomerEntity } from '../entities/customer.entity.js';
import type { CustomerService } from './customer.service.js';

/** The demo merchant's shoppers, as its seed creates them (the local storefront offers them at sign-in). */
export const DEMO_CUSTOMERS = [
  { shopifyId: '7001', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', tags: ['vip'], acceptsMarketing: true },
  { shopifyId: '7002', email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', tags: [], acceptsMarketing: true },
  { shopifyId: '7003', email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing', tags: ['wholesale'], acceptsMarketing: false },
  { shopifyId: '7004', email: 'katherine@example.com', firstName: 'Katherine', lastName: 'Johnson', tags: [], acceptsMarketing: false },
  { shopifyId: '7005', email: 'edsger@example.com', firstName: 'Edsger', lastName: 'Dijkstra', tags: ['vip'], acceptsMarketing: true },
  // Shoppers whose order history (the merchant seed's) puts members in every default RFM segment.
  { shopifyId: '7101', email: 'barbara.liskov@example.com', firstName: 'Barbara', lastName: 'Liskov', tags: [], acceptsMarketing: true },
  { shopifyId: '7102', email: 'donald.knuth@example.com', firstName: 'Donald', lastName: 'Knuth', tags: [], acceptsMarketing: true },
  { shopifyId: '7103', email: 'margaret.hamilton@example.com', firstName: 'Margaret', lastName: 'Hamilton', tags: [], acceptsMarketing: false },
  { shopifyId: '7104', email: 'john.mccarthy@example.com', firstName: 'John', lastName: 'McCarthy', tags: [], acceptsMarketing: true },
  { shopifyId: '7105', email: 'frances.allen@example.com', firstName: 'Frances', lastName: 'Allen', tags: [], acceptsMarketing: true },
  { shopifyId: '7106', email: 'tim.berners-lee@example.com', firstName: 'Tim', lastName: 'Berners-Lee', tags: [], acceptsMarketing: false },
  { shopifyId: '7107', email: 'radia.perlman@example.com', firstName: 'Radia', lastName: 'Perlman', tags: [], acceptsMarketing: true },
  { shopifyId: '7108', email: 'ken.thompson@example.com', firstName: 'Ken', lastName: 'Thompson', tags: [], acceptsMarketing: true },
  { shopifyId: '7109', email: 'dennis.ritchie@example.com', firstName: 'Dennis', lastName: 'Ritchie', tags: [], acceptsMarketing: false },
  { shopifyId: '7110', email: 'shafi.goldwasser@example.com', firstName: 'Shafi', lastName: 'Goldwasser', tags: [], acceptsMarketing: true },
  { shopifyId: '7111', email: 'leslie.lamport@example.com', firstName: 'Leslie', lastName: 'Lamport', tags: [], acceptsMarketing: true },
  { shopifyId: '7112', email: 'adele.goldberg@example.com', firstName: 'Adele', lastName: 'Goldberg', tags: [], acceptsMarketing: false },
  { shopifyId: '7113', email: 'niklaus.wirth@example.com', firstName: 'Niklaus', lastName: 'Wirth', tags: [], acceptsMarketing: true },
  { shopifyId: '7114', email: 'jean.sammet@example.com', firstName: 'Jean', lastName: 'Sammet', tags: [], acceptsMarketing: true },
  { shopifyId: '7115', email: 'tony.hoare@example.com', firstName: 'Tony', lastName: 'Hoare', tags: [], acceptsMarketing: false },
  { shopifyId: '7116', email: 'karen.sparck-jones@example.com', firstName: 'Karen', lastName: 'Spärck Jones', tags: [], acceptsMarketing: true },
  { shopifyId: '7117', email: 'vint.cerf@example.com', firstName: 'Vint', lastName: 'Cerf', tags: [], acceptsMarketing: true },
  { shopifyId: '7118', email: 'hedy.lamarr@example.com', firstName: 'Hedy', lastName: 'Lamarr', tags: [], acceptsMarketing: false },
  { shopifyId: '7119', email: 'claude.shannon@example.com', firstName: 'Claude', lastName: 'Shannon', tags: [], acceptsMarketing: true },
  { shopifyId: '7120', email: 'sophie.wilson@example.com', firstName: 'Sophie', lastName: 'Wilson', tags: [], acceptsMarketing: true },
  { shopifyId: '7121', email: 'bjarne.stroustrup@example.com', firstName: 'Bjarne', lastName: 'Stroustrup', tags: [], acceptsMarketing: false },
  { shopifyId: '7122', email: 'guido.van-rossum@example.com', firstName: 'Guido', lastName: 'van Rossum', tags: [], acceptsMarketing: true },
  { shopifyId: '7123', email: 'evelyn.berezin@example.com', firstName: 'Evelyn', lastName: 'Berezin', tags: [], acceptsMarketing: true },
  { shopifyId: '7124', email: 'kathleen.booth@example.com', firstName: 'Kathleen', lastName: 'Booth', tags: [], acceptsMarketing: false },
  { shopifyId: '7125', email: 'alonzo.church@example.com', firstName: 'Alonzo', lastName: 'Church', tags: [], acceptsMarketing: true },
  { shopifyId: '7126', email: 'annie.easley@example.com', firstName: 'Annie', lastName: 'Easley', tags: [], acceptsMarketing: true },
  { shopifyId: '7127', email: 'seymour.cray@example.com', firstName: 'Seymour', lastName: 'Cray', tags: [], acceptsMarketing: false },
  { shopifyId: '7128', email: 'dorothy.vaughan@example.com', firstName: 'Dorothy', lastName: 'Vaughan', tags: [], acceptsMarketing: true },
  { shopifyId: '7129', email: 'mary.jackson@example.com', firstName: 'Mary', lastName: 'Jackson', tags: [], acceptsMarketing: true },
  { shopifyId: '7130', email: 'joan.clarke@example.com', firstName: 'Joan', lastName: 'Clarke', tags: [], acceptsMarketing: false },
  { shopifyId: '7131', email: 'john.backus@example.com', firstName: 'John', lastName: 'Backus', tags: [], acceptsMarketing: true },
];

/** A few shoppers for the demo merchant, unless it already has customers. */
export async function seedCustomers(runtime: SubgraphRuntime, customers: CustomerService): Promise<void> {
  const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, DEMO_MERCHANT.id));
  if ((await ctx.em.count(CustomerEntity, {})) > 0) return;
  for (const customer of DEMO_CUSTOMERS) await customers.upsert(ctx, customer);
}
