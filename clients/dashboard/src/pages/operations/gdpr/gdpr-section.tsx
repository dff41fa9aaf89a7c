import { Badge, BlockStack, InlineStack, Text } from '@shopify/polaris';
import { useState } from 'react';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useOperationsGdprRequestsQuery } from '../../../generated/graphql.js';
import { currentCursor, FIRST_PAGE, PAGE_SIZE, type CursorTrail } from '../cursor-paging.js';
import { operationsMessages } from '../operations.messages.js';
import { OperationsTable } from '../operations-table.js';
import { gdprKindKey, gdprProgress, isCompleted } from './gdpr-progress.js';
import { gdprMessages } from './gdpr.messages.js';

/** Shopify's GDPR requests, newest first, with each subgraph's part. */
export default function GdprSection() {
  const t = useMessages(gdprMessages);
  const common = useMessages(operationsMessages);
  const fmt = useFormat();
  const [trail, setTrail] = useState<CursorTrail>(FIRST_PAGE);
  const [list] = useOperationsGdprRequestsQuery({ variables: { after: currentCursor(trail), first: PAGE_SIZE } });
  const page = list.data?.gdprRequests;

  const rows = (page?.nodes ?? []).map((request) => {
    const progress = gdprProgress(request.parts);
    const done = isCompleted(request.status);
    return [
      t[gdprKindKey(request.kind)],
      <Badge key="status" tone={done ? 'success' : 'attention'}>
        {done ? t.COMPLETED : t.PENDING}
      </Badge>,
      <BlockStack gap="100" key="parts">
        <Text as="span">{format(t.partsDone, progress)}</Text>
        <InlineStack gap="100" wrap>
          {request.parts.map((part) => {
            const partDone = isCompleted(part.status);
            return (
              <Badge key={part.subgraph} tone={partDone ? 'success' : undefined} progress={partDone ? 'complete' : 'incomplete'}>
                {format(t.partLabel, { subgraph: part.subgraph, status: partDone ? t.COMPLETED : t.PENDING })}
              </Badge>
            );
          })}
        </InlineStack>
      </BlockStack>,
      fmt.dateTime(request.requestedAt),
      request.completedAt ? fmt.dateTime(request.completedAt) : t.notYet,
    ];
  });

  return (
    <BlockStack gap="400">
      <Text as="p">{t.intro}</Text>
      <OperationsTable
        caption={t.caption}
        headings={[t.kind, common.status, t.progress, t.requestedAt, t.completedAt]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error}
        paging={{ trail, pageInfo: page?.pageInfo, onTrail: setTrail }}
      />
    </BlockStack>
  );
}
