/**
 * The peer reference of `bench gateway`: Hive Gateway (`createGatewayRuntime`) serving the committed
 * supergraph through Node's http, as a process of its own, in front of the same networked subgraph
 * services as LoyalNest's networked gateway.
 *
 * Subgraphs accept only requests with an internal token, so a plugin does the caller work the
 * LoyalNest gateway does, with the same code: the `Authorization` header is checked by the same
 * `Authenticator` (the merchant subgraph resolves the shop), and each subgraph fetch carries that
 * request's internal token. Hive's upstream in-flight deduplication is off: its key is computed
 * before `onFetch` adds the token, so two callers' identical fetches would share one answer.
 *
 * Started by `gateway.bench.ts` with the bench's environment and `HIVE_PORT`, `HIVE_SUBGRAPHS`
 * (JSON, subgraph name → URL); prints `ready` on stdout once it listens.
 */
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { INTERNAL_TOKEN_HEADER, unauthenticated, type Caller } from '@loyalnest/kit';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Authenticator } from '../../gateway/src/auth/authenticate.js';
import { CallerDirectory } from '../../gateway/src/auth/caller-directory.js';
import { loadGatewayConfig, SUPERGRAPH_GRAPHQL } from '../../gateway/src/config.js';
import { internalTokenFor, RemoteSubgraphClient } from '../../gateway/src/subgraph-client.js';

interface HiveContext {
  caller?: Caller;
}

/** The committed supergraph with each subgraph's routing URL replaced by where the bench runs it. */
function supergraphAt(urls: Record<string, string>): string {
  return readFileSync(SUPERGRAPH_GRAPHQL, 'utf8').replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

async function main(): Promise<void> {
  const port = Number(process.env.HIVE_PORT);
  const urls = JSON.parse(process.env.HIVE_SUBGRAPHS ?? '{}') as Record<string, string>;
  if (!Number.isInteger(port) || !urls.merchant) throw new Error('HIVE_PORT and HIVE_SUBGRAPHS (with merchant) are required');
  const config = loadGatewayConfig();
  const secret = config.kit.internalTokenSecret;
  const merchant = new RemoteSubgraphClient('merchant', urls.merchant, secret);
  const authenticator = new Authenticator({
    shopify: config.kit.shopify,
    devTokenSecret: config.devTokenSecret,
    development: config.development,
    shopperToken: config.shopperToken,
    directory: new CallerDirectory(merchant),
  });

  const callerToken: GatewayPlugin<HiveContext> = {
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      if (!request) throw unauthenticated('no request to authenticate');
      extendContext({ caller: await authenticator.authenticate(request.headers.get('authorization') ?? undefined) });
    },
    onFetch({ context, options, setOptions }) {
      const caller = (context as Partial<HiveContext> | undefined)?.caller;
      if (!caller) throw unauthenticated('a subgraph fetch without an authenticated caller');
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [INTERNAL_TOKEN_HEADER]: internalTokenFor(secret, caller) } });
    },
  };

  const gateway = createGatewayRuntime<HiveContext>({
    supergraph: supergraphAt(urls),
    logging: 'error',
    landingPage: false,
    graphiql: false,
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    plugins: () => [callerToken],
  });
  const server = createServer(gateway);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void Promise.all([gateway.dispose(), merchant.close()]).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log('ready');
}

main().catch((error: unknown) => {
  console.error('[hive] failed to start:', error);
  process.exit(1);
});
