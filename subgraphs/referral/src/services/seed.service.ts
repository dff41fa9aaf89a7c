import { ADMIN_SCOPES, DEMO_MERCHANT, Scope, systemCaller, type FieldCipher, type Fingerprinter, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import { checkClaim, checkConversion, combineAssessments, type AdvocateFacts, type FraudAssessment } from '../domain/referral-fraud.js';
import { fraudPolicyOf } from '../domain/referral-fraud-policy.js';
import { DEFAULT_REFERRAL_SETTINGS } from '../domain/referral-program.js';
import type { ReferralStatus } from '../domain/referral-status.js';
import { friendEmailAad } from '../entities/referral.entity.js';
import type { ReferralProgramService } from './referral-program.service.js';

const DAY_MS = 86_400_000;

/** The demo shop's program: on, 500 points for the advocate, 10 % off the friend's first order, the default 14-day hold and fraud checks. */
export async function seedReferralProgram(runtime: SubgraphRuntime, program: ReferralProgramService): Promise<void> {
  const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, DEMO_MERCHANT.id));
  if ((await program.program(ctx)).version > 0) return;
  const saved = await program.update(ctx, {
    enabled: true,
    advocatePoints: 500,
    friendReward: { kind: 'percentage', value: '10', expiryDays: 30 },
    minimumOrderValue: '20.00',
    monthlyCap: 10,
  });
  if ('field' in saved) throw new Error(`the demo referral program is refused: ${saved.message}`);
}

/** How one demo referral stands: its friend, how long ago it was claimed, its order, and the fraud its facts give. */
interface DemoReferral {
  id: string;
  status: ReferralStatus;
  friendEmail: string;
  friendIp: string;
  claimedDaysAgo: number;
  order?: { id: string; totalMinor: number; convertedDaysAgo: number };
  /** The facts the fraud checks saw: a self-referral (the advocate's own address, in another letter case) or a burst of claims from one IP. */
  fraud?: 'self-referral' | 'ip-burst';
}

/**
 * The demo shop's referrals, by advocate (the customer seed's shoppers, by Shopify id): one in each
 * status. Ada brought a friend whose reward completed, one inside the hold, one who has not ordered
 * yet, and tried referring herself (blocked); Grace's friend cancelled (voided), and an admin
 * rejected a claim from an IP that claimed a dozen times. Fixed ids, so seeding twice adds nothing.
 */
const DEMO_REFERRALS: Record<string, { email: string; referrals: DemoReferral[] }> = {
  '7001': {
    email: 'ada@example.com',
    referrals: [
      { id: '01937a6e-0000-7000-8000-00000000f001', status: 'COMPLETED', friendEmail: 'lin.chen@example.net', friendIp: '198.51.100.21', claimedDaysAgo: 34, order: { id: '5200001', totalMinor: 8400, convertedDaysAgo: 30 } },
      { id: '01937a6e-0000-7000-8000-00000000f002', status: 'PENDING', friendEmail: 'sam.okafor@example.net', friendIp: '198.51.100.22', claimedDaysAgo: 5, order: { id: '5200002', totalMinor: 6250, convertedDaysAgo: 3 } },
      { id: '01937a6e-0000-7000-8000-00000000f003', status: 'CLAIMED', friendEmail: 'maria.rossi@example.net', friendIp: '198.51.100.23', claimedDaysAgo: 2 },
      { id: '01937a6e-0000-7000-8000-00000000f004', status: 'BLOCKED', friendEmail: 'Ada@Example.com', friendIp: '198.51.100.24', claimedDaysAgo: 1, fraud: 'self-referral' },
    ],
  },
  '7002': {
    email: 'grace@example.com',
    referrals: [
      { id: '01937a6e-0000-7000-8000-00000000f005', status: 'VOIDED', friendEmail: 'tom.baker@example.net', friendIp: '198.51.100.25', claimedDaysAgo: 12, order: { id: '5200003', totalMinor: 4500, convertedDaysAgo: 10 } },
      { id: '01937a6e-0000-7000-8000-00000000f006', status: 'REJECTED', friendEmail: 'deal.hunter@example.org', friendIp: '203.0.113.99', claimedDaysAgo: 6, fraud: 'ip-burst' },
      { id: '01937a6e-0000-7000-8000-00000000f007', status: 'CLAIMED', friendEmail: 'noor.haddad@example.net', friendIp: '198.51.100.27', claimedDaysAgo: 1 },
    ],
  },
};

const SHOPIFY_ID_OF = /* GraphQL */ `
  query ReferralDemoCustomer($id: ID!) { customer(id: $id) { id shopifyId } }
`;

