import { describe, expect, it } from '@jest/globals';
import { canonicalEmail } from '../../subgraphs/kit/src/email-address.js';
import {
  checkClaim,
  checkConversion,
  combineAssessments,
  type AdvocateFacts,
  type ClaimFacts,
  type ConversionFacts,
  type FraudAssessment,
} from '../../subgraphs/referral/src/domain/referral-fraud.js';
import { DEFAULT_FRAUD_POLICY, FRAUD_REASONS, fraudPolicyOf, type FraudAction, type FraudReason, type ReferralFraudPolicy } from '../../subgraphs/referral/src/domain/referral-fraud-policy.js';
import { DEFAULT_REFERRAL_SETTINGS } from '../../subgraphs/referral/src/domain/referral-program.js';
import { createFingerprinter } from '../../subgraphs/kit/src/fingerprint.js';

/**
 * The fraud rules alone: each reason fires by itself while a legitimate referral beside it (same
 * advocate, an honest friend) stays clean; BLOCK and FLAG as the policy says; reasons in one order.
 */

const hash = createFingerprinter('fraud-test-secret-of-at-least-32-bytes');
const ADVOCATE_HOME = { address1: '12 Main Street', zip: '10001', countryCode: 'US' };

function advocate(overrides: Partial<AdvocateFacts> = {}): AdvocateFacts {
  return {
    customerId: 'advocate-1',
    normalizedEmail: canonicalEmail('ab@googlemail.com'),
    recentIpHashes: [hash.ip('198.51.100.10'), hash.ip('2001:db8:aa:1::5')],
    shippingAddressHashes: [hash.shippingAddress(ADVOCATE_HOME)],
    rewardedThisMonth: 0,
    rewardedLifetime: 0,
    ...overrides,
  };
}

/** An honest friend's claim: another person, another network, no past orders. */
function claim(friend: Partial<ClaimFacts['friend']> = {}, advocateFacts = advocate()): ClaimFacts {
  return {
    advocate: advocateFacts,
    friend: { customerId: null, normalizedEmail: canonicalEmail('friend@example.com'), ipHash: hash.ip('203.0.113.20'), earlierClaimsFromIpInWeek: 0, hadOrdersBeforeClaim: null, ...friend },
  };
}

/** An honest friend's first order: their own account, their own address. */
function conversion(order: Partial<ConversionFacts['order']> = {}, friend: Partial<ConversionFacts['friend']> = {}, advocateFacts = advocate()): ConversionFacts {
  return {
    advocate: advocateFacts,
    friend: { hadOrdersBeforeClaim: false, ...friend },
    order: {
      customerId: 'friend-1',
      normalizedEmail: canonicalEmail('friend@example.com'),
      shippingAddressHash: hash.shippingAddress({ address1: '40 Elm Road', zip: '02139', countryCode: 'US' }),
      ...order,
    },
  };
}

const policy = (actions: Partial<Record<FraudReason, FraudAction>> = {}, rest: Partial<ReferralFraudPolicy> = {}): ReferralFraudPolicy => ({
  ...DEFAULT_FRAUD_POLICY,
  ...rest,
  actions: { ...DEFAULT_FRAUD_POLICY.actions, ...actions },
});

const reasonsOf = (assessment: FraudAssessment) => assessment.reasons.map((r) => r.reason);
const CLEAN: FraudAssessment = { verdict: 'CLEAN', reasons: [] };

