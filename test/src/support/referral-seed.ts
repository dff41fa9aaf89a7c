import { ADMIN_SCOPES, fingerprinterOf, inRequestTransaction, systemCaller, type DomainEvent } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import type { OrderFingerprints } from '../../../subgraphs/customer/src/topics.js';
import { completeDueReferrals, type ReferralHoldRun } from '../../../subgraphs/referral/src/jobs/referral-hold.job.js';
import { ReferralCompletionService } from '../../../subgraphs/referral/src/services/referral-completion.service.js';
import { ReferralProgramService } from '../../../subgraphs/referral/src/services/referral-program.service.js';
import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';
import { PROGRAM_ON, updateReferralProgram } from './referrals.js';
import { createMerchant, runtime, type TestMerchant } from './tenants.js';

/** The hold job's own schedule far apart, so tests run it themselves. */
export const REFERRAL_HOLD_ENV = { REFERRAL_HOLD_EVERY_MS: '3600000' };

/** A merchant of its own with the referral program on (`PROGRAM_ON`) and `settings` over it. */
export async function merchantWithProgram(gateway: TestGateway, settings: Record<string, unknown> = {}): Promise<TestMerchant> {
  const merchant = await createMerchant(gateway);
  const saved = await updateReferralProgram(gateway, merchant.auth, { ...PROGRAM_ON, ...settings });
  if (saved.__typename !== 'ReferralProgram') throw new Error(`program refused: ${JSON.stringify(saved)}`);
  return merchant;
}

export interface SeededReferral {
  id: string;
  advocateId: string;
  friendCustomerId: string | null;
  friendEmail: string;
  discountCode: string;
}

export interface ReferralRow {
  id: string;
  status: string;
  friend_customer_id: string | null;
  order_id: string | null;
  order_total_minor: string | null;
  minimum_order_minor: string | null;
  converted_at: Date | null;
  hold_until: Date | null;
  completed_at: Date | null;
  points_awarded: number | null;
  void_reason: string | null;
  fraud: { verdict: string; reasons: { reason: string; action: string; stage: string; explanation: string }[] };
  approved_at: Date | null;
  rejected_at: Date | null;
  rejection_reason: string | null;
  decided_by: string | null;
}

/** The email fingerprint the deployment's services compute (`fingerprinterOf`). */
export function emailHash(gateway: TestGateway, email: string): string {
  return fingerprinterOf(gateway.config.kit.blindIndexKey).email(email);
}

/**
 * A friend's claim as the claim path leaves it, inserted as the store's owner: CLAIMED with an
 * issued discount code, unless `overrides` say otherwise (columns by name; `discountStatus`
 * ISSUING is a claim whose code Shopify has not confirmed yet).
 */
export async function seedReferral(
  gateway: TestGateway,
  merchant: TestMerchant,
  overrides: { advocateId?: string; friendCustomerId?: string | null; friendEmail?: string; status?: string; fraud?: unknown; claimedAt?: Date; discountCode?: string; discountStatus?: 'ISSUED' | 'ISSUING' } = {},
): Promise<SeededReferral> {
  const id = randomUUID();
  const advocateId = overrides.advocateId ?? randomUUID();
  const friendEmail = overrides.friendEmail ?? `friend-${randomBytes(4).toString('hex')}@example.com`;
  const discountCode = overrides.discountCode ?? `FRIEND-${randomBytes(5).toString('hex').toUpperCase()}`;
  const friendCustomerId = overrides.friendCustomerId === undefined ? null : overrides.friendCustomerId;
  await withOwnerDb('referral', (db) =>
    db.query(
      `insert into referral (merchant_id, id, advocate_id, advocate_code, friend_customer_id, friend_email_encrypted, friend_email_hash, status, fraud,
         discount_status, discount_code, claimed_at, updated_at)
       values ($1, $2, $3, 'ADV0CODE', $4, 'sealed', $5, $6, $7, $8, $9, $10, now())`,
      [merchant.id, id, advocateId, friendCustomerId, emailHash(gateway, friendEmail), overrides.status ?? 'CLAIMED', JSON.stringify(overrides.fraud ?? { verdict: 'CLEAN', reasons: [] }),
        overrides.discountStatus ?? 'ISSUED', discountCode, overrides.claimedAt ?? new Date(Date.now() - 3_600_000)],
    ),
  );
  return { id, advocateId, friendCustomerId, friendEmail, discountCode };
}

