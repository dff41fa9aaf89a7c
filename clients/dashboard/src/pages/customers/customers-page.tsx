import { Banner, BlockStack, Card, IndexTable, Link, Page, SkeletonBodyText, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useCustomersListQuery } from '../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../i18n/i18n.js';
import { apiLocale, customerName, emailFilter } from './customer-format.js';
import { customersMessages } from './customers.messages.js';
import { FIRST_PAGE, hasPreviousPage, nextPage, pageNumber, previousPage, type CursorPages } from './cursor-pages.js';

const PAGE_SIZE = 20;
/** Long enough that typing an address sends one search, not one per key. */
const SEARCH_DELAY_MS = 300;

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** /customers: the merchant's customers, searchable by email, a page at a time. */
export default function CustomersPage() {
  const t = useMessages(customersMessages);
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const email = emailFilter(useDebounced(search, SEARCH_DELAY_MS));
  // Pages belong to the search they were reached in: a new search starts from its first page.
  const [paging, setPaging] = useState({ email, pages: FIRST_PAGE });
  const pages = paging.email === email ? paging.pages : FIRST_PAGE;
  const setPages = (next: CursorPages) => setPaging({ email, pages: next });

  const [{ data, fetching, error }] = useCustomersListQuery({
    variables: { email, after: pages.after, first: PAGE_SIZE, locale: apiLocale(fmt.locale) },
  });
  const connection = data?.customers;
  const rows = connection?.nodes ?? [];

  const emptyState = !data ? (
    <div style={{ padding: 'var(--p-space-400)' }}>
      <SkeletonBodyText lines={3} />
    </div>
  ) : (
    <div style={{ padding: 'var(--p-space-800) var(--p-space-400)' }}>
      <BlockStack gap="200" inlineAlign="center">
        <Text as="p" variant="headingMd">
          {email === null ? t.emptyTitle : t.noMatchTitle}
        </Text>
        <Text as="p" tone="subdued">
          {email === null ? t.emptyBody : t.noMatchBody}
        </Text>
      </BlockStack>
    </div>
  );

  return (
    <Page title={t.title}>
      <BlockStack gap="400">
        {error && !data && (
          <Banner tone="critical">
            <p>{t.loadError}</p>
          </Banner>
        )}
        <Card padding="0">
          <div style={{ padding: 'var(--p-space-400)' }}>
            <TextField
              label={t.searchLabel}
              type="email"
              autoComplete="off"
              value={search}
              onChange={setSearch}
              clearButton
              onClearButtonClick={() => setSearch('')}
              helpText={t.searchHelp}
            />
          </div>
          <IndexTable
            resourceName={{ singular: t.customer, plural: t.customers }}
            itemCount={rows.length}
            selectable={false}
            loading={fetching}
            emptyState={emptyState}
            headings={[
              { title: t.name },
              { title: t.email },
              { title: t.orders, alignment: 'end' },
              { title: t.totalSpent, alignment: 'end' },
              { title: t.balance, alignment: 'end' },
              { title: t.tier },
            ]}
            pagination={{
              hasPrevious: hasPreviousPage(pages),
              hasNext: Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor),
              onPrevious: () => setPages(previousPage(pages)),
              onNext: () => connection?.pageInfo.endCursor && setPages(nextPage(pages, connection.pageInfo.endCursor)),
              label: format(t.page, { page: pageNumber(pages) }),
            }}
          >
            {rows.map((customer, index) => (
              <IndexTable.Row id={customer.id} key={customer.id} position={index}>
                <IndexTable.Cell>
                  <Link url={`/customers/${customer.id}`} removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {customerName(customer) ?? t.unnamed}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{customer.email ?? t.none}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {fmt.number(customer.ordersCount)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {fmt.money(customer.totalSpent)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {fmt.number(customer.points.balance)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{customer.tier.current?.name ?? t.none}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
