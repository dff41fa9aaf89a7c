import { randomInt } from 'node:crypto';

/**
 * A stand-in for the referral code module another change brings (`referral-code.ts`), kept behind
 * these two functions so it can be swapped without touching their callers.
 *
 * Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U, so no two
 * characters are confused when read aloud or copied by hand. Eight characters from
 * `crypto.randomInt`: 32^8 ≈ 1.1 × 10^12 codes, so guessing one of a shop's codes takes about a
 * million tries per hundred thousand customers.
 */
export const REFERRAL_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERRAL_CODE_LENGTH = 8;

/** A new random code, upper case. */
export function generateReferralCode(): string {
  let code = '';
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)];
  return code;
}

/**
 * The code a visitor typed or followed, as stored (upper case), or null when it cannot be one:
 * case does not matter, and the letters Crockford's alphabet leaves out are read as what they are
 * mistaken for (O as 0, I and L as 1). Anything else, or another length, is not a code.
 */
export function parseReferralCode(input: string): string | null {
  if (typeof input !== 'string' || input.length !== REFERRAL_CODE_LENGTH) return null;
  const code = input.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  for (const char of code) if (!REFERRAL_CODE_ALPHABET.includes(char)) return null;
  return code;
}