/**
 * The demo shop's referrals, made when the referral domain meets each demo advocate: the seed runs
 * before the supergraph, when the customer domain's ids cannot be asked for yet, so they are
 * written as the advocate's `customer.created` is consumed (after their code). Only for the demo
 * merchant; any other merchant costs nothing. Written straight into the store, as the claim,
 * conversion, hold and review would have left them, with real fraud assessments of their facts.
 */
export class DemoReferrals {
  constructor(
    private readonly fingerprints: Fingerprinter,
    private readonly cipher: () => FieldCipher,
  ) {}

  async onAdvocate(ctx: RequestContext, customerId: string): Promise<void> {
    if (ctx.merchantId !== DEMO_MERCHANT.id) return;
    const [held] = await ctx.em.execute<{ code: string }[]>('select code from referral_code where merchant_id = ? and customer_id = ?', [DEMO_MERCHANT.id, customerId]);
    // An advocate the customer domain no longer knows got no code: nothing is made for them.
    if (!held) return;
    const code = held.code;
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const answer = await ctx.peers.query<{ customer: { id: string; shopifyId: string | null } | null }>('customer', SHOPIFY_ID_OF, { id: customerId }, caller);
    const advocate = answer.customer?.shopifyId ? DEMO_REFERRALS[answer.customer.shopifyId] : undefined;
    if (!advocate) return;
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY_MS);
    const facts: AdvocateFacts = { customerId, normalizedEmail: this.fingerprints.email(advocate.email), recentIpHashes: [], shippingAddressHashes: [], rewardedThisMonth: 0, rewardedLifetime: 0 };
    for (const demo of advocate.referrals) {
      const fraud = this.assess(facts, demo);
      const converted = demo.order !== undefined;
      const discountCode = demo.status === 'BLOCKED' ? null : `REF-DEMO${demo.id.slice(-3)}`;
      await ctx.em.execute(
        `insert into referral (merchant_id, id, advocate_id, advocate_code, friend_email_encrypted, friend_email_hash, friend_ip_hash, friend_user_agent_hash,
           status, fraud, discount_status, discount_code, discount_ends_at, order_id, order_total_minor, order_currency, converted_at, hold_until, completed_at, points_awarded,
           voided_at, void_reason, rejected_at, decided_by, claimed_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
         on conflict do nothing`,
        [
          DEMO_MERCHANT.id,
          demo.id,
          customerId,
          code,
          this.cipher().encrypt(demo.friendEmail, friendEmailAad(DEMO_MERCHANT.id, demo.id)),
          this.fingerprints.email(demo.friendEmail),
          this.fingerprints.ip(demo.friendIp),
          this.fingerprints.userAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1'),
          demo.status,
          JSON.stringify(fraud),
          discountCode ? 'ISSUED' : 'NONE',
          discountCode,
          discountCode ? new Date(ago(demo.claimedDaysAgo).getTime() + 30 * DAY_MS) : null,
          demo.order?.id ?? null,
          demo.order?.totalMinor ?? null,
          converted ? 'USD' : null,
          demo.order ? ago(demo.order.convertedDaysAgo) : null,
          demo.order ? new Date(ago(demo.order.convertedDaysAgo).getTime() + 14 * DAY_MS) : null,
          demo.status === 'COMPLETED' ? ago(demo.order!.convertedDaysAgo - 14) : null,
          demo.status === 'COMPLETED' ? 500 : null,
          demo.status === 'VOIDED' ? ago(demo.order!.convertedDaysAgo - 1) : null,
          demo.status === 'VOIDED' ? 'ORDER_CANCELLED' : null,
          demo.status === 'REJECTED' ? ago(demo.claimedDaysAgo - 1) : null,
          demo.status === 'REJECTED' ? 'demo-admin' : null,
          ago(demo.claimedDaysAgo),
        ],
      );
    }
  }

  /** What the program's checks find in the referral's facts (the default policy: a self-referral and a burst block). */
  private assess(advocate: AdvocateFacts, demo: DemoReferral): FraudAssessment {
    const policy = fraudPolicyOf({ ...DEFAULT_REFERRAL_SETTINGS, enabled: true });
    const claim = checkClaim(policy, {
      advocate,
      friend: {
        customerId: null,
        normalizedEmail: this.fingerprints.email(demo.friendEmail),
        ipHash: this.fingerprints.ip(demo.friendIp),
        earlierClaimsFromIpInWeek: demo.fraud === 'ip-burst' ? 11 : 0,
        hadOrdersBeforeClaim: null,
      },
    });
    if (!demo.order) return claim;
    const conversion = checkConversion(policy, { advocate, friend: { hadOrdersBeforeClaim: false }, order: { customerId: null, normalizedEmail: this.fingerprints.email(demo.friendEmail), shippingAddressHash: null } });
    return combineAssessments(claim, conversion);
  }
}
