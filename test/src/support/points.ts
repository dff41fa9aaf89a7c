import { mintDevToken } from '../../../gateway/src/auth/dev-token.js';
import type { TestGateway } from './gateway.js';
import type { TestMerchant } from './tenants.js';
import { bearer } from './tokens.js';

export const AWARD = `mutation($input: AwardPointsInput!) {
  awardPoints(input: $input) {
    __typename
    ... on PointsChange { duplicate entry { id kind source status points reason } account { balance pending lifetimeEarned } }
    ... on ErrorResult { code message }
  }
}`;

export const DEDUCT = `mutation($input: DeductPointsInput!) {
  deductPoints(input: $input) {
    __typename
    ... on PointsChange { duplicate entry { id kind points } account { balance pending lifetimeEarned } }
    ... on InsufficientPointsError { balance required }
    ... on ErrorResult { code message }
  }
}`;

export const POINTS = `query($id: ID!) {
  customer(id: $id) { id firstName points { balance pending lifetimeEarned history(first: 100) { nodes { kind source status points orderId } } } }
}`;

export const VERIFY = `query { verifyLedger { ok accountsChecked entriesChecked mismatches { customerId balance expectedBalance } } }`;

export interface Account {
  balance: number;
  pending: number;
  lifetimeEarned: number;
  history: { nodes: { kind: string; source: string; status: string; points: number; orderId: string | null }[] };
}

/** Awards points as the merchant's admin; throws on anything but a PointsChange. */
export async function award(gateway: TestGateway, merchant: TestMerchant, customerId: string, points: number, idempotencyKey?: string): Promise<void> {
  const result = await gateway.gql<{ awardPoints: { __typename: string } }>(AWARD, { input: { customerId, points, idempotencyKey } }, merchant.auth);
  if (result.data?.awardPoints.__typename !== 'PointsChange') throw new Error(`awardPoints failed: ${JSON.stringify(result)}`);
}

/** The customer's points through the supergraph, as the merchant's admin. */
export async function pointsOf(gateway: TestGateway, merchant: TestMerchant, customerId: string): Promise<Account> {
  const result = await gateway.gql<{ customer: { points: Account } | null }>(POINTS, { id: customerId }, merchant.auth);
  if (result.errors?.length || !result.data?.customer) throw new Error(`reading points failed: ${JSON.stringify(result)}`);
  return result.data.customer.points;
}

/** Authorization headers of a shopper of `merchant` signed in as `customerId`. */
export async function shopperAuth(gateway: TestGateway, merchant: TestMerchant, customerId: string): Promise<Record<string, string>> {
  return bearer(await mintDevToken(gateway.config.devTokenSecret, { shop: merchant.shop, role: 'shopper', customerId }));
}
