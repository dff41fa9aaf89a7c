import type { WebhookDeliveryFilter, WebhookDeliveryStatus } from '../../../generated/graphql.js';
import type { BadgeTone } from '../dead-letters/dead-letter-domains.js';

export const WEBHOOK_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['RECEIVED', 'PROCESSED', 'IGNORED', 'MALFORMED'];

/** The API takes topics of 1–100 characters. */
export const MAX_TOPIC_LENGTH = 100;

export interface WebhookFilterForm {
  topic: string;
  /** '' for any status. */
  status: string;
}

/** The form as the API's filter (null when nothing narrows the list), or the topic's problem. */
export function webhookFilterOf(form: WebhookFilterForm): { filter: WebhookDeliveryFilter | null; topicTooLong: boolean } {
  const topic = form.topic.trim();
  if (topic.length > MAX_TOPIC_LENGTH) return { filter: null, topicTooLong: true };
  const filter: WebhookDeliveryFilter = {};
  if (topic) filter.topic = topic;
  if ((WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(form.status)) filter.status = form.status as WebhookDeliveryStatus;
  return { filter: Object.keys(filter).length ? filter : null, topicTooLong: false };
}

/** Still being applied is news; applied is done; malformed needs a look; ignored is neutral. */
export function webhookTone(status: WebhookDeliveryStatus): BadgeTone {
  return status === 'RECEIVED' ? 'attention' : status === 'PROCESSED' ? 'success' : status === 'MALFORMED' ? 'critical' : undefined;
}
