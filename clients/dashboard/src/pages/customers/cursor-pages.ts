/**
 * Where a cursor-paged list stands. The API pages forward only (`after`), so going back means
 * asking again with the cursor an earlier page was asked with: those are kept here, oldest first.
 */
export interface CursorPages {
  /** The `after` each earlier page was asked with (null: the first page). */
  earlier: (string | null)[];
  /** The `after` of the page shown. */
  after: string | null;
}

export const FIRST_PAGE: CursorPages = { earlier: [], after: null };

/** The page after the one shown, which ended at `endCursor`. */
export function nextPage(pages: CursorPages, endCursor: string): CursorPages {
  return { earlier: [...pages.earlier, pages.after], after: endCursor };
}

/** The page before the one shown; the first page stays where it is. */
export function previousPage(pages: CursorPages): CursorPages {
  if (pages.earlier.length === 0) return pages;
  return { earlier: pages.earlier.slice(0, -1), after: pages.earlier[pages.earlier.length - 1] };
}

export function hasPreviousPage(pages: CursorPages): boolean {
  return pages.earlier.length > 0;
}

/** The page shown, counting from 1. */
export function pageNumber(pages: CursorPages): number {
  return pages.earlier.length + 1;
}
