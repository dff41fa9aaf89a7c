/**
 * The shopper never sees the API's own message (it is written for developers, in English): each
 * error `code` (result unions' `ErrorCode`, a thrown error's `extensions.code`, the proxy routes'
 * `{ error: { code } }`, or the widget's own `NETWORK`) maps to the key of a sentence in the
 * shopper's language. Anything unknown reads as the generic sentence.
 */
const WORDS: Record<string, string> = {
  INSUFFICIENT_POINTS: 'error_insufficient_points',
  NEGATIVE_BALANCE: 'error_insufficient_points',
  REWARD_NOT_FOUND: 'error_reward_unavailable',
  REWARD_UNAVAILABLE: 'error_reward_unavailable',
  PROGRAM_DISABLED: 'error_program_disabled',
  DISCOUNT_CREATION_FAILED: 'error_try_later',
  IDEMPOTENCY_KEY_REUSED: 'error_try_later',
  UNAVAILABLE: 'error_try_later',
  // The API's rate limit (a busy shop, or a flood of guest sessions): not the shopper's doing.
  THROTTLED: 'error_busy',
  NETWORK: 'error_network',
  UNAUTHENTICATED: 'error_session',
  FORBIDDEN: 'error_session',
  APP_PROXY_REFUSED: 'error_session',
  SHOP_NOT_INSTALLED: 'error_program_disabled',
  CUSTOMER_NOT_FOUND: 'error_session',
  REFERRAL_PROGRAM_DISABLED: 'error_referral_disabled',
  REFERRAL_CODE_NOT_FOUND: 'error_referral_not_found',
  REFERRAL_CLAIM_INVALID: 'error_claim_email',
  REFERRAL_CLAIM_BLOCKED: 'error_claim_blocked',
  REFERRAL_ALREADY_CLAIMED: 'error_already_claimed',
  REFERRAL_DISCOUNT_UNAVAILABLE: 'error_try_later',
};

export const GENERIC_ERROR = 'error_generic';

/** The strings key of the sentence for an error code. */
export function errorKey(code: string | null | undefined): string {
  return (code && WORDS[code]) || GENERIC_ERROR;
}

/** Every key errorKey may answer, so a test can check each exists in every language. */
export const ERROR_KEYS = [...new Set([...Object.values(WORDS), GENERIC_ERROR])];
