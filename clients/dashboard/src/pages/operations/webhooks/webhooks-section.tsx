import { Badge, BlockStack, Button, Form, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useOperationsWebhookDeliveriesQuery, type WebhookDeliveryFilter } from '../../../generated/graphql.js';
import { currentCursor, FIRST_PAGE, PAGE_SIZE, type CursorTrail } from '../cursor-paging.js';
import { operationsMessages } from '../operations.messages.js';
import { OperationsTable } from '../operations-table.js';
import { MAX_TOPIC_LENGTH, WEBHOOK_DELIVERY_STATUSES, webhookFilterOf, webhookTone, type WebhookFilterForm } from './webhook-filter.js';
import { webhooksMessages } from './webhooks.messages.js';

/** The webhook inbox as a table, filtered by topic and status. */
export default function WebhooksSection() {
  const t = useMessages(webhooksMessages);
  const common = useMessages(operationsMessages);
  const fmt = useFormat();
  const [form, setForm] = useState<WebhookFilterForm>({ topic: '', status: '' });
  const [topicTooLong, setTopicTooLong] = useState(false);
  const [filter, setFilter] = useState<WebhookDeliveryFilter | null>(null);
  const [trail, setTrail] = useState<CursorTrail>(FIRST_PAGE);
  const [list] = useOperationsWebhookDeliveriesQuery({ variables: { filter, after: currentCursor(trail), first: PAGE_SIZE } });
  const page = list.data?.webhookDeliveries;

  const apply = (next: WebhookFilterForm) => {
    const result = webhookFilterOf(next);
    setTopicTooLong(result.topicTooLong);
    if (result.topicTooLong) return;
    setFilter(result.filter);
    setTrail(FIRST_PAGE);
  };

  const rows = (page?.nodes ?? []).map((delivery) => [
    <BlockStack gap="050" key="topic">
      <Text as="span" fontWeight="semibold">
        {delivery.topic}
      </Text>
      <Text as="span" tone="subdued" variant="bodySm">
        {delivery.eventId}
      </Text>
    </BlockStack>,
    <Badge key="status" tone={webhookTone(delivery.status)}>
      {t[delivery.status]}
    </Badge>,
    fmt.dateTime(delivery.receivedAt),
    delivery.appliedAt ? fmt.dateTime(delivery.appliedAt) : t.notYet,
    delivery.appliedBy.length ? delivery.appliedBy.join(', ') : t.notYet,
    fmt.number(delivery.attempts),
  ]);

  return (
    <BlockStack gap="400">
      <Text as="p">{t.intro}</Text>
      <Form onSubmit={() => apply(form)}>
        <InlineStack gap="400" blockAlign="end" wrap>
          <TextField
            label={t.topic}
            placeholder={t.topicPlaceholder}
            value={form.topic}
            onChange={(topic) => setForm({ ...form, topic })}
            error={topicTooLong ? format(t.topicTooLong, { max: MAX_TOPIC_LENGTH }) : undefined}
            autoComplete="off"
          />
          <Select
            label={common.status}
            options={[{ value: '', label: common.anyStatus }, ...WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: t[s] }))]}
            value={form.status}
            onChange={(status) => {
              const next = { ...form, status };
              setForm(next);
              apply(next);
            }}
          />
          <Button submit>{t.filter}</Button>
        </InlineStack>
      </Form>
      <OperationsTable
        caption={t.caption}
        headings={[t.topic, common.status, t.received, t.applied, t.appliedBy, t.attempts]}
        numericColumns={[5]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error}
        paging={{ trail, pageInfo: page?.pageInfo, onTrail: setTrail }}
      />
    </BlockStack>
  );
}
