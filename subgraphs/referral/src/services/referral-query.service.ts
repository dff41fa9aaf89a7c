import { badInput, decodeCursor, isUuid, pageSize, toPage, type RequestContext } from '@loyalnest/kit';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { ReferralStatus } from '../domain/referral-status.js';
import { VISIBLE_REFERRAL, VISIBLE_REFERRAL_SQL } from '../domain/referral-visibility.js';
import { ReferralEntity, type Referral } from '../entities/referral.entity.js';

export interface ReferralListFilter {
  status?: ReferralStatus | null;
  advocateId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** What a customer advocated: their visible referrals, the completed ones and the points those earned. */
export interface AdvocateCounts {
  customerId: string;
  referred: number;
  completed: number;
  pointsEarned: number;
}

type CountRow = { advocate_id: string; referred: string | number; completed: string | number; points: string | number };

/** The referrals an admin or partner reads: the visible ones only (`referral-visibility.ts`). */
export class ReferralQueryService {
  /**
   * A page of the merchant's referrals, the most recently claimed first (ties by id). The cursor is
   * the last referral's id; the page after it starts below that referral's (claimed at, id), so
   * referrals claimed meanwhile never shift a page.
   */
  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; filter?: ReferralListFilter | null }): Promise<{ nodes: Referral[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const where = whereOf(args.filter ?? {});
    if (after) {
      const last = await this.find(ctx, after);
      if (!last) throw badInput('after', 'is not a cursor returned by this API');
      where.push({ $or: [{ claimedAt: { $lt: last.claimedAt } }, { claimedAt: last.claimedAt, id: { $lt: last.id } }] });
    }
    const rows = await ctx.em.find(ReferralEntity, { $and: where }, { orderBy: [{ claimedAt: 'desc' }, { id: 'desc' }], limit: size + 1, disableIdentityMap: true });
    return toPage(rows, size);
  }

  /** One referral of the merchant; null for an unknown id, another merchant's, or a first claim still being issued. */
  find(ctx: RequestContext, id: string): Promise<Referral | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.em.findOne(ReferralEntity, { $and: [{ id }, VISIBLE_REFERRAL] }, { disableIdentityMap: true });
  }

  /** Each customer's advocate counts, in key order, in one query; a customer who advocated nothing gets zeros. */
  async advocateCounts(ctx: RequestContext, customerIds: readonly string[]): Promise<AdvocateCounts[]> {
    const valid = [...new Set(customerIds.filter(isUuid))];
    // A PostgreSQL array literal: the driver would spread a JS array into a list. Only UUIDs reach it.
    const rows = valid.length
      ? await ctx.em.execute<CountRow[]>(
          `select advocate_id, count(*) as referred, count(*) filter (where status = 'COMPLETED') as completed,
                  coalesce(sum(points_awarded) filter (where status = 'COMPLETED'), 0) as points
             from referral where merchant_id = ? and advocate_id = any(?::uuid[]) and ${VISIBLE_REFERRAL_SQL}
            group by advocate_id`,
          [ctx.merchantId!, `{${valid.join(',')}}`],
        )
      : [];
    const found = new Map(rows.map((r) => [r.advocate_id, { referred: Number(r.referred), completed: Number(r.completed), pointsEarned: Number(r.points) }]));
    return customerIds.map((customerId) => ({ customerId, ...(found.get(customerId) ?? { referred: 0, completed: 0, pointsEarned: 0 }) }));
  }
}

/** The filter's conditions; a malformed one is refused naming its field, before anything is read. */
function whereOf(filter: ReferralListFilter): FilterQuery<Referral>[] {
  const where: FilterQuery<Referral>[] = [VISIBLE_REFERRAL];
  if (filter.status) where.push({ status: filter.status });
  if (filter.advocateId != null) {
    if (!isUuid(filter.advocateId)) throw badInput('filter.advocateId', 'is not a customer id');
    where.push({ advocateId: filter.advocateId });
  }
  if (filter.from && filter.to && filter.from >= filter.to) throw badInput('filter.to', 'must be after filter.from');
  if (filter.from) where.push({ claimedAt: { $gte: filter.from } });
  if (filter.to) where.push({ claimedAt: { $lt: filter.to } });
  return where;
}
