import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LIVE_TOPICS } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { startNetworkedGateway } from '../../gateway/src/modes.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { connectLive, publishLive, Redis, type Closed, type LiveConnection, type LiveSubscription } from './support/live.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id expiresAt } } }
}`;
const REVOKE_KEY = `mutation($id: ID!) {
  revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on ErrorResult { code } }
}`;
const BALANCE = 'subscription($c: ID) { pointsBalanceChanged(customerId: $c) { balance kind } }';
const ME = '{ me { kind id } }';

type Replica = Awaited<ReturnType<typeof startNetworkedGateway>>;

interface CreatedKey {
  secret: string;
  apiKey: { id: string; expiresAt: string | null };
}

/** Settles with `promise`, or fails after `ms`: a socket that should close must not hang the file. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Ends a key in the store only, as if the announcement of a revocation were lost (Redis restarted). */
async function endSilently(apiKeyId: string, how: 'revoked' | 'expired' = 'revoked'): Promise<void> {
  const column = how === 'revoked' ? 'revoked_at' : 'expires_at';
  await withOwnerDb('merchant', (db) => db.query(`update api_key set ${column} = now() where id = $1`, [apiKeyId]));
}

/**
 * Partner API keys that end while their socket is open: revoked (announced to every replica over
 * Redis pub/sub, or found by the periodic recheck when that announcement is lost), or expired.
 * The two replicas here check periodically only every 10 minutes, so what closes their sockets
 * within seconds is the announcement.
 */
describe('live sockets whose credential ends (two networked replicas)', () => {
  let gateway: TestGateway;
  let replica: Replica;
  let redis: Redis;
  let a: TestMerchant;
  let b: TestMerchant;
  let rey: CreatedCustomer;
  const open: LiveConnection[] = [];

  const connect = (url: string, secret: string) => {
    const connection = connectLive(url, `Bearer ${secret}`);
    open.push(connection);
    return connection;
  };
  /** A partner socket following Rey, proved live by its first event (the current balance). */
  const following = async (url: string, secret: string): Promise<{ connection: LiveConnection; subscription: LiveSubscription }> => {
    const connection = connect(url, secret);
    const subscription = connection.subscribe(BALANCE, { c: rey.id });
    expect((await subscription.next()).data).toEqual({ pointsBalanceChanged: { balance: 0, kind: 'CURRENT' } });
    return { connection, subscription };
  };
  const createKey = async (merchant: TestMerchant, expiresAt?: Date): Promise<CreatedKey> => {
    const input = { name: 'live partner', scopes: ['points:read', 'customers:read'], ...(expiresAt && { expiresAt: expiresAt.toISOString() }) };
    const result = await gateway.gql<{ createApiKey: CreatedKey }>(CREATE_KEY, { input }, merchant.auth);
    if (result.errors?.length || !result.data) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
    return result.data.createApiKey;
  };
  const closedWithin = (connection: LiveConnection, ms = 3000): Promise<Closed> => within(connection.closed, ms, 'the close');

  beforeAll(async () => {
    gateway = await startTestGateway('networked', { LIVE_CREDENTIAL_RECHECK_MS: '600000' });
    replica = await startNetworkedGateway(gateway.config, subgraphModules, gateway.subgraphUrls);
    redis = new Redis(gateway.config.kit.redisUrl);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    rey = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'rey@example.com', firstName: 'Rey' });
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    redis.disconnect();
    await replica.stop();
    await gateway.stop();
  });

  describe('revocation', () => {
    it("closes a revoked key's sockets on both replicas within seconds, with 4403", async () => {
      // given: one socket on each replica
      const { secret, apiKey } = await createKey(a);
      const [first, second] = await Promise.all([following(gateway.url, secret), following(`${replica.url}/graphql`, secret)]);
      // when
      const started = Date.now();
      const revoked = await gateway.gql<{ revokeApiKey: { __typename: string } }>(REVOKE_KEY, { id: apiKey.id }, a.auth);
      expect(revoked.data?.revokeApiKey.__typename).toBe('ApiKey');
      // then
      for (const { connection } of [first, second]) {
        expect(await closedWithin(connection)).toEqual({ code: 4403, reason: 'Forbidden: the API key was revoked' });
      }
      expect(Date.now() - started).toBeLessThan(3000);
      expect(replica.live.sockets).toBe(0);
    });

    it("leaves A's sockets open when merchant B tries to revoke A's key (tenant isolation)", async () => {
      const { secret, apiKey } = await createKey(a);
      const { subscription } = await following(`${replica.url}/graphql`, secret);
      const attempt = await gateway.gql<{ revokeApiKey: { __typename: string; code: string } }>(REVOKE_KEY, { id: apiKey.id }, b.auth);
      expect(attempt.data?.revokeApiKey).toEqual({ __typename: 'ApiKeyNotFoundError', code: 'API_KEY_NOT_FOUND' });
      const listed = await gateway.gql<{ apiKeys: { id: string }[] }>('{ apiKeys { id } }', {}, b.auth);
      expect(listed.data?.apiKeys.map((k) => k.id)).not.toContain(apiKey.id);
      // the socket still delivers
      const message = { merchantId: a.id, customerId: rey.id, balance: 8, pending: 0, lifetimeEarned: 8, entryId: randomUUID(), kind: 'EARN', delta: 8, committedAt: new Date().toISOString() };
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, message);
      expect((await subscription.next()).data).toEqual({ pointsBalanceChanged: { balance: 8, kind: 'EARN' } });
    });

    it.each(['revoked', 'expired'] as const)('race: refuses a new subscription on a socket whose key was %s before the close reached it', async (how) => {
      // given: a live socket, and a key that ended unannounced (no timer armed, the periodic check minutes away)
      const { secret, apiKey } = await createKey(a);
      const { connection } = await following(gateway.url, secret);
      await endSilently(apiKey.id, how);
      // when
      const refused = await connection.subscribe(BALANCE, { c: rey.id }).next();
      // then: no event, an UNAUTHENTICATED error, and the socket closes
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message: 'Invalid, revoked or expired API key', extensions: { code: 'UNAUTHENTICATED' } });
      expect(await closedWithin(connection)).toEqual({ code: 4403, reason: 'Forbidden: Invalid, revoked or expired API key' });
    });

    it('closes the socket of a key whose revocation announcement was lost, at the next periodic check', async () => {
      const checking = await startNetworkedGateway({ ...gateway.config, live: { ...gateway.config.live, credentialRecheckMs: 300 } }, subgraphModules, gateway.subgraphUrls);
      try {
        const { secret, apiKey } = await createKey(a);
        const { connection } = await following(`${checking.url}/graphql`, secret);
        await endSilently(apiKey.id);
        expect(await closedWithin(connection)).toEqual({ code: 4403, reason: 'Forbidden: Invalid, revoked or expired API key' });
      } finally {
        await checking.stop();
      }
    });
  });

  describe('expiry', () => {
    it('closes the socket when the key expires, then refuses the key over HTTP and on a new socket', async () => {
      // given: a key that expires in two seconds, working over HTTP and on a socket
      const expiresAt = new Date(Date.now() + 2000);
      const { secret, apiKey } = await createKey(a, expiresAt);
      expect(apiKey.expiresAt).toBe(expiresAt.toISOString());
      expect((await gateway.gql(ME, {}, bearer(secret))).data).toEqual({ me: { kind: 'PARTNER', id: apiKey.id } });
      const { connection } = await following(`${replica.url}/graphql`, secret);
      // when it expires
      expect(await closedWithin(connection, 5000)).toEqual({ code: 4403, reason: 'Forbidden: the API key expired' });
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
      // then
      const http = await gateway.gql(ME, {}, bearer(secret));
      expect(http.status).toBe(401);
      expect(http.errors?.[0]).toMatchObject({ message: 'Invalid, revoked or expired API key', extensions: { code: 'UNAUTHENTICATED' } });
      expect(await closedWithin(connect(gateway.url, secret))).toEqual({ code: 4403, reason: 'Forbidden: Invalid, revoked or expired API key' });
    });

    it('takes an expiry in the future and at most 365 days ahead, and shows it on the key', async () => {
      const day = 24 * 60 * 60 * 1000;
      for (const [expiresAt, reason] of [
        [new Date(Date.now() - 1000), 'expiresAt: must be in the future'],
        [new Date(Date.now() + 366 * day), 'expiresAt: must be at most 365 days from now'],
      ] as const) {
        const refused = await gateway.gql(CREATE_KEY, { input: { name: 'bad expiry', scopes: ['points:read'], expiresAt: expiresAt.toISOString() } }, a.auth);
        expect(refused.data ?? null).toBeNull();
        expect(refused.errors?.[0]).toMatchObject({ message: reason, extensions: { code: 'BAD_USER_INPUT' } });
      }
      const later = new Date(Date.now() + 364 * day);
      const { apiKey } = await createKey(a, later);
      const listed = await gateway.gql<{ apiKeys: { id: string; expiresAt: string | null }[] }>('{ apiKeys { id expiresAt } }', {}, a.auth);
      expect(listed.data?.apiKeys.find((k) => k.id === apiKey.id)?.expiresAt).toBe(later.toISOString());
      expect((await gateway.gql<{ apiKeys: { id: string }[] }>('{ apiKeys { id } }', {}, b.auth)).data?.apiKeys.map((k) => k.id)).not.toContain(apiKey.id);
    });
  });
});
