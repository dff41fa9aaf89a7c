import type { RequestContext } from '@loyalnest/kit';
import { textIn, type LocalizedTexts } from '../domain/tier-program.js';
import { TierEntity } from '../entities/tier.entity.js';
import type { TierMemberService } from './tier-member.service.js';

/** The customer-keyed tables, children before the member row (no foreign keys, but one order for every reader). */
const CUSTOMER_TABLES = ['tier_qualification', 'tier_order', 'tier_bonus', 'tier_change', 'flow_action_run', 'tier_member', 'tier_customer'] as const;

/** A PostgreSQL array literal: the driver would spread a JS array into a list. Uuids and Shopify ids are safe in one. */
const arrayOf = (values: string[]) => `{${values.join(',')}}`;

interface MemberRow {
  customer_id: string;
  tier_id: string | null;
  since: Date | null;
  qualified_tier_id: string | null;
  metric_value: string;
  held_until: Date | null;
  manual_tier_id: string | null;
  manual_until: Date | null;
  manual_by: string | null;
  multiplier: string;
}

/**
 * What the tier domain holds about customers, for Shopify's customers/data_request (export) and
 * customers/redact (erase), in the GDPR handler's transaction. Redaction deletes every tier row of
 * the customer, the membership included: the only aggregate it feeds is `tierDistribution`'s count
 * of current members, and someone erased from the customer domain is no longer a customer to count.
 * Kept as an anonymous row, the member would still carry the LoyalNest id other stores may keep
 * as anonymous bookkeeping (the points account), and so stay linkable to them.
 */
export class TierPrivacyService {
  constructor(private readonly members: TierMemberService) {}

  /** Deletes the customers' tier rows, and the orders Shopify names (whoever they count for) with their qualification entries. */
  async erase(ctx: RequestContext, customerIds: string[], ordersToRedact: string[] = []): Promise<void> {
    const merchantId = ctx.merchantId!;
    if (ordersToRedact.length) {
      const orders = arrayOf(ordersToRedact);
      await ctx.em.execute("delete from tier_qualification where merchant_id = ? and subject = any(select 'order:' || o from unnest(?::text[]) o)", [merchantId, orders]);
      await ctx.em.execute('delete from tier_order where merchant_id = ? and order_id = any(?::text[])', [merchantId, orders]);
    }
    if (!customerIds.length) return;
    // Under the members' locks, the one order of every writer: an evaluation in flight finishes first.
    await this.members.lock(ctx, customerIds);
    const ids = arrayOf(customerIds);
    for (const table of CUSTOMER_TABLES) await ctx.em.execute(`delete from ${table} where merchant_id = ? and customer_id = any(?::uuid[])`, [merchantId, ids]);
  }

  /** Everything the tier store holds about the customers, one record each. */
  async export(ctx: RequestContext, customerIds: string[]): Promise<Record<string, unknown>[]> {
    if (!customerIds.length) return [];
    const merchantId = ctx.merchantId!;
    const ids = arrayOf(customerIds);
    const rowsOf = <T extends object>(sql: string) => ctx.em.execute<T[]>(sql, [merchantId, ids]);
    // One after another: the handler's transaction is one connection.
    const members = await rowsOf<MemberRow>(
      'select customer_id, tier_id, since, qualified_tier_id, metric_value::text, held_until, manual_tier_id, manual_until, manual_by, multiplier::text from tier_member where merchant_id = ? and customer_id = any(?::uuid[])',
    );
    const changes = await rowsOf<{ customer_id: string; from_tier_id: string | null; to_tier_id: string | null; direction: string; reason: string; changed_at: Date }>(
      'select customer_id, from_tier_id, to_tier_id, direction, reason, changed_at from tier_change where merchant_id = ? and customer_id = any(?::uuid[]) order by changed_at, version',
    );
    const bonuses = await rowsOf<{ customer_id: string; tier_id: string; period_key: string; points: number; paid_at: Date }>(
      'select customer_id, tier_id, period_key, points, paid_at from tier_bonus where merchant_id = ? and customer_id = any(?::uuid[]) order by paid_at, tier_id',
    );
    const orders = await rowsOf<{ customer_id: string; order_id: string; placed_at: Date | null; total_milli: string | null; paid: boolean; refunded_milli: string; cancelled: boolean }>(
      'select customer_id, order_id, placed_at, total_milli::text, paid, refunded_milli::text, cancelled from tier_order where merchant_id = ? and customer_id = any(?::uuid[]) order by placed_at nulls last, order_id',
    );
    const entries = await rowsOf<{ customer_id: string; metric: string; subject: string; amount: string; qualifies_at: Date | null }>(
      'select customer_id, metric, subject, amount::text, qualifies_at from tier_qualification where merchant_id = ? and customer_id = any(?::uuid[]) order by qualifies_at nulls last, subject, metric',
    );
    const runs = await rowsOf<{ customer_id: string; handle: string; run_id: string; created_at: Date }>(
      'select customer_id, handle, run_id, created_at from flow_action_run where merchant_id = ? and customer_id = any(?::uuid[]) order by created_at',
    );
    const tiers = await ctx.em.find(TierEntity, {}, { fields: ['id', 'names'], disableIdentityMap: true });
    const names = new Map(tiers.map((t) => [t.id, t.names as LocalizedTexts]));
    const tier = (id: string | null) => (id ? { id, name: names.has(id) ? textIn(names.get(id)!) : null } : null);
    const iso = (at: Date | null) => (at ? new Date(at).toISOString() : null);
    const ofCustomer = <T extends { customer_id: string }>(rows: T[], customerId: string) => rows.filter((r) => r.customer_id === customerId);
    const held = new Set([members, changes, bonuses, orders, entries, runs].flatMap((rows) => rows.map((r) => r.customer_id)));
    return customerIds
      .filter((id) => held.has(id))
      .map((customerId) => {
        const member = members.find((m) => m.customer_id === customerId) ?? null;
        return {
          customerId,
          tier: member && tier(member.tier_id),
          since: iso(member?.since ?? null),
          qualifiedTier: member && tier(member.qualified_tier_id),
          metricValue: member ? Number(member.metric_value) : null,
          heldUntil: iso(member?.held_until ?? null),
          multiplier: member ? Number(member.multiplier) : null,
          assignment: member?.manual_tier_id ? { tier: tier(member.manual_tier_id), until: iso(member.manual_until), by: member.manual_by } : null,
          history: ofCustomer(changes, customerId).map((c) => ({ from: tier(c.from_tier_id), to: tier(c.to_tier_id), direction: c.direction, reason: c.reason, changedAt: iso(c.changed_at) })),
          bonuses: ofCustomer(bonuses, customerId).map((b) => ({ tier: tier(b.tier_id), periodKey: b.period_key, points: b.points, paidAt: iso(b.paid_at) })),
          orders: ofCustomer(orders, customerId).map((o) => ({
            shopifyOrderId: o.order_id,
            placedAt: iso(o.placed_at),
            // Thousandths of the shop currency's unit, as the tier store keeps amounts.
            totalMilli: o.total_milli === null ? null : Number(o.total_milli),
            paid: o.paid,
            refundedMilli: Number(o.refunded_milli),
            cancelled: o.cancelled,
          })),
          qualification: ofCustomer(entries, customerId).map((e) => ({ metric: e.metric, subject: e.subject, amount: Number(e.amount), qualifiesAt: iso(e.qualifies_at) })),
          flowActionRuns: ofCustomer(runs, customerId).map((r) => ({ handle: r.handle, runId: r.run_id, appliedAt: iso(r.created_at) })),
        };
      });
  }
}
