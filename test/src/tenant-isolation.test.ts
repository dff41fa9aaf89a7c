import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { INTERNAL_TOKEN_HEADER, signInternalToken, type Caller } from '@loyalnest/kit';
import { request as httpRequest } from 'node:http';
import { EmbeddedSubgraphClient } from '../../gateway/src/subgraph-client.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { postGraphQL, startTestGateway, type GraphQLResponse, type Mode, type TestGateway } from './support/gateway.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, UPSERT_CUSTOMER, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { adminCaller, craftedInternalToken, nowSeconds, unsignedToken } from './support/tokens.js';

interface CustomerNode {
  id: string;
  shopifyId: string;
  email: string | null;
  firstName: string | null;
}

const CUSTOMER_FIELDS = 'id shopifyId email firstName';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer { id email }
    ... on Merchant { id }
  }
}`;

const MERCHANT_ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Merchant { id shopDomain } }
}`;

/** The two tenants every isolation test needs: A acts, B is the one A must never reach. */
interface Tenants {
  a: TestMerchant;
  b: TestMerchant;
  aCustomers: CreatedCustomer[];
  bCustomer: CreatedCustomer;
}

async function seedTenants(gateway: TestGateway): Promise<Tenants> {
  const a = await createMerchant(gateway);
  const b = await createMerchant(gateway);
  const aCustomers = [
    await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'alice@a.example', firstName: 'Alice' }),
    await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'arno@a.example', firstName: 'Arno' }),
  ];
  const bCustomer = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bella@b.example', firstName: 'Bella' });
  return { a, b, aCustomers, bCustomer };
}

/** A POST with the path sent exactly as given: `fetch` would resolve dot segments before sending. */
function rawPost(origin: string, path: string, body: object, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: text }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

function expectUnauthenticated(result: GraphQLResponse<unknown>, message: RegExp): void {
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.errors![0].message).toMatch(message);
}

