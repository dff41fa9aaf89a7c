/**
 * The API pages forward only (`after` an `endCursor`). To step back, a list keeps the cursors that
 * led to each page it has shown: the trail starts at the first page (no cursor), grows on "next"
 * and shrinks on "previous". A changed filter starts a new trail.
 */
export type CursorTrail = readonly (string | null)[];

export const FIRST_PAGE: CursorTrail = [null];

/** The `after` of the page shown now. */
export function currentCursor(trail: CursorTrail): string | null {
  return trail[trail.length - 1] ?? null;
}

export function nextPage(trail: CursorTrail, endCursor: string | null | undefined): CursorTrail {
  return endCursor ? [...trail, endCursor] : trail;
}

export function previousPage(trail: CursorTrail): CursorTrail {
  return trail.length > 1 ? trail.slice(0, -1) : trail;
}

export function hasPreviousPage(trail: CursorTrail): boolean {
  return trail.length > 1;
}

/** How many rows a page of the operations lists shows. */
export const PAGE_SIZE = 20;
