import { HashInputError, inRequestTransaction, isEmail, isUuid, Scope, type FieldCipher, type Fingerprinter, type RequestContext, type ShopifyDiscounts } from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { claimFactsOf } from '../claims/claim-facts.js';
import { isCustomerOf } from '../claims/friend-customer.js';
import { friendCodeEndsAt, friendDiscountRequest, newFriendDiscountCode } from '../claims/friend-discount.js';
import type { CustomerEmails } from '../customers/customer-emails.js';
import { parseReferralCode } from '../domain/referral-code.js';
import { checkClaim } from '../domain/referral-fraud.js';
import { fraudPolicyOf } from '../domain/referral-fraud-policy.js';
import type { FriendReward } from '../domain/referral-program.js';
import { isFinal, type ReferralStatus } from '../domain/referral-status.js';
import { friendEmailAad, ReferralEntity, type Referral } from '../entities/referral.entity.js';
import {
  ReferralAlreadyClaimedError,
  ReferralClaimBlockedError,
  ReferralClaimInvalidError,
  ReferralCodeNotFoundError,
  ReferralDiscountFailureReason,
  ReferralDiscountUnavailableError,
  ReferralProgramDisabledError,
  type ReferralClaimError,
} from '../graphql/referral-claim.error.js';
import { REFERRAL_BLOCKED, REFERRAL_CLAIMED } from '../topics.js';
import type { ReferralCodeService } from './referral-code.service.js';
import type { ReferralProgramService } from './referral-program.service.js';

/** A friend's claim as the caller verified it: `friendCustomerId` comes from the verified context (a shopper) or a trusted caller, never from a shopper's arguments. */
export interface ClaimRequest {
  code: string;
  email: string;
  friendCustomerId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * Who asks, as far as the request shows it: what decides whether an existing referral (its code,
 * its status, why it was blocked) may be shown to them.
 */
interface Claimant {
  /** An admin or partner with `referrals:manage`: trusted to claim for anyone, as the API says. */
  trusted: boolean;
  /** The shopper's customer id from the verified session (or the app proxy's signed login); never from arguments. */
  customerId: string | null;
  ipHash: string | null;
  userAgentHash: string | null;
}

/** What the friend holds once the claim is issued: their one discount code and the offer it carries. */
export interface ReferralClaimView {
  referralId: string;
  discountCode: string;
  status: ReferralStatus;
  reward: FriendReward;
  endsAt: Date | null;
}


/**
 * A friend's claim of an advocate's referral code: one referral per friend per merchant, and one
 * discount code per referral, shown only to that friend.
 *
 * 1. The input is checked before anything is read (the code's form, the email), then the program
 *    (on?) and the code (held by a customer of this merchant?).
 * 2. The friend's existing referral (by customer id, else email fingerprint) is taken as it is: a
 *    claim again is the same claim, but only for the same friend (`ownedBy`): an email is typed,
 *    not proven, so whoever else types it learns only that it was claimed. Otherwise the claim-stage fraud checks run and the referral is
 *    inserted (`on conflict do nothing` against the unique friend indexes, so concurrent claims of
 *    one friend make one row), BLOCKED without a code, or CLAIMED with its discount code drawn and
 *    `discount_status` ISSUING: the code exists before Shopify is asked for it.
 * 3. Issuing locks the row, asks Shopify (through the merchant subgraph) for that code and marks it
 *    ISSUED with `referral.claimed` in one transaction; concurrent claims wait on the lock and find
 *    it issued, so Shopify is asked once. A failure leaves the row ISSUING: not a claim yet (lists
 *    and counts skip ISSUING rows), and the next claim of the same friend asks for the same code,
 *    so an unknown outcome never makes a second discount.
 */
export class ReferralClaimService {
  constructor(
    private readonly program: ReferralProgramService,
    private readonly codes: ReferralCodeService,
    private readonly emails: CustomerEmails,
    private readonly discounts: ShopifyDiscounts,
    private readonly cipher: FieldCipher,
    private readonly fingerprints: Fingerprinter,
  ) {}

