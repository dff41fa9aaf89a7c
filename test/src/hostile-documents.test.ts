import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { hostileDocuments } from './support/hostile.js';
import { connectLive } from './support/live.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';

// Bounds are generous on purpose: speed is measured by `npm run bench -- hostile` (p99 27 ms at
// 1 MB on a quiet machine). Before the bounds, validating one of these documents took minutes,
// with /healthz waiting behind it; a CI run saw the first 1 MB request after start take 1.9 s.
const REFUSED_WITHIN_MS = 5000;
const HEALTHZ_WITHIN_MS = 5000;

interface Timed {
  status: number;
  ms: number;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function timedPost(url: string, body: string, headers: Record<string, string>): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const parsed = (await response.json()) as Timed['body'];
  return { status: response.status, ms: performance.now() - started, body: parsed };
}

describe('hostile documents are refused before validation (race: /healthz polled while they are sent)', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let origin: string;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    merchant = await createMerchant(gateway);
    origin = new URL(gateway.url).origin;
  });
  afterAll(() => gateway.stop());

  /** Polls /healthz until `work` settles; returns each poll's latency. */
  async function pollHealthzDuring<T>(work: Promise<T>): Promise<{ result: T; latencies: number[] }> {
    const latencies: number[] = [];
    let done = false;
    const polling = (async () => {
      while (!done) {
        const started = performance.now();
        const response = await fetch(`${origin}/healthz`);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    })();
    try {
      return { result: await work, latencies };
    } finally {
      done = true;
      await polling;
    }
  }

  it.each(hostileDocuments(1024 * 1024).map((d) => [d.shape, d.query] as const))('a 1 MB document (%s) is refused with 413 at once', async (_shape, query) => {
    const { result, latencies } = await pollHealthzDuring(timedPost(gateway.url, JSON.stringify({ query }), merchant.auth));

    expect(result.status).toBe(413);
    expect(result.body.errors![0].extensions?.code).toBe('BAD_REQUEST');
    expect(result.ms).toBeLessThan(REFUSED_WITHIN_MS);
    expect(Math.max(0, ...latencies)).toBeLessThan(HEALTHZ_WITHIN_MS);
  });

  it.each(hostileDocuments(120 * 1024).map((d) => [d.shape, d.query] as const))(
    'a 120 KB document under the body limit (%s) stops at the parser or the selection width, while /healthz answers',
    async (_shape, query) => {
      // Several at once, as an attacker would send them.
      const attack = Promise.all(Array.from({ length: 4 }, () => timedPost(gateway.url, JSON.stringify({ query }), merchant.auth)));
      const { result, latencies } = await pollHealthzDuring(attack);

      for (const refused of result) {
        expect(refused.status).toBe(400);
        expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(refused.body.errors![0].extensions?.code);
        expect(refused.ms).toBeLessThan(REFUSED_WITHIN_MS);
      }
      expect(latencies.length).toBeGreaterThan(0);
      expect(Math.max(...latencies)).toBeLessThan(HEALTHZ_WITHIN_MS);
    },
  );

  it('a selection set wider than the limit within the token limit is refused, naming the limit', async () => {
    const query = `{ me { ...F ${'...F '.repeat(100)}} } fragment F on Viewer { kind }`;

    const refused = await timedPost(gateway.url, JSON.stringify({ query }), merchant.auth);

    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        message: 'A selection set holds 101 selections (fragments expanded); the limit is 100',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'selections', value: 101, max: 100 },
      },
    ]);
  });

  describe('GET /graphql?query= gets the same bounds', () => {
    const wide = `{ me { ${'kind '.repeat(150)}} }`;

    async function get(search: string): Promise<Timed> {
      const started = performance.now();
      const response = await fetch(`${gateway.url}?${search}`, { headers: { ...merchant.auth, 'apollo-require-preflight': '1' } });
      return { status: response.status, ms: performance.now() - started, body: (await response.json()) as Timed['body'] };
    }

    it('a selection set wider than the limit is refused', async () => {
      const refused = await get(new URLSearchParams({ query: wide }).toString());

      expect(refused.status).toBe(400);
      expect(refused.body.errors![0].extensions).toMatchObject({ limit: 'selections', value: 150 });
    });

    // Express parses at most 1000 query parameters; Apollo reads them all.
    it('a query parameter behind 1000 others is guarded too', async () => {
      const refused = await get(`${'x=1&'.repeat(1000)}${new URLSearchParams({ query: wide }).toString()}`);

      expect(refused.status).toBe(400);
      expect(refused.body.errors![0].extensions).toMatchObject({ limit: 'selections', value: 150 });
    });

    it('a query parameter given twice is refused by Apollo, unparsed', async () => {
      const refused = await get(`query=${encodeURIComponent('{ me { kind } }')}&query=${encodeURIComponent(wide)}`);

      expect(refused.status).toBe(400);
      expect(refused.body.errors![0].message).toMatch(/may only be specified once/);
    });
  });

  // What Apollo Sandbox and GraphQL Code Generator send (descriptions, deprecated arguments and
  // input fields, specifiedByURL, repeatable directives, schema description; 184 tokens, 9
  // selections at most, cost 229): the bounds must let the real supergraph's introspection
  // through, with or without a caller. (`isOneOf` is left out: Apollo's query planner does not know it.)
  it('lets the tools\' full introspection of the supergraph through the bounds and the cost limit', async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    type Introspection = { __schema: { types: { name: string }[]; directives: { name: string; isRepeatable: boolean }[] } };

    for (const headers of [{}, merchant.auth]) {
      const result = await gateway.gql<Introspection>(query, {}, headers);

      expect(result.errors).toBeUndefined();
      expect(result.status).toBe(200);
      expect(result.data!.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Query', 'Customer', 'ErrorResult']));
      expect(result.data!.__schema.directives.map((d) => d.name)).toContain('include');
    }
  });

  it('the socket applies the same bounds to a subscribe', async () => {
    const live = connectLive(gateway.url, merchant.auth.authorization);
    try {
      // Under the socket's 64 KB frame limit, far over the token limit.
      const query = `subscription { merchantActivity { ${'__typename '.repeat(5000)}} }`;
      const started = performance.now();
      const result = await live.subscribe(query).next();

      expect(performance.now() - started).toBeLessThan(REFUSED_WITHIN_MS);
      expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
    } finally {
      await live.dispose();
    }
  });
});
