import { CustomerNotFoundError, isUuid, type RequestContext } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import { PointsEntryEntity } from '../entities/points-entry.entity.js';
import { ActivityLimitReachedError, ActivityNotFoundError } from '../graphql/activity.error.js';
import type { RecordActivityInput } from '../graphql/activity.input.js';
import { ActivityLimit } from '../graphql/earning-rules.type.js';
import { ProgramDisabledError } from '../graphql/points.error.js';
import type { CustomerDirectory } from './customer-directory.js';
import { roundPoints, type ActivityRule } from './earning-rules.js';
import type { AccountFigures, LedgerService } from './ledger.service.js';
import type { PointsProgramService } from './points-program.service.js';
import type { PointsChangeView } from './points.service.js';
import { clientKey as namespacedKey } from './client-key.js';

export type ActivityResult = PointsChangeView | CustomerNotFoundError | ActivityNotFoundError | ActivityLimitReachedError | ProgramDisabledError;

/** The UTC date, `2026-12-01`. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The ISO 8601 week of a UTC date, `2026-W49`: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeek(at: Date): string {
  const thursday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Custom activities (`recordActivity`). The limit is the entry's idempotency key, so the ledger's
 * own key check enforces it under the account lock, concurrency included:
 * once `activity:<key>:<customer>`, daily `…:<UTC date>`, weekly `…:<ISO week>`; an unlimited
 * activity counts once per client idempotency key (or per call without one).
 *
 * The tier multiplier applies (rounded by the program's rule): an activity is a way of earning,
 * like an order, and a tier that earns more earns more for it. One-off gifts (signup, birthday)
 * are the amounts the merchant stated and are not multiplied.
 */
export class ActivityService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
    private readonly program: PointsProgramService,
  ) {}

  async record(ctx: RequestContext, input: RecordActivityInput, now = new Date()): Promise<ActivityResult> {
    const rules = await this.program.rules(ctx);
    if (!rules.enabled) return new ProgramDisabledError();
    const activity = rules.activities.find((a) => a.key === input.activityKey);
    if (!activity) return new ActivityNotFoundError(input.activityKey);
    if (!isUuid(input.customerId)) return new CustomerNotFoundError(input.customerId);
    const account = await this.account(ctx, input.customerId);
    if (!account) return new CustomerNotFoundError(input.customerId);

    const clientKey = input.idempotencyKey ? namespacedKey(ctx, input.idempotencyKey) : null;
    const period = activity.limit === 'daily' ? utcDate(now) : activity.limit === 'weekly' ? isoWeek(now) : null;
    const key = this.keyOf(activity, input.customerId, period, clientKey);
    const multiplier = Number(account.tierMultiplier);
    const result = await this.ledger.post(ctx, {
      customerId: input.customerId,
      kind: 'earn',
      source: 'activity',
      points: roundPoints(activity.points * multiplier, rules.rounding),
      idempotencyKey: key,
      reason: activity.name,
      metadata: { activity: activity.key, base: activity.points, multiplier, limit: activity.limit, period, clientKey },
    });
    if (result.outcome === 'no_account' || result.outcome === 'insufficient') return new CustomerNotFoundError(input.customerId);

    // The key is taken: by this same request before (a retry), or by an earlier recording that used up the limit.
    const entry = await ctx.em.findOneOrFail(PointsEntryEntity, { idempotencyKey: key }, { disableIdentityMap: true });
    if (result.outcome === 'posted') return { entry, account: result.account, duplicate: false };
    if (clientKey && entry.metadata.clientKey === clientKey) {
      return { entry, account: result.outcome === 'duplicate' ? result.account : await this.figures(ctx, input.customerId), duplicate: true };
    }
    return new ActivityLimitReachedError(activity.key, activity.limit as ActivityLimit, period);
  }

  private keyOf(activity: ActivityRule, customerId: string, period: string | null, clientKey: string | null): string {
    const base = `activity:${activity.key}:${customerId}`;
    if (activity.limit === 'once') return base;
    if (period) return `${base}:${period}`;
    return `${base}:${clientKey ?? `request:${randomUUID()}`}`;
  }

  private async figures(ctx: RequestContext, customerId: string): Promise<AccountFigures> {
    const account = await ctx.em.findOneOrFail(PointsAccountEntity, { customerId }, { disableIdentityMap: true });
    return { customerId, balance: account.balance, pending: account.pending, lifetimeEarned: account.lifetimeEarned };
  }

  /** The customer's account, opened if the customer subgraph confirms the customer; null for a stranger. */
  private async account(ctx: RequestContext, customerId: string) {
    const found = await ctx.em.findOne(PointsAccountEntity, { customerId }, { disableIdentityMap: true });
    if (found) return found;
    const customer = await this.customers.byId(ctx, customerId);
    if (!customer) return null;
    await this.ledger.openAccount(ctx, customer.customerId, customer.shopifyCustomerId);
    return ctx.em.findOneOrFail(PointsAccountEntity, { customerId }, { disableIdentityMap: true });
  }
}
