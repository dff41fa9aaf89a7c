export { createLoyalNestClient, type CallOptions, type LoyalNestClient, type LoyalNestClientOptions, type QueryCost, type RetryEvent } from './client.js';
export { LoyalNestError, type GraphQLErrorBody, type LoyalNestErrorCode } from './loyalnest-error.js';
export { paginate, type Connection, type NodeOf } from './paginate.js';
// The operations' result and variable types (`CustomersQuery`, `AwardPointsMutationVariables`, …),
// the schema's input types and enums, and the raw typed documents for callers with their own client.
export * from './generated/sdk.js';
export { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS, type VerifyWebhookSignatureOptions, type WebhookSignatureFailure } from './webhook-signature.js';
export {
  parseWebhook,
  WEBHOOK_TOPIC_NAMES,
  WebhookVerificationError,
  type PointsEntryData,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookFailure,
  type WebhookTopicData,
  type WebhookTopicName,
} from './webhook-events.js';
