import { describe, expect, it } from '@jest/globals';
import { InvalidEmailError, isEmail, canonicalEmail } from '../../subgraphs/kit/src/email-address.js';

/** Email addresses alone: the practical check of a friend's input, and the form self-referrals are compared in. */

const sameMailbox = (a: string, b: string) => canonicalEmail(a) === canonicalEmail(b);

describe('isEmail', () => {
  it('accepts ordinary addresses, trimmed, with the domain in lower-case ASCII and the local part as typed', () => {
    expect(isEmail('ann@example.com')).toEqual({ ok: true, address: 'ann@example.com' });
    expect(isEmail('  Ann.Lee+shop@Mail.Example.CO.UK \n')).toEqual({ ok: true, address: 'Ann.Lee+shop@mail.example.co.uk' });
    expect(isEmail("o'brien_{x}~y@ex-ample.io")).toEqual({ ok: true, address: "o'brien_{x}~y@ex-ample.io" });
  });

  it('carries an internationalized domain as punycode and accepts a local part in any script', () => {
    expect(isEmail('ann@bücher.de')).toEqual({ ok: true, address: 'ann@xn--bcher-kva.de' });
    expect(isEmail('ann@BÜCHER.DE')).toEqual({ ok: true, address: 'ann@xn--bcher-kva.de' });
    expect(isEmail('ann@xn--bcher-kva.de')).toEqual({ ok: true, address: 'ann@xn--bcher-kva.de' });
    expect(isEmail('josé@exämple.com')).toEqual({ ok: true, address: 'josé@xn--exmple-cua.com' });
    expect(isEmail('用户@例子.广告')).toMatchObject({ ok: true });
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['ann.example.com', 'MISSING_AT'],
    ['@example.com', 'BAD_LOCAL_PART'],
    ['ann@', 'BAD_DOMAIN'],
    ['ann@localhost', 'BAD_DOMAIN'],
    ['ann@1.2.3.4', 'BAD_DOMAIN'],
    ['ann@[1.2.3.4]', 'BAD_DOMAIN'],
    ['ann@example..com', 'BAD_DOMAIN'],
    ['ann@gmail.com.', 'BAD_DOMAIN'],
    ['ann@-example.com', 'BAD_DOMAIN'],
    ['ann@exam_ple.com', 'BAD_DOMAIN'],
    ['ann@exa mple.com', 'BAD_DOMAIN'],
    [`ann@${'a'.repeat(64)}.com`, 'BAD_DOMAIN'],
    ['ann..lee@example.com', 'BAD_LOCAL_PART'],
    ['.ann@example.com', 'BAD_LOCAL_PART'],
    ['ann.@example.com', 'BAD_LOCAL_PART'],
    ['ann lee@example.com', 'BAD_LOCAL_PART'],
    ['"ann lee"@example.com', 'BAD_LOCAL_PART'],
    ['ann@lee@example.com', 'BAD_LOCAL_PART'],
    ['ann\u0000@example.com', 'BAD_LOCAL_PART'],
    ['<ann@example.com>', 'BAD_LOCAL_PART'],
    [`${'a'.repeat(65)}@example.com`, 'TOO_LONG'],
    [`ann@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(55)}.com`, 'TOO_LONG'],
  ])('refuses %j as %s, naming the field', (input, reason) => {
    const checked = isEmail(input);
    expect(checked).toMatchObject({ ok: false, field: 'email', reason });
    if (!checked.ok) expect(checked.message).toMatch(/^email /);
  });

  it('accepts the longest local part and address the limits allow', () => {
    expect(isEmail(`${'a'.repeat(64)}@example.com`)).toMatchObject({ ok: true });
    const longest = `ann@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(54)}.com`;
    expect(longest).toHaveLength(254);
    expect(isEmail(longest)).toMatchObject({ ok: true });
  });

  it('names the field it was given', () => {
    expect(isEmail('nope', 'input.friendEmail')).toMatchObject({ ok: false, field: 'input.friendEmail', message: expect.stringMatching(/^input\.friendEmail is not an email address/) });
  });
});

