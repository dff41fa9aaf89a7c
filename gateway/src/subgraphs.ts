import audit from '@loyalnest/audit';
import customer from '@loyalnest/customer';
import type { SubgraphModule } from '@loyalnest/kit';
import merchant from '@loyalnest/merchant';
import points from '@loyalnest/points';
import referral from '@loyalnest/referral';
import segment from '@loyalnest/segment';
import tier from '@loyalnest/tier';

/**
 * Every subgraph the gateway serves, migrates and seeds. The order follows supergraph.yaml; keep
 * them in step when adding a subgraph (seeding runs in this order, so a domain seeds after those
 * it refers to).
 */
export const subgraphModules: SubgraphModule[] = [merchant, customer, points, referral, segment, tier, audit];
