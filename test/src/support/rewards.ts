import { randomBytes } from 'node:crypto';
import type { TestGateway } from './gateway.js';
import type { TestMerchant } from './tenants.js';

/**
 * Shopify retry settings short enough that giving up takes a few seconds, yet long enough that a
 * healthy fake answering 50 concurrent calls on a busy 2-core machine never looks down; the
 * redemption jobs run only when a test runs them.
 */
export const REWARDS_ENV = {
  SHOPIFY_ADMIN_ATTEMPTS: '3',
  SHOPIFY_ADMIN_TIMEOUT_MS: '1500',
  SHOPIFY_ADMIN_DEADLINE_MS: '3500',
  SHOPIFY_ADMIN_BACKOFF_MS: '20',
  REDEMPTION_JOBS_EVERY_MS: '3600000',
  EVENTS_BACKOFF_MS: '100',
  EVENTS_POLL_MS: '100',
};

export const REWARD_FIELDS = `id kind name names { en fr es } value variantId pointsCost minimumSubtotal usageLimit usageLimitPerCustomer startsAt endsAt codeValidityDays active archivedAt`;

export const CREATE_REWARD = `mutation($input: CreateRewardInput!) {
  createReward(input: $input) { __typename ... on Reward { ${REWARD_FIELDS} } }
}`;

export const UPDATE_REWARD = `mutation($input: UpdateRewardInput!) {
  updateReward(input: $input) { __typename ... on Reward { ${REWARD_FIELDS} } ... on ErrorResult { code message } }
}`;

export const ARCHIVE_REWARD = `mutation($id: ID!) {
  archiveReward(id: $id) { __typename ... on Reward { id active archivedAt } ... on ErrorResult { code message } }
}`;

export const REWARDS = `query($activeOnly: Boolean, $locale: LocaleCode) { rewards(activeOnly: $activeOnly) { id name(locale: $locale) pointsCost active } }`;

export const REDEEM = `mutation($input: RedeemRewardInput!) {
  redeemReward(input: $input) {
    __typename
    ... on Redemption { id status discountCode pointsSpent customerId rewardId shopifyDiscountId expiresAt errorCode redeemEntryId refundEntryId reward { id } }
    ... on InsufficientPointsError { balance required }
    ... on RewardUnavailableError { reason rewardId }
    ... on DiscountCreationFailedError { redemptionId pointsReturned failure }
    ... on ErrorResult { code message }
  }
}`;

export type Redeemed = Record<string, any> & { __typename: string };

/** Creates a reward as the merchant's admin and returns its id; throws on anything but a Reward. */
export async function createReward(gateway: TestGateway, merchant: TestMerchant, input: Record<string, unknown>): Promise<string> {
  const result = await gateway.gql<{ createReward: { __typename: string; id: string } }>(CREATE_REWARD, { input: { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: '5 off' }, pointsCost: 100, ...input } }, merchant.auth);
  if (result.data?.createReward?.__typename !== 'Reward') throw new Error(`createReward failed: ${JSON.stringify(result)}`);
  return result.data.createReward.id;
}

export async function redeem(gateway: TestGateway, auth: Record<string, string>, input: { customerId: string; rewardId: string; idempotencyKey?: string }): Promise<Redeemed> {
  const result = await gateway.gql<{ redeemReward: Redeemed }>(REDEEM, { input: { idempotencyKey: `k-${randomBytes(8).toString('hex')}`, ...input } }, auth);
  if (result.errors?.length || !result.data) throw Object.assign(new Error(`redeemReward failed: ${JSON.stringify(result.errors)}`), { errors: result.errors });
  return result.data.redeemReward;
}
