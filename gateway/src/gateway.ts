import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { clientIp, formatError, graphqlMetricsPlugin, healthRoutes, httpErrorHandler, httpMetrics, logger, logUnexpected, metricsRoute, thrown, watchLiveSockets, withHttpStatus, type Caller } from '@loyalnest/kit';
import express, { type Express, type RequestHandler } from 'express';
import { buildSchema, GraphQLError, parse, printSchema, type GraphQLSchema, type ValidationRule } from 'graphql';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appProxyRoutes } from './auth/app-proxy.js';
import { Authenticator } from './auth/authenticate.js';
import { CallerDirectory } from './auth/caller-directory.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { SUPERGRAPH_GRAPHQL, type GatewayConfig } from './config.js';
import type { GatewayContext } from './data-sources.js';
import { documentGuard } from './document-guard.js';
import { graphqlCors } from './graphql-cors.js';
import { queryLimitRules } from './limits.js';
import { LiveHub } from './live/live-hub.js';
import { LiveResolvers } from './live/live-resolvers.js';
import { LIVE_SUBGRAPH } from './live/live-schema.js';
import { startLiveServer, type LiveServer } from './live/live-server.js';
import { assignRequestIds, requestIdsOf } from './request-ids.js';
import type { SubgraphClient, SubgraphResult } from './subgraph-client.js';
import { CostBuckets } from './throttle/cost-buckets.js';
import { queryCostPlugin } from './throttle/query-cost.plugin.js';

export interface GatewayParts {
  config: GatewayConfig;
  /** One client per subgraph, by name; `merchant` also answers caller lookups. */
  clients: Map<string, SubgraphClient>;
  dataSource(name: string): GraphQLDataSource<GatewayContext>;
  /** HTTP routes subgraphs own beside GraphQL (OAuth install), served on the gateway's port. */
  routes: RequestHandler[];
  /** Released when the gateway stops (subgraph stores, child processes, pools). */
  onStop?: () => Promise<void>;
}

export interface RunningGateway {
  app: Express;
  server: Server;
  url: string;
  /** The subscriptions endpoint on the same port. */
  live: LiveServer;
  stop(): Promise<void>;
}

/** Operations that only introspect may run unauthenticated outside production, so Sandbox can load the schema. */
function isIntrospectionOnly(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    return parse(query).definitions.every(
      (def) => def.kind !== 'OperationDefinition' || def.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__')),
    );
  } catch {
    return false;
  }
}

/** @apollo/gateway cannot execute subscriptions; say where they are served instead of failing inside it. */
const subscriptionsOverWebSocket: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on this same /graphql URL', { nodes: [node] }));
    }
  },
});

/** The gateway's own subscription schema is served over WebSocket; no query plan ever fetches from it. */
const liveDataSource: GraphQLDataSource<GatewayContext> = {
  process: async () => ({ errors: [{ message: 'The live subgraph is served over WebSocket, not fetched' }] }),
};

/**
 * A GraphQL request is a document and its variables: the largest operations the clients send are a
 * few KB. Webhooks, Flow actions and the app proxy keep their own limits on their own routes.
 */
const GRAPHQL_BODY_LIMIT = '128kb';

const ANONYMOUS: Omit<Caller, 'requestId' | 'correlationId'> = { merchantId: null, actor: { kind: 'system', id: 'anonymous' }, scopes: [] };