/** One case per rule: the facts that make it fire alone, at the stage it belongs to. */
const CASES: Array<{ title: string; reason: FraudReason; run: (p: ReferralFraudPolicy) => FraudAssessment; explains: RegExp }> = [
  { title: 'the advocate claims their own link while logged in', reason: 'SELF_REFERRAL', run: (p) => checkClaim(p, claim({ customerId: 'advocate-1' })), explains: /advocate's own customer account/ },
  {
    title: 'the friend\'s email is the advocate\'s own as A.B+x@gmail.com',
    reason: 'SELF_REFERRAL',
    run: (p) => checkClaim(p, claim({ normalizedEmail: canonicalEmail('A.B+x@gmail.com') })),
    explains: /email is the advocate's own once normalized/,
  },
  { title: 'the order is placed by the advocate\'s account', reason: 'ADVOCATE_PLACED_ORDER', run: (p) => checkConversion(p, conversion({ customerId: 'advocate-1' })), explains: /advocate's own customer account/ },
  {
    title: 'the order carries the advocate\'s email as a guest checkout',
    reason: 'ADVOCATE_PLACED_ORDER',
    run: (p) => checkConversion(p, conversion({ customerId: null, normalizedEmail: canonicalEmail('a.b@gmail.com') })),
    explains: /advocate's own email/,
  },
  { title: 'the friend claims from the advocate\'s IPv4 address', reason: 'SAME_IP_AS_ADVOCATE', run: (p) => checkClaim(p, claim({ ipHash: hash.ip('::ffff:198.51.100.10') })), explains: /IP address/ },
  { title: 'the friend claims from the advocate\'s IPv6 network', reason: 'SAME_IP_AS_ADVOCATE', run: (p) => checkClaim(p, claim({ ipHash: hash.ip('2001:db8:aa:1:dead:beef::1') })), explains: /IPv6 network/ },
  { title: 'one IP makes its 10th claim of the week', reason: 'IP_CLAIM_BURST', run: (p) => checkClaim(p, claim({ earlierClaimsFromIpInWeek: 9 })), explains: /claim 10 from one IP address in 7 days; the program reports 10 or more/ },
  {
    title: 'the order ships to the advocate\'s address, written differently',
    reason: 'SAME_SHIPPING_ADDRESS',
    run: (p) => checkConversion(p, conversion({ shippingAddressHash: hash.shippingAddress({ address1: '12 main st.', zip: '10001-0001', countryCode: 'us' }) })),
    explains: /ships to an address the advocate's own orders shipped to/,
  },
  { title: 'a logged-in friend had ordered before claiming', reason: 'EXISTING_CUSTOMER', run: (p) => checkClaim(p, claim({ customerId: 'friend-1', hadOrdersBeforeClaim: true })), explains: /already ordered before claiming/ },
  { title: 'a guest friend\'s order shows they had ordered before the claim', reason: 'EXISTING_CUSTOMER', run: (p) => checkConversion(p, conversion({}, { hadOrdersBeforeClaim: true })), explains: /already ordered before the claim/ },
  {
    title: 'the advocate reached the monthly cap',
    reason: 'ADVOCATE_OVER_CAP',
    run: (p) => checkConversion({ ...p, advocateMonthlyCap: 3 }, conversion({}, {}, advocate({ rewardedThisMonth: 3, rewardedLifetime: 7 }))),
    explains: /3 rewarded referrals this month; the program's monthly cap is 3/,
  },
  {
    title: 'the advocate reached the lifetime cap',
    reason: 'ADVOCATE_OVER_CAP',
    run: (p) => checkConversion({ ...p, advocateLifetimeCap: 20 }, conversion({}, {}, advocate({ rewardedThisMonth: 1, rewardedLifetime: 20 }))),
    explains: /20 rewarded referrals in all; the program's lifetime cap is 20/,
  },
];

describe('a legitimate referral', () => {
  it('is clean at the claim and at the conversion, and over both', () => {
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim())).toEqual(CLEAN);
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ customerId: 'friend-1', hadOrdersBeforeClaim: false }))).toEqual(CLEAN);
    expect(checkConversion(DEFAULT_FRAUD_POLICY, conversion())).toEqual(CLEAN);
    expect(combineAssessments(checkClaim(DEFAULT_FRAUD_POLICY, claim()), checkConversion(DEFAULT_FRAUD_POLICY, conversion()))).toEqual(CLEAN);
  });

  it('stays clean under the strictest policy, with caps not yet reached', () => {
    const strict = policy(Object.fromEntries(FRAUD_REASONS.map((r) => [r, 'BLOCK'])), { ipClaimBurstThreshold: 2, advocateMonthlyCap: 1, advocateLifetimeCap: 1 });
    expect(checkClaim(strict, claim())).toEqual(CLEAN);
    expect(checkConversion(strict, conversion())).toEqual(CLEAN);
  });
});

