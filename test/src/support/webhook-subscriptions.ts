/** GraphQL documents and result shapes of the outgoing webhooks' API, for its tests. */

/** A local port nobody listens on: a delivery to it is refused at once, and never received. */
export const NOWHERE = 'http://127.0.0.1:9/hooks';

export const SUBSCRIPTION_FIELDS = 'id url topics description status disabledReason disabledAt secretPrefix consecutiveFailures failingSince lastSuccessAt lastFailureAt pendingDeliveries createdAt updatedAt';
export const DELIVERY_FIELDS = 'id subscriptionId eventId topic status attempts nextAttemptAt replayedAt createdAt payload';

export const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    __typename
    ... on WebhookSubscriptionCreated { secret subscription { ${SUBSCRIPTION_FIELDS} } }
    ... on WebhookEndpointRefusedError { field reason }
    ... on WebhookSubscriptionLimitReachedError { limit }
    ... on ErrorResult { code message }
  }
}`;
export const UPDATE = `mutation($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(id: $id, input: $input) {
    __typename
    ... on WebhookSubscription { ${SUBSCRIPTION_FIELDS} }
    ... on WebhookEndpointRefusedError { field reason }
    ... on ErrorResult { code message }
  }
}`;
export const ROTATE = `mutation($id: ID!) {
  rotateWebhookSubscriptionSecret(id: $id) { __typename ... on WebhookSubscriptionSecretRotated { secret subscription { id secretPrefix } } ... on ErrorResult { code } }
}`;
export const DELETE = `mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename ... on WebhookSubscriptionDeleted { id } ... on ErrorResult { code } } }`;
export const LIST = `query { webhookSubscriptions { ${SUBSCRIPTION_FIELDS} } }`;
export const ONE = `query($id: ID!) { webhookSubscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`;
export const DELIVERIES = `query($first: Int, $after: String, $filter: WebhookSubscriptionDeliveryFilter) {
  webhookSubscriptionDeliveries(first: $first, after: $after, filter: $filter) { nodes { ${DELIVERY_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;
export const REPLAY = `mutation($id: ID!) {
  replayWebhookSubscriptionDelivery(id: $id) { __typename ... on WebhookSubscriptionDelivery { ${DELIVERY_FIELDS} } ... on ErrorResult { code message } }
}`;
export const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`;

export interface Subscription {
  id: string;
  url: string;
  topics: string[];
  description: string | null;
  status: string;
  disabledReason: string | null;
  disabledAt: string | null;
  secretPrefix: string;
  consecutiveFailures: number;
  failingSince: string | null;
  pendingDeliveries: number;
  createdAt: string;
}
export interface Delivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  topic: string;
  status: string;
  nextAttemptAt: string | null;
  replayedAt: string | null;
  payload: string;
}
