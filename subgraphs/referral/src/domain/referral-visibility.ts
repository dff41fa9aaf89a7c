import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Referral } from '../entities/referral.entity.js';

/**
 * Which referrals exist for the people reading them. A first claim whose discount code is still
 * being asked of Shopify (CLAIMED, discount ISSUING, never approved) is not a referral yet: it is
 * never listed, found or counted, so a claim that then fails leaves nothing anyone saw. Once seen,
 * a referral stays visible: one approved after a claim-stage block is ISSUING again while the
 * friend's next claim asks for its code, and an admin may decide on a claim while it waits.
 */
export const VISIBLE_REFERRAL_SQL = `not (status = 'CLAIMED' and discount_status = 'ISSUING' and approved_at is null)`;

/** The same condition as a MikroORM filter. */
export const VISIBLE_REFERRAL: FilterQuery<Referral> = { $not: { status: 'CLAIMED', discountStatus: 'ISSUING', approvedAt: null } };
