import type { EventHandler, SubgraphRuntime } from '@loyalnest/kit';
import type { CustomerDirectory } from '../services/customer-directory.js';
import type { LedgerService } from '../services/ledger.service.js';
import type { OrderPointsService } from '../services/order-points.service.js';
import type { PointsProgramService } from '../services/points-program.service.js';

/**
 * `customer.created {customerId}`: opens the customer's account, earns the orders that named the
 * customer before it existed, and gives the signup bonus once per customer (`signup:<customer id>`).
 * The Shopify id that links those orders is asked of the customer subgraph, never carried in the
 * event: events end in the append-only audit trail, which a GDPR redaction cannot reach.
 */
export function customerCreatedConsumer(services: (runtime: SubgraphRuntime) => { ledger: LedgerService; orders: OrderPointsService; program: PointsProgramService; customers: CustomerDirectory }): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.created without a customerId');
    const { ledger, orders, program, customers } = services(runtime);
    // Redacted since: there is no one left to give points to.
    const known = await customers.byId(ctx, customerId);
    if (!known) return;
    await orders.customerCreated(ctx, customerId, known.shopifyCustomerId);
    const rules = await program.rules(ctx);
    if (!rules.enabled || rules.signupBonus <= 0) return;
    await ledger.post(ctx, { customerId, kind: 'earn', source: 'signup', points: rules.signupBonus, idempotencyKey: `signup:${customerId}`, reason: 'Signup bonus' });
  };
}