export async function startGateway(parts: GatewayParts): Promise<RunningGateway> {
  const { config } = parts;
  const merchant = parts.clients.get('merchant');
  if (!merchant) throw new Error('the gateway needs the merchant subgraph to authenticate callers');
  const customer = parts.clients.get('customer');
  if (!customer) throw new Error('the gateway needs the customer subgraph to start shopper sessions');
  const directory = new CallerDirectory(merchant);
  const authenticator = new Authenticator({ shopify: config.kit.shopify, devTokenSecret: config.devTokenSecret, development: config.development, shopperToken: config.shopperToken, directory });
  const redis = new Redis(config.kit.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => {
    // Readiness reports Redis trouble; the connection retries on its own.
  });
  await redis.connect();
  const buckets = new CostBuckets(redis, config.kit.events.queuePrefix, config.rateLimits);

  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetrics);
  app.use(assignRequestIds);
  app.use(metricsRoute(config.kit.metrics, config.development));
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_GRAPHQL, 'utf8'),
    buildService: ({ name }) => (name === LIVE_SUBGRAPH ? liveDataSource : parts.dataSource(name!)),
  });
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.development,
    csrfPrevention: true,
    // Each CLI stops the gateway on SIGINT/SIGTERM itself, workers and stores with it; Apollo's own
    // handler would stop only the server and signal the process again, cutting the workers short.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.tokens },
    validationRules: [...queryLimitRules(config.limits), subscriptionsOverWebSocket],
    includeStacktraceInErrorResponses: config.kit.errorStackTraces,
    formatError: (formatted, error) => {
      logUnexpected('gateway', error);
      return formatError(formatted, config.kit.errorStackTraces);
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      queryCostPlugin(buckets, config.limits.cost),
      graphqlMetricsPlugin(),
      config.development ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const hub = new LiveHub(config.kit);
  await hub.start();
  const supergraph = async (query: string, variables: Record<string, unknown>, caller: Caller): Promise<SubgraphResult> => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: { caller } });
    if (response.body.kind !== 'single') throw new Error('a live lookup answered incrementally');
    return response.body.singleResult as SubgraphResult;
  };
  // A copy of its own: Apollo Server wraps the resolvers of the schema it serves, and the live
  // server resolves the same types differently.
  const liveSchema = buildSchema(printSchema(apiSchema!));
  const live = startLiveServer({
    server,
    schema: liveSchema,
    resolvers: new LiveResolvers(hub, supergraph, config.live.queueLimit),
    authenticator,
    config: config.live,
    limits: config.limits,
    stackTraces: config.kit.errorStackTraces,
    buckets,
    trustedProxyHops: config.kit.referrals.trustedProxyHops,
    revocations: hub,
  });
  const unwatchLive = watchLiveSockets(() => live.sockets);

  healthRoutes(app, async () => {
    await Promise.all([...parts.clients.values()].map((c) => c.ready()));
    if ((await redis.ping()) !== 'PONG') throw new Error('Redis did not answer PING');
  });
  // Known once the server listens: with no APP_URL in development, the port may be the system's choice (0).
  let listeningUrl = '';
  app.use(appProxyRoutes({ config, directory, customer, publicUrl: () => (config.publicUrl ?? listeningUrl).replace(/\/+$/, '') }));
  app.use(dashboardRoutes(config));
  for (const route of parts.routes) app.use(route);
  // Each subgraph serves its own actions' paths; a handle none of them owns is not an action of this app.
  app.post('/flow/actions/:handle', (req, res) => {
    res.status(404).json({ message: `Unknown Flow action "${req.params.handle}"` });
  });
  app.use(
    '/graphql',
    graphqlCors,
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    documentGuard(config.limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const { requestId, correlationId } = requestIdsOf(res);
        const ip = clientIp(req, config.kit.referrals.trustedProxyHops);
        if (!req.headers.authorization && config.development && isIntrospectionOnly(req.body?.query)) {
          return { caller: { ...ANONYMOUS, requestId, correlationId }, clientIp: ip };
        }
        try {
          return { caller: { ...(await authenticator.authenticate(req.headers.authorization, requestId)), correlationId }, clientIp: ip };
        } catch (error) {
          const code = (error as GraphQLError).extensions?.code;
          if (code === 'UNAUTHENTICATED') throw withHttpStatus(error as GraphQLError, 401);
          logger('gateway', { requestId }).error({ err: error }, 'authentication failed unexpectedly');
          throw withHttpStatus(thrown('INTERNAL', 'Authentication is unavailable; try again shortly'), 503);
        }
      },
    }),
  );
  app.use(httpErrorHandler);

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  listeningUrl = `http://${browsableHost(config.host)}:${port}`;
  return {
    app,
    server,
    url,
    live,
    async stop() {
      // Sockets first: they hold no HTTP request open for the drain to wait on.
      unwatchLive();
      await live.stop();
      await hub.stop();
      await apollo.stop();
      redis.disconnect();
      await parts.onStop?.();
    },
  };
}

/** A host a browser can open: an address that means "every interface" is reached on the loopback. */
function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
