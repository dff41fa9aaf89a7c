import type { GdprParticipant } from '@loyalnest/kit';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import { PointsEntryEntity } from '../entities/points-entry.entity.js';
import { PointsParkedOrderEntity } from '../entities/points-parked-order.entity.js';
import type { CustomerDirectory } from '../services/customer-directory.js';

/**
 * The points domain's part in GDPR requests. It holds no names or emails, but its account links a
 * LoyalNest customer to a Shopify id and a birthday, and entries carry free-text reasons. A
 * redaction removes those; the amounts stay as anonymous bookkeeping so the ledger still verifies.
 */
export function pointsGdpr(customers: CustomerDirectory): GdprParticipant {
  const accountOf = async (ctx: Parameters<NonNullable<GdprParticipant['redactCustomer']>>[0], shopifyCustomerId: string) => {
    const known = await customers.byShopifyId(ctx, shopifyCustomerId).catch(() => null);
    return known ? ctx.em.findOne(PointsAccountEntity, { customerId: known.customerId }) : null;
  };
  return {
    async redactCustomer(ctx, subject) {
      // Orders still waiting for the customer would name them by their Shopify id.
      await ctx.em.nativeDelete(PointsParkedOrderEntity, { shopifyCustomerId: subject.shopifyCustomerId });
      const account = await ctx.em.findOne(PointsAccountEntity, { shopifyCustomerId: subject.shopifyCustomerId });
      if (!account) return;
      await ctx.em.nativeUpdate(PointsEntryEntity, { accountId: account.id }, { reason: null, metadata: {} });
      account.shopifyCustomerId = null;
      account.birthMonth = null;
      account.birthDay = null;
      await ctx.em.flush();
    },
    async exportCustomer(ctx, subject) {
      const account = await accountOf(ctx, subject.shopifyCustomerId);
      if (!account) return { points: null };
      const entries = await ctx.em.find(PointsEntryEntity, { accountId: account.id }, { orderBy: { id: 'asc' } });
      return {
        points: {
          balance: account.balance,
          pending: account.pending,
          lifetimeEarned: account.lifetimeEarned,
          birthday: account.birthMonth ? { month: account.birthMonth, day: account.birthDay } : null,
          entries: entries.map((e) => ({ id: e.id, kind: e.kind, source: e.source, status: e.status, points: e.points, reason: e.reason, orderId: e.orderId, createdAt: e.createdAt })),
        },
      };
    },
  };
}
