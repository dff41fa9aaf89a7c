import { formatError, INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN_TTL_SECONDS, logUnexpected, PeerQueryError, signInternalToken, type Caller, type PeerClient, type SubgraphRuntime } from '@loyalnest/kit';
import { execute, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';

export interface SubgraphResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/**
 * How the gateway talks to one subgraph on behalf of a caller, the same way in both modes: the
 * query planner's fetches and the gateway's own internal lookups (caller resolution) use it.
 */
export interface SubgraphClient {
  readonly name: string;
  execute(query: string, variables: Record<string, unknown> | undefined, caller: Caller, document?: DocumentNode): Promise<SubgraphResult>;
  ready(): Promise<void>;
}

/** The gateway plans the same few subgraph queries over and over; parse each once. */
const documents = new Map<string, DocumentNode>();
const MAX_CACHED_DOCUMENTS = 1000;

function parsed(query: string): DocumentNode {
  let document = documents.get(query);
  if (!document) {
    document = parse(query);
    if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
  }
  return document;
}

/**
 * Embedded mode: the subgraph's schema runs in this process, no HTTP hop. The caller object is
 * handed over as is; only in-process code can reach this path, so there is no token to check.
 * Errors are formatted exactly as the subgraph's own HTTP server would, so both modes answer alike.
 */
export class EmbeddedSubgraphClient implements SubgraphClient {
  readonly name: string;
  private readonly stackTraces: boolean;

  constructor(private readonly runtime: SubgraphRuntime) {
    this.name = runtime.name;
    this.stackTraces = runtime.config.errorStackTraces;
  }

  async execute(query: string, variables: Record<string, unknown> | undefined, caller: Caller, document?: DocumentNode): Promise<SubgraphResult> {
    const result = await execute({
      schema: this.runtime.schema,
      document: document ?? parsed(query),
      variableValues: variables,
      contextValue: this.runtime.createContext(caller),
    });
    if (!result.errors?.length) return { data: result.data };
    for (const error of result.errors) logUnexpected(this.name, error, caller);
    return { data: result.data, errors: result.errors.map((e) => formatError(e.toJSON(), this.stackTraces)) };
  }

  async ready(): Promise<void> {
    await this.runtime.orm.em.fork().execute('select 1');
  }
}

/** A token is reused at most this long, so the last fetch made with it still has 20 s to arrive. */
const TOKEN_REUSE_MS = (INTERNAL_TOKEN_TTL_SECONDS - 20) * 1000;

interface SignedToken {
  secret: string;
  /** The caller as it was signed; a caller object changed since then gets a new token. */
  claims: string;
  token: string;
  until: number;
}

/**
 * Internal tokens by caller object. The query planner fetches from several subgraphs for one
 * request, all with that request's caller, and each fetch used to sign a token of its own. Keyed
 * by object identity, a token is shared only by fetches of one request (each request builds its own
 * caller), or by the gateway's own long-lived system callers; never between two callers, even
 * when they are alike.
 */
const signedTokens = new WeakMap<Caller, SignedToken>();

export function internalTokenFor(secret: string, caller: Caller, now = Date.now()): string {
  const claims = JSON.stringify(caller);
  const signed = signedTokens.get(caller);
  if (signed && signed.until > now && signed.secret === secret && signed.claims === claims) return signed.token;
  const token = signInternalToken(secret, caller, now);
  signedTokens.set(caller, { secret, claims, token, until: now + TOKEN_REUSE_MS });
  return token;
}

/** Networked mode: one keep-alive connection pool per subgraph; every request carries its caller's internal token. */
export class RemoteSubgraphClient implements SubgraphClient {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });

  constructor(
    readonly name: string,
    readonly url: string,
    private readonly internalTokenSecret: string,
  ) {}

  /** A `fetch` bound to this subgraph's keep-alive pool, for RemoteGraphQLDataSource. */
  readonly fetch = ((input: string, init?: Parameters<typeof undiciFetch>[1]) => undiciFetch(input, { ...init, dispatcher: this.agent })) as typeof undiciFetch;

  headers(caller: Caller): Record<string, string> {
    return { [INTERNAL_TOKEN_HEADER]: internalTokenFor(this.internalTokenSecret, caller) };
  }

  async execute(query: string, variables: Record<string, unknown> | undefined, caller: Caller): Promise<SubgraphResult> {
    const response = await this.fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers(caller) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as SubgraphResult;
  }

  async ready(): Promise<void> {
    const response = await this.fetch(new URL('/readyz', this.url).toString(), { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new Error(`${this.name} subgraph is not ready (HTTP ${response.status})`);
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/**
 * The peer client subgraphs' background work uses (see `PeerClient` in the kit), over the same
 * clients the gateway plans with. `clients` may be filled after this is made: embedded runtimes
 * need their peers before all of them exist.
 */
export function peerClient(clients: ReadonlyMap<string, SubgraphClient>): PeerClient {
  return {
    async query<T>(subgraph: string, query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> {
      const client = clients.get(subgraph);
      if (!client) throw new Error(`unknown subgraph "${subgraph}"`);
      const result = await client.execute(query, variables, caller);
      if (result.errors?.length) {
        throw new PeerQueryError(
          subgraph,
          result.errors.map((e) => `${e.message} (${String(e.extensions?.code ?? 'no code')})`),
          result.errors.map((e) => String(e.extensions?.code ?? 'INTERNAL')),
        );
      }
      return result.data as T;
    },
  };
}
