import { Badge, Banner, BlockStack, Button, InlineStack, Modal, Text } from '@shopify/polaris';
import { useState } from 'react';
import { errorResultOf, formErrorsOf } from '../../../forms/field-errors.js';
import {
  useOperationsDeleteWebhookSubscriptionMutation,
  useOperationsRotateWebhookSubscriptionSecretMutation,
  useOperationsUpdateWebhookSubscriptionMutation,
  useOperationsWebhookSubscriptionsQuery,
  type OperationsWebhookSubscriptionFragment,
} from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { operationsMessages } from '../operations.messages.js';
import { OperationsTable } from '../operations-table.js';
import { CreateWebhookSubscriptionCard } from './create-webhook-subscription-card.js';
import { SecretShownOnceModal, secretShownOnceLabels } from '../secret-shown-once-modal.js';
import { WebhookSubscriptionDeliveries } from './webhook-subscription-deliveries.js';
import { pluralForm, STATE_TONE, subscriptionState, WEBHOOK_TOPICS } from './webhook-subscription-form.js';
import { webhookSubscriptionsMessages } from './webhook-subscriptions.messages.js';

// The list may be empty, so urql's document cache cannot see that it holds WebhookSubscriptions
// (which a created, changed or deleted one invalidates): the context names the type for it. A
// deletion answers with an id only, so it names both lists' types itself.
const LIST_CONTEXT = { additionalTypenames: ['WebhookSubscription'] };
const DELETE_CONTEXT = { additionalTypenames: ['WebhookSubscription', 'WebhookSubscriptionDelivery'] };

const DELIVERIES_ID = 'webhook-subscription-deliveries';

type Subscription = OperationsWebhookSubscriptionFragment;
type Confirming = { kind: 'rotate' | 'remove'; subscription: Subscription };
type Outcome = { tone: 'success' | 'critical'; message: string };

/**
 * The merchant's webhook endpoints: subscribe one (its secret shown once), pause or turn it on
 * again, rotate its secret, delete it after a confirmation; and the deliveries, with Replay.
 */