describe.each<Mode>(['embedded', 'networked'])('tenant isolation through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let t: Tenants;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    t = await seedTenants(gateway);
  });
  afterAll(() => gateway.stop());

  /** B's customer read as B, to show what A must not change or see. */
  async function bCustomerAsB(): Promise<CustomerNode | null> {
    const result = await gateway.gql<{ customer: CustomerNode | null }>(`query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`, { id: t.bCustomer.id }, t.b.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.customer;
  }

  it("A cannot read B's customer by id", async () => {
    // given: the id is real, B reads it
    expect((await bCustomerAsB())?.email).toBe('bella@b.example');

    // when
    const result = await gateway.gql<{ customer: CustomerNode | null }>(`query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`, { id: t.bCustomer.id }, t.a.auth);

    // then
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ customer: null });
  });

  it("A cannot read B's customer by Shopify id", async () => {
    const query = `query($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { ${CUSTOMER_FIELDS} } }`;

    const asB = await gateway.gql<{ customerByShopifyId: CustomerNode | null }>(query, { shopifyId: t.bCustomer.shopifyId }, t.b.auth);
    expect(asB.data?.customerByShopifyId?.id).toBe(t.bCustomer.id);

    const asA = await gateway.gql<{ customerByShopifyId: CustomerNode | null }>(query, { shopifyId: t.bCustomer.shopifyId }, t.a.auth);
    expect(asA.errors).toBeUndefined();
    expect(asA.data).toEqual({ customerByShopifyId: null });
  });

  it("A cannot find B's customer by email", async () => {
    const query = `query($email: String!) { customers(filter: { email: $email }) { nodes { ${CUSTOMER_FIELDS} } } }`;

    const asB = await gateway.gql<{ customers: { nodes: CustomerNode[] } }>(query, { email: 'BELLA@b.example' }, t.b.auth);
    expect(asB.data?.customers.nodes.map((c) => c.id)).toEqual([t.bCustomer.id]);

    const asA = await gateway.gql<{ customers: { nodes: CustomerNode[] } }>(query, { email: 'bella@b.example' }, t.a.auth);
    expect(asA.errors).toBeUndefined();
    expect(asA.data).toEqual({ customers: { nodes: [] } });
  });

  it("A cannot change B's customer", async () => {
    // given
    const before = await bCustomerAsB();

    // when
    const result = await gateway.gql<{ updateCustomer: { __typename: string; code?: string; message?: string } }>(
      `mutation($input: UpdateCustomerInput!) {
        updateCustomer(input: $input) { __typename ... on ErrorResult { code message } ... on Customer { id email } }
      }`,
      { input: { id: t.bCustomer.id, email: 'owned@evil.example', firstName: 'Mallory', tags: ['pwned'] } },
      t.a.auth,
    );

    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateCustomer).toEqual({ __typename: 'CustomerNotFoundError', code: 'CUSTOMER_NOT_FOUND', message: `No customer ${t.bCustomer.id}` });
    expect(await bCustomerAsB()).toEqual(before);
    expect(before).toEqual({ id: t.bCustomer.id, shopifyId: t.bCustomer.shopifyId, email: 'bella@b.example', firstName: 'Bella' });
  });

  it("lists only the caller's own customers", async () => {
    const result = await gateway.gql<{ customers: { nodes: CustomerNode[] } }>(`{ customers(first: 100) { nodes { id merchant { id } } } }`, {}, t.a.auth);

    expect(result.errors).toBeUndefined();
    const nodes = result.data!.customers.nodes as unknown as { id: string; merchant: { id: string } }[];
    expect(nodes.map((c) => c.id).sort()).toEqual(t.aCustomers.map((c) => c.id).sort());
    expect(nodes.every((c) => c.merchant.id === t.a.id)).toBe(true);
  });

  it("upserting a Shopify id B uses creates A's own customer and leaves B's untouched", async () => {
    // given: both merchants know the shopper by the same Shopify id
    const merchantA = await createMerchant(gateway);
    const before = await bCustomerAsB();

    // when
    const result = await gateway.gql<{ upsertCustomer: { __typename: string; created: boolean; customer: CustomerNode } }>(
      UPSERT_CUSTOMER,
      { input: { shopifyId: t.bCustomer.shopifyId, email: 'same-shopper@a.example', firstName: 'Overwrite' } },
      merchantA.auth,
    );

    // then
    expect(result.errors).toBeUndefined();
    const { created, customer } = result.data!.upsertCustomer;
    expect(created).toBe(true);
    expect(customer.id).not.toBe(t.bCustomer.id);
    expect(customer).toMatchObject({ shopifyId: t.bCustomer.shopifyId, email: 'same-shopper@a.example', firstName: 'Overwrite' });
    expect(await bCustomerAsB()).toEqual(before);

    const listedForA = await gateway.gql<{ customers: { nodes: { id: string }[] } }>(`{ customers { nodes { id } } }`, {}, merchantA.auth);
    expect(listedForA.data!.customers.nodes.map((c) => c.id)).toEqual([customer.id]);
    await withOwnerDb('customer', async (db) => {
      const { rows } = await db.query('select id, merchant_id from customer where shopify_id = $1 order by merchant_id', [t.bCustomer.shopifyId]);
      expect(rows).toEqual(
        expect.arrayContaining([
          { id: t.bCustomer.id, merchant_id: t.b.id },
          { id: customer.id, merchant_id: merchantA.id },
        ]),
      );
    });
  });

  describe('entity references and internal lookups, straight into a subgraph', () => {
    /** An operation straight into one subgraph as `caller`: in-process (embedded) or over HTTP with an internal token (networked). */
    async function direct<T>(subgraph: string, query: string, variables: Record<string, unknown>, caller: Caller): Promise<{ data?: T | null; errors?: unknown[] }> {
      if (mode === 'embedded') {
        return new EmbeddedSubgraphClient(runtime(gateway, subgraph)).execute(query, variables, caller) as Promise<{ data?: T | null }>;
      }
      const token = await signInternalToken(gateway.config.kit.internalTokenSecret, caller);
      const result = await postGraphQL<T>(gateway.subgraphUrls[subgraph], query, variables, { [INTERNAL_TOKEN_HEADER]: token });
      expect(result.status).toBe(200);
      return result;
    }

    function entities<T>(subgraph: string, query: string, representations: object[], caller: Caller) {
      return direct<{ _entities: T[] }>(subgraph, query, { representations }, caller);
    }

    it("a Customer reference to B's customer resolves to null for A and to the customer for B", async () => {
      const representations = [{ __typename: 'Customer', id: t.bCustomer.id }];

      const asA = await entities<{ id: string; email: string } | null>('customer', ENTITIES, representations, adminCaller(t.a.id));
      expect(asA.errors).toBeUndefined();
      expect(asA.data!._entities).toEqual([null]);

      const asB = await entities<{ id: string; email: string } | null>('customer', ENTITIES, representations, adminCaller(t.b.id));
      expect(asB.errors).toBeUndefined();
      expect(asB.data!._entities).toEqual([{ id: t.bCustomer.id, email: 'bella@b.example' }]);
    });

    it("a batch mixing A's and B's customers resolves only A's, in order", async () => {
      const [first, second] = t.aCustomers;
      const representations = [first, t.bCustomer, second].map((c) => ({ __typename: 'Customer', id: c.id }));

      const result = await entities<{ id: string } | null>('customer', ENTITIES, representations, adminCaller(t.a.id));

      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([
        { id: first.id, email: 'alice@a.example' },
        null,
        { id: second.id, email: 'arno@a.example' },
      ]);
    });

    it("a Merchant reference to B resolves to null for A in the merchant subgraph", async () => {
      const representations = [{ __typename: 'Merchant', id: t.b.id }];

      const asA = await entities<{ id: string; shopDomain: string } | null>('merchant', MERCHANT_ENTITIES, representations, adminCaller(t.a.id));
      expect(asA.errors).toBeUndefined();
      expect(asA.data!._entities).toEqual([null]);

      const asB = await entities<{ id: string; shopDomain: string } | null>('merchant', MERCHANT_ENTITIES, representations, adminCaller(t.b.id));
      expect(asB.errors).toBeUndefined();
      expect(asB.data!._entities).toEqual([{ id: t.b.id, shopDomain: t.b.shop }]);
    });

    it("a Merchant reference to B resolves to null for A in the customer subgraph", async () => {
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Merchant { id } } }`;
      const representations = [{ __typename: 'Merchant', id: t.b.id }];

      const asA = await entities<{ id: string } | null>('customer', query, representations, adminCaller(t.a.id));
      expect(asA.errors).toBeUndefined();
      expect(asA.data!._entities).toEqual([null]);

      const asB = await entities<{ id: string } | null>('customer', query, representations, adminCaller(t.b.id));
      expect(asB.data!._entities).toEqual([{ id: t.b.id }]);
    });

    it('a caller without a merchant resolves no Customer reference', async () => {
      const noTenant: Caller = { ...adminCaller(t.b.id), merchantId: null };
      // The subgraph logs the refused query; keep the test output readable.
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);

      let result;
      try {
        result = await entities<{ id: string } | null>('customer', ENTITIES, [{ __typename: 'Customer', id: t.bCustomer.id }], noTenant);
      } finally {
        logged.mockRestore();
      }

      // Fails closed: null or an error, never B's row, and no internals in the error.
      expect(result.data?._entities?.[0] ?? null).toBeNull();
      for (const error of (result.errors ?? []) as { message: string }[]) {
        expect(error.message).not.toMatch(/filter|select|customer"/i);
      }
    });

    it("the gateway's internal caller lookups are out of reach of a merchant's caller", async () => {
      const lookups = [
        ['_callerByShop', `query($v: String!) { _callerByShop(shopDomain: $v) { merchantId } }`, t.b.shop],
        ['_callerByApiKey', `query($v: String!) { _callerByApiKey(secret: $v) { merchantId } }`, 'lnk_guess'],
      ];
      for (const [field, query, value] of lookups) {
        const asMerchant = await direct<Record<string, unknown>>('merchant', query, { v: value }, adminCaller(t.a.id));
        expect(asMerchant.data?.[field] ?? null).toBeNull();
        expect(asMerchant.errors).toEqual([expect.objectContaining({ message: 'Missing scope: auth:resolve', extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);

        const viaGateway = await gateway.gql(query, { v: value }, t.a.auth);
        expect(viaGateway.data ?? null).toBeNull();
        expect(viaGateway.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });
  });

  describe('forged context headers sent to the gateway', () => {
    it("a valid internal token for B and merchant headers do not make A's request B's", async () => {
      // given: A's own credentials plus every plausible header naming B
      const forged = {
        ...t.a.auth,
        [INTERNAL_TOKEN_HEADER]: await signInternalToken(gateway.config.kit.internalTokenSecret, adminCaller(t.b.id)),
        'x-merchant-id': t.b.id,
        'x-loyalnest-merchant-id': t.b.id,
        'x-shopify-shop-domain': t.b.shop,
        'x-shop-domain': t.b.shop,
        'x-tenant-id': t.b.id,
        'x-customer-id': t.bCustomer.id,
      };

      // when
      const result = await gateway.gql<{
        me: { kind: string; merchant: { id: string } };
        customers: { nodes: { id: string }[] };
        customer: { id: string } | null;
        byShopify: { id: string } | null;
      }>(
        `query($id: ID!, $shopifyId: ID!) {
          me { kind merchant { id } }
          customers(first: 100) { nodes { id } }
          customer(id: $id) { id }
          byShopify: customerByShopifyId(shopifyId: $shopifyId) { id }
        }`,
        { id: t.bCustomer.id, shopifyId: t.bCustomer.shopifyId },
        forged,
      );

      // then
      expect(result.errors).toBeUndefined();
      expect(result.data!.me).toEqual({ kind: 'ADMIN', merchant: { id: t.a.id } });
      expect(result.data!.customers.nodes.map((c) => c.id).sort()).toEqual(t.aCustomers.map((c) => c.id).sort());
      expect(result.data!.customer).toBeNull();
      expect(result.data!.byShopify).toBeNull();
    });

    it.each(['/auth/../graphql', '/auth/%2e%2e/graphql', '/auth/x/../../graphql'])(
      "the gateway's port does not lead to a subgraph's GraphQL endpoint through %s",
      async (path) => {
        // given: A's credentials and a valid internal token for B, as a client that got hold of one would send them
        const headers = { ...t.a.auth, [INTERNAL_TOKEN_HEADER]: await signInternalToken(gateway.config.kit.internalTokenSecret, adminCaller(t.b.id)) };

        // when: the path escapes the proxied /auth prefix once normalized
        const response = await rawPost(new URL(gateway.url).origin, path, { query: '{ me { kind merchant { id shopDomain } } }' }, headers);

        // then: nothing answers as B
        expect(response.body).not.toContain(t.b.id);
        expect(response.body).not.toContain(t.b.shop);
        expect([400, 403, 404]).toContain(response.status);
      },
    );

    it('a valid internal token alone does not authenticate a client at the gateway', async () => {
      const token = await signInternalToken(gateway.config.kit.internalTokenSecret, adminCaller(t.b.id));

      const result = await gateway.gql(`{ customers { nodes { id } } }`, {}, { [INTERNAL_TOKEN_HEADER]: token, 'x-merchant-id': t.b.id });

      expectUnauthenticated(result, /Authorization: Bearer/);
    });
  });
});

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

describe('row-level security in the stores', () => {
  let gateway: TestGateway;
  let t: Tenants;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    t = await seedTenants(gateway);
  });
  afterAll(() => gateway.stop());

  /** Tables with a `merchant_id` column, plus `merchant` (keyed by its own id), with their RLS flags and policies. */
  async function tenantTables(store: string) {
    return withOwnerDb(store, async (db) => {
      const { rows } = await db.query<{
        table: string;
        rls: boolean;
        forced: boolean;
        owner: string;
        policies: { name: string; using: string | null; check: string | null; roles: string[] }[];
      }>(
        `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner,
                coalesce((select json_agg(json_build_object(
                          'name', p.polname,
                          'using', pg_get_expr(p.polqual, p.polrelid),
                          'check', pg_get_expr(p.polwithcheck, p.polrelid),
                          'roles', (select coalesce(array_agg(case when r = 0 then 'public' else pg_get_userbyid(r) end), '{}') from unnest(p.polroles) r)))
                          from pg_policy p where p.polrelid = c.oid), '[]'::json) as policies
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and (c.relname = 'merchant' or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'merchant_id' and not a.attisdropped))
          order by c.relname`,
      );
      return rows;
    });
  }

  it.each([
    ['merchant', ['api_key', 'merchant']],
    ['customer', ['customer']],
  ])('every tenant-owned table of the %s store has forced RLS and a tenant policy', async (store, expected) => {
    const tables = await tenantTables(store);
    const config = gateway.config.kit;

    expect(tables.map((r) => r.table)).toEqual(expect.arrayContaining(expected as string[]));
    for (const table of tables) {
      const key = table.table === 'merchant' ? 'id' : 'merchant_id';
      expect({ table: table.table, rls: table.rls, forced: table.forced }).toEqual({ table: table.table, rls: true, forced: true });
      expect(table.policies.length).toBeGreaterThan(0);
      // Some policy filters reads and checks writes by the tenant setting, for the service role.
      const tenantPolicy = table.policies.find(
        (p) => p.using?.includes('app.merchant_id') && p.using.includes(key) && p.check?.includes('app.merchant_id') && p.check.includes(key),
      );
      expect({ table: table.table, tenantPolicy: Boolean(tenantPolicy) }).toEqual({ table: table.table, tenantPolicy: true });
      expect(tenantPolicy!.roles.some((r) => r === 'public' || r === 'loyalnest_service' || r === config.appDbUser)).toBe(true);
      expect([config.appDbUser, 'loyalnest_service']).not.toContain(table.owner);
    }
  });

  it('the service role is neither a superuser nor exempt from RLS', async () => {
    const config = gateway.config.kit;
    await withAppDb('customer', async (db) => {
      const { rows } = await db.query<{ user: string; rolsuper: boolean; rolbypassrls: boolean }>(
        'select current_user as user, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
      );
      expect(rows).toEqual([{ user: config.appDbUser, rolsuper: false, rolbypassrls: false }]);
      // Nor does any role it belongs to own or bypass anything.
      const { rows: inherited } = await db.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
        `with recursive member_of(oid) as (
           select oid from pg_roles where rolname = current_user
           union select m.roleid from pg_auth_members m join member_of on m.member = member_of.oid)
         select r.rolname, r.rolsuper, r.rolbypassrls from pg_roles r join member_of using (oid)`,
      );
      expect(inherited.filter((r) => r.rolsuper || r.rolbypassrls)).toEqual([]);
    });
  });

  it('without the tenant setting the service role sees no customer rows', async () => {
    // given: rows exist for both tenants
    const owned = await withOwnerDb('customer', (db) => db.query<{ count: string }>('select count(*) from customer where merchant_id = any($1::uuid[])', [[t.a.id, t.b.id]]));
    expect(Number(owned.rows[0].count)).toBe(3);

    await withAppDb('customer', async (db) => {
      // then: nothing, whether the setting is unset or blank
      expect((await db.query('select id from customer')).rows).toEqual([]);
      await db.query(`select set_config('app.merchant_id', '', false)`);
      expect((await db.query('select id from customer')).rows).toEqual([]);
      expect((await db.query('select id from customer where id = $1', [t.bCustomer.id])).rows).toEqual([]);
    });
  });

  it("with the tenant setting the service role sees only that tenant's rows, for that transaction only", async () => {
    await withAppDb('customer', async (db) => {
      await db.query('begin');
      try {
        await db.query(`select set_config('app.merchant_id', $1, true)`, [t.a.id]);
        const { rows } = await db.query<{ id: string; merchant_id: string }>('select id, merchant_id from customer order by id');
        expect(rows.map((r) => r.id).sort()).toEqual(t.aCustomers.map((c) => c.id).sort());
        expect(rows.every((r) => r.merchant_id === t.a.id)).toBe(true);
        expect((await db.query('select id from customer where id = $1', [t.bCustomer.id])).rows).toEqual([]);
      } finally {
        await db.query('commit');
      }
      expect((await db.query('select id from customer')).rows).toEqual([]);
    });
  });

  it("with A's setting the service role can neither write rows for B nor touch B's rows", async () => {
    await withAppDb('customer', async (db) => {
      await db.query('begin');
      try {
        await db.query(`select set_config('app.merchant_id', $1, true)`, [t.a.id]);
        const updated = await db.query(`update customer set tags = '{pwned}' where id = $1`, [t.bCustomer.id]);
        expect(updated.rowCount).toBe(0);
        const deleted = await db.query('delete from customer where merchant_id = $1', [t.b.id]);
        expect(deleted.rowCount).toBe(0);
        await expect(
          db.query(`insert into customer (id, merchant_id, shopify_id, created_at, updated_at) values (gen_random_uuid(), $1, 1, now(), now())`, [t.b.id]),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await db.query('rollback');
      }
    });
    const { rows } = await withOwnerDb('customer', (db) => db.query('select tags from customer where id = $1', [t.bCustomer.id]));
    expect(rows).toEqual([{ tags: [] }]);
  });

  it('without the tenant setting the service role sees no merchant or API key rows', async () => {
    await withAppDb('merchant', async (db) => {
      expect((await db.query('select id from merchant where id = any($1::uuid[])', [[t.a.id, t.b.id]])).rows).toEqual([]);
      expect((await db.query('select count(*)::int as n from merchant')).rows).toEqual([{ n: 0 }]);
      expect((await db.query('select count(*)::int as n from api_key')).rows).toEqual([{ n: 0 }]);

      await db.query('begin');
      try {
        await db.query(`select set_config('app.merchant_id', $1, true)`, [t.a.id]);
        expect((await db.query('select id from merchant')).rows).toEqual([{ id: t.a.id }]);
      } finally {
        await db.query('commit');
      }
    });
  });
});
