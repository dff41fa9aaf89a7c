import { formatError, INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN_TTL_SECONDS, logUnexpected, PeerQueryError, signInternalToken, type Caller, type PeerClient, type SubgraphRuntime } from '@loyalnest/kit';
import { execute, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { Agent, request } from 'undici';

/** A subgraph's HTTP answer: its status, and its body parsed when it is JSON (text otherwise). */
export interface SubgraphAnswer {
  status: number;
  body: unknown;
}

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

  /** One GraphQL POST on behalf of `caller`, with undici's `request`: a JSON POST needs none of `fetch`'s streams and header objects. */
  async post(payload: object, caller: Caller): Promise<SubgraphAnswer> {
    const { statusCode, headers, body } = await request(this.url, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: internalTokenFor(this.internalTokenSecret, caller) },
      body: JSON.stringify(payload),
    });
    const type = String(headers['content-type'] ?? '');
    const json = type.startsWith('application/json') || type.startsWith('application/graphql-response+json');
    return { status: statusCode, body: json ? await body.json() : await body.text() };
  }

  async execute(query: string, variables: Record<string, unknown> | undefined, caller: Caller): Promise<SubgraphResult> {
    const { status, body } = await this.post({ query, variables }, caller);
    if (typeof body !== 'object' || body === null) throw new Error(`${this.name} subgraph answered HTTP ${status} without a JSON body: ${String(body).slice(0, 200)}`);
    return body as SubgraphResult;
  }

  async ready(): Promise<void> {
    const { statusCode, body } = await request(new URL('/readyz', this.url), { dispatcher: this.agent, signal: AbortSignal.timeout(3000) });
    await body.dump();
    if (statusCode < 200 || statusCode > 299) throw new Error(`${this.name} subgraph is not ready (HTTP ${statusCode})`);
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
