import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import customer from '@loyalnest/customer';
import { ADMIN_SCOPES, loadKitConfig, metricsRoute, operationLabel, systemCaller, type SubgraphModule } from '@loyalnest/kit';
import merchant from '@loyalnest/merchant';
import express from 'express';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { productionEnv } from './support/production-env.js';
import { createMerchant, runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { postWebhook } from './support/webhooks.js';

/** The series `/metrics` must name (with HELP text), LoyalNest's and Node's defaults. */
const SERIES = [
  'loyalnest_http_request_duration_seconds',
  'loyalnest_graphql_operation_duration_seconds',
  'loyalnest_events_published_total',
  'loyalnest_events_consumed_total',
  'loyalnest_events_dead_lettered_total',
  'loyalnest_outbox_oldest_unpublished_age_seconds',
  'loyalnest_queue_jobs',
  'loyalnest_db_pool_connections',
  'loyalnest_live_sockets',
  'loyalnest_metrics_collect_errors_total',
  'process_cpu_user_seconds_total',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
];

const PROBE = 'query MetricsProbe { merchant { name } }';

async function scrape(origin: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(`${origin}/metrics`, { headers });
  return { status: response.status, body: await response.text() };
}

/** The value of one sample, `name{labels}`, labels matched whatever their order; 0 when absent. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const line of body.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => present.get(k) === v)) {
      total += Number(match[3]);
      found = true;
    }
  }
  return found ? total : 0;
}

function hasSample(body: string, name: string, labels: Record<string, string>): boolean {
  return body.split('\n').some((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)));
}

function customerCreated(): { topic: string; eventId: string; body: Record<string, unknown> } {
  return { topic: 'customers/create', eventId: randomUUID(), body: { id: Number(shopifyId()), email: `m-${randomBytes(4).toString('hex')}@example.com`, first_name: 'Metric' } };
}

describe('/metrics (embedded, development)', () => {
  let gateway: TestGateway;
  let origin: string;
  let merchants: TestMerchant[];

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    origin = new URL(gateway.url).origin;
    merchants = [await createMerchant(gateway), await createMerchant(gateway)];
  });
  afterAll(() => gateway.stop());

  it('names every series with its help text, Node defaults included', async () => {
    const { status, body } = await scrape(origin);

    expect(status).toBe(200);
    const missing = SERIES.filter((name) => !body.includes(`# HELP ${name} `));
    expect(missing).toEqual([]);
    expect(hasSample(body, 'loyalnest_db_pool_connections', { store: 'points', pool: 'requests', state: 'total' })).toBe(true);
    expect(hasSample(body, 'loyalnest_db_pool_connections', { store: 'audit', pool: 'events', state: 'waiting' })).toBe(true);
    expect(hasSample(body, 'loyalnest_queue_jobs', { queue: 'customer', state: 'waiting' })).toBe(true);
    expect(sample(body, 'loyalnest_live_sockets')).toBe(0);
  });

  it('moves under load: operations are timed by name, webhooks are published and consumed, and the outbox drains to ~0', async () => {
    const before = (await scrape(origin)).body;

    for (const merchant of merchants) {
      for (let i = 0; i < 3; i++) expect((await gateway.gql(PROBE, {}, merchant.auth)).errors).toBeUndefined();
      await gateway.gql('{ merchant { name } }', {}, merchant.auth);
      const status = await postWebhook(origin, merchant.shop, gateway.config.kit.shopify.apiSecret, customerCreated());
      expect(status).toBe(200);
    }

    const after = await eventually(
      async () => {
        const { body } = await scrape(origin);
        const applied = sample(body, 'loyalnest_events_consumed_total', { consumer: 'customer', outcome: 'applied' }) - sample(before, 'loyalnest_events_consumed_total', { consumer: 'customer', outcome: 'applied' });
        return applied >= merchants.length && sample(body, 'loyalnest_outbox_oldest_unpublished_age_seconds', { store: 'merchant' }) < 5 ? body : undefined;
      },
      30_000,
      'the webhooks to be consumed',
    );

    const grew = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(grew('loyalnest_graphql_operation_duration_seconds_count', { operation: 'MetricsProbe', type: 'query', outcome: 'success' })).toBe(6);
    expect(grew('loyalnest_graphql_operation_duration_seconds_count', { operation: 'anonymous', type: 'query' })).toBeGreaterThanOrEqual(2);
    expect(grew('loyalnest_http_request_duration_seconds_count', { route: '/webhooks/shopify', method: 'POST', status_class: '2xx' })).toBe(2);
    expect(grew('loyalnest_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status_class: '2xx' })).toBeGreaterThanOrEqual(8);
    expect(grew('loyalnest_http_request_duration_seconds_count', { route: '/metrics', method: 'GET', status_class: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain('route="unmatched"');
    expect(grew('loyalnest_events_published_total', { producer: 'merchant', consumer: 'customer' })).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'loyalnest_outbox_oldest_unpublished_age_seconds', { store: 'merchant' })).toBeLessThan(5);
  });

  it('an operation that fails validation is counted as invalid under "unknown", never under the name its client gave', async () => {
    const before = (await scrape(origin)).body;

    await gateway.gql('query MetricsMissingField { merchant { noSuchField } }', {}, merchants[0].auth);

    const after = (await scrape(origin)).body;
    const grew = (labels: Record<string, string>) =>
      sample(after, 'loyalnest_graphql_operation_duration_seconds_count', labels) - sample(before, 'loyalnest_graphql_operation_duration_seconds_count', labels);
    expect(grew({ operation: 'unknown', type: 'unknown', outcome: 'invalid' })).toBe(1);
    expect(after).not.toContain('MetricsMissingField');
  });

  it('no label value names a merchant, a shop or any id after traffic from two merchants', async () => {
    const { body } = await scrape(origin);

    const labelValues = [...body.matchAll(/="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(labelValues.length).toBeGreaterThan(50);
    const tenantData = merchants.flatMap((m) => [m.id, m.shop, m.shop.split('.')[0]]);
    expect(labelValues.filter((v) => tenantData.some((t) => v.includes(t)))).toEqual([]);
    expect(labelValues.filter((v) => /[0-9a-f]{8}-[0-9a-f]{4}-|myshopify|@/i.test(v))).toEqual([]);
  });

  it('an anonymous client spelling a mount path in other cases adds no series: /GraphQL and /WEBHOOKS/Shopify count as /graphql and /webhooks/shopify, a path of no route as unmatched', async () => {
    const spellings = { '/graphql': ['/GraphQL', '/GRAPHQL', '/gRaPhQl'], '/webhooks/shopify': ['/WEBHOOKS/Shopify', '/Webhooks/SHOPIFY'] };
    const before = (await scrape(origin)).body;

    for (const path of [...Object.values(spellings).flat(), '/No-Such-Path']) {
      await (await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).text();
    }

    const after = (await scrape(origin)).body;
    const unmatched = (body: string) => sample(body, 'loyalnest_http_request_duration_seconds_count', { route: 'unmatched', method: 'POST', status_class: '4xx' });
    expect(unmatched(after) - unmatched(before)).toBe(1);
    const routes = new Set([...after.matchAll(/^loyalnest_http_request_duration_seconds_count\{.*route="([^"]*)"/gm)].map((m) => m[1]));
    for (const [route, paths] of Object.entries(spellings)) {
      expect(paths.filter((p) => routes.has(p))).toEqual([]);
      const count = (body: string) => sample(body, 'loyalnest_http_request_duration_seconds_count', { route, method: 'POST' });
      expect(count(after) - count(before)).toBe(paths.length);
    }
  });

  it('caps the distinct operation names kept as labels; later ones count as "other"', () => {
    const labels = Array.from({ length: 250 }, (_, i) => operationLabel(`Generated${i}`, true));

    expect(new Set(labels).size).toBeLessThanOrEqual(201);
    expect(labels.at(-1)).toBe('other');
    expect(operationLabel(null, true)).toBe('anonymous');
    expect(operationLabel('Named', false)).toBe('unknown');
  });
});

describe('/metrics when a consumer gives up', () => {
  let gateway: EventsGateway;
  const failing: SubgraphModule = {
    ...customer,
    consumes: {
      'test.metrics.fails': async () => {
        throw new Error('this handler always fails');
      },
    },
  };

  beforeAll(async () => {
    gateway = await startEventsGateway([merchant, failing]);
  });
  afterAll(() => gateway.stop());

  it('counts the dead letter once, as dead-lettered and as a consumed outcome, under its consumer and topic', async () => {
    const origin = new URL(gateway.url).origin;
    const merchantOf = await createMerchant(gateway);
    const labels = { consumer: 'customer', topic: 'test.metrics.fails' };
    const before = (await scrape(origin)).body;

    const ctx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, merchantOf.id));
    ctx.emit('test.metrics.fails', { ref: randomUUID() });
    await ctx.em.flush();

    const after = await eventually(
      async () => {
        const { body } = await scrape(origin);
        return sample(body, 'loyalnest_events_dead_lettered_total', labels) > sample(before, 'loyalnest_events_dead_lettered_total', labels) ? body : undefined;
      },
      15_000,
      'the dead letter to be counted',
    );
    expect(sample(after, 'loyalnest_events_dead_lettered_total', labels) - sample(before, 'loyalnest_events_dead_lettered_total', labels)).toBe(1);
    expect(sample(after, 'loyalnest_events_consumed_total', { ...labels, outcome: 'dead-lettered' }) - sample(before, 'loyalnest_events_consumed_total', { ...labels, outcome: 'dead-lettered' })).toBe(1);
    expect(sample(after, 'loyalnest_events_consumed_total', { ...labels, outcome: 'applied' })).toBe(0);
    expect(sample(after, 'loyalnest_events_published_total', { producer: 'customer', ...labels })).toBeGreaterThanOrEqual(1);
  });
});

describe('/metrics access outside development', () => {
  const token = randomBytes(32).toString('base64');

  it('without METRICS_TOKEN the route is absent (404), on an app mounting it as every service does', async () => {
    const config = loadKitConfig(productionEnv());
    const app = express().use(metricsRoute(config.metrics, config.development));
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { status, body } = await scrape(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(status).toBe(404);
      expect(body).not.toContain('loyalnest_');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a METRICS_TOKEN shorter than 32 characters at start, without quoting it', () => {
    expect(() => loadKitConfig({ ...productionEnv(), METRICS_TOKEN: 'short-token' })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
    expect(() => loadKitConfig({ ...productionEnv(), METRICS_TOKEN: 'short-token' })).not.toThrow(/short-token/);
  });

  describe('networked, with METRICS_TOKEN set', () => {
    let gateway: TestGateway;

    beforeAll(async () => {
      gateway = await startTestGateway('networked', { ...productionEnv(), METRICS_TOKEN: token });
    });
    afterAll(() => gateway.stop());

    it.each(['gateway', 'merchant', 'points'])('the %s process answers 401 without the bearer token or with another, 200 with it', async (name) => {
      const origin = new URL(name === 'gateway' ? gateway.url : gateway.subgraphUrls[name]).origin;

      const none = await scrape(origin);
      const wrong = await scrape(origin, { authorization: `Bearer ${randomBytes(32).toString('base64')}` });
      const right = await scrape(origin, { authorization: `Bearer ${token}` });

      expect([none.status, wrong.status, right.status]).toEqual([401, 401, 200]);
      expect(none.body).not.toContain('loyalnest_');
      expect(wrong.body).not.toContain('loyalnest_');
      expect(right.body).toContain('# HELP loyalnest_http_request_duration_seconds ');
    });
  });
});
