import { BlockStack, Button, Card, Form, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { useFormat, useMessages } from '../../../i18n/i18n.js';
import { useOperationsAuditEntriesQuery, type AuditEntryFilter } from '../../../generated/graphql.js';
import { currentCursor, FIRST_PAGE, PAGE_SIZE, type CursorTrail } from '../cursor-paging.js';
import { OperationsTable } from '../operations-table.js';
import { AuditChainCard } from './audit-chain-card.js';
import { ACTOR_KINDS, auditFilterOf, EMPTY_AUDIT_FILTER, type AuditFilterForm, type AuditFilterResult } from './audit-filter.js';
import { auditMessages } from './audit.messages.js';

/** The audit trail, newest first, narrowed by the filter form, and the chain's verification. */
export default function AuditSection() {
  const t = useMessages(auditMessages);
  const fmt = useFormat();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  const [problems, setProblems] = useState<AuditFilterResult['problems']>({});
  const [filter, setFilter] = useState<AuditEntryFilter | null>(null);
  const [trail, setTrail] = useState<CursorTrail>(FIRST_PAGE);
  const [list] = useOperationsAuditEntriesQuery({ variables: { filter, after: currentCursor(trail), first: PAGE_SIZE } });
  const page = list.data?.auditEntries;

  const apply = (next: AuditFilterForm) => {
    const result = auditFilterOf(next);
    setProblems(result.problems);
    if (Object.keys(result.problems).length) return;
    setFilter(result.filter);
    setTrail(FIRST_PAGE);
  };
  const field = (key: keyof AuditFilterForm) => ({
    value: form[key],
    onChange: (value: string) => setForm({ ...form, [key]: value }),
    error: problems[key] ? t[problems[key]] : undefined,
    autoComplete: 'off',
  });

  const rows = (page?.nodes ?? []).map((entry) => [
    fmt.number(entry.sequence),
    fmt.dateTime(entry.occurredAt),
    <BlockStack gap="050" key="who">
      <Text as="span">{t[entry.actor.kind]}</Text>
      <Text as="span" tone="subdued" variant="bodySm" breakWord>
        {entry.actor.id}
      </Text>
    </BlockStack>,
    <BlockStack gap="050" key="what">
      <Text as="span">{entry.entityType}</Text>
      {entry.entityId && (
        <Text as="span" tone="subdued" variant="bodySm" breakWord>
          {entry.entityId}
        </Text>
      )}
    </BlockStack>,
    entry.action,
  ]);

  return (
    <BlockStack gap="400">
      <Text as="p">{t.intro}</Text>
      <AuditChainCard />
      <Card>
        <Form onSubmit={() => apply(form)}>
          <FormLayout>
            <FormLayout.Group>
              <TextField label={t.entityType} helpText={t.entityTypeHelp} {...field('entityType')} />
              <Select
                label={t.actorKind}
                options={[{ value: '', label: t.anyActor }, ...ACTOR_KINDS.map((kind) => ({ value: kind, label: t[kind] }))]}
                value={form.actorKind}
                onChange={(actorKind) => setForm({ ...form, actorKind })}
              />
              <TextField label={t.action} helpText={t.actionHelp} {...field('action')} />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label={t.from} type="date" {...field('from')} />
              <TextField label={t.to} type="date" {...field('to')} />
            </FormLayout.Group>
            <InlineStack gap="200">
              <Button submit variant="primary">
                {t.apply}
              </Button>
              <Button
                onClick={() => {
                  setForm(EMPTY_AUDIT_FILTER);
                  apply(EMPTY_AUDIT_FILTER);
                }}
              >
                {t.clear}
              </Button>
            </InlineStack>
          </FormLayout>
        </Form>
      </Card>
      <OperationsTable
        caption={t.caption}
        headings={[t.sequence, t.when, t.who, t.what, t.action]}
        numericColumns={[0]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error}
        paging={{ trail, pageInfo: page?.pageInfo, onTrail: setTrail }}
      />
    </BlockStack>
  );
}
