import { Banner, BlockStack, Card, DataTable, Pagination, Text } from '@shopify/polaris';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { formErrorsOf } from '../../forms/field-errors.js';
import { useMessages } from '../../i18n/i18n.js';
import { hasPreviousPage, nextPage, previousPage, type CursorTrail } from './cursor-paging.js';
import { operationsMessages } from './operations.messages.js';

export interface OperationsTableProps {
  /** Names the table for assistive technology. */
  caption: string;
  headings: string[];
  numericColumns?: number[];
  rows: ReactNode[][];
  /** Shown in place of the table when there are no rows. */
  empty: string;
  fetching: boolean;
  error: CombinedError | undefined;
  /** For a cursor-paged list: the cursors that led to this page, and where it stands. */
  paging?: {
    trail: CursorTrail;
    pageInfo: { endCursor: string | null; hasNextPage: boolean } | undefined;
    onTrail: (trail: CursorTrail) => void;
  };
}

/** A page of one of the operations lists, with the API's error in a banner and cursor paging under it. */
export function OperationsTable({ caption, headings, numericColumns = [], rows, empty, fetching, error, paging }: OperationsTableProps) {
  const t = useMessages(operationsMessages);
  const problem = error ? (formErrorsOf(error).form ?? t.loadFailed) : null;
  return (
    <Card padding="0">
      {/* Polaris's DataTable takes no caption: the region's label names the list instead. */}
      <section aria-label={caption}>
        <BlockStack gap="0">
          {problem && (
            <Banner tone="critical" title={t.loadFailed}>
              <p>{problem}</p>
            </Banner>
          )}
          {rows.length ? (
            <DataTable
              columnContentTypes={headings.map((_, i) => (numericColumns.includes(i) ? 'numeric' : 'text'))}
              headings={headings}
              rows={rows}
              verticalAlign="middle"
            />
          ) : (
            <div style={{ padding: 'var(--p-space-400)' }}>
              <Text as="p" tone="subdued">
                {fetching ? t.loading : empty}
              </Text>
            </div>
          )}
          {paging && (hasPreviousPage(paging.trail) || paging.pageInfo?.hasNextPage) && (
            <div style={{ padding: 'var(--p-space-300)', display: 'flex', justifyContent: 'center' }}>
              <Pagination
                accessibilityLabel={`${caption}, ${t.pagination}`}
                hasPrevious={hasPreviousPage(paging.trail)}
                onPrevious={() => paging.onTrail(previousPage(paging.trail))}
                hasNext={!!paging.pageInfo?.hasNextPage}
                onNext={() => paging.onTrail(nextPage(paging.trail, paging.pageInfo?.endCursor))}
              />
            </div>
          )}
        </BlockStack>
      </section>
    </Card>
  );
}
