import { describe, expect, it } from '@jest/globals';
import { newReferralCode, parseReferralCode, REFERRAL_CODE_ALPHABET, REFERRAL_CODE_LENGTH } from '../../subgraphs/referral/src/domain/referral-code.js';

/** Referral codes alone: the alphabet, the generator, and reading what a shopper typed. */

describe('referral code alphabet', () => {
  it('is Crockford base32: 32 distinct digits and letters, none of I, L, O or U', () => {
    expect(REFERRAL_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(REFERRAL_CODE_ALPHABET).size).toBe(32);
    expect(REFERRAL_CODE_ALPHABET).toMatch(/^[0-9A-Z]+$/);
    for (const ambiguous of 'ILOU') expect(REFERRAL_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('gives 8-character codes, a space of 32^8 ≈ 1.1e12', () => {
    expect(REFERRAL_CODE_LENGTH).toBe(8);
    expect(REFERRAL_CODE_ALPHABET.length ** REFERRAL_CODE_LENGTH).toBe(1_099_511_627_776);
  });
});

describe('newReferralCode', () => {
  it('makes codes of the alphabet that parse back to themselves', () => {
    for (let i = 0; i < 500; i += 1) {
      const code = newReferralCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(parseReferralCode(code)).toEqual({ ok: true, code });
    }
  });

  it('draws every symbol about equally often and repeats no code in 4,000', () => {
    // 32,000 symbols: each expected 1,000 times with a standard deviation near 31, so 700..1,300
    // fails only for a generator that skips or favours symbols (or returns a fixed code).
    const codes = Array.from({ length: 4000 }, () => newReferralCode());
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const symbol of codes.join('')) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe(REFERRAL_CODE_ALPHABET);
    for (const [, n] of counts) {
      expect(n).toBeGreaterThan(700);
      expect(n).toBeLessThan(1300);
    }
  });
});

describe('parseReferralCode', () => {
  it('reads any case, trims whitespace and ignores Crockford hyphens', () => {
    for (const typed of ['7K3MXQ2P', '7k3mxq2p', '  7k3MxQ2p\t\n', '7K3M-XQ2P', '7k3m-xq2p ']) {
      expect(parseReferralCode(typed)).toEqual({ ok: true, code: '7K3MXQ2P' });
    }
  });

  it('reads O as 0 and I or L as 1, in either case, the way Crockford decodes them', () => {
    expect(parseReferralCode('O0oI1iLl')).toEqual({ ok: true, code: '00011111' });
    expect(parseReferralCode('ABOL-TIME')).toEqual({ ok: true, code: 'AB01T1ME' });
  });

  it('reads the full-width letters of East Asian keyboards as ASCII', () => {
    expect(parseReferralCode('７Ｋ３ＭＸＱ２Ｐ')).toEqual({ ok: true, code: '7K3MXQ2P' });
  });

  it('refuses U and anything outside the alphabet, naming the character and the field', () => {
    for (const [typed, character] of [
      ['7K3MXQ2U', 'U'],
      ['7k3mxq2u', 'U'],
      ['7K3M XQ2P', ' '],
      ['7K3M_XQ2P', '_'],
      ['7K3MXQ2!', '!'],
      ['7K3MXQ2É', 'É'],
      ['7K3MXQ2😀', '😀'],
    ]) {
      const parsed = parseReferralCode(typed);
      expect(parsed).toMatchObject({ ok: false, field: 'code', reason: 'BAD_CHARACTER' });
      if (!parsed.ok) expect(parsed.message).toContain(JSON.stringify(character));
    }
  });

  it('refuses an empty code, or one of only whitespace and hyphens', () => {
    for (const typed of ['', '   ', '\t', '-', ' -- ']) {
      expect(parseReferralCode(typed)).toMatchObject({ ok: false, field: 'code', reason: 'EMPTY' });
    }
  });

  it('refuses a code one symbol short or one too long, and a huge input without reading it', () => {
    expect(parseReferralCode('7K3MXQ2')).toMatchObject({ ok: false, reason: 'TOO_SHORT', message: expect.stringContaining('7 were given') });
    expect(parseReferralCode('7K3MXQ2PA')).toMatchObject({ ok: false, reason: 'TOO_LONG', message: expect.stringContaining('9 were given') });
    expect(parseReferralCode('7'.repeat(65))).toMatchObject({ ok: false, reason: 'TOO_LONG' });
    expect(parseReferralCode('U'.repeat(1_000_000))).toMatchObject({ ok: false, reason: 'TOO_LONG' });
  });

  it('names the field it was given in the problem', () => {
    const parsed = parseReferralCode('', 'input.referralCode');
    expect(parsed).toMatchObject({ ok: false, field: 'input.referralCode', reason: 'EMPTY' });
    if (!parsed.ok) expect(parsed.message).toMatch(/^input\.referralCode is empty/);
  });
});
