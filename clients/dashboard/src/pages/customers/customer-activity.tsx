import { Badge, BlockStack, Card, IndexTable, SkeletonBodyText, Text } from '@shopify/polaris';
import { useState, type ReactNode } from 'react';
import { useCustomerPointsHistoryQuery, useCustomerRedemptionsQuery, type RedemptionStatus } from '../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../i18n/i18n.js';
import { apiLocale } from './customer-format.js';
import { customerMessages } from './customer.messages.js';
import { FIRST_PAGE, hasPreviousPage, nextPage, pageNumber, previousPage, type CursorPages } from './cursor-pages.js';

const PAGE_SIZE = 10;

type PageInfo = { endCursor: string | null; hasNextPage: boolean } | undefined;

function pagination(pages: CursorPages, setPages: (pages: CursorPages) => void, pageInfo: PageInfo, label: string) {
  return {
    hasPrevious: hasPreviousPage(pages),
    hasNext: Boolean(pageInfo?.hasNextPage && pageInfo.endCursor),
    onPrevious: () => setPages(previousPage(pages)),
    onNext: () => pageInfo?.endCursor && setPages(nextPage(pages, pageInfo.endCursor)),
    label: format(label, { page: pageNumber(pages) }),
  };
}

/** A card that is a region named by its heading, so the pagers of its table can be told apart. */
function TableCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Card padding="0">
        <BlockStack gap="200">
          <div style={{ padding: 'var(--p-space-400) var(--p-space-400) 0' }}>
            <Text as="h2" variant="headingMd" id={id}>
              {title}
            </Text>
          </div>
          {children}
        </BlockStack>
      </Card>
    </section>
  );
}

/** What a table shows with no rows: a skeleton until its first answer, then why it is empty. */
function Empty({ loaded, children }: { loaded: boolean; children: string }) {
  return (
    <div style={{ padding: 'var(--p-space-400)' }}>
      {loaded ? (
        <Text as="p" tone="subdued">
          {children}
        </Text>
      ) : (
        <SkeletonBodyText lines={2} />
      )}
    </div>
  );
}

/** The customer's ledger, newest first, a page at a time. */
export function PointsHistoryCard({ customerId }: { customerId: string }) {
  const t = useMessages(customerMessages);
  const fmt = useFormat();
  const [pages, setPages] = useState(FIRST_PAGE);
  const [{ data, fetching }] = useCustomerPointsHistoryQuery({ variables: { id: customerId, after: pages.after, first: PAGE_SIZE } });
  const history = data?.customer?.points.history;
  const entries = history?.nodes ?? [];
  return (
    <TableCard id="customer-points-history" title={t.historyTitle}>
      <IndexTable
        resourceName={{ singular: t.historyTitle, plural: t.historyTitle }}
        itemCount={entries.length}
        selectable={false}
        loading={fetching}
        emptyState={<Empty loaded={Boolean(data)}>{t.historyEmpty}</Empty>}
        headings={[{ title: t.date }, { title: t.kind }, { title: t.reason }, { title: t.change, alignment: 'end' }]}
        pagination={pagination(pages, setPages, history?.pageInfo, t.page)}
      >
        {entries.map((entry, index) => (
          <IndexTable.Row id={entry.id} key={entry.id} position={index}>
            <IndexTable.Cell>{fmt.dateTime(entry.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>
              {t[`kind${entry.kind}`]} {entry.status === 'PENDING' && <Badge tone="attention">{t.entryPending}</Badge>}
            </IndexTable.Cell>
            <IndexTable.Cell>{entry.reason ?? ''}</IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric tone={entry.points < 0 ? 'critical' : 'success'}>
                {entry.points > 0 ? `+${fmt.number(entry.points)}` : fmt.number(entry.points)}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </TableCard>
  );
}

const STATUS_TONE: Record<RedemptionStatus, 'info' | 'success' | 'critical' | 'attention' | undefined> = {
  PENDING: 'attention',
  ISSUED: 'info',
  USED: 'success',
  FAILED: 'critical',
  EXPIRED: undefined,
  CANCELLED: undefined,
};

/** The customer's redemptions with where each stands, newest first, a page at a time. */
export function RedemptionsCard({ customerId }: { customerId: string }) {
  const t = useMessages(customerMessages);
  const fmt = useFormat();
  const [pages, setPages] = useState(FIRST_PAGE);
  const [{ data, fetching }] = useCustomerRedemptionsQuery({
    variables: { id: customerId, after: pages.after, first: PAGE_SIZE, locale: apiLocale(fmt.locale) },
  });
  const redemptions = data?.customer?.redemptions;
  const rows = redemptions?.nodes ?? [];
  return (
    <TableCard id="customer-redemptions" title={t.redemptionsTitle}>
      <IndexTable
        resourceName={{ singular: t.redemptionsTitle, plural: t.redemptionsTitle }}
        itemCount={rows.length}
        selectable={false}
        loading={fetching}
        emptyState={<Empty loaded={Boolean(data)}>{t.redemptionsEmpty}</Empty>}
        headings={[{ title: t.date }, { title: t.reward }, { title: t.status }, { title: t.code }, { title: t.pointsSpent, alignment: 'end' }]}
        pagination={pagination(pages, setPages, redemptions?.pageInfo, t.page)}
      >
        {rows.map((redemption, index) => (
          <IndexTable.Row id={redemption.id} key={redemption.id} position={index}>
            <IndexTable.Cell>{fmt.dateTime(redemption.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>{redemption.reward.name}</IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={STATUS_TONE[redemption.status]}>{t[`status${redemption.status}`]}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>{redemption.discountCode ?? ''}</IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {fmt.number(redemption.pointsSpent)}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </TableCard>
  );
}
