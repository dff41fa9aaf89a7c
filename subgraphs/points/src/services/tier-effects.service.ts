import { isUuid, type RequestContext } from '@loyalnest/kit';
import type { TierEntryBonus } from '@loyalnest/tier/topics';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import type { CustomerDirectory } from './customer-directory.js';
import type { LedgerService } from './ledger.service.js';
import type { PointsProgramService } from './points-program.service.js';

/** What a change of the tier domain asks of the points domain (`tier.changed`, `tier.multiplier_changed`). */
export interface TierChange {
  customerId: string;
  /** The tier the customer holds now; null when none. */
  tierId: string | null;
  multiplier: number;
  /** The tier domain's version of the change: the account keeps the highest it has seen. */
  version: number;
  entryBonuses: TierEntryBonus[];
}

/**
 * The points domain's side of a tier change, in the event consumer's transaction.
 *
 * The account takes the change's multiplier (and tier) only when the change is newer than the
 * one it holds: one conditional statement, so of two changes of one customer consumed in either
 * order, or at the same time, the newer wins. Every later earn by order or activity multiplies by
 * it (`OrderPointsService.earn`, `ActivityService.record`).
 *
 * Entry bonuses are posted whatever the version (an older change still paid its bonuses), each
 * under the tier domain's idempotency key, so a redelivery, a repeat by a later change or a
 * recompute pays nothing twice. They are one-off gifts, like the signup bonus: not multiplied, and
 * not paid while the merchant's program is switched off.
 *
 * A customer without an account yet (this domain has not consumed its `customer.created`) gets
 * one opened here when the customer subgraph confirms the customer, as a birthday or an activity
 * opens it: the change and its bonuses apply now, and nothing waits on the order of the queues.
 * A customer the merchant does not have (another merchant's, or never created) changes nothing.
 */
export class TierEffectsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
    private readonly program: PointsProgramService,
  ) {}

  async apply(ctx: RequestContext, change: TierChange): Promise<void> {
    checkChange(change);
    if (!(await this.hasAccount(ctx, change.customerId))) return;
    await ctx.em.execute(
      `update points_account set tier_multiplier = ?, tier_id = ?, tier_version = ?, updated_at = now()
       where merchant_id = ? and customer_id = ? and tier_version < ?`,
      [change.multiplier.toFixed(2), change.tierId, change.version, ctx.merchantId, change.customerId, change.version],
    );
    if (change.entryBonuses.length === 0 || !(await this.program.rules(ctx)).enabled) return;
    for (const bonus of change.entryBonuses) {
      const result = await this.ledger.post(ctx, {
        customerId: change.customerId,
        kind: 'earn',
        source: 'tier',
        points: bonus.points,
        idempotencyKey: bonus.idempotencyKey,
        reason: 'Tier entry bonus',
        metadata: { tierId: bonus.tierId, tierVersion: change.version },
      });
      // Paid already under this key, with another amount (the merchant changed the bonus since): once is once.
      if (result.outcome === 'key_reused') ctx.log.warn({ key: bonus.idempotencyKey, points: bonus.points }, 'tier entry bonus already posted under its key with another amount; not posted again');
    }
  }

  /** Whether the customer has an account, opening one for a customer the customer subgraph confirms. */
  private async hasAccount(ctx: RequestContext, customerId: string): Promise<boolean> {
    const account = await ctx.em.findOne(PointsAccountEntity, { customerId }, { fields: ['id'], disableIdentityMap: true });
    if (account) return true;
    const known = await this.customers.byId(ctx, customerId);
    if (!known) return false;
    await this.ledger.openAccount(ctx, known.customerId, known.shopifyCustomerId);
    return true;
  }
}

/**
 * The tier domain's payloads are typed where they are emitted; a malformed one is its defect, so
 * the event is refused whole (dead-lettered with the reason) rather than applied in part.
 */
function checkChange(change: TierChange): void {
  const refuse = (what: string) => {
    throw new Error(`tier change for customer ${change.customerId}: ${what}`);
  };
  if (!isUuid(change.customerId)) refuse('the customer id is not a UUID');
  // numeric(6,2): up to 9999.99; the tier program allows 1 to 10.
  if (!Number.isFinite(change.multiplier) || change.multiplier <= 0 || change.multiplier >= 10_000) refuse(`multiplier ${change.multiplier} is not a positive number below 10000`);
  if (!Number.isInteger(change.version) || change.version < 1 || change.version > 2_147_483_647) refuse(`version ${change.version} is not a positive 32-bit integer`);
  for (const bonus of change.entryBonuses) {
    if (!Number.isSafeInteger(bonus.points) || bonus.points <= 0) refuse(`entry bonus of tier ${bonus.tierId} has ${bonus.points} points`);
    if (typeof bonus.idempotencyKey !== 'string' || bonus.idempotencyKey === '' || bonus.idempotencyKey.length > 400) refuse(`entry bonus of tier ${bonus.tierId} has no usable idempotency key`);
  }
}
