import { afterAll, beforeAll } from '@jest/globals';
import { Scope, systemCaller, type Caller } from '@loyalnest/kit';
import { execute, parse, type ExecutionResult } from 'graphql';
import { randomBytes } from 'node:crypto';
import { startFakeShopify, type FakeShopify } from './fake-shopify.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { installShop } from './install.js';
import { runtime } from './tenants.js';

/** Short retry settings, so that giving up takes well under a second or two. */
export const RETRY = { attempts: 3, attemptTimeoutMs: 300, deadlineMs: 1500, backoffMs: 20 };

export const CREATE = `mutation($input: ShopifyDiscountInput!) { _createShopifyDiscount(input: $input) { shopifyDiscountId code } }`;

export interface InstalledShop {
  merchantId: string;
  shop: string;
  /** A system caller of this merchant holding `shopify:admin`, as the points subgraph calls. */
  caller: Caller;
}

export interface ShopifyAdminWorld {
  gateway: TestGateway;
  fake: FakeShopify;
  /** Two merchants installed through OAuth against the fake. */
  a: InstalledShop;
  b: InstalledShop;
}

export const newShop = (label: string) => `${label}-${randomBytes(6).toString('hex')}.myshopify.com`;
export const code = () => `LOYAL-${randomBytes(5).toString('hex').toUpperCase()}`;
export const errorCode = (result: ExecutionResult) => result.errors?.[0]?.extensions?.code;

/**
 * The supergraph with a fake Shopify, short Admin API retries and two installed merchants, started
 * before a file's tests and stopped after them, with the helpers the merchant subgraph's internal
 * Shopify mutations are tested through. `world` is filled in before the first test runs.
 */
export function shopifyAdminFixture() {
  const world = {} as ShopifyAdminWorld;
  /** A merchant installed through OAuth against the fake, with the system caller other subgraphs use for it. */
  const install = async (label: string): Promise<InstalledShop> => {
    const shop = newShop(label);
    const merchantId = await installShop(new URL(world.gateway.url).origin, world.fake, shop);
    return { merchantId, shop, caller: systemCaller([Scope.SHOPIFY_ADMIN], merchantId) };
  };
  /** Runs an internal operation on the merchant subgraph's own schema, as other subgraphs' peers do in embedded mode. */
  const internal = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<ExecutionResult<T>> => {
    const merchant = runtime(world.gateway, 'merchant');
    return execute({ schema: merchant.schema, document: parse(query), variableValues: variables, contextValue: merchant.createContext(caller) }) as Promise<ExecutionResult<T>>;
  };
  beforeAll(async () => {
    world.fake = await startFakeShopify();
    world.gateway = await startTestGateway('embedded', {
      ...world.fake.env,
      SHOPIFY_ADMIN_ATTEMPTS: String(RETRY.attempts),
      SHOPIFY_ADMIN_TIMEOUT_MS: String(RETRY.attemptTimeoutMs),
      SHOPIFY_ADMIN_DEADLINE_MS: String(RETRY.deadlineMs),
      SHOPIFY_ADMIN_BACKOFF_MS: String(RETRY.backoffMs),
    });
    world.a = await install('admin-a');
    world.b = await install('admin-b');
  });
  afterAll(async () => {
    await world.gateway?.stop();
    await world.fake?.close();
  });
  return {
    world,
    install,
    internal,
    createDiscount: (caller: Caller, input: Record<string, unknown>) => internal<{ _createShopifyDiscount: { shopifyDiscountId: string; code: string } }>(CREATE, { input }, caller),
    graphqlRequests: (shop: string) => world.fake.requestsFor(shop, '/graphql.json'),
  };
}