describe('canonicalEmail', () => {
  it('makes A.B+x@gmail.com and ab@googlemail.com one mailbox (the issue\'s case)', () => {
    expect(canonicalEmail('A.B+x@gmail.com')).toBe('ab@gmail.com');
    expect(canonicalEmail('ab@googlemail.com')).toBe('ab@gmail.com');
    expect(sameMailbox('A.B+x@gmail.com', 'ab@googlemail.com')).toBe(true);
  });

  it('ignores every dot and everything after the first + at Gmail', () => {
    expect(sameMailbox('a.n.n.l.e.e@gmail.com', 'annlee@gmail.com')).toBe(true);
    expect(sameMailbox('annlee+one+two@GMAIL.COM', 'ann.lee@gmail.com')).toBe(true);
    expect(sameMailbox('ann.lee+promo@googlemail.com', 'AnnLee@Gmail.com')).toBe(true);
  });

  it('keeps dots and tags that matter: other domains, Gmail look-alikes, and Google Workspace domains', () => {
    expect(sameMailbox('a.b@example.com', 'ab@example.com')).toBe(false);
    expect(sameMailbox('ann+x@example.com', 'ann@example.com')).toBe(false);
    expect(sameMailbox('a.b@gmail.co.uk', 'ab@gmail.co.uk')).toBe(false);
    expect(sameMailbox('a.b@mail.gmail.com', 'ab@gmail.com')).toBe(false);
    expect(sameMailbox('a.b@company-on-workspace.com', 'ab@company-on-workspace.com')).toBe(false);
    expect(canonicalEmail('A.B+x@Example.com')).toBe('a.b+x@example.com');
  });

  it('strips only the +tag at Outlook, Hotmail, Live and MSN, and keeps their domains apart', () => {
    expect(canonicalEmail('Ann.Lee+shop@outlook.com')).toBe('ann.lee@outlook.com');
    expect(sameMailbox('ann.lee+x@hotmail.com', 'ann.lee@hotmail.com')).toBe(true);
    expect(sameMailbox('ann+x@live.com', 'ann@live.com')).toBe(true);
    expect(sameMailbox('ann+x@msn.com', 'ann@msn.com')).toBe(true);
    expect(sameMailbox('ann.lee@outlook.com', 'annlee@outlook.com')).toBe(false);
    expect(sameMailbox('ann@hotmail.com', 'ann@outlook.com')).toBe(false);
  });

  it('reads iCloud, me.com and mac.com as one, tags stripped and dots kept', () => {
    expect(canonicalEmail('Ann.Lee+x@me.com')).toBe('ann.lee@icloud.com');
    expect(sameMailbox('ann+x@mac.com', 'ann@icloud.com')).toBe(true);
    expect(sameMailbox('ann.lee@icloud.com', 'annlee@icloud.com')).toBe(false);
  });

  it('reads Proton\'s four domains as one and strips its +aliases, keeping dots', () => {
    for (const domain of ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me']) expect(canonicalEmail(`Ann+news@${domain}`)).toBe('ann@proton.me');
    expect(sameMailbox('ann.lee@pm.me', 'annlee@proton.me')).toBe(false);
  });

  it('strips Fastmail tags and keeps Yahoo addresses whole (Yahoo tags with its own disposable names, not +)', () => {
    expect(sameMailbox('ann+x@fastmail.com', 'ann@fastmail.com')).toBe(true);
    expect(sameMailbox('ann+x@fastmail.com', 'ann@fastmail.fm')).toBe(false);
    expect(canonicalEmail('Ann-shop@yahoo.com')).toBe('ann-shop@yahoo.com');
    expect(sameMailbox('ann-shop@yahoo.com', 'ann@yahoo.com')).toBe(false);
    expect(sameMailbox('ann+x@yahoo.com', 'ann@yahoo.com')).toBe(false);
    expect(sameMailbox('a.nn@yahoo.com', 'ann@yahoo.com')).toBe(false);
  });

  it('lower-cases the local part and folds international domains to their punycode', () => {
    expect(sameMailbox('ANN@EXAMPLE.COM', 'ann@example.com')).toBe(true);
    expect(canonicalEmail('Ann@BÜCHER.de')).toBe('ann@xn--bcher-kva.de');
    expect(sameMailbox('ann@bücher.de', 'ann@xn--bcher-kva.de')).toBe(true);
    expect(sameMailbox('ann@ＧＭＡＩＬ.com', 'ann@gmail.com')).toBe(true);
    // é typed as one code point or as e + combining accent: one mailbox.
    expect(sameMailbox('jos\u00e9@example.com', 'jose\u0301@example.com')).toBe(true);
    expect(sameMailbox('jose@example.com', 'josé@example.com')).toBe(false);
  });

  it('keeps a Gmail address that is only a tag whole, rather than collapsing it into an empty name', () => {
    expect(canonicalEmail('+promo@gmail.com')).toBe('+promo@gmail.com');
    expect(sameMailbox('+promo@gmail.com', '+other@gmail.com')).toBe(false);
  });

  it('throws a typed error naming the field for input that is not an address, and trims what is', () => {
    expect(canonicalEmail('  Ann@Example.com ')).toBe('ann@example.com');
    expect(() => canonicalEmail('not an email')).toThrow(InvalidEmailError);
    try {
      canonicalEmail('ann@');
      throw new Error('canonicalEmail accepted ann@');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEmailError);
      expect((error as InvalidEmailError).problem).toMatchObject({ field: 'email', reason: 'BAD_DOMAIN' });
    }
  });
});
