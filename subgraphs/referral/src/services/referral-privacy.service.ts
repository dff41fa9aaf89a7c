import { isUuid, Scope, systemCaller, type FieldCipher, type Fingerprinter, type GdprSubject, type RequestContext } from '@loyalnest/kit';
import { friendEmailAad } from '../entities/referral.entity.js';
import { VISIBLE_REFERRAL_SQL } from '../domain/referral-visibility.js';
import { REFERRAL_VOIDED } from '../topics.js';
import type { ReferralCodeService } from './referral-code.service.js';

/**
 * Whom a GDPR request is about, as the referral store can find them: their LoyalNest customer ids
 * (as advocate, or as a logged-in friend), their email's fingerprint (a guest friend is known by
 * nothing else) and the orders Shopify names.
 */
export interface ReferralSubject {
  customerIds: string[];
  emailHashes: string[];
  orderIds: string[];
}


const BY_SHOPIFY_ID = /* GraphQL */ `
  query ReferralCustomerByShopifyId($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { id } }
`;

type AdvocateRow = { id: string; status: string; claimed_at: Date; converted_at: Date | null; completed_at: Date | null; voided_at: Date | null; points_awarded: number | null };
type FriendRow = { id: string; status: string; friend_email_encrypted: string | null; discount_code: string | null; claimed_at: Date; converted_at: Date | null; order_id: string | null };
type CodeRow = { customer_id: string; code: string; clicks: string; unique_clicks: string; created_at: Date };
/** A referral of the redacted friend; `voided`: this redaction voided it. */
type VoidedRow = { id: string; advocate_id: string; voided: boolean };

/** `{a,b}`: a PostgreSQL array literal (the driver would spread a JS array into a list); only UUIDs, digits and base64url hashes reach it. */
const arrayOf = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * The referral domain's part in Shopify's customers/redact and customers/data_request.
 *
 * Redaction keeps every referral row, so the merchant's counts, points and revenue stay, and
 * removes what identifies the person:
 * - as a friend: their encrypted email and its fingerprint, their IP and user agent fingerprints,
 *   and their customer id (the id names nobody once the customer domain erased them, but nothing
 *   would still need it); a referral that can no longer pay (CLAIMED, or BLOCKED with no order)
 *   is VOIDED with FRIEND_REDACTED, since nobody can claim or order as them again. A PENDING or
 *   COMPLETED one stays as it is: the advocate's reward was earned by an order that happened.
 * - as an advocate: their code and its counts go (`ReferralCodeService.erase`); their referrals
 *   keep the advocate's pseudonymous customer id, as the points ledger keeps its entries, and hold
 *   nothing of theirs beyond it (the friends' data is the friends').
 * - their order facts keep the amounts and lose the email, address and IP fingerprints; where they
 *   were seen from (`referral_activity`) is deleted.
 */
export class ReferralPrivacyService {
  constructor(
    private readonly codes: ReferralCodeService,
    private readonly fingerprints: Fingerprinter,
    private readonly cipher: () => FieldCipher,
  ) {}

  /**
   * The subject of a Shopify request: the customer the customer subgraph still knows under the
   * Shopify id (its own redaction may have run first: then `customer.redacted` brings the id), and
   * the email Shopify named, fingerprinted.
   */
  async subjectOf(ctx: RequestContext, subject: GdprSubject): Promise<ReferralSubject> {
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const answer = await ctx.peers.query<{ customerByShopifyId: { id: string } | null }>('customer', BY_SHOPIFY_ID, { shopifyId: subject.shopifyCustomerId }, caller);
    return {
      customerIds: answer.customerByShopifyId ? [answer.customerByShopifyId.id] : [],
      emailHashes: subject.email ? this.emailHashes(subject.email) : [],
      orderIds: subject.ordersToRedact.filter((id) => /^[0-9]+$/.test(id)),
    };
  }

