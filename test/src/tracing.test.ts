import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { eventually } from './support/events.js';
import { postGraphQL } from './support/gateway.js';
import { freePort } from './support/supergraph-process.js';
import { insertMerchant } from './support/webhooks.js';

const GATEWAY_DIR = fileURLToPath(new URL('../../gateway/', import.meta.url));
const REGISTER = fileURLToPath(new URL('../../subgraphs/kit/src/tracing/register-tracing.ts', import.meta.url));

/** A span as OTLP/JSON carries it, with the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** 2 server, 3 client. */
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpJson {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: { key: string; value: Record<string, unknown> }[] }[] }[];
  }[];
}

/** The database a client span talks to, under the semantic conventions' old or new attribute name. */
function dbSystem(span: ReceivedSpan): unknown {
  return span.attributes['db.system.name'] ?? span.attributes['db.system'];
}

/** A collector of our own: an HTTP server taking OTLP/JSON posts to /v1/traces, as a real collector does. */
function startReceiver(spans: ReceivedSpan[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJson;
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const span of scopeSpans.flatMap((s) => s.spans)) {
            const attributes = Object.fromEntries((span.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]));
            spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? '', name: span.name, kind: span.kind, attributes });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A CLI of the gateway package in a child process, with tsx and the tracing module loaded first, as the image does. */
function spawnCli(script: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, TSX_TSCONFIG_PATH: '../tsconfig.json' };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', REGISTER, script, ...args], { cwd: GATEWAY_DIR, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-10_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => output };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

describe('OpenTelemetry traces', () => {
  it('are off without an OTLP endpoint: no tracer provider is registered; with one, there is', async () => {
    const probe = async (env: Record<string, string>) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, TSX_TSCONFIG_PATH: '../tsconfig.json' };
      delete childEnv.NODE_OPTIONS;
      delete childEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
      delete childEnv.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
      Object.assign(childEnv, env);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--import', REGISTER, '--input-type=module', '-e', "console.log(JSON.stringify(Object.keys(globalThis[Symbol.for('opentelemetry.js.api.1')] ?? {})))"],
        { cwd: GATEWAY_DIR, env: childEnv },
      );
      return JSON.parse(stdout.trim()) as string[];
    };

    expect(await probe({})).toEqual([]);
    expect(await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toContain('trace');
  });

  describe('networked: a gateway process and the merchant subgraph process, exporting to one collector', () => {
    const spans: ReceivedSpan[] = [];
    let receiver: Server;
    const children: ChildProcess[] = [];
    let gatewayOrigin: string;
    let logs: () => string;

    beforeAll(async () => {
      receiver = await startReceiver(spans);
      const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, OTEL_BSP_SCHEDULE_DELAY: '100' };
      const [subgraphPort, gatewayPort] = [await freePort(), await freePort()];
      const subgraph = spawnCli('src/cli/serve-subgraph.ts', ['--name', 'merchant', '--port', String(subgraphPort)], otel);
      const gateway = spawnCli('src/cli/serve-gateway.ts', [], { ...otel, PORT: String(gatewayPort), HOST: '127.0.0.1', MERCHANT_SUBGRAPH_URL: `http://127.0.0.1:${subgraphPort}/graphql` });
      children.push(subgraph.child, gateway.child);
      logs = () => `merchant:\n${subgraph.output()}\ngateway:\n${gateway.output()}`;
      gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
      await eventually(
        async () => (await answers(`http://127.0.0.1:${subgraphPort}/readyz`)) && (await answers(`${gatewayOrigin}/healthz`)),
        60_000,
        'the subgraph and the gateway to start',
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${logs()}`);
      });
    });

    afterAll(async () => {
      await Promise.all(
        children.map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          return exited;
        }),
      );
      await new Promise((r) => receiver.close(r));
    });

    it('one query is one trace: the gateway’s request, its Redis calls and its fetch, the subgraph’s request beneath that fetch, and the subgraph’s PostgreSQL queries', async () => {
      const merchant = await insertMerchant();
      const token = await mintDevToken(loadGatewayConfig().devTokenSecret, { shop: merchant.shop, role: 'admin' });

      const result = await postGraphQL<{ merchant: { name: string } }>(`${gatewayOrigin}/graphql`, 'query TracedMerchant { merchant { name } }', {}, { authorization: `Bearer ${token}` });
      expect(result.errors).toBeUndefined();
      expect(result.data?.merchant.name).toBe(`Shop ${merchant.shop}`);

      // @apollo/gateway's own span of the operation marks the trace; its root is the gateway's HTTP request.
      const trace = await eventually(
        async () => {
          const operation = spans.find((s) => s.service === 'loyalnest-gateway' && s.name === 'gateway.request');
          const inTrace = spans.filter((s) => s.traceId === operation?.traceId);
          const root = inTrace.find((s) => s.service === 'loyalnest-gateway' && s.kind === 2);
          return root && inTrace.some((s) => s.service === 'loyalnest-merchant' && dbSystem(s) === 'postgresql') ? { root, inTrace } : undefined;
        },
        20_000,
        'the spans of the query to reach the collector',
      ).catch((error: Error) => {
        throw new Error(`${error.message}; received: ${JSON.stringify([...new Set(spans.map((s) => `${s.service} ${s.name} ${s.kind} ${s.traceId.slice(0, 6)}`))])}\n${logs()}`);
      });

      const { root, inTrace } = trace;
      const byId = new Map(inTrace.map((s) => [s.spanId, s]));
      const subgraphRequests = inTrace.filter((s) => s.service === 'loyalnest-merchant' && s.kind === 2);
      expect(root.parentSpanId).toBe('');
      // Each request the subgraph served in this trace hangs under a client span the gateway sent it from.
      expect(subgraphRequests.length).toBeGreaterThanOrEqual(1);
      for (const request of subgraphRequests) {
        const parent = byId.get(request.parentSpanId);
        expect(parent).toMatchObject({ service: 'loyalnest-gateway', kind: 3 });
      }
      const queries = inTrace.filter((s) => s.service === 'loyalnest-merchant' && dbSystem(s) === 'postgresql');
      expect(queries.length).toBeGreaterThanOrEqual(1);
      expect(inTrace.some((s) => s.service === 'loyalnest-gateway' && dbSystem(s) === 'redis')).toBe(true);
      // Nothing of the request's values is recorded: no shop domain, no tenant id, no token (SQL keeps no literal).
      expect(JSON.stringify(inTrace)).not.toContain(merchant.shop);
      expect(JSON.stringify(inTrace)).not.toContain(merchant.id);
      expect(JSON.stringify(inTrace)).not.toContain(token);
    });
  });
});
