import { randomInt } from 'node:crypto';

/**
 * Referral codes: what a shopper reads aloud, types on a phone or copies from a link.
 *
 * The alphabet is Crockford's base32 (https://www.crockford.com/base32.html): digits and upper-case
 * letters without I, L, O and U, so no two symbols look alike (I/1, L/1, O/0) and no accidental
 * obscenity spells out through U. Codes are 8 symbols: 32^8 = 2^40 ≈ 1.1e12 codes. With 1 million
 * customers in one shop, a guessed code hits somebody's code about once in 1.1 million tries, and
 * every try is a click through the rate-limited app proxy; codes come from a CSPRNG so knowing
 * some codes says nothing about the others.
 */
export const REFERRAL_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERRAL_CODE_LENGTH = 8;

/**
 * What a shopper may type that is not the canonical symbol, read the way Crockford's decoding does:
 * O and o are 0; I, i, L and l are 1 (people copy an 8-character code by eye). U stays an error:
 * Crockford keeps it out of the alphabet and names no symbol it could stand for.
 */
const MISTYPES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** Anything longer is refused before any work on it: a code is short, a megabyte of input is not a code. */
const MAX_INPUT_LENGTH = 64;

export type ReferralCodeProblemReason = 'EMPTY' | 'TOO_SHORT' | 'TOO_LONG' | 'BAD_CHARACTER';

/** Why an input is not a referral code, naming the input field it came from. */
export interface ReferralCodeProblem {
  ok: false;
  field: string;
  reason: ReferralCodeProblemReason;
  message: string;
}

export type ParsedReferralCode = { ok: true; code: string } | ReferralCodeProblem;

/** A new code: each symbol drawn uniformly from the alphabet (`randomInt` has no modulo bias). */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i += 1) code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)];
  return code;
}

/**
 * Reads a code as a shopper gave it: surrounding whitespace trimmed, any case, hyphens ignored
 * (Crockford's grouping: `ABCD-EFGH`), full-width forms from East Asian keyboards read as ASCII,
 * O read as 0 and I/L as 1. Returns the canonical upper-case code, the form codes are stored and
 * looked up in, or the first reason it is not one. `field` names the input in the problem.
 */
export function parseReferralCode(input: string, field = 'code'): ParsedReferralCode {
  const problem = (reason: ReferralCodeProblemReason, message: string): ReferralCodeProblem => ({ ok: false, field, reason, message });
  if (input.length > MAX_INPUT_LENGTH) return problem('TOO_LONG', `${field} is not a referral code: a code has ${REFERRAL_CODE_LENGTH} characters`);
  const symbols = input.normalize('NFKC').trim().toUpperCase().replaceAll('-', '');
  if (symbols.length === 0) return problem('EMPTY', `${field} is empty: a referral code has ${REFERRAL_CODE_LENGTH} characters`);
  let code = '';
  for (const symbol of symbols) {
    const canonical = MISTYPES[symbol] ?? symbol;
    if (!REFERRAL_CODE_ALPHABET.includes(canonical)) {
      return problem('BAD_CHARACTER', `${field} has a character no referral code has (${JSON.stringify(symbol)}): codes use digits and the letters A-Z without I, L, O and U`);
    }
    code += canonical;
  }
  if (code.length > REFERRAL_CODE_LENGTH) return problem('TOO_LONG', `${field} is too long: a referral code has ${REFERRAL_CODE_LENGTH} characters, ${code.length} were given`);
  if (code.length < REFERRAL_CODE_LENGTH) return problem('TOO_SHORT', `${field} is too short: a referral code has ${REFERRAL_CODE_LENGTH} characters, ${code.length} were given`);
  return { ok: true, code };
}