  async claim(ctx: RequestContext, request: ClaimRequest): Promise<ReferralClaimView | ReferralClaimError> {
    const parsed = parseReferralCode(request.code, 'code');
    if (!parsed.ok) return new ReferralClaimInvalidError(parsed);
    const email = isEmail(request.email, 'email');
    if (!email.ok) return new ReferralClaimInvalidError(email);
    const { friendCustomerId } = request;
    if (friendCustomerId !== null && !isUuid(friendCustomerId)) return new ReferralClaimInvalidError({ field: 'friendCustomerId', message: 'friendCustomerId is not a customer id' });
    // A shopper's own id comes verified from the context; any other id a trusted caller names must be this shop's customer.
    if (friendCustomerId !== null && friendCustomerId !== ctx.customerId && !(await isCustomerOf(ctx, friendCustomerId))) {
      return new ReferralClaimInvalidError({ field: 'friendCustomerId', message: 'friendCustomerId names no customer of this shop' });
    }
    const program = await this.program.program(ctx);
    if (!program.enabled) return new ReferralProgramDisabledError();
    const advocateId = await this.codes.holderOf(ctx.em, ctx.merchantId!, parsed.code);
    if (!advocateId) return new ReferralCodeNotFoundError(parsed.code);

    const emailHash = this.fingerprints.email(email.address);
    const ipHash = this.ipHashOf(request.ipAddress);
    const userAgentHash = this.fingerprints.userAgent(request.userAgent);
    let referral = await this.existing(ctx, emailHash, friendCustomerId);
    let inserted = false;
    if (!referral) {
      const facts = await claimFactsOf(ctx, this.emails, advocateId, { customerId: friendCustomerId, emailHash, ipHash });
      const fraud = checkClaim(fraudPolicyOf(program), facts);
      referral = await inRequestTransaction(ctx, async () => {
        const id = randomUUID();
        const blocked = fraud.verdict === 'BLOCKED';
        const [row] = await ctx.em.execute<{ id: string }[]>(
          `insert into referral (merchant_id, id, advocate_id, advocate_code, friend_customer_id, friend_email_encrypted, friend_email_hash, friend_ip_hash,
             friend_user_agent_hash, status, fraud, discount_status, discount_code, claimed_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now(), now())
           on conflict do nothing returning id`,
          [
            ctx.merchantId!, id, advocateId, parsed.code, friendCustomerId, this.cipher.encrypt(email.address, friendEmailAad(ctx.merchantId!, id)), emailHash, ipHash,
            userAgentHash, blocked ? 'BLOCKED' : 'CLAIMED', JSON.stringify(fraud), blocked ? 'NONE' : 'ISSUING',
            blocked ? null : newFriendDiscountCode(),
          ],
        );
        inserted = row !== undefined;
        if (inserted && blocked) {
          ctx.emit(REFERRAL_BLOCKED, { referralId: id, advocateId, friendCustomerId, stage: 'CLAIM', reasons: fraud.reasons.map((r) => r.reason) });
        }
        if (friendCustomerId && ipHash) await this.seen(ctx, friendCustomerId, ipHash);
        await ctx.em.flush();
        // Nothing inserted: the same friend's concurrent claim won (or, once in 2^50, the code was taken); take what is there.
        return this.existing(ctx, emailHash, friendCustomerId);
      });
      if (!referral) throw new Error('the claim could not be stored; try again');
    }
    const claimant: Claimant = { trusted: isTrusted(ctx), customerId: verifiedCustomerOf(ctx), ipHash, userAgentHash };
    const owned = inserted ? referral : await this.ownedBy(ctx, referral, claimant);
    if (!owned) return new ReferralAlreadyClaimedError();
    return this.settle(ctx, owned, program.friendReward);
  }

  /** Where the friend's referral stands decides the answer: issued, blocked, or its code still to ask Shopify for. */
  private async settle(ctx: RequestContext, referral: Referral, reward: FriendReward): Promise<ReferralClaimView | ReferralClaimError> {
    if (referral.discountStatus === 'ISSUED') return viewOf(referral, reward);
    return refusalOf(referral) ?? this.issue(ctx, referral, reward);
  }