  /** Erases the subject (see the class); returns the codes removed, for the click cache. Runs in the caller's transaction. */
  async erase(ctx: RequestContext, subject: ReferralSubject): Promise<string[]> {
    const merchantId = ctx.merchantId!;
    const ids = subject.customerIds.filter(isUuid);
    const hashes = subject.emailHashes;
    if (ids.length || hashes.length) {
      const voided = await ctx.em.execute<VoidedRow[]>(
        `with friend as (
           select id, status, order_id from referral
            where merchant_id = ? and (friend_customer_id = any(?::uuid[]) or friend_email_hash = any(?::text[]))
              for update)
         update referral r set
           friend_customer_id = null, friend_email_encrypted = null, friend_email_hash = null, friend_ip_hash = null, friend_user_agent_hash = null,
           status = case when f.status = 'CLAIMED' or (f.status = 'BLOCKED' and f.order_id is null) then 'VOIDED' else r.status end,
           void_reason = case when f.status = 'CLAIMED' or (f.status = 'BLOCKED' and f.order_id is null) then 'FRIEND_REDACTED' else r.void_reason end,
           voided_at = case when f.status = 'CLAIMED' or (f.status = 'BLOCKED' and f.order_id is null) then now() else r.voided_at end,
           updated_at = now()
         from friend f where r.merchant_id = ? and r.id = f.id
         returning r.id, r.advocate_id, (f.status <> r.status) as voided`,
        [merchantId, arrayOf(ids), arrayOf(hashes), merchantId],
      );
      for (const row of voided.filter((r) => r.voided)) {
        ctx.emit(REFERRAL_VOIDED, { referralId: row.id, advocateId: row.advocate_id, friendCustomerId: null, status: 'VOIDED', reason: 'FRIEND_REDACTED' });
      }
    }
    if (ids.length || hashes.length || subject.orderIds.length) {
      await ctx.em.execute(
        `update referral_order set email_hash = null, shipping_address_hash = null, browser_ip_hash = null
          where merchant_id = ? and (customer_id = any(?::uuid[]) or email_hash = any(?::text[]) or order_id = any(?::text[]))`,
        [merchantId, arrayOf(ids), arrayOf(hashes), arrayOf(subject.orderIds)],
      );
    }
    if (!ids.length) return [];
    await ctx.em.execute('delete from referral_activity where merchant_id = ? and customer_id = any(?::uuid[])', [merchantId, arrayOf(ids)]);
    return this.codes.erase(ctx, ids);
  }

  /** What the referral store holds of the subject: their code and its clicks, the referrals they advocated, and their own as a friend (with their email, decrypted). */
  async export(ctx: RequestContext, subject: ReferralSubject): Promise<Record<string, unknown>> {
    const merchantId = ctx.merchantId!;
    const ids = arrayOf(subject.customerIds.filter(isUuid));
    const [codes, advocated, claimed] = await Promise.all([
      ctx.em.execute<CodeRow[]>('select customer_id, code, clicks, unique_clicks, created_at from referral_code where merchant_id = ? and customer_id = any(?::uuid[]) order by customer_id', [merchantId, ids]),
      ctx.em.execute<AdvocateRow[]>(
        `select id, status, claimed_at, converted_at, completed_at, voided_at, points_awarded from referral
          where merchant_id = ? and advocate_id = any(?::uuid[]) and ${VISIBLE_REFERRAL_SQL} order by claimed_at, id`,
        [merchantId, ids],
      ),
      ctx.em.execute<FriendRow[]>(
        `select id, status, friend_email_encrypted, discount_code, claimed_at, converted_at, order_id from referral
          where merchant_id = ? and (friend_customer_id = any(?::uuid[]) or friend_email_hash = any(?::text[])) order by claimed_at, id`,
        [merchantId, ids, arrayOf(subject.emailHashes)],
      ),
    ]);
    const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
    return {
      codes: codes.map((c) => ({ customerId: c.customer_id, code: c.code, clicks: Number(c.clicks), uniqueClicks: Number(c.unique_clicks), createdAt: iso(c.created_at) })),
      asAdvocate: advocated.map((r) => ({ id: r.id, status: r.status, claimedAt: iso(r.claimed_at), convertedAt: iso(r.converted_at), completedAt: iso(r.completed_at), voidedAt: iso(r.voided_at), pointsAwarded: r.points_awarded })),
      asFriend: claimed.map((r) => ({
        id: r.id,
        status: r.status,
        email: r.friend_email_encrypted ? this.cipher().decrypt(r.friend_email_encrypted, friendEmailAad(merchantId, r.id)) : null,
        discountCode: r.discount_code,
        orderId: r.order_id,
        claimedAt: iso(r.claimed_at),
        convertedAt: iso(r.converted_at),
      })),
    };
  }

  /** The fingerprint of the email Shopify named; none for one that is not an email (it matches nothing a friend could have typed). */
  private emailHashes(email: string): string[] {
    try {
      return [this.fingerprints.email(email)];
    } catch {
      return [];
    }
  }
}
