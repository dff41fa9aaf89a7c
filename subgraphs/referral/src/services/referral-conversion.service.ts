import { minorUnits, currencyExponent, type RequestContext } from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import type { CustomerEmails } from '../customers/customer-emails.js';
import { fraudPolicyOf } from '../domain/referral-fraud-policy.js';
import { checkConversion, combineAssessments, type AdvocateFacts } from '../domain/referral-fraud.js';
import type { ReferralProgramSettings } from '../domain/referral-program.js';
import { VISIBLE_REFERRAL_SQL } from '../domain/referral-visibility.js';
import { ReferralEntity, type Referral } from '../entities/referral.entity.js';
import { ReferralOrderEntity, type ReferralOrder } from '../entities/referral-order.entity.js';
import { REFERRAL_BLOCKED, REFERRAL_VOIDED } from '../topics.js';
import type { OrderFactChange } from './referral-order-facts.service.js';
import type { ReferralProgramService } from './referral-program.service.js';
import type { ReferralCompletionService } from './referral-completion.service.js';

const DAY_MS = 86_400_000;

/** Which fact of an order changed, and when it happened. */
type OrderFact = Pick<OrderFactChange, 'kind' | 'at'>;

/**
 * What an order's facts mean for referrals, after each change to them (`afterOrderFact`):
 *
 * - An order that no referral holds yet may convert one: a CLAIMED referral (or one BLOCKED at the
 *   claim) without an order, matched by the friend's discount code on the order, else the friend's
 *   customer id, else the friend's email fingerprint; a first claim whose code Shopify has not
 *   issued yet is not a claim (`VISIBLE_REFERRAL_SQL`). The order must be placed at or after the
 *   claim (earlier orders are what EXISTING_CUSTOMER reports). It converts once the program's
 *   moment has come (paid, or fulfilled), while not cancelled, when its value after discounts (the
 *   subtotal when the event had one, else the total) less its refunds reaches the program's
 *   minimum: the first order to qualify converts, and an earlier one that did not (too small, never
 *   fulfilled) does not stand in its way. The conversion checks then run over the advocate's facts
 *   and join the claim's findings: BLOCKED stops the reward (`referral.blocked`), else it is
 *   PENDING until `holdUntil`. The minimum that applied is kept on the referral.
 * - The order a referral holds voids it when a cancellation, or a refund taking it below the
 *   minimum kept at the conversion, is dated inside the hold while it is PENDING (or BLOCKED after
 *   converting): `referral.voided`. Nothing else voids: not a later fact (fulfilled, paid), nor a
 *   minimum the merchant raised since. A COMPLETED referral never changes: the advocate's points
 *   are not clawed back.
 *
 * A merchant that switched the program off still converts and pays the referrals already claimed:
 * the friend used their discount in good faith.
 */
export class ReferralConversionService {
  constructor(
    private readonly programs: ReferralProgramService,
    private readonly emails: CustomerEmails,
    private readonly completion: ReferralCompletionService,
  ) {}

