import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/** `active`: deliveries go out; `disabled`: nothing is sent and no new delivery is recorded until it is enabled again. */
export const WEBHOOK_SUBSCRIPTION_STATUSES = ['active', 'disabled'] as const;
export type WebhookSubscriptionStatus = (typeof WEBHOOK_SUBSCRIPTION_STATUSES)[number];

/** Why a subscription was disabled: by the dispatcher after a long run of failures, by the merchant, by revoking the partner key that created it, or by uninstalling the app. */
export const WEBHOOK_DISABLED_REASONS = ['failures', 'merchant', 'api_key_revoked', 'app_uninstalled'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/**
 * An endpoint a merchant (or a partner with `webhooks:manage`) subscribed to some of the public
 * webhook topics (`domain/webhook-topics.ts`). Its signing secret is kept encrypted (the kit's
 * FieldCipher, AAD `webhook_subscription:<id>`) because every delivery is signed with it; it is
 * shown once, when made or rotated.
 *
 * The endpoint's health is kept here, apart from each delivery's own retries: a failure pushes
 * `nextAttemptAt` back (exponential in `consecutiveFailures`), so an endpoint that is down is
 * tried once per backoff rather than once per waiting delivery, and a success resets both. The
 * dispatcher leases a subscription (`leaseOwner`, `leaseUntil`) while it sends to it: one request
 * in flight per endpoint, across every worker process.
 */
export const WebhookSubscriptionEntity = defineEntity({
  name: 'WebhookSubscription',
  tableName: 'webhook_subscription',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    url: p.string().length(2048),
    /** The public topics' wire names (`points.earned`, …). */
    topics: p.array(),
    description: p.string().length(200).nullable(),
    secretEncrypted: p.text(),
    /** The secret's first characters (`whsec_ab12`), to tell secrets apart after a rotation. */
    secretPrefix: p.string().length(16),
    status: p.enum(WEBHOOK_SUBSCRIPTION_STATUSES).default('active'),
    disabledReason: p.enum(WEBHOOK_DISABLED_REASONS).nullable(),
    disabledAt: p.datetime().nullable(),
    /** Failed attempts in a row, across its deliveries; reset by any success. */
    consecutiveFailures: p.integer().default(0),
    /** The first failure of the current run of failures; null after a success. */
    failingSince: p.datetime().nullable(),
    /** No delivery to this endpoint is attempted before this: its backoff after a failure. */
    nextAttemptAt: p.datetime().onCreate(() => new Date()),
    /** The claim that leases it: one token per claim (process id and a random part), so only that claim's drain renews or releases it. */
    leaseOwner: p.string().length(100).nullable(),
    leaseUntil: p.datetime().nullable(),
    lastSuccessAt: p.datetime().nullable(),
    lastFailureAt: p.datetime().nullable(),
    createdByKind: p.string().length(20),
    createdById: p.string().length(255).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Moves with the settings and the status (the dispatcher's disabling), not with each attempt. */
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('webhook_subscription'),
});

export type WebhookSubscription = InferEntity<typeof WebhookSubscriptionEntity>;
