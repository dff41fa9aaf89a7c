import type { GdprRequestKind, GdprStatus } from '../../../generated/graphql.js';

/** The API's former lower-case names are never returned, but the generated types still carry them. */
export function isCompleted(status: GdprStatus): boolean {
  return status === 'COMPLETED' || status === 'completed';
}

export type GdprKindKey = 'customerRedact' | 'customerDataRequest' | 'shopRedact';

export function gdprKindKey(kind: GdprRequestKind): GdprKindKey {
  switch (kind) {
    case 'CUSTOMER_REDACT':
    case 'customer_redact':
      return 'customerRedact';
    case 'CUSTOMER_DATA_REQUEST':
    case 'customer_data_request':
      return 'customerDataRequest';
    default:
      return 'shopRedact';
  }
}

/** How many of a request's parts (one per subgraph holding its data) are carried out. */
export function gdprProgress(parts: readonly { status: GdprStatus }[]): { done: number; total: number } {
  return { done: parts.filter((part) => isCompleted(part.status)).length, total: parts.length };
}
