import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@loyalnest/kit';
import { postGraphQL, startTestGateway, type GraphQLResponse, type TestGateway } from './support/gateway.js';
import { adminCaller, craftedInternalToken, nowSeconds, unsignedToken } from './support/tokens.js';
import { ENTITIES, MERCHANT_ENTITIES, type Tenants, seedTenants, expectUnauthenticated } from './support/isolation.js';

describe('subgraphs reached directly over HTTP (networked)', () => {
  let gateway: TestGateway;
  let t: Tenants;

  beforeAll(async () => {
    gateway = await startTestGateway('networked');
    t = await seedTenants(gateway);
  });
  afterAll(() => gateway.stop());

  const OPERATIONS: Record<string, { merchant: string; customer: string }> = {
    'a normal query': { merchant: '{ me { kind merchant { id } } }', customer: '{ customers { nodes { id email } } }' },
    _entities: { merchant: MERCHANT_ENTITIES, customer: ENTITIES },
    '_service { sdl }': { merchant: '{ _service { sdl } }', customer: '{ _service { sdl } }' },
  };

  /** Representations pointing at A's own data, so a leak would be visible. */
  function variables(operation: string, subgraph: 'merchant' | 'customer'): Record<string, unknown> | undefined {
    if (operation !== '_entities') return undefined;
    return { representations: [subgraph === 'merchant' ? { __typename: 'Merchant', id: t.a.id } : { __typename: 'Customer', id: t.aCustomers[0].id }] };
  }

  const CREDENTIALS: Record<string, { headers: () => Promise<Record<string, string>>; message: RegExp }> = {
    'no token': { headers: async () => ({}), message: /Missing internal token/ },
    'an empty token': { headers: async () => ({ [INTERNAL_TOKEN_HEADER]: '' }), message: /Missing internal token/ },
    'a token signed with another secret': {
      headers: async () => ({ [INTERNAL_TOKEN_HEADER]: await signInternalToken('not-the-internal-token-secret', adminCaller(t.a.id)) }),
      message: /Invalid or expired internal token/,
    },
    'an expired token': {
      headers: async () => ({
        [INTERNAL_TOKEN_HEADER]: await craftedInternalToken(gateway.config.kit.internalTokenSecret, adminCaller(t.a.id), { iat: nowSeconds() - 180, exp: nowSeconds() - 120 }),
      }),
      message: /Invalid or expired internal token/,
    },
    'a token for another audience': {
      headers: async () => ({
        [INTERNAL_TOKEN_HEADER]: await craftedInternalToken(gateway.config.kit.internalTokenSecret, adminCaller(t.a.id), { audience: 'someone-else' }),
      }),
      message: /Invalid or expired internal token/,
    },
    'an unsigned (alg none) token': {
      headers: async () => ({
        [INTERNAL_TOKEN_HEADER]: unsignedToken({ iss: 'loyalnest-gateway', aud: 'loyalnest-subgraph', exp: nowSeconds() + 60, ctx: adminCaller(t.a.id) }),
      }),
      message: /Invalid or expired internal token/,
    },
    'a client credential instead of a token': {
      headers: async () => ({ ...t.a.auth }),
      message: /Missing internal token/,
    },
  };

  const cases = (['merchant', 'customer'] as const).flatMap((subgraph) =>
    Object.keys(OPERATIONS).flatMap((operation) => Object.keys(CREDENTIALS).map((credential) => [subgraph, operation, credential] as const)),
  );

  it.each(cases)('%s subgraph refuses %s with %s', async (subgraph, operation, credential) => {
    const { headers, message } = CREDENTIALS[credential];

    const result = await postGraphQL(gateway.subgraphUrls[subgraph], OPERATIONS[operation][subgraph], variables(operation, subgraph), await headers());

    expectUnauthenticated(result, message);
  });

  it.each(['merchant', 'customer'] as const)('%s subgraph refuses a GET without a token too', async (subgraph) => {
    const url = new URL(gateway.subgraphUrls[subgraph]);
    url.searchParams.set('query', '{ _service { sdl } }');

    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const body = (await response.json()) as Omit<GraphQLResponse<unknown>, 'status'>;

    expectUnauthenticated({ status: response.status, ...body }, /Missing internal token/);
  });

  it.each(['merchant', 'customer'] as const)('%s subgraph answers the same operations with a valid token', async (subgraph) => {
    const token = await signInternalToken(gateway.config.kit.internalTokenSecret, adminCaller(t.a.id));
    for (const operation of Object.keys(OPERATIONS)) {
      const result = await postGraphQL<Record<string, unknown>>(gateway.subgraphUrls[subgraph], OPERATIONS[operation][subgraph], variables(operation, subgraph), {
        [INTERNAL_TOKEN_HEADER]: token,
      });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    }
  });
});
