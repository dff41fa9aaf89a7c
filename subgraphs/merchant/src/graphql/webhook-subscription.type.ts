import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WEBHOOK_TOPICS, WebhookTopic } from '../domain/webhook-topics.js';

registerEnumType(WebhookTopic, {
  name: 'WebhookTopic',
  description: 'A public webhook topic an endpoint can subscribe to. Bodies carry ids and figures, never email addresses, names, addresses or discount codes.',
  valuesConfig: Object.fromEntries(Object.entries(WebhookTopic).map(([key, wire]) => [key, { description: `\`${wire}\`: ${WEBHOOK_TOPICS[wire].description}` }])),
});

/** The enum's values are the stored statuses. */
export enum WebhookSubscriptionStatus {
  ACTIVE = 'active',
  DISABLED = 'disabled',
}
registerEnumType(WebhookSubscriptionStatus, {
  name: 'WebhookSubscriptionStatus',
  description: 'Whether deliveries go out to a webhook subscription.',
  valuesConfig: {
    ACTIVE: { description: 'Events of its topics are recorded and sent.' },
    DISABLED: {
      description:
        'Nothing is sent and no new delivery is recorded; deliveries already waiting are kept for the event retention window (30 days by default) and sent once it is enabled again.',
    },
  },
});

export enum WebhookDisabledReason {
  FAILURES = 'failures',
  MERCHANT = 'merchant',
  API_KEY_REVOKED = 'api_key_revoked',
  APP_UNINSTALLED = 'app_uninstalled',
}
registerEnumType(WebhookDisabledReason, {
  name: 'WebhookDisabledReason',
  description: 'Why a webhook subscription is disabled.',
  valuesConfig: {
    FAILURES: { description: 'Its endpoint failed every attempt for a long run (many failures in a row over a long time); LoyalNest disabled it. The merchant\'s admin or the partner key that created it may enable it again.' },
    MERCHANT: {
      description: 'The merchant or a partner disabled it (`updateWebhookSubscription` with `enabled: false`); only the merchant\'s admin may enable it again (a partner key gets FORBIDDEN).',
    },
    API_KEY_REVOKED: {
      description:
        'The partner API key that created it was revoked, or has expired (disabled when the dispatcher next reached it). Only the merchant\'s admin may enable it again, and then it becomes the merchant\'s own (events are recorded for it again; the revoked key no longer reaches it).',
    },
    APP_UNINSTALLED: { description: 'The merchant uninstalled the app, which disabled all of its subscriptions; only the merchant\'s admin may enable them again, after a reinstall.' },
  },
});

@ObjectType('WebhookSubscription', { description: 'An endpoint subscribed to some of the public webhook topics, with the health of its deliveries.' })
export class WebhookSubscriptionType {
  @Field(() => ID, { description: 'Id of the subscription.' })
  id!: string;

  @Field(() => String, { description: 'The endpoint deliveries are POSTed to.' })
  url!: string;

  @Field(() => [WebhookTopic], { description: 'The topics whose events are delivered to it.' })
  topics!: WebhookTopic[];

  @Field(() => String, { nullable: true, description: 'A note to recognise it by; null when none.' })
  description!: string | null;

  @Field(() => WebhookSubscriptionStatus, { description: 'Whether deliveries go out to it.' })
  status!: WebhookSubscriptionStatus;

  @Field(() => WebhookDisabledReason, { nullable: true, description: 'Why it is disabled; null while active.' })
  disabledReason!: WebhookDisabledReason | null;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while active.' })
  disabledAt!: Date | null;

  @Field(() => String, { description: 'The first characters of its signing secret (e.g. `whsec_AbCd`), to tell secrets apart after a rotation; the secret itself is shown only once.' })
  secretPrefix!: string;

  @Field(() => Int, { description: 'Attempts that failed in a row, across its deliveries; 0 after any success.' })
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true, description: 'The first failure of the current run of failures; null after a success.' })
  failingSince!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its endpoint last answered 2xx; null if never.' })
  lastSuccessAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an attempt to its endpoint last failed; null if never.' })
  lastFailureAt!: Date | null;

  @Field(() => Int, { description: 'Deliveries waiting to be sent: for their first attempt or a retry.' })
  pendingDeliveries!: number;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When its settings or status last changed (failures and successes alone do not move it).' })
  updatedAt!: Date;
}

@ObjectType('WebhookSubscriptionCreated', { description: 'A new webhook subscription with its signing secret. Store the secret now: it cannot be shown again.' })
export class WebhookSubscriptionCreatedType {
  @Field(() => WebhookSubscriptionType, { description: 'The subscription.' })
  subscription!: WebhookSubscriptionType;

  @Field(() => String, { description: 'The signing secret (`whsec_…`): verify each delivery\'s `X-LoyalNest-Signature` with it.' })
  secret!: string;
}

@ObjectType('WebhookSubscriptionSecretRotated', {
  description: 'A webhook subscription with its new signing secret, shown only here. The old secret stopped signing at once: there is no overlap window, so update the receiver right away.',
})
export class WebhookSubscriptionSecretRotatedType {
  @Field(() => WebhookSubscriptionType, { description: 'The subscription.' })
  subscription!: WebhookSubscriptionType;

  @Field(() => String, { description: 'The new signing secret (`whsec_…`); every delivery from now on, retries and replays included, is signed with it.' })
  secret!: string;
}

@ObjectType('WebhookSubscriptionDeleted', { description: 'A webhook subscription was deleted, with its deliveries; nothing more is sent to it.' })
export class WebhookSubscriptionDeletedType {
  @Field(() => ID, { description: 'Id of the deleted subscription.' })
  id!: string;
}
