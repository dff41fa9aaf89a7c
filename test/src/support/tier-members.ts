import { randomUUID } from 'node:crypto';
import { runTierDaily, type TierDailyRun } from '../../../subgraphs/tier/src/jobs/tier-daily.job.js';
import { TierMemberService } from '../../../subgraphs/tier/src/services/tier-member.service.js';
import { TierProgramService } from '../../../subgraphs/tier/src/services/tier-program.service.js';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { runtime, type TestMerchant } from './tenants.js';
import { tierInput, updateTierProgram, type TierProgramNode } from './tiers.js';
import { postWebhook } from './webhooks.js';

/** Fast event delivery, and the tier job's own schedule far apart so tests run it themselves. */
export const TIER_EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

export interface MemberRow {
  tier_id: string | null;
  tier_threshold: string | null;
  qualified_tier_id: string | null;
  metric_value: string;
  held_until: Date | null;
  below_since: Date | null;
  manual_tier_id: string | null;
  manual_until: Date | null;
  warned_for: Date | null;
  next_check_at: Date | null;
  multiplier: string;
  version: number;
}

export interface ChangeRow {
  from_tier_id: string | null;
  to_tier_id: string | null;
  direction: string;
  reason: string;
  version: number;
}

/** Saves a program of tiers given as [name, threshold, entry bonus] and returns the ids by name. */
export async function saveProgram(gateway: TestGateway, merchant: TestMerchant, settings: Record<string, unknown>, tiers: [string, number, number?][]): Promise<Record<string, string>> {
  const saved = await updateTierProgram(gateway, merchant.auth, {
    ...settings,
    tiers: tiers.map(([name, threshold, bonus], i) => tierInput(name, threshold, { earnMultiplier: 1 + i * 0.5, entryBonusPoints: bonus ?? null })),
  });
  if (saved.__typename !== 'TierProgram') throw new Error(`program refused: ${JSON.stringify(saved)}`);
  return Object.fromEntries((saved as TierProgramNode).tiers.map((t) => [t.name, t.id]));
}

/** An order as Shopify sends it, paid, in EUR. */
export function paidOrder(orderId: string, shopifyCustomerId: string, total: string, placedAt: Date = new Date()): Record<string, unknown> {
  return {
    id: Number(orderId),
    currency: 'EUR',
    total_price: total,
    financial_status: 'paid',
    processed_at: placedAt.toISOString(),
    created_at: placedAt.toISOString(),
    updated_at: new Date().toISOString(),
    cancelled_at: null,
    customer: { id: Number(shopifyCustomerId), email: `buyer-${shopifyCustomerId}@example.com`, first_name: 'Tier', last_name: 'Buyer' },
  };
}

export function refundBody(refundId: string, orderId: string, amount: string): Record<string, unknown> {
  return { id: Number(refundId), order_id: Number(orderId), created_at: new Date().toISOString(), transactions: [{ kind: 'refund', status: 'success', amount }] };
}

/** Posts a signed webhook (a fresh Shopify event id unless given) and returns its event id. */
export async function deliver(gateway: TestGateway, merchant: TestMerchant, topic: string, body: Record<string, unknown>, eventId = randomUUID()): Promise<string> {
  const status = await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body });
  if (status !== 200) throw new Error(`webhook ${topic} answered ${status}`);
  return eventId;
}

const TIER_TOPICS = ['order.recorded', 'order.paid', 'order.refunded', 'order.cancelled', 'customer.created', 'points.earned', 'points.reversed'];

/**
 * Waits until every webhook of the merchant is processed, every event the tier domain takes
 * from the customer and points stores is consumed by it, and so are its own `tier.*` events: what
 * the tier store holds is then final, and its live messages and Flow triggers are sent.
 */
