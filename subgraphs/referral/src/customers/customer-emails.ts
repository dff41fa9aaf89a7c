import { isUuid, Scope, systemCaller, type Fingerprinter, type RequestContext } from '@loyalnest/kit';

const EMAIL_BY_ID = /* GraphQL */ `
  query ReferralCustomerEmail($id: ID!) { customer(id: $id) { id email } }
`;

/**
 * Customers' email fingerprints, for the fraud checks that compare a friend's email with the
 * advocate's. The referral store never holds a customer's email: the customer subgraph, which
 * owns it, is asked (as a system caller with `customers:read`, for the context's merchant only)
 * and only the fingerprint is kept in hand.
 */
export class CustomerEmails {
  constructor(private readonly fingerprints: Fingerprinter) {}

  /** The fingerprint of the customer's email; null for an unknown customer, one without an email, or one that cannot be hashed. */
  async fingerprintOf(ctx: RequestContext, customerId: string): Promise<string | null> {
    if (!isUuid(customerId)) return null;
    const answer = await ctx.peers.query<{ customer: { id: string; email: string | null } | null }>('customer', EMAIL_BY_ID, { id: customerId }, {
      ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId),
      requestId: ctx.requestId,
    });
    const email = answer.customer?.email;
    if (!email) return null;
    try {
      return this.fingerprints.email(email);
    } catch {
      // An address the customer domain holds but `isEmail` refuses matches nothing a friend can type.
      return null;
    }
  }
}
