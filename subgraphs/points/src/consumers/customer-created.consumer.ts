import type { EventHandler, SubgraphRuntime } from '@loyalnest/kit';
import type { LedgerService } from '../services/ledger.service.js';
import type { OrderPointsService } from '../services/order-points.service.js';
import type { PointsProgramService } from '../services/points-program.service.js';

/**
 * `customer.created {customerId, shopifyId}`: opens the customer's account (the event comes from
 * the customer store, so the customer exists), earns the orders that named the customer before it
 * existed, and gives the signup bonus once per customer (`signup:<customer id>`).
 */
export function customerCreatedConsumer(services: (runtime: SubgraphRuntime) => { ledger: LedgerService; orders: OrderPointsService; program: PointsProgramService }): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId, shopifyId } = event.payload as { customerId?: unknown; shopifyId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.created without a customerId');
    const { ledger, orders, program } = services(runtime);
    await orders.customerCreated(ctx, customerId, typeof shopifyId === 'string' ? shopifyId : null);
    const rules = await program.rules(ctx);
    if (!rules.enabled || rules.signupBonus <= 0) return;
    await ledger.post(ctx, { customerId, kind: 'earn', source: 'signup', points: rules.signupBonus, idempotencyKey: `signup:${customerId}`, reason: 'Signup bonus' });
  };
}