export async function tierSettled(merchant: TestMerchant, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => {
      const deliveries = await withOwnerDb('merchant', (db) => db.query<{ status: string }>('select status from webhook_delivery where merchant_id = $1', [merchant.id]));
      if (!deliveries.rows.every((r) => r.status === 'processed')) return false;
      const ids: string[] = [];
      for (const store of ['customer', 'points']) {
        const { rows } = await withOwnerDb(store, (db) => db.query<{ id: string }>('select id from outbox_event where merchant_id = $1 and topic = any($2)', [merchant.id, TIER_TOPICS]));
        ids.push(...rows.map((r) => r.id));
      }
      // The points domain earns an order parked before its customer existed on customer.created:
      // its points.earned must be in the outbox before the count below means anything.
      const created = await withOwnerDb('customer', (db) => db.query<{ id: string }>("select id from outbox_event where merchant_id = $1 and topic = 'customer.created'", [merchant.id]));
      const byPoints = await withOwnerDb('points', (db) => db.query<{ n: number }>('select count(*)::int as n from consumed_event where merchant_id = $1 and event_id = any($2)', [merchant.id, created.rows.map((r) => r.id)]));
      if (byPoints.rows[0].n !== created.rows.length) return false;
      const { rows } = await withOwnerDb('tier', (db) => db.query<{ n: number }>('select count(*)::int as n from consumed_event where merchant_id = $1 and event_id = any($2)', [merchant.id, ids]));
      if (rows[0].n !== ids.length) return false;
      // The tier domain's own reactions to what it decided (live messages, Flow triggers) are sent
      // when it consumes its own tier.* events: a subscription opened after this sees none of them.
      const own = await withOwnerDb('tier', (db) =>
        db.query<{ n: number }>(
          `select count(*)::int as n from outbox_event o where o.merchant_id = $1 and o.topic = any($2)
             and not exists (select 1 from consumed_event c where c.merchant_id = o.merchant_id and c.event_id = o.id and c.consumer = 'tier')`,
          [merchant.id, ['tier.changed', 'tier.expiring_soon']],
        ),
      );
      return own.rows[0].n === 0;
    },
    timeoutMs,
    'tier events consumed',
  );
}

export async function memberOf(merchant: TestMerchant, customerId: string): Promise<MemberRow | undefined> {
  const { rows } = await withOwnerDb('tier', (db) => db.query<MemberRow>('select * from tier_member where merchant_id = $1 and customer_id = $2', [merchant.id, customerId]));
  return rows[0];
}

export async function changesOf(merchant: TestMerchant, customerId: string): Promise<ChangeRow[]> {
  const { rows } = await withOwnerDb('tier', (db) =>
    db.query<ChangeRow>('select from_tier_id, to_tier_id, direction, reason, version from tier_change where merchant_id = $1 and customer_id = $2 order by version', [merchant.id, customerId]),
  );
  return rows;
}

/** The tier store's outbox events of one topic about the customer, oldest first. */
export async function tierEvents(merchant: TestMerchant, topic: string, customerId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await withOwnerDb('tier', (db) =>
    db.query<{ payload: Record<string, unknown> }>("select payload from outbox_event where merchant_id = $1 and topic = $2 and payload->>'customerId' = $3 order by id", [merchant.id, topic, customerId]),
  );
  return rows.map((r) => r.payload);
}

export async function bonusesOf(merchant: TestMerchant, customerId: string): Promise<{ tier_id: string; period_key: string; points: number }[]> {
  const { rows } = await withOwnerDb('tier', (db) => db.query('select tier_id, period_key, points from tier_bonus where merchant_id = $1 and customer_id = $2 order by points', [merchant.id, customerId]));
  return rows;
}

/** Runs the daily tier job once at `now`, as a replica of the tier subgraph would. */
export function runDaily(gateway: TestGateway, now: Date): Promise<TierDailyRun> {
  return runTierDaily(runtime(gateway, 'tier'), new TierMemberService(new TierProgramService()), now);
}

export const CUSTOMER_BY_SHOPIFY_ID = `query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }`;

export async function customerIdOf(gateway: TestGateway, merchant: TestMerchant, shopifyCustomerId: string): Promise<string> {
  const result = await gateway.gql<{ customerByShopifyId: { id: string } | null }>(CUSTOMER_BY_SHOPIFY_ID, { id: shopifyCustomerId }, merchant.auth);
  if (!result.data?.customerByShopifyId) throw new Error(`no customer ${shopifyCustomerId}: ${JSON.stringify(result)}`);
  return result.data.customerByShopifyId.id;
}

export const DAY_MS = 86_400_000;
