import { CustomerNotFoundError, decodeCursor, forbidden, inKeyOrder, isUuid, pageSize, Scope, toPage, type PageInfo, type RequestContext } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import { PointsEntryEntity, type EntrySource, type PointsEntry } from '../entities/points-entry.entity.js';
import { IdempotencyKeyReusedError, InsufficientPointsError } from '../graphql/points.error.js';
import type { AwardPointsInput, DeductPointsInput } from '../graphql/points.input.js';
import { clientKey } from './client-key.js';
import type { CustomerDirectory } from './customer-directory.js';
import type { AccountFigures, EntryRequest, LedgerService } from './ledger.service.js';

export interface PointsChangeView {
  entry: PointsEntry;
  account: AccountFigures;
  duplicate: boolean;
}

export type ChangeResult = PointsChangeView | CustomerNotFoundError | InsufficientPointsError | IdempotencyKeyReusedError;

/** Who the API's caller is, as a ledger source: manual changes say who made them. */
const SOURCE_OF_ACTOR: Record<string, EntrySource> = { admin: 'admin', partner: 'partner', flow: 'flow', system: 'admin', shopper: 'admin' };

const empty = (customerId: string): AccountFigures => ({ customerId, balance: 0, pending: 0, lifetimeEarned: 0 });

/** Points accounts as the API shows and changes them. */
export class PointsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
  ) {}

  /** A shopper may read their own points only; everyone else needs `points:read`. */
  assertCanRead(ctx: RequestContext, customerId: string): void {
    if (ctx.scopes.includes(Scope.POINTS_READ)) return;
    if (ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === customerId) return;
    throw forbidden('Missing scope: points:read');
  }

  /** One query per batch; a customer with no account (or another merchant's) has zero points. */
  async accounts(ctx: RequestContext, customerIds: readonly string[]): Promise<AccountFigures[]> {
    const valid = customerIds.filter(isUuid);
    const rows = valid.length ? await ctx.em.find(PointsAccountEntity, { customerId: { $in: valid } }, { disableIdentityMap: true }) : [];
    const figures = rows.map((a) => ({ customerId: a.customerId, balance: a.balance, pending: a.pending, lifetimeEarned: a.lifetimeEarned }));
    return inKeyOrder(customerIds, figures, (a) => a.customerId).map((a, i) => a ?? empty(customerIds[i]));
  }

  async history(ctx: RequestContext, customerId: string, args: { first?: number | null; after?: string | null }): Promise<{ nodes: PointsEntry[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (!isUuid(customerId)) return toPage([], size);
    const rows = await ctx.em.find(
      PointsEntryEntity,
      { customerId, ...(after && { id: { $lt: after } }) },
      { orderBy: { id: 'desc' }, limit: size + 1, disableIdentityMap: true },
    );
    return toPage(rows, size);
  }

  award(ctx: RequestContext, input: AwardPointsInput): Promise<ChangeResult> {
    return this.change(ctx, input, { kind: 'adjust', points: input.points, clamp: false });
  }

  deduct(ctx: RequestContext, input: DeductPointsInput): Promise<ChangeResult> {
    return this.change(ctx, input, { kind: 'adjust', points: -input.points, clamp: false });
  }

  /**
   * Manual changes from admins, partners and Flow, keyed by `clientKey`. Without a key the change
   * is applied once per call.
   */
  private async change(ctx: RequestContext, input: AwardPointsInput, how: { kind: 'adjust'; points: number; clamp: boolean }): Promise<ChangeResult> {
    const key = clientKey(ctx, input.idempotencyKey ?? `request:${ctx.requestId}:${randomUUID()}`);
    const request: EntryRequest = {
      customerId: input.customerId,
      kind: how.kind,
      source: SOURCE_OF_ACTOR[ctx.actor.kind],
      points: how.points,
      idempotencyKey: key,
      reason: input.reason?.trim() || null,
    };
    if (!isUuid(input.customerId)) return new CustomerNotFoundError(input.customerId);
    let result = await this.ledger.post(ctx, request);
    if (result.outcome === 'no_account') {
      const customer = await this.customers.byId(ctx, input.customerId);
      if (!customer) return new CustomerNotFoundError(input.customerId);
      await this.ledger.openAccount(ctx, customer.customerId, customer.shopifyCustomerId);
      result = await this.ledger.post(ctx, request);
    }
    switch (result.outcome) {
      case 'posted':
      case 'duplicate': {
        const entry = await ctx.em.findOneOrFail(PointsEntryEntity, { id: result.entryId }, { disableIdentityMap: true });
        return { entry, account: result.account, duplicate: result.outcome === 'duplicate' };
      }
      case 'insufficient':
        return new InsufficientPointsError(result.account.balance, -how.points);
      case 'key_reused':
        return new IdempotencyKeyReusedError(input.idempotencyKey ?? key);
      default:
        return new CustomerNotFoundError(input.customerId);
    }
  }
}
