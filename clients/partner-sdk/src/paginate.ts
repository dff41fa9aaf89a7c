/** A page as the API's connections send it. */
export interface Connection<N> {
  nodes: readonly N[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

/** Nesting a connection may sit at in a result (`customer.points.history` is 3 deep). */
type Depth = [unknown, unknown, unknown, unknown, unknown];

/** The node type of the (first) connection anywhere in a result type, `never` if it has none. */
export type NodeOf<T, D extends unknown[] = []> = D['length'] extends Depth['length']
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends { nodes: ReadonlyArray<infer N>; pageInfo: unknown }
      ? N
      : T extends object
        ? { [K in keyof T]-?: NodeOf<NonNullable<T[K]>, [...D, unknown]> }[keyof T]
        : never;

function isConnection(value: unknown): value is Connection<unknown> {
  return typeof value === 'object' && value !== null && Array.isArray((value as Connection<unknown>).nodes) && typeof (value as Connection<unknown>).pageInfo === 'object';
}

/** The first connection in a result, depth first; null when there is none (e.g. an unknown customer). */
function findConnection(value: unknown): Connection<unknown> | null {
  if (isConnection(value)) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  for (const child of Object.values(value)) {
    const found = findConnection(child);
    if (found) return found;
  }
  return null;
}

/**
 * Every node of a paginated operation, page after page: calls `fn` with `variables`, then again with
 * `after` set to each page's `endCursor` while `hasNextPage`. The connection is found in the result
 * by its shape (`nodes` and `pageInfo`), wherever it is nested; pass `select` when an operation
 * has more than one. Stops when the connection is missing (e.g. `pointsHistory` of an unknown
 * customer). Pages are fetched lazily: breaking out of the loop stops fetching.
 *
 *     for await (const customer of paginate(client.customers, { first: 50 })) …
 */
export async function* paginate<V extends { after?: string | null } | undefined, R, N = NodeOf<R>>(
  fn: (variables: V) => Promise<R>,
  // V is inferred from `fn` alone (its variables are optional when all are): the object given here is checked against it.
  variables: NoInfer<NonNullable<V>>,
  select: (result: R) => Connection<N> | null | undefined = (result) => findConnection(result) as Connection<N> | null,
): AsyncGenerator<N, void, undefined> {
  let after = variables.after ?? null;
  const seen = new Set<string>();
  for (;;) {
    const page = select(await fn({ ...variables, after } as V));
    if (!page) return;
    yield* page.nodes;
    const next = page.pageInfo.endCursor ?? null;
    if (!page.pageInfo.hasNextPage || next === null) return;
    // A cursor seen before would loop forever: an API bug, not something to iterate through.
    if (seen.has(next)) throw new Error(`paginate: the cursor ${next} came back twice`);
    seen.add(next);
    after = next;
  }
}