describe.each(CASES)('when $title', ({ reason, run, explains }) => {
  it(`reports ${reason} alone, with its explanation, while an honest friend of the same advocate stays clean`, () => {
    const assessment = run(DEFAULT_FRAUD_POLICY);
    expect(reasonsOf(assessment)).toEqual([reason]);
    expect(assessment.reasons[0].explanation).toMatch(explains);
    expect(assessment.reasons[0].action).toBe(DEFAULT_FRAUD_POLICY.actions[reason]);
    expect(assessment.verdict).toBe(DEFAULT_FRAUD_POLICY.actions[reason] === 'BLOCK' ? 'BLOCKED' : 'FLAGGED');
    // the same advocate's honest referral next to it
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim())).toEqual(CLEAN);
    expect(checkConversion(DEFAULT_FRAUD_POLICY, conversion())).toEqual(CLEAN);
  });

  it(`blocks on ${reason} when the policy says BLOCK, and only flags when it says FLAG`, () => {
    expect(run(policy({ [reason]: 'BLOCK' }))).toMatchObject({ verdict: 'BLOCKED', reasons: [{ reason, action: 'BLOCK' }] });
    expect(run(policy({ [reason]: 'FLAG' }))).toMatchObject({ verdict: 'FLAGGED', reasons: [{ reason, action: 'FLAG' }] });
  });
});

describe('self-referral by email', () => {
  it('matches only the same mailbox: dots matter at other providers', () => {
    const atWork = advocate({ normalizedEmail: canonicalEmail('ann.lee@example.com') });
    expect(reasonsOf(checkClaim(DEFAULT_FRAUD_POLICY, claim({ normalizedEmail: canonicalEmail('Ann.Lee@Example.com') }, atWork)))).toEqual(['SELF_REFERRAL']);
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ normalizedEmail: canonicalEmail('annlee@example.com') }, atWork))).toEqual(CLEAN);
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ normalizedEmail: canonicalEmail('ann.lee+x@example.com') }, atWork))).toEqual(CLEAN);
  });

  it('reports one SELF_REFERRAL when both the account and the email match', () => {
    const both = checkClaim(DEFAULT_FRAUD_POLICY, claim({ customerId: 'advocate-1', normalizedEmail: canonicalEmail('ab@gmail.com') }));
    expect(reasonsOf(both)).toEqual(['SELF_REFERRAL']);
  });

  it('never matches two unknown identities', () => {
    const anonymous = advocate({ normalizedEmail: null });
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({}, anonymous))).toEqual(CLEAN);
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ normalizedEmail: '' }, advocate({ normalizedEmail: '' })))).toEqual(CLEAN);
    expect(checkConversion(DEFAULT_FRAUD_POLICY, conversion({ customerId: null, normalizedEmail: null }, {}, anonymous))).toEqual(CLEAN);
  });
});

describe('the IP claim burst', () => {
  it('reports the claim that reaches the threshold, not the one before it (default 10 a week)', () => {
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ earlierClaimsFromIpInWeek: 8 }))).toEqual(CLEAN);
    expect(reasonsOf(checkClaim(DEFAULT_FRAUD_POLICY, claim({ earlierClaimsFromIpInWeek: 9 })))).toEqual(['IP_CLAIM_BURST']);
    expect(reasonsOf(checkClaim(DEFAULT_FRAUD_POLICY, claim({ earlierClaimsFromIpInWeek: 500 })))).toEqual(['IP_CLAIM_BURST']);
  });

  it('follows the program\'s threshold', () => {
    const three = policy({}, { ipClaimBurstThreshold: 3 });
    expect(checkClaim(three, claim({ earlierClaimsFromIpInWeek: 1 }))).toEqual(CLEAN);
    expect(checkClaim(three, claim({ earlierClaimsFromIpInWeek: 2 }))).toMatchObject({ verdict: 'BLOCKED', reasons: [{ reason: 'IP_CLAIM_BURST', explanation: expect.stringContaining('reports 3 or more') }] });
  });

  it('says nothing without an IP to count by, and nothing about an honest friend on another network', () => {
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ ipHash: null, earlierClaimsFromIpInWeek: 50 }))).toEqual(CLEAN);
    expect(checkClaim(DEFAULT_FRAUD_POLICY, claim({ ipHash: hash.ip('2001:db8:aa:2::5') }))).toEqual(CLEAN);
  });
});

