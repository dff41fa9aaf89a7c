import { Badge, Banner, BlockStack, Button, InlineStack, Select, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { errorResultOf, formErrorsOf } from '../../../forms/field-errors.js';
import {
  useOperationsReplayWebhookSubscriptionDeliveryMutation,
  useOperationsWebhookSubscriptionDeliveriesQuery,
  type OperationsWebhookSubscriptionDeliveryFragment,
  type WebhookSubscriptionDeliveryStatus,
} from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { currentCursor, FIRST_PAGE, PAGE_SIZE, type CursorTrail } from '../cursor-paging.js';
import { operationsMessages } from '../operations.messages.js';
import { OperationsTable } from '../operations-table.js';
import { webhookDeliveriesMessages } from './webhook-subscription-deliveries.messages.js';
import { DELIVERY_STATUSES, deliveryTone, WEBHOOK_TOPICS } from './webhook-subscription-form.js';

// A replay changes the subscription's waiting count too: both lists are refetched after one.
const REPLAY_CONTEXT = { additionalTypenames: ['WebhookSubscription', 'WebhookSubscriptionDelivery'] };
const LIST_CONTEXT = { additionalTypenames: ['WebhookSubscriptionDelivery'] };
/** While a delivery on the page waits, the page looks again this often: the workers send it meanwhile. */
const WAITING_REFRESH_MS = 5_000;

export interface DeliveriesProps {
  /** The endpoints, for the filter and each row's URL. */
  subscriptions: readonly { id: string; url: string }[];
  /** The endpoint whose deliveries are shown; '' for all. */
  subscriptionId: string;
  onSubscriptionId: (id: string) => void;
}

/** The deliveries to the merchant's endpoints, newest first, filtered by endpoint and status, each with a Replay. */
export function WebhookSubscriptionDeliveries({ subscriptions, subscriptionId, onSubscriptionId }: DeliveriesProps) {
  const t = useMessages(webhookDeliveriesMessages);
  const common = useMessages(operationsMessages);
  const fmt = useFormat();
  const [status, setStatus] = useState('');
  // The pages walked belong to one filter: another filter starts from its first page.
  const filterKey = `${subscriptionId}|${status}`;
  const [paged, setPaged] = useState<{ key: string; trail: CursorTrail }>({ key: filterKey, trail: FIRST_PAGE });
  const trail = paged.key === filterKey ? paged.trail : FIRST_PAGE;
  const setTrail = (next: CursorTrail) => setPaged({ key: filterKey, trail: next });
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'critical'; message: string } | null>(null);
  const filter = {
    ...(subscriptionId ? { subscriptionId } : {}),
    ...((DELIVERY_STATUSES as readonly string[]).includes(status) ? { status: status as WebhookSubscriptionDeliveryStatus } : {}),
  };
  const [list, refresh] = useOperationsWebhookSubscriptionDeliveriesQuery({
    variables: { filter: Object.keys(filter).length ? filter : null, after: currentCursor(trail), first: PAGE_SIZE },
    context: LIST_CONTEXT,
  });
  const [replaying, replay] = useOperationsReplayWebhookSubscriptionDeliveryMutation();
  const page = list.data?.webhookSubscriptionDeliveries;
  const waiting = (page?.nodes ?? []).some((delivery) => delivery.status === 'PENDING');

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), WAITING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  const onReplay = async (delivery: OperationsWebhookSubscriptionDeliveryFragment) => {
    setOutcome(null);
    const topic = WEBHOOK_TOPICS[delivery.topic];
    const result = await replay({ id: delivery.id }, REPLAY_CONTEXT);
    const answer = result.data?.replayWebhookSubscriptionDelivery;
    const failure = errorResultOf(answer);
    if (answer && !failure) setOutcome({ tone: 'success', message: format(t.replayed, { topic }) });
    else setOutcome({ tone: 'critical', message: failure?.message ?? formErrorsOf(result.error).form ?? t.replayFailed });
  };

  const urlOf = new Map(subscriptions.map((s) => [s.id, s.url]));
  const rows = (page?.nodes ?? []).map((delivery) => [
    <BlockStack gap="050" key="event">
      <Text as="span" fontWeight="semibold">
        {WEBHOOK_TOPICS[delivery.topic]}
      </Text>
      <Text as="span" tone="subdued" variant="bodySm" breakWord>
        {urlOf.get(delivery.subscriptionId) ?? delivery.subscriptionId}
      </Text>
      <Text as="span" tone="subdued" variant="bodySm">
        {delivery.id}
      </Text>
    </BlockStack>,
    <BlockStack gap="050" key="status">
      <Badge tone={deliveryTone(delivery.status)}>{t[delivery.status]}</Badge>
      {delivery.replayedAt && (
        <Text as="span" tone="subdued" variant="bodySm">
          {format(t.replayedAt, { date: fmt.dateTime(delivery.replayedAt) })}
        </Text>
      )}
    </BlockStack>,
    fmt.number(delivery.attempts),
    <BlockStack gap="050" key="answer">
      <Text as="span">{delivery.lastError ?? (delivery.lastStatusCode !== null && delivery.lastStatusCode !== undefined ? format(t.httpStatus, { code: delivery.lastStatusCode }) : t.notYet)}</Text>
      {delivery.lastResponseExcerpt && (
        <Text as="span" tone="subdued" variant="bodySm" breakWord>
          {delivery.lastResponseExcerpt.slice(0, 120)}
        </Text>
      )}
    </BlockStack>,
    delivery.nextAttemptAt ? fmt.dateTime(delivery.nextAttemptAt) : t.notYet,
    fmt.dateTime(delivery.createdAt),
    <Button key="replay" size="slim" loading={replaying.fetching && replaying.operation?.variables?.id === delivery.id} accessibilityLabel={format(t.replayLabel, { topic: WEBHOOK_TOPICS[delivery.topic], id: delivery.id })} onClick={() => void onReplay(delivery)}>
      {t.replay}
    </Button>,
  ]);

  return (
    <BlockStack gap="400">
      <Text as="h2" variant="headingMd">
        {t.title}
      </Text>
      <Text as="p">{t.intro}</Text>
      {outcome && (
        <Banner tone={outcome.tone} onDismiss={() => setOutcome(null)}>
          <p>{outcome.message}</p>
        </Banner>
      )}
      <InlineStack gap="400" blockAlign="end" wrap>
        <Select
          label={t.endpointFilter}
          options={[{ value: '', label: t.anyEndpoint }, ...subscriptions.map((s) => ({ value: s.id, label: s.url }))]}
          value={subscriptionId}
          onChange={onSubscriptionId}
        />
        <Select label={common.status} options={[{ value: '', label: common.anyStatus }, ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t[s] }))]} value={status} onChange={setStatus} />
        <Button onClick={() => refresh({ requestPolicy: 'network-only' })}>{t.refresh}</Button>
      </InlineStack>
      <OperationsTable
        caption={t.caption}
        headings={[t.event, common.status, t.attempts, t.lastAnswer, t.nextAttempt, t.recorded, t.action]}
        numericColumns={[2]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error}
        paging={{ trail, pageInfo: page?.pageInfo, onTrail: setTrail }}
      />
    </BlockStack>
  );
}
