import type { Caller } from './context.js';

/**
 * How a subgraph's background work (event handlers, jobs) reads from another subgraph: through
 * that subgraph's GraphQL API, as a system caller, never through its store. The gateway provides
 * the implementation: in-process in embedded mode, HTTP with an internal token in networked mode.
 */
export interface PeerClient {
  /** Runs `query` on `subgraph` as `caller` and returns its data; any GraphQL error throws. */
  query<T>(subgraph: string, query: string, variables: Record<string, unknown>, caller: Caller): Promise<T>;
}

export class PeerQueryError extends Error {
  /**
   * @param codes the errors' `extensions.code`s, so a caller can tell e.g. SHOPIFY_UNAVAILABLE
   * (retry later) from SHOPIFY_REJECTED (give up) without parsing messages.
   */
  constructor(
    subgraph: string,
    messages: string[],
    readonly codes: string[] = [],
  ) {
    super(`${subgraph} subgraph answered with errors: ${messages.join('; ')}`);
    this.name = 'PeerQueryError';
  }
}

/** For runtimes started without peers (tests of one subgraph, `seed`): any call fails loudly. */
export const noPeers: PeerClient = {
  query(subgraph) {
    return Promise.reject(new Error(`no peer client: this runtime cannot reach the ${subgraph} subgraph`));
  },
};
