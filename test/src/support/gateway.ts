import { createSubgraphHttpApp, startEventProcessing, startSubgraph, type SubgraphRuntime } from '@loyalnest/kit';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig, type GatewayConfig } from '../../../gateway/src/config.js';
import { startEmbeddedGateway, startNetworkedGateway } from '../../../gateway/src/modes.js';
import { peerClient, RemoteSubgraphClient } from '../../../gateway/src/subgraph-client.js';
import { subgraphModules } from '../../../gateway/src/subgraphs.js';

export type Mode = 'embedded' | 'networked';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  mode: Mode;
  url: string;
  config: GatewayConfig;
  /** Each subgraph's runtime (in this process in both modes: networked runs them behind their own HTTP servers). */
  runtimes: Map<string, SubgraphRuntime>;
  /** Where each subgraph's own HTTP server listens (networked mode only). */
  subgraphUrls: Record<string, string>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** Posts a GraphQL operation and returns the HTTP status with the body. */
export async function postGraphQL<T>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * Where a test gateway without a fake Shopify (`fake.env`) sends Shopify's Admin API calls: a
 * local port nobody listens on, so the call is refused at once. The suites share one database,
 * and a gateway's redemption recovery job rechecks failed redemptions that earlier files left,
 * whose fake shop is gone; it must never wait on DNS or the internet for them.
 */
const NO_SHOPIFY = 'http://127.0.0.1:9/{shop}';

/**
 * The whole supergraph on ephemeral ports. Networked mode puts every subgraph behind its own
 * HTTP server and the gateway reaches them with internal tokens over keep-alive connections.
 */
export async function startTestGateway(mode: Mode = 'embedded', env: Record<string, string> = {}): Promise<TestGateway> {
  // The nightly segment scheduler's ticks come at the hour's turn, whatever a test is doing: only the tests of it turn it on.
  const config = loadGatewayConfig({ SHOPIFY_BASE_URL: NO_SHOPIFY, ...process.env, SEGMENT_NIGHTLY: 'off', ...env, PORT: '0' });
  if (mode === 'embedded') {
    const gateway = await startEmbeddedGateway(config, subgraphModules);
    return {
      mode,
      url: `${gateway.url}/graphql`,
      config,
      runtimes: new Map(gateway.runtimes.map((r) => [r.name, r])),
      subgraphUrls: {},
      gql: (q, v, h) => postGraphQL(`${gateway.url}/graphql`, q, v, h),
      stop: () => gateway.stop(),
    };
  }
  // Event handlers reach other subgraphs over HTTP with internal tokens, as in a real deployment.
  const peers = new Map<string, RemoteSubgraphClient>();
  const runtimes = await Promise.all(subgraphModules.map((m) => startSubgraph(m, config.kit, { peers: peerClient(peers), modules: subgraphModules })));
  const servers: { server: Server; stop: () => Promise<void> }[] = [];
  const subgraphUrls: Record<string, string> = {};
  for (const runtime of runtimes) {
    const { app, stop } = await createSubgraphHttpApp(runtime);
    if (runtime.module.routes) app.use(runtime.module.routes(runtime));
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push({ server, stop });
    subgraphUrls[runtime.name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  for (const [name, url] of Object.entries(subgraphUrls)) peers.set(name, new RemoteSubgraphClient(name, url, config.kit.internalTokenSecret));
  await Promise.all(runtimes.map((r) => startEventProcessing(r, subgraphModules)));
  const gateway = await startNetworkedGateway(config, subgraphModules, subgraphUrls);
  return {
    mode,
    url: `${gateway.url}/graphql`,
    config,
    runtimes: new Map(runtimes.map((r) => [r.name, r])),
    subgraphUrls,
    gql: (q, v, h) => postGraphQL(`${gateway.url}/graphql`, q, v, h),
    async stop() {
      await gateway.stop();
      // Workers first, while the peers they may be calling still answer.
      await Promise.all(runtimes.map((r) => r.close()));
      for (const { server, stop } of servers) {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        await stop();
      }
      await Promise.all([...peers.values()].map((c) => c.close()));
    },
  };
}