export async function referralRow(merchant: TestMerchant, id: string): Promise<ReferralRow> {
  const { rows } = await withOwnerDb('referral', (db) => db.query<ReferralRow>('select * from referral where merchant_id = $1 and id = $2', [merchant.id, id]));
  return rows[0];
}

/** Moves a referral's hold end (to the past, to let the job complete it). */
export async function setHoldUntil(merchant: TestMerchant, id: string, holdUntil: Date): Promise<void> {
  await withOwnerDb('referral', (db) => db.query('update referral set hold_until = $3 where merchant_id = $1 and id = $2', [merchant.id, id, holdUntil]));
}

/** The referral store's outbox payloads of one topic about one referral, oldest first. */
export async function referralEvents(merchant: TestMerchant, topic: string, referralId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await withOwnerDb('referral', (db) =>
    db.query<{ payload: Record<string, unknown> }>("select payload from outbox_event where merchant_id = $1 and topic = $2 and payload->>'referralId' = $3 order by id", [merchant.id, topic, referralId]),
  );
  return rows.map((r) => r.payload);
}

/** Hands one order event to the referral subgraph's consumer, in a transaction, as the consumer runs it. */
export async function consumeOrderEvent(gateway: TestGateway, merchant: TestMerchant, topic: string, payload: Record<string, unknown>, occurredAt = new Date()): Promise<void> {
  const referral = runtime(gateway, 'referral');
  const event: DomainEvent = { id: randomUUID(), merchantId: merchant.id, topic, version: 1, occurredAt: occurredAt.toISOString(), payload };
  const ctx = referral.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
  await inRequestTransaction(ctx, () => referral.module.consumes![topic](ctx, event, referral));
}

export interface TestOrder {
  orderId: string;
  customerId: string;
  totalMinor?: number;
  subtotalMinor?: number | null;
  discountCodes?: string[];
  placedAt?: Date;
  financialStatus?: string;
  fingerprints?: Partial<OrderFingerprints>;
}

let nextOrderId = 7_000_000_000_000 + (Date.now() % 1_000_000_000);
export function orderId(): string {
  return String(++nextOrderId);
}

/** The payloads of an order's events as the customer domain emits them (EUR). */
export const orderEvents = {
  recorded: (o: TestOrder) => ({
    customerId: o.customerId,
    orderId: o.orderId,
    orderNumber: 1001,
    currency: 'EUR',
    totalMinor: o.totalMinor ?? 6000,
    subtotalMinor: o.subtotalMinor === undefined ? (o.totalMinor ?? 6000) - 500 : o.subtotalMinor,
    discountCodes: o.discountCodes ?? [],
    financialStatus: o.financialStatus ?? 'pending',
    placedAt: (o.placedAt ?? new Date()).toISOString(),
    fingerprints: { email: null, shippingAddress: null, browserIp: null, ...o.fingerprints },
  }),
  paid: (o: TestOrder) => ({ customerId: o.customerId, orderId: o.orderId, totalMinor: o.totalMinor ?? 6000, currency: 'EUR', placedAt: (o.placedAt ?? new Date()).toISOString() }),
  fulfilled: (o: TestOrder, at = new Date()) => ({ customerId: o.customerId, orderId: o.orderId, fulfilledAt: at.toISOString() }),
  refunded: (o: TestOrder, refundId: string, amountMinor: number, at = new Date()) => ({ customerId: o.customerId, orderId: o.orderId, refundId, amountMinor, currency: 'EUR', refundedAt: at.toISOString() }),
  cancelled: (o: TestOrder, at = new Date()) => ({ customerId: o.customerId, orderId: o.orderId, cancelledAt: at.toISOString() }),
};

/** An order recorded then paid, through the referral consumer. */
export async function placePaidOrder(gateway: TestGateway, merchant: TestMerchant, order: TestOrder): Promise<void> {
  await consumeOrderEvent(gateway, merchant, 'order.recorded', orderEvents.recorded(order));
  await consumeOrderEvent(gateway, merchant, 'order.paid', orderEvents.paid(order));
}

/** Runs the hold job's pass once, as its schedule would (at `now`). */
export function runHoldJob(gateway: TestGateway, now?: Date): Promise<ReferralHoldRun> {
  return completeDueReferrals(runtime(gateway, 'referral'), new ReferralCompletionService(new ReferralProgramService()), now);
}