  /**
   * @param fact which fact of the order changed, and when it happened (a refund's or cancellation's
   * own time): only a refund or a cancellation dated inside the hold can void.
   */
  async afterOrderFact(ctx: RequestContext, orderId: string, fact: OrderFact): Promise<void> {
    const order = await ctx.em.findOne(ReferralOrderEntity, { merchantId: ctx.merchantId!, orderId }, { refresh: true });
    if (!order) return;
    const held = await ctx.em.findOne(ReferralEntity, { merchantId: ctx.merchantId!, orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (held) return this.maybeVoid(ctx, held, order, fact);
    const program = await this.programs.program(ctx);
    if (!qualifies(order, program)) return;
    const referral = await this.candidate(ctx, order);
    if (!referral) return;
    await this.convert(ctx, referral, order, program);
  }

  private async maybeVoid(ctx: RequestContext, referral: Referral, order: ReferralOrder, fact: OrderFact) {
    if (referral.status !== 'PENDING' && referral.status !== 'BLOCKED') return;
    if (!referral.holdUntil || fact.at > referral.holdUntil) return;
    const reason = fact.kind === 'cancelled' ? 'ORDER_CANCELLED' : fact.kind === 'refunded' && refundedBelowMinimum(referral, order) ? 'REFUNDED_BELOW_MINIMUM' : null;
    if (!reason) return;
    const now = new Date();
    Object.assign(referral, { status: 'VOIDED', voidReason: reason, voidedAt: now, updatedAt: now });
    ctx.emit(REFERRAL_VOIDED, { referralId: referral.id, advocateId: referral.advocateId, friendCustomerId: referral.friendCustomerId ?? null, status: 'VOIDED', reason });
    await ctx.em.flush();
  }

  /**
   * The referral the order may convert, locked: one claimed at or before the order was placed, by
   * discount code first (the strongest link), then customer, then email. Codes are stored upper
   * case (`newFriendDiscountCode`), so the order's are upper-cased here and the column compared as
   * it is, through its unique index.
   */
  private async candidate(ctx: RequestContext, order: ReferralOrder): Promise<Referral | null> {
    const codes = JSON.stringify(order.discountCodes.map((c) => c.toUpperCase()));
    const rows = await ctx.em.execute<{ id: string }[]>(
      `select id from referral
        where merchant_id = ? and order_id is null and status in ('CLAIMED', 'BLOCKED') and ${VISIBLE_REFERRAL_SQL} and claimed_at <= ?
          and (discount_code = any(array(select jsonb_array_elements_text(?::jsonb))) or friend_customer_id = ? or friend_email_hash = ?)
        order by case when discount_code = any(array(select jsonb_array_elements_text(?::jsonb))) then 0 when friend_customer_id = ? then 1 else 2 end, claimed_at
        limit 1 for update`,
      [ctx.merchantId!, order.placedAt, codes, order.customerId, order.emailHash ?? null, codes, order.customerId],
    );
    if (!rows.length) return null;
    return ctx.em.findOneOrFail(ReferralEntity, { merchantId: ctx.merchantId!, id: rows[0].id }, { refresh: true });
  }

  private async convert(ctx: RequestContext, referral: Referral, order: ReferralOrder, program: ReferralProgramSettings) {
    const convertedAt = (program.conversionRule === 'order_fulfilled' ? order.fulfilledAt : order.paidAt)!;
    const advocate = await this.advocateFacts(ctx, referral, order);
    const hadOrders = await ctx.em.execute<{ n: number }[]>(
      'select count(*)::int as n from referral_order where merchant_id = ? and customer_id = ? and order_id <> ? and cancelled_at is null and placed_at < ?',
      [ctx.merchantId!, order.customerId, order.orderId, referral.claimedAt],
    );
    const conversion = checkConversion(fraudPolicyOf(program), {
      advocate,
      friend: { hadOrdersBeforeClaim: hadOrders[0].n > 0 },
      order: { customerId: order.customerId, normalizedEmail: order.emailHash ?? null, shippingAddressHash: order.shippingAddressHash ?? null },
    });
    const fraud = combineAssessments(referral.fraud, conversion);
    // An admin's approval lifted the claim's block: only what the conversion finds can block again.
    const blocked = referral.approvedAt ? conversion.verdict === 'BLOCKED' : fraud.verdict === 'BLOCKED';
    // The advocate ordering with the friend's code does not make them the friend.
    const learnable = order.customerId !== referral.advocateId;
    const friendCustomerId = referral.friendCustomerId ?? (learnable ? await this.freeFriendId(ctx, order.customerId) : null);
    Object.assign(referral, {
      status: blocked ? 'BLOCKED' : 'PENDING',
      fraud,
      friendCustomerId,
      orderId: order.orderId,
      orderTotalMinor: valueOf(order),
      orderCurrency: order.currency ?? null,
      minimumOrderMinor: program.minimumOrderValue === null ? null : minimumOf(program, order.currency ?? null),
      convertedAt,
      holdUntil: new Date(convertedAt.getTime() + program.holdDays * DAY_MS),
      updatedAt: new Date(),
    });
    if (conversion.verdict === 'BLOCKED') {
      ctx.emit(REFERRAL_BLOCKED, { referralId: referral.id, advocateId: referral.advocateId, friendCustomerId, stage: 'CONVERSION', reasons: fraud.reasons.map((r) => r.reason) });
    }
    await ctx.em.flush();
  }

  private async advocateFacts(ctx: RequestContext, referral: Referral, order: ReferralOrder): Promise<AdvocateFacts> {
    const addresses = await ctx.em.execute<{ hash: string }[]>(
      'select distinct shipping_address_hash as hash from referral_order where merchant_id = ? and customer_id = ? and order_id <> ? and shipping_address_hash is not null',
      [ctx.merchantId!, referral.advocateId, order.orderId],
    );
    const rewarded = await this.completion.rewardedCounts(ctx, referral, ['PENDING', 'COMPLETED']);
    return {
      customerId: referral.advocateId,
      normalizedEmail: await this.emails.fingerprintOf(ctx, referral.advocateId),
      recentIpHashes: [],
      shippingAddressHashes: addresses.map((a) => a.hash),
      ...rewarded,
    };
  }

  /** The order's customer as the friend, unless another referral already names them (the friend is unique per merchant). */
  private async freeFriendId(ctx: RequestContext, customerId: string): Promise<string | null> {
    const taken = await ctx.em.count(ReferralEntity, { merchantId: ctx.merchantId!, friendCustomerId: customerId });
    return taken === 0 ? customerId : null;
  }
}

/** The program's moment has come for the order, it stands, and it is worth the minimum. */
function qualifies(order: ReferralOrder, program: ReferralProgramSettings): boolean {
  if (!order.placedAt || order.cancelledAt) return false;
  const moment = program.conversionRule === 'order_fulfilled' ? order.fulfilledAt : order.paidAt;
  return !!moment && valueOf(order) >= minimumOf(program, order.currency ?? null);
}

/** Refunds took the held order below the minimum kept at its conversion; without one, below one minor unit (nothing left to reward). */
function refundedBelowMinimum(referral: Referral, order: ReferralOrder): boolean {
  return valueOf(order) < Math.max(referral.minimumOrderMinor ?? 0, 1);
}

/** What the order is worth to the program: its value after discounts (subtotal, else total) less its refunds. */
function valueOf(order: ReferralOrder): number {
  return (order.subtotalMinor ?? order.totalMinor ?? 0) - order.refundedMinor;
}

/** The program's minimum in the order's minor units; a minimum finer than the currency rounds up, never down. */
function minimumOf(program: ReferralProgramSettings, currency: string | null): number {
  if (program.minimumOrderValue === null) return 0;
  try {
    return minorUnits(program.minimumOrderValue, currency);
  } catch {
    return Math.ceil(Number(program.minimumOrderValue) * 10 ** currencyExponent(currency));
  }
}