  /**
   * Asks Shopify for the referral's code under the row's lock. A referral approved after a
   * claim-stage block has no code yet: it draws one first, committed on its own before Shopify is
   * asked, as a new claim's is, so a failure's retry asks for the same code.
   */
  private async issue(ctx: RequestContext, referral: Referral, reward: FriendReward): Promise<ReferralClaimView | ReferralClaimError> {
    const referralId = referral.id;
    if (referral.discountStatus === 'NONE') {
      await ctx.em.execute(`update referral set discount_code = ?, discount_status = 'ISSUING', updated_at = now() where merchant_id = ? and id = ? and discount_status = 'NONE'`, [
        newFriendDiscountCode(),
        ctx.merchantId!,
        referralId,
      ]);
    }
    return inRequestTransaction(ctx, async () => {
      const referral = await ctx.em.findOneOrFail(ReferralEntity, { id: referralId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (referral.discountStatus === 'ISSUED') return viewOf(referral, reward);
      // An admin may have decided while this claim waited for the lock.
      const refused = refusalOf(referral);
      if (refused) return refused;
      const issuedAt = new Date();
      const outcome = await this.discounts.create(ctx, friendDiscountRequest(referral.discountCode!, reward, issuedAt));
      if (outcome.outcome === 'failed') return new ReferralDiscountUnavailableError(ReferralDiscountFailureReason[outcome.reason]);
      if (outcome.outcome === 'unknown') {
        ctx.log.warn({ referralId, detail: outcome.detail }, "the friend's discount code may or may not exist in Shopify; the next claim asks for the same code");
        return new ReferralDiscountUnavailableError(ReferralDiscountFailureReason.OUTCOME_UNKNOWN);
      }
      Object.assign(referral, { discountStatus: 'ISSUED', shopifyDiscountId: outcome.shopifyDiscountId, discountEndsAt: friendCodeEndsAt(reward, issuedAt), updatedAt: new Date() });
      ctx.emit(REFERRAL_CLAIMED, { referralId, advocateId: referral.advocateId, friendCustomerId: referral.friendCustomerId ?? null, status: 'CLAIMED' });
      await ctx.em.flush();
      return viewOf(referral, reward);
    });
  }

  /**
   * The friend's referral at the merchant, by customer id or email fingerprint (at most one row
   * each, by the unique indexes); the customer's own when both match different rows, since a
   * verified customer id says more about who the friend is than a typed email.
   */
  private async existing(ctx: RequestContext, emailHash: string, friendCustomerId: string | null): Promise<Referral | null> {
    const found = await ctx.em.find(
      ReferralEntity,
      { $or: [{ friendEmailHash: emailHash }, ...(friendCustomerId ? [{ friendCustomerId }] : [])] },
      { orderBy: { claimedAt: 'asc' }, limit: 2, refresh: true },
    );
    return found.find((r) => friendCustomerId !== null && r.friendCustomerId === friendCustomerId) ?? found[0] ?? null;
  }

  /**
   * The existing referral when the claimant is its friend, else null. A trusted caller is; a
   * referral of a known customer belongs to that customer's verified session only; a guest's
   * referral to the same browser (IP and user agent fingerprints both equal: a retry, or the same
   * friend's concurrent claims), or to the logged-in customer whose own account email it was
   * claimed with, who is then recorded on it (when that customer has no referral of their own).
   */
  private async ownedBy(ctx: RequestContext, referral: Referral, claimant: Claimant): Promise<Referral | null> {
    if (claimant.trusted) return referral;
    if (referral.friendCustomerId) return referral.friendCustomerId === claimant.customerId ? referral : null;
    if (claimant.ipHash !== null && referral.friendIpHash === claimant.ipHash && (referral.friendUserAgentHash ?? null) === claimant.userAgentHash) return referral;
    if (claimant.customerId === null || !referral.friendEmailHash) return null;
    if ((await this.emails.fingerprintOf(ctx, claimant.customerId)) !== referral.friendEmailHash) return null;
    await ctx.em.execute(
      `update referral set friend_customer_id = ?, updated_at = now() where merchant_id = ? and id = ? and friend_customer_id is null
         and not exists (select 1 from referral mine where mine.merchant_id = ? and mine.friend_customer_id = ?)`,
      [claimant.customerId, ctx.merchantId!, referral.id, ctx.merchantId!, claimant.customerId],
    );
    return referral;
  }

  /** The logged-in friend was seen from this IP (what SAME_IP_AS_ADVOCATE compares when they refer others). */
  private async seen(ctx: RequestContext, customerId: string, ipHash: string): Promise<void> {
    await ctx.em.execute(
      `insert into referral_activity (merchant_id, customer_id, ip_hash, last_seen_at) values (?, ?, ?, now())
       on conflict (merchant_id, customer_id, ip_hash) do update set last_seen_at = excluded.last_seen_at`,
      [ctx.merchantId!, customerId, ipHash],
    );
  }

  /** An address that is not one (a proxy's odd header) is no evidence: the IP checks skip it. */
  private ipHashOf(address: string | null): string | null {
    if (!address) return null;
    try {
      return this.fingerprints.ip(address);
    } catch (error) {
      if (error instanceof HashInputError) return null;
      throw error;
    }
  }
}

/** An admin or partner holding `referrals:manage` (the resolver lets no other non-shopper claim); never a shopper or the storefront's guest. */
function isTrusted(ctx: RequestContext): boolean {
  return ctx.actor.kind !== 'shopper' && ctx.scopes.includes(Scope.REFERRALS_MANAGE);
}

/** The customer the request is verified to come from: a shopper's session customer, else none. */
function verifiedCustomerOf(ctx: RequestContext): string | null {
  return ctx.actor.kind === 'shopper' ? (ctx.customerId ?? null) : null;
}

/**
 * Why a referral without an issued code gets none: blocked and not approved, or ended (rejected
 * or voided) before its code was issued. Null when its code may be issued.
 */
function refusalOf(referral: Referral): ReferralClaimBlockedError | null {
  if ((referral.status === 'BLOCKED' && !referral.approvedAt) || isFinal(referral.status)) {
    return new ReferralClaimBlockedError(referral.fraud.reasons.filter((r) => r.action === 'BLOCK').map((r) => r.reason));
  }
  return null;
}

function viewOf(referral: Referral, reward: FriendReward): ReferralClaimView {
  return { referralId: referral.id, discountCode: referral.discountCode!, status: referral.status, reward, endsAt: referral.discountEndsAt ?? null };
}
