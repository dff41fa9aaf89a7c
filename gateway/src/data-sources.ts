import apolloGateway, { type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

// @apollo/gateway is CommonJS and re-exports its data sources through `export *`, which Node's ESM
// named-export detection cannot see; take the class from the default export.
const { RemoteGraphQLDataSource } = apolloGateway;

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

/** Query-planner fetches over HTTP (networked mode), each with the caller's signed internal token. */
export class AuthenticatedRemoteDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly client: RemoteSubgraphClient) {
    super({ url: client.url, fetcher: client.fetch as never });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!isIncomingOperation(options)) return;
    for (const [name, value] of Object.entries(this.client.headers(options.context.caller))) {
      options.request.http!.headers.set(name, value);
    }
  }
}
