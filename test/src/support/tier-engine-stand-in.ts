import { inRequestTransaction, systemCaller, type DomainEvent } from '@loyalnest/kit';
import { TIER_CHANGED, TIER_EXPIRING_SOON, type TierChangeReason, type TierExpiringSoon } from '@loyalnest/tier/topics';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { runtime, type TestMerchant } from './tenants.js';
import { tierSettled } from './tier-members.js';

/**
 * Stands in for the tier engine: it writes `tier_member` and `tier_change` rows as the engine does
 * (columns of the membership migration) and emits `tier.changed` / `tier.expiring_soon` from the
 * tier store's outbox in the same transaction, as a service would, so the read side and the
 * reactions are tested on states the engine would take months of orders to reach (a calendar
 * tier held through the next period, a grace running out). The engine itself is tested from
 * webhooks in tier-members.test.ts and tier-e2e.test.ts.
 */

/** A `tier_member` row's fields the read side uses; amounts in the stored unit (thousandths of a currency unit for amount spent). */
export interface MemberFields {
  tierId: string | null;
  since?: Date | null;
  metricValue?: number;
  heldUntil?: Date | null;
  belowSince?: Date | null;
  manualTierId?: string | null;
  manualUntil?: Date | null;
  version?: number;
}

/** Writes (or replaces) a customer's `tier_member` row. */
export async function placeMember(merchantId: string, customerId: string, m: MemberFields): Promise<void> {
  await withOwnerDb('tier', (db) =>
    db.query(
      `insert into tier_member (merchant_id, customer_id, tier_id, since, metric_value, held_until, below_since, manual_tier_id, manual_until, version, evaluated_at, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), now(), now())
       on conflict (merchant_id, customer_id) do update set tier_id = excluded.tier_id, since = excluded.since, metric_value = excluded.metric_value,
         held_until = excluded.held_until, below_since = excluded.below_since, manual_tier_id = excluded.manual_tier_id, manual_until = excluded.manual_until,
         version = excluded.version, evaluated_at = now(), updated_at = now()`,
      [merchantId, customerId, m.tierId, m.since ?? null, m.metricValue ?? 0, m.heldUntil ?? null, m.belowSince ?? null, m.manualTierId ?? null, m.manualUntil ?? null, m.version ?? 1],
    ),
  );
}

export interface ChangeFields {
  from: string | null;
  to: string | null;
  direction: 'up' | 'down';
  reason: TierChangeReason;
  version: number;
  changedAt?: Date;
}

/** Writes `tier_change` rows as they are, without events: history as the engine left it. */
export async function recordChanges(merchantId: string, customerId: string, changes: ChangeFields[]): Promise<string[]> {
  const ids = changes.map(() => uuidv7());
  await withOwnerDb('tier', async (db) => {
    for (const [i, c] of changes.entries()) {
      await db.query(
        `insert into tier_change (id, merchant_id, customer_id, from_tier_id, to_tier_id, direction, reason, version, changed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [ids[i], merchantId, customerId, c.from, c.to, c.direction, c.reason, c.version, c.changedAt ?? new Date()],
      );
    }
  });
  return ids;
}

/**
 * A change of tier as the engine commits it: the member row, the history row and `tier.changed`
 * in one transaction of the tier store. Returns the event's id.
 */
export async function changeTier(gateway: TestGateway, merchantId: string, customerId: string, change: ChangeFields): Promise<string> {
  const ctx = runtime(gateway, 'tier').createContext({ ...systemCaller([], merchantId), requestId: randomUUID() });
  return inRequestTransaction(ctx, async () => {
    await ctx.em.execute(
      `insert into tier_member (merchant_id, customer_id, tier_id, since, version, evaluated_at, created_at, updated_at) values (?, ?, ?, now(), ?, now(), now(), now())
       on conflict (merchant_id, customer_id) do update set tier_id = excluded.tier_id, since = now(), version = excluded.version, updated_at = now()`,
      [merchantId, customerId, change.to, change.version],
    );
    await ctx.em.execute(
      `insert into tier_change (id, merchant_id, customer_id, from_tier_id, to_tier_id, direction, reason, version, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, now())`,
      [uuidv7(), merchantId, customerId, change.from, change.to, change.direction, change.reason, change.version],
    );
    const eventId = ctx.emit(TIER_CHANGED, {
      customerId,
      from: change.from,
      to: change.to,
      direction: change.direction,
      reason: change.reason,
      multiplier: 1,
      version: change.version,
      entryBonuses: [],
    });
    await ctx.em.flush();
    return eventId;
  });
}

/** A pending downgrade as the daily job announces it: `tier.expiring_soon` from the tier store's outbox. Returns the event's id. */
export async function warnExpiring(gateway: TestGateway, merchantId: string, warning: TierExpiringSoon): Promise<string> {
  const ctx = runtime(gateway, 'tier').createContext({ ...systemCaller([], merchantId), requestId: randomUUID() });
  return inRequestTransaction(ctx, async () => {
    const eventId = ctx.emit(TIER_EXPIRING_SOON, warning);
    await ctx.em.flush();
    return eventId;
  });
}

/** The tier store's event as the relay published it, once the tier subgraph has consumed it. */
export async function consumedTierEvent(eventId: string): Promise<DomainEvent> {
  return eventually(
    () =>
      withOwnerDb('tier', async (db) => {
        const consumed = await db.query(`select 1 from consumed_event where consumer = 'tier' and event_id = $1`, [eventId]);
        if (consumed.rowCount !== 1) return undefined;
        const { rows } = await db.query<{ id: string; merchant_id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
          'select id, merchant_id, topic, version, occurred_at, payload from outbox_event where id = $1',
          [eventId],
        );
        const r = rows[0];
        return { id: r.id, merchantId: r.merchant_id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload };
      }),
    15_000,
    `tier consuming ${eventId}`,
  );
}

/**
 * Lets the real engine finish with the merchant's new customers (it makes every new customer a
 * member, in the first tier when its threshold is 0, and records that change), then removes what
 * it wrote of `customerIds`: each test then starts from a customer the engine has not reached, and
 * the stand-in alone decides what the read side sees. The engine's `tier.changed` was consumed by
 * then, so it sends nothing later.
 */
export async function forgetEngineRows(merchant: TestMerchant, customerIds: string[]): Promise<void> {
  await tierSettled(merchant);
  await withOwnerDb('tier', async (db) => {
    await db.query('delete from tier_change where merchant_id = $1 and customer_id = any($2)', [merchant.id, customerIds]);
    await db.query('delete from tier_member where merchant_id = $1 and customer_id = any($2)', [merchant.id, customerIds]);
  });
}