describe('the advocate cap', () => {
  it('fires when this reward would pass the cap, not before; no cap never fires', () => {
    const capped = policy({}, { advocateMonthlyCap: 5, advocateLifetimeCap: 50 });
    expect(checkConversion(capped, conversion({}, {}, advocate({ rewardedThisMonth: 4, rewardedLifetime: 49 })))).toEqual(CLEAN);
    expect(reasonsOf(checkConversion(capped, conversion({}, {}, advocate({ rewardedThisMonth: 5, rewardedLifetime: 5 }))))).toEqual(['ADVOCATE_OVER_CAP']);
    expect(checkConversion(DEFAULT_FRAUD_POLICY, conversion({}, {}, advocate({ rewardedThisMonth: 10_000, rewardedLifetime: 1_000_000 })))).toEqual(CLEAN);
  });

  it('explains both caps in one reason when both are reached', () => {
    const capped = policy({}, { advocateMonthlyCap: 2, advocateLifetimeCap: 2 });
    const over = checkConversion(capped, conversion({}, {}, advocate({ rewardedThisMonth: 2, rewardedLifetime: 2 })));
    expect(reasonsOf(over)).toEqual(['ADVOCATE_OVER_CAP']);
    expect(over.reasons[0].explanation).toMatch(/monthly cap is 2.*lifetime cap is 2/);
  });

  it('refuses counts that are not counts rather than never reaching a cap', () => {
    const capped = policy({}, { advocateMonthlyCap: 5 });
    expect(() => checkConversion(capped, conversion({}, {}, advocate({ rewardedThisMonth: Number.NaN })))).toThrow(/advocate.rewardedThisMonth must be a count/);
    expect(() => checkConversion(capped, conversion({}, {}, advocate({ rewardedLifetime: -1 })))).toThrow(/advocate.rewardedLifetime/);
    expect(() => checkClaim(capped, claim({ earlierClaimsFromIpInWeek: 1.5 }))).toThrow(/friend.earlierClaimsFromIpInWeek/);
  });
});

