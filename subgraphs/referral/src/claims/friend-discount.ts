import type { DiscountRequest } from '@loyalnest/kit';
import { randomInt } from 'node:crypto';
import { REFERRAL_CODE_ALPHABET } from '../domain/referral-code.js';
import type { FriendReward } from '../domain/referral-program.js';

/**
 * The friend's Shopify discount code: `REF-` and 10 symbols of Crockford's base32 from a CSPRNG,
 * 50 bits, so codes cannot be guessed from each other or enumerated at checkout. Drawn once per
 * referral and stored before Shopify is asked, so every retry asks for the same code.
 */
export const FRIEND_CODE_PREFIX = 'REF-';
const FRIEND_CODE_SYMBOLS = 10;

export function newFriendDiscountCode(): string {
  let code = FRIEND_CODE_PREFIX;
  for (let i = 0; i < FRIEND_CODE_SYMBOLS; i += 1) code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)];
  return code;
}

const DAY_MS = 86_400_000;

/** When a code issued at `issuedAt` stops working under the program's reward; null: never. */
export function friendCodeEndsAt(reward: FriendReward, issuedAt: Date): Date | null {
  return reward.expiryDays === null ? null : new Date(issuedAt.getTime() + reward.expiryDays * DAY_MS);
}

/**
 * The program's friend reward as a discount to create: its kind, value and minimum, valid from
 * now for the reward's expiry days, for one order in all when single use (else unlimited), and
 * once per Shopify customer when the program says so.
 */
export function friendDiscountRequest(code: string, reward: FriendReward, issuedAt: Date): DiscountRequest {
  return {
    code,
    title: `Referral: a friend's discount (${code})`,
    kind: reward.kind,
    value: reward.kind === 'free_shipping' ? null : reward.value,
    variantId: null,
    minimumSubtotal: reward.minimumOrderAmount,
    startsAt: issuedAt,
    endsAt: friendCodeEndsAt(reward, issuedAt),
    customerShopifyId: null,
    usageLimit: reward.singleUse ? 1 : null,
    appliesOncePerCustomer: reward.oncePerCustomer,
  };
}
