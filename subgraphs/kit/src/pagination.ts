import { Directive, Field, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';
import { isUuid } from './ids.js';

@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Where a page of a cursor-paginated list stands.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;
}

export const MAX_PAGE_SIZE = 100;

/**
 * The page a paginated field serves when `first` is left out (the schema declares it as the
 * argument's default) or null. The gateway prices a page left to its default at this size.
 */
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | undefined | null, fallback = DEFAULT_PAGE_SIZE): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the sort key (a time-ordered UUIDv7). */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null, field = 'after'): string | undefined {
  if (cursor == null) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw badInput(field, 'is not a cursor returned by this API');
  return id;
}

/** Shape of a connection page computed from `size + 1` fetched rows. */
export function toPage<T extends { id: string }>(rows: T[], size: number): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { endCursor: last ? encodeCursor(last.id) : null, hasNextPage: rows.length > size } };
}