describe('several reasons at once', () => {
  it('lists every reason that matched, in the fixed order, blocked if any blocks', () => {
    const everything = checkClaim(DEFAULT_FRAUD_POLICY, claim({ customerId: 'advocate-1', ipHash: hash.ip('198.51.100.10'), earlierClaimsFromIpInWeek: 20, hadOrdersBeforeClaim: true }));
    expect(reasonsOf(everything)).toEqual(['SELF_REFERRAL', 'SAME_IP_AS_ADVOCATE', 'IP_CLAIM_BURST', 'EXISTING_CUSTOMER']);
    expect(everything.verdict).toBe('BLOCKED');
    expect(everything.reasons.every((r) => r.stage === 'CLAIM')).toBe(true);
  });

  it('is only flagged when every matching reason flags', () => {
    const ipOnly = checkClaim(policy({ IP_CLAIM_BURST: 'FLAG' }), claim({ ipHash: hash.ip('198.51.100.10'), earlierClaimsFromIpInWeek: 9 }));
    expect(ipOnly).toMatchObject({ verdict: 'FLAGGED', reasons: [{ reason: 'SAME_IP_AS_ADVOCATE', action: 'FLAG' }, { reason: 'IP_CLAIM_BURST', action: 'FLAG' }] });
  });

  it('combines claim and conversion into every reason once, in order, whatever order they come in', () => {
    const atClaim = checkClaim(DEFAULT_FRAUD_POLICY, claim({ ipHash: hash.ip('198.51.100.10') }));
    const atConversion = checkConversion(policy({}, { advocateMonthlyCap: 1 }), conversion({ customerId: 'advocate-1', shippingAddressHash: hash.shippingAddress(ADVOCATE_HOME) }, {}, advocate({ rewardedThisMonth: 1 })));
    const combined = combineAssessments(atConversion, atClaim);
    expect(reasonsOf(combined)).toEqual(['ADVOCATE_PLACED_ORDER', 'SAME_IP_AS_ADVOCATE', 'SAME_SHIPPING_ADDRESS', 'ADVOCATE_OVER_CAP']);
    expect(combined.verdict).toBe('BLOCKED');
    expect(combineAssessments(atClaim, atConversion)).toEqual(combined);
    expect(combined.reasons.map((r) => r.stage)).toEqual(['CONVERSION', 'CLAIM', 'CONVERSION', 'CONVERSION']);
  });

  it('keeps a flag raised at the claim when the conversion is clean', () => {
    const flagged = checkClaim(DEFAULT_FRAUD_POLICY, claim({ ipHash: hash.ip('198.51.100.10') }));
    expect(combineAssessments(flagged, checkConversion(DEFAULT_FRAUD_POLICY, conversion()))).toMatchObject({ verdict: 'FLAGGED', reasons: [{ reason: 'SAME_IP_AS_ADVOCATE' }] });
  });

  it('what if the policy changed between claim and conversion? the same reason is reported once, as its blocking finding', () => {
    const flaggedAtClaim = checkClaim(policy({ EXISTING_CUSTOMER: 'FLAG' }), claim({ customerId: 'friend-1', hadOrdersBeforeClaim: true }));
    const blockedAtConversion = checkConversion(policy({ EXISTING_CUSTOMER: 'BLOCK' }), conversion({}, { hadOrdersBeforeClaim: true }));
    for (const combined of [combineAssessments(flaggedAtClaim, blockedAtConversion), combineAssessments(blockedAtConversion, flaggedAtClaim)]) {
      expect(combined).toMatchObject({ verdict: 'BLOCKED', reasons: [{ reason: 'EXISTING_CUSTOMER', action: 'BLOCK', stage: 'CONVERSION' }] });
      expect(combined.reasons).toHaveLength(1);
    }
  });

  it('combines nothing into a clean verdict', () => {
    expect(combineAssessments()).toEqual(CLEAN);
    expect(combineAssessments(CLEAN, CLEAN)).toEqual(CLEAN);
  });

  it('puts no email, IP or address in an explanation', () => {
    const all = combineAssessments(
      checkClaim(DEFAULT_FRAUD_POLICY, claim({ normalizedEmail: canonicalEmail('ab@gmail.com'), ipHash: hash.ip('198.51.100.10'), earlierClaimsFromIpInWeek: 20, hadOrdersBeforeClaim: true })),
      checkConversion(policy({}, { advocateMonthlyCap: 1 }), conversion({ customerId: 'advocate-1', shippingAddressHash: hash.shippingAddress(ADVOCATE_HOME) }, {}, advocate({ rewardedThisMonth: 1 }))),
    );
    expect(reasonsOf(all)).toEqual([...FRAUD_REASONS]);
    for (const { explanation } of all.reasons) {
      expect(explanation).not.toMatch(/@|198\.51|main st|advocate-1|[A-Za-z0-9_-]{43}/i);
    }
  });
});

describe('the policy the checks apply comes from the stored program', () => {
  it('maps the program defaults: household signals flag, the rest block, a burst at 10 a week, no caps', () => {
    expect(DEFAULT_FRAUD_POLICY).toEqual({
      actions: {
        SELF_REFERRAL: 'BLOCK',
        ADVOCATE_PLACED_ORDER: 'BLOCK',
        SAME_IP_AS_ADVOCATE: 'FLAG',
        IP_CLAIM_BURST: 'BLOCK',
        SAME_SHIPPING_ADDRESS: 'FLAG',
        EXISTING_CUSTOMER: 'BLOCK',
        ADVOCATE_OVER_CAP: 'BLOCK',
      },
      ipClaimBurstThreshold: 10,
      advocateMonthlyCap: null,
      advocateLifetimeCap: null,
    });
  });

  it("maps a merchant's changes: each check's action, the burst threshold and both caps", () => {
    const policy = fraudPolicyOf({
      ...DEFAULT_REFERRAL_SETTINGS,
      fraudPolicy: { ...DEFAULT_REFERRAL_SETTINGS.fraudPolicy, self_referral: 'flag', same_shipping_address: 'block' },
      claimBurstPerWeek: 3,
      monthlyCap: 5,
      lifetimeCap: 50,
    });
    expect(policy.actions.SELF_REFERRAL).toBe('FLAG');
    expect(policy.actions.SAME_SHIPPING_ADDRESS).toBe('BLOCK');
    expect(policy.actions.ADVOCATE_PLACED_ORDER).toBe('BLOCK');
    expect(policy).toMatchObject({ ipClaimBurstThreshold: 3, advocateMonthlyCap: 5, advocateLifetimeCap: 50 });
  });
});
