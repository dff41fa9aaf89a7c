import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkPostgres, checkRedis } from '../../gateway/src/cli/preflight.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { productionEnv } from './support/production-env.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { bearer, sessionToken } from './support/tokens.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('gateway HTTP surface (development)', () => {
  let gateway: TestGateway;
  let origin: string;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    origin = new URL(gateway.url).origin;
  });
  afterAll(() => gateway.stop());

  it('answers liveness and readiness (stores and Redis reachable)', async () => {
    expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the Apollo Sandbox landing page to a browser', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox/i);
  });

  it('lets Sandbox introspect without a token, but nothing else', async () => {
    const introspection = await gateway.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
    expect(introspection.data?.__schema.queryType.name).toBe('Query');

    const mixed = await gateway.gql(`{ __typename customers { nodes { id } } }`);
    expect(mixed.status).toBe(401);
    expect(mixed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps internal lookups out of the public schema', async () => {
    const result = await gateway.gql<{ __schema: { queryType: { fields: { name: string }[] } } }>('{ __schema { queryType { fields { name } } } }');
    const names = result.data!.__schema.queryType.fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['customers', 'merchant', 'me']));
    expect(names.filter((n) => n.startsWith('_'))).toEqual([]);
  });

  it('refuses a simple GET request that a browser could send cross-site (CSRF prevention)', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

describe('gateway in production', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let origin: string;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', productionEnv());
    merchant = await createMerchant(gateway);
    origin = new URL(gateway.url).origin;
  });
  afterAll(() => gateway.stop());

  it('serves no landing page and refuses introspection, even with credentials', async () => {
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);

    const anonymous = await gateway.gql(INTROSPECTION);
    expect(anonymous.status).toBe(401);

    const admin = bearer(await sessionToken(gateway.config, merchant.shop));
    const introspection = await gateway.gql(INTROSPECTION, {}, admin);
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);

    // the same admin can use the API itself
    const me = await gateway.gql<{ me: { merchant: { id: string } } }>('{ me { merchant { id } } }', {}, admin);
    expect(me.data?.me.merchant.id).toBe(merchant.id);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });
});

describe('start-up checks', () => {
  it('names an unreachable PostgreSQL in one line, password redacted, with how to start it', async () => {
    const error = await checkPostgres('postgres://postgres:hunter2@127.0.0.1:1/postgres').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL=postgres://postgres:***@127.0.0.1:1/postgres');
    expect(message).not.toContain('hunter2');
    expect(message).toContain('pg_ctlcluster');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names an unreachable Redis in one line, with how to start it', async () => {
    const error = await checkRedis('redis://127.0.0.1:1').catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Redis is not usable at REDIS_URL=redis:\/\/127\.0\.0\.1:1 .*redis-server --daemonize yes/);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });
});