export default function WebhookSubscriptionsSection() {
  const t = useMessages(webhookSubscriptionsMessages);
  const common = useMessages(operationsMessages);
  const fmt = useFormat();
  const [list] = useOperationsWebhookSubscriptionsQuery({ context: LIST_CONTEXT });
  const [updating, update] = useOperationsUpdateWebhookSubscriptionMutation();
  const [rotating, rotate] = useOperationsRotateWebhookSubscriptionSecretMutation();
  const [removing, remove] = useOperationsDeleteWebhookSubscriptionMutation();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deliveriesOf, setDeliveriesOf] = useState('');
  const subscriptions = list.data?.webhookSubscriptions ?? [];

  const failed = (failure: { message?: string } | null, error: Parameters<typeof formErrorsOf>[0]): Outcome => ({
    tone: 'critical',
    message: failure?.message ?? formErrorsOf(error).form ?? t.actionFailed,
  });

  const setEnabled = async (subscription: Subscription, enabled: boolean) => {
    setOutcome(null);
    const result = await update({ id: subscription.id, input: { enabled } });
    const answer = result.data?.updateWebhookSubscription;
    const failure = errorResultOf(answer);
    if (answer && !failure) setOutcome({ tone: 'success', message: format(enabled ? t.enabledNotice : t.pausedNotice, { url: subscription.url }) });
    else setOutcome(failed(failure, result.error));
  };

  const confirm = async () => {
    if (!confirming) return;
    const { kind, subscription } = confirming;
    setOutcome(null);
    if (kind === 'rotate') {
      const result = await rotate({ id: subscription.id });
      setConfirming(null);
      const answer = result.data?.rotateWebhookSubscriptionSecret;
      if (answer?.__typename === 'WebhookSubscriptionSecretRotated') setSecret(answer.secret);
      else setOutcome(failed(errorResultOf(answer), result.error));
      return;
    }
    const result = await remove({ id: subscription.id }, DELETE_CONTEXT);
    setConfirming(null);
    const answer = result.data?.deleteWebhookSubscription;
    const failure = errorResultOf(answer);
    if (answer && !failure) {
      if (deliveriesOf === subscription.id) setDeliveriesOf('');
      setOutcome({ tone: 'success', message: format(t.deletedNotice, { url: subscription.url }) });
    } else setOutcome(failed(failure, result.error));
  };

  const showDeliveriesOf = (id: string) => {
    setDeliveriesOf(id);
    document.getElementById(DELIVERIES_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const rows = subscriptions.map((subscription) => {
    const state = subscriptionState(subscription);
    const { url } = subscription;
    return [
      <BlockStack gap="050" key="endpoint">
        <Text as="span" fontWeight="semibold" breakWord>
          {url}
        </Text>
        {subscription.description && (
          <Text as="span" tone="subdued">
            {subscription.description}
          </Text>
        )}
        <Text as="span" tone="subdued" variant="bodySm">
          <code>{format(t.secretPrefix, { prefix: subscription.secretPrefix })}</code>
        </Text>
      </BlockStack>,
      <InlineStack gap="100" wrap key="topics">
        {subscription.topics.map((topic) => (
          <Badge key={topic}>{WEBHOOK_TOPICS[topic]}</Badge>
        ))}
      </InlineStack>,
      <BlockStack gap="050" key="health">
        <Badge tone={STATE_TONE[state]}>{t[state]}</Badge>
        <Text as="span" tone="subdued" variant="bodySm">
          {subscription.disabledAt
            ? format(t.offSince, { date: fmt.dateTime(subscription.disabledAt) })
            : subscription.failingSince
              ? format(pluralForm(fmt.locale, subscription.consecutiveFailures) === 'one' ? t.failingSinceOne : t.failingSinceOther, { date: fmt.dateTime(subscription.failingSince), count: fmt.number(subscription.consecutiveFailures) })
              : subscription.lastSuccessAt
                ? format(t.lastSuccess, { date: fmt.dateTime(subscription.lastSuccessAt) })
                : t.neverDelivered}
        </Text>
      </BlockStack>,
      fmt.number(subscription.pendingDeliveries),
      <InlineStack gap="100" wrap key="actions">
        <Button size="slim" accessibilityLabel={format(t.deliveriesLabel, { url })} onClick={() => showDeliveriesOf(subscription.id)}>
          {t.deliveries}
        </Button>
        {subscription.status === 'ACTIVE' ? (
          <Button size="slim" accessibilityLabel={format(t.pauseLabel, { url })} loading={updating.fetching && updating.operation?.variables?.id === subscription.id} onClick={() => void setEnabled(subscription, false)}>
            {t.pause}
          </Button>
        ) : (
          <Button size="slim" variant="primary" accessibilityLabel={format(t.enableLabel, { url })} loading={updating.fetching && updating.operation?.variables?.id === subscription.id} onClick={() => void setEnabled(subscription, true)}>
            {t.enable}
          </Button>
        )}
        <Button size="slim" accessibilityLabel={format(t.rotateLabel, { url })} onClick={() => setConfirming({ kind: 'rotate', subscription })}>
          {t.rotate}
        </Button>
        <Button size="slim" tone="critical" variant="secondary" accessibilityLabel={format(t.removeLabel, { url })} onClick={() => setConfirming({ kind: 'remove', subscription })}>
          {t.remove}
        </Button>
      </InlineStack>,
    ];
  });

  const target = confirming?.subscription.url ?? '';
  return (
    <BlockStack gap="400">
      <Text as="p">{t.intro}</Text>
      {outcome && (
        <Banner tone={outcome.tone} onDismiss={() => setOutcome(null)}>
          <p>{outcome.message}</p>
        </Banner>
      )}
      <OperationsTable
        caption={t.caption}
        headings={[t.endpoint, t.topics, t.health, t.pending, t.action]}
        numericColumns={[3]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error}
      />
      <CreateWebhookSubscriptionCard />
      <div id={DELIVERIES_ID}>
        <WebhookSubscriptionDeliveries subscriptions={subscriptions} subscriptionId={deliveriesOf} onSubscriptionId={setDeliveriesOf} />
      </div>
      <Modal
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={format(confirming?.kind === 'rotate' ? t.rotateTitle : t.removeTitle, { url: target })}
        primaryAction={{
          content: confirming?.kind === 'rotate' ? t.rotateConfirm : t.removeConfirm,
          destructive: true,
          loading: rotating.fetching || removing.fetching,
          onAction: () => void confirm(),
        }}
        secondaryActions={[{ content: t.cancel, onAction: () => setConfirming(null) }]}
      >
        <Modal.Section>
          <Text as="p">{confirming?.kind === 'rotate' ? t.rotateBody : t.removeBody}</Text>
        </Modal.Section>
      </Modal>
      <SecretShownOnceModal secret={secret} labels={secretShownOnceLabels(t)} onClose={() => setSecret(null)} />
    </BlockStack>
  );
}
