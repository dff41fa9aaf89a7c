import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { STATUS_CODES } from 'node:http';

/** `GraphQLDataSourceRequestKind.INCOMING_OPERATION`; the enum object is not reachable from ESM either. */
const INCOMING_OPERATION = 'incoming operation';

type IncomingOperation = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;

function isIncomingOperation(options: GraphQLDataSourceProcessOptions<GatewayContext>): options is IncomingOperation {
  return (options.kind as string) === INCOMING_OPERATION;
}
import type { Caller } from '@loyalnest/kit';
import type { EmbeddedSubgraphClient, RemoteSubgraphClient } from './subgraph-client.js';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** What the gateway keeps per request: the authenticated caller, built in the context function. */
export interface GatewayContext {
  caller: Caller;
  /**
   * The HTTP client's address past `TRUSTED_PROXY_HOPS` proxies: guests' rate limits key on it.
   * The gateway's alone, never sent to subgraphs; absent for the live server's own lookups.
   */
  clientIp?: string;
}

/** Query-planner fetches into an in-process subgraph (embedded mode). */
export class EmbeddedDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly client: EmbeddedSubgraphClient) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (!isIncomingOperation(options)) {
      throw new Error(`${this.client.name}: only incoming operations run in-process`);
    }
    const { request, context, document } = options;
    return this.client.execute(request.query!, request.variables, context.caller, document) as Promise<GatewayGraphQLResponse>;
  }
}

/**
 * Query-planner fetches over HTTP (networked mode), each with the caller's internal token, through
 * the subgraph client's keep-alive pool. Not @apollo/gateway's RemoteGraphQLDataSource: per fetch it
 * built node-fetch `Headers` and a `Request` it only kept for an error hook, then went through
 * WHATWG `fetch`, together about a fifth of the networked gateway's CPU in a profile under load.
 * Answers and failures keep its shape: the body as the subgraph sent it, and a non-2xx status
 * thrown as `"<status>: <reason>"` with the response in `extensions`.
 */
export class AuthenticatedRemoteDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly client: RemoteSubgraphClient) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (!isIncomingOperation(options)) {
      throw new Error(`${this.client.name}: only incoming operations are fetched`);
    }
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    const { status, body } = await this.client.post({ query, variables, operationName, extensions }, options.context.caller);
    if (status < 200 || status > 299) throw httpError(this.client.url, status, body);
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    return body as GatewayGraphQLResponse;
  }
}

function httpError(url: string, status: number, body: unknown): GraphQLError {
  const statusText = STATUS_CODES[status] ?? '';
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${status}: ${statusText}`, { extensions: { response: { url, status, statusText, body }, ...(code && { code }) } });
}
