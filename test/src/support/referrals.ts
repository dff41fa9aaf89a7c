import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';
import { signAppProxyQuery } from './live.js';
import { runtime, type TestMerchant } from './tenants.js';

export const PROGRAM_FIELDS = `enabled advocatePoints
  friendReward { kind value minimumOrderAmount expiryDays singleUse oncePerCustomer }
  conversionRule minimumOrderValue holdDays monthlyCap lifetimeCap
  fraudChecks { check action } claimBurstPerWeek version`;

export const REFERRAL_PROGRAM = `query { referralProgram { ${PROGRAM_FIELDS} } }`;

export const UPDATE_REFERRAL_PROGRAM = `mutation($input: UpdateReferralProgramInput!) {
  updateReferralProgram(input: $input) {
    __typename
    ... on ReferralProgram { ${PROGRAM_FIELDS} }
    ... on ErrorResult { code message }
    ... on ReferralProgramInvalidError { field }
  }
}`;

export type ReferralProgramNode = Record<string, unknown> & { enabled: boolean; version: number };

/** Saves the merchant's referral program as `auth`; returns the result union's member (program or error). Throws on a GraphQL error. */
export async function updateReferralProgram(gateway: TestGateway, auth: Record<string, string>, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await gateway.gql<{ updateReferralProgram: Record<string, unknown> }>(UPDATE_REFERRAL_PROGRAM, { input }, auth);
  if (result.errors?.length || !result.data) throw new Error(`updateReferralProgram failed: ${JSON.stringify(result.errors)}`);
  return result.data.updateReferralProgram;
}

/** A program that is on, with a 10 % friend discount: what most tests start from. */
export const PROGRAM_ON = { enabled: true, advocatePoints: 500, friendReward: { kind: 'PERCENTAGE', value: '10' } };

/** Every row the referral store holds of the merchant's program, as one digest: a refused change leaves it as it was. */
export async function storedReferralProgram(merchantId: string): Promise<string> {
  return withOwnerDb('referral', async (db) => {
    const { rows } = await db.query<{ d: string }>(
      `select md5(coalesce((select string_agg(t::text, ',') from referral_program t where merchant_id = $1), '')) as d`,
      [merchantId],
    );
    return rows[0].d;
  });
}

export const CUSTOMER_REFERRAL = `query($id: ID!) { customer(id: $id) { id referral { code url clicks uniqueClicks } } }`;

export interface ReferralNode {
  code: string;
  url: string;
  clicks: number;
  uniqueClicks: number;
}

/** The customer's referral as `auth` sees it; throws on a GraphQL error. */
export async function referralOf(gateway: TestGateway, auth: Record<string, string>, customerId: string): Promise<ReferralNode | null> {
  const result = await gateway.gql<{ customer: { referral: ReferralNode | null } | null }>(CUSTOMER_REFERRAL, { id: customerId }, auth);
  if (result.errors?.length) throw new Error(`reading the referral failed: ${JSON.stringify(result.errors)}`);
  return result.data?.customer?.referral ?? null;
}

export interface ClickAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Follows a referral link as Shopify's app proxy forwards it: `GET /proxy/r/<code>` with the
 * parameters Shopify appends for `shop`, signed with the app secret (or the `signature` given).
 */
export async function clickLink(
  gateway: TestGateway,
  shop: string,
  code: string,
  visitor: { ip?: string; userAgent?: string } = {},
  options: { signature?: string; extra?: [string, string][] } = {},
): Promise<ClickAnswer> {
  const query = new URLSearchParams([['shop', shop], ['logged_in_customer_id', ''], ['path_prefix', '/apps/loyalnest'], ['timestamp', String(Math.floor(Date.now() / 1000))], ...(options.extra ?? [])]);
  query.append('signature', options.signature ?? signAppProxyQuery(query, gateway.config.kit.shopify.apiSecret));
  const response = await fetch(`${new URL(gateway.url).origin}/proxy/r/${encodeURIComponent(code)}?${query}`, {
    headers: { 'x-forwarded-for': visitor.ip ?? '203.0.113.7', 'user-agent': visitor.userAgent ?? 'test-browser/1.0' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs the referral click flush once, as its schedule would. */
export async function flushReferralClicks(gateway: TestGateway): Promise<void> {
  const referral = runtime(gateway, 'referral');
  const job = referral.module.jobs!(referral).find((j) => j.name === 'referral click flush');
  if (!job) throw new Error('no referral click flush job');
  await job.run(new AbortController().signal);
}

/** The counts the store holds for the merchant's customer (what has been flushed). */
export async function storedClicks(merchant: TestMerchant, customerId: string): Promise<{ clicks: number; unique_clicks: number } | undefined> {
  return withOwnerDb('referral', async (db) => {
    const { rows } = await db.query<{ clicks: number; unique_clicks: number }>(
      'select clicks::int, unique_clicks::int from referral_code where merchant_id = $1 and customer_id = $2',
      [merchant.id, customerId],
    );
    return rows[0];
  });
}
