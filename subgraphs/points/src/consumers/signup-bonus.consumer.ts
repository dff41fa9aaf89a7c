import type { EventHandler, SubgraphRuntime } from '@loyalnest/kit';
import type { LedgerService } from '../services/ledger.service.js';
import type { PointsProgramService } from '../services/points-program.service.js';

/**
 * `customer.created {customerId}`: the signup bonus, once per customer (`signup:<customer id>`).
 * The event comes from the customer store, so the customer exists and the account can be opened
 * without asking.
 */
export function signupBonusConsumer(services: (runtime: SubgraphRuntime) => { ledger: LedgerService; program: PointsProgramService }): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.created without a customerId');
    const { ledger, program } = services(runtime);
    const rules = await program.rules(ctx);
    if (!rules.enabled || rules.signupBonus <= 0) return;
    await ledger.openAccount(ctx, customerId);
    await ledger.post(ctx, { customerId, kind: 'earn', source: 'signup', points: rules.signupBonus, idempotencyKey: `signup:${customerId}`, reason: 'Signup bonus' });
  };
}
