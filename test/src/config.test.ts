import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError, devSecret } from '@loyalnest/kit';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig, loadWorkerConfig } from '../../gateway/src/config.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { expectUnauthenticated } from './support/isolation.js';
import { productionEnv, REQUIRED_OUTSIDE_DEVELOPMENT } from './support/production-env.js';
import { freePort } from './support/supergraph-process.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { bearer, sessionToken } from './support/tokens.js';

const GATEWAY_DIR = fileURLToPath(new URL('../../gateway/', import.meta.url));
const ME = '{ me { kind merchant { id } } }';

/** The test process's environment without the development opt-in and without any secret. */
function bareEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LOYALNEST_DEV', 'NODE_ENV', 'NODE_OPTIONS', 'ERROR_STACK_TRACES', 'DEV_TOKEN_SECRET', ...REQUIRED_OUTSIDE_DEVELOPMENT]) delete env[name];
  return env;
}

/**
 * Runs the production entry (`serve-embedded`) the way `npm run serve` does and waits for it to
 * exit on its own; one that is still running after `timeoutMs` started, and is killed. The
 * refusal comes once tsx has loaded the whole gateway, which five starts side by side on a busy
 * 2-core machine took over 30 s to do: the bound is generous, as only a broken build reaches it.
 */
async function runServeEmbedded(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<{ code: number | null; output: string; started: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve-embedded.ts'], {
    cwd: GATEWAY_DIR,
    env: { ...env, PORT: String(await freePort()), TSX_TSCONFIG_PATH: '../tsconfig.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let started = false;
  const timer = setTimeout(() => {
    started = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, output, started };
}

describe('fail-closed configuration: the real CLI process', () => {
  // Each case is one start of the production entry; they run side by side to keep this fast.
  const cases: [string, NodeJS.ProcessEnv][] = [
    ['NODE_ENV unset', {}],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['NODE_ENV=staging', { NODE_ENV: 'staging' }],
    ['NODE_ENV=development without LOYALNEST_DEV', { NODE_ENV: 'development' }],
    ['LOYALNEST_DEV=true (only "1" opts in)', { LOYALNEST_DEV: 'true' }],
  ];
  let runs: Awaited<ReturnType<typeof runServeEmbedded>>[];

  beforeAll(async () => {
    runs = await Promise.all(cases.map(([, extra]) => runServeEmbedded({ ...bareEnv(), ...extra })));
  }, 180_000);

  it.each(cases.map(([label], n) => [label, n] as const))('refuses to start without its secrets (%s), naming every one, in one line without a stack', (_label, n) => {
    const { code, output, started } = runs[n];
    expect(started).toBe(false);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^LoyalNest configuration is invalid: /);
    for (const name of REQUIRED_OUTSIDE_DEVELOPMENT) expect(lines[0]).toContain(`${name} is required outside development (set LOYALNEST_DEV=1 for development)`);
    expect(output).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('loadGatewayConfig', () => {
  it('reports every invalid setting together, naming each and never echoing a secret', () => {
    const shortSecret = 'short-secret-value';
    const halfKey = Buffer.alloc(16, 7).toString('base64');
    let error: unknown;
    try {
      loadGatewayConfig({
        ...productionEnv(),
        INTERNAL_TOKEN_SECRET: shortSecret,
        ENCRYPTION_KEYS: `k1:${halfKey}`,
        EVENTS_ATTEMPTS: 'x',
        QUERY_MAX_DEPTH: '0',
        PORT: '99999',
        REDIS_URL: 'http://127.0.0.1:6379',
        SHOPIFY_BASE_URL: 'https://shopify.example',
        ERROR_STACK_TRACES: '1',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(8);
    expect(problems).toEqual(expect.arrayContaining([
      "REDIS_URL must be a URL starting with redis:// or rediss://, got 'http://127.0.0.1:6379'",
      'INTERNAL_TOKEN_SECRET must be at least 32 characters (generate one with: openssl rand -base64 32)',
      expect.stringMatching(/^ENCRYPTION_KEYS entry 1 must be keyId:base64 of 32 bytes/),
      expect.stringMatching(/^ERROR_STACK_TRACES=1 is allowed only in development/),
      "SHOPIFY_BASE_URL must be an http(s) URL containing {shop}, got 'https://shopify.example'",
      "EVENTS_ATTEMPTS must be a positive integer, got 'x'",
      "PORT must be a port number, got '99999'",
      "QUERY_MAX_DEPTH must be a positive integer, got '0'",
    ]));
    expect(message).toBe(`LoyalNest configuration is invalid: ${problems.join('; ')}`);
    expect(message).not.toContain(shortSecret);
    expect(message).not.toContain(halfKey);
  });

  it('refuses a repeated encryption key id', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(() => loadGatewayConfig({ ...productionEnv(), ENCRYPTION_KEYS: `k1:${key},k1:${key}` })).toThrow(/ENCRYPTION_KEYS names key id 'k1' twice/);
  });

  it('outside development: every secret from the environment, dev tokens keyed by an unknowable secret, no stack traces', () => {
    const env = productionEnv();
    const config = loadGatewayConfig(env);
    expect(config).toMatchObject({ development: false, kit: { development: false, errorStackTraces: false } });
    expect(config.kit.internalTokenSecret).toBe(env.INTERNAL_TOKEN_SECRET);
    expect(config.kit.shopify).toMatchObject({ apiKey: env.SHOPIFY_API_KEY, apiSecret: env.SHOPIFY_API_SECRET, appUrl: env.APP_URL });
    expect(config.devTokenSecret).not.toBe(devSecret('dev-token'));
    expect(loadGatewayConfig(env).devTokenSecret).not.toBe(config.devTokenSecret);
  });

  it('refuses the redemption fault injection (REDEMPTION_FAULT_KILL) outside development, and unknown points in development', () => {
    expect(() => loadGatewayConfig({ ...productionEnv(), REDEMPTION_FAULT_KILL: 'after-debit' })).toThrow(/REDEMPTION_FAULT_KILL is a test fault injection and is refused outside development/);
    expect(loadGatewayConfig(productionEnv()).kit.redemptions.faultKill).toBeNull();
    expect(loadGatewayConfig({ LOYALNEST_DEV: '1', REDEMPTION_FAULT_KILL: 'after-shopify' }).kit.redemptions.faultKill).toBe('after-shopify');
    expect(() => loadGatewayConfig({ LOYALNEST_DEV: '1', REDEMPTION_FAULT_KILL: 'sometimes' })).toThrow(/REDEMPTION_FAULT_KILL/);
  });

  it('TRUSTED_PROXY_HOPS: one proxy by default, a positive integer when set, anything else refused by name', () => {
    expect(loadGatewayConfig(productionEnv()).kit.referrals.trustedProxyHops).toBe(1);
    expect(loadGatewayConfig({ ...productionEnv(), TRUSTED_PROXY_HOPS: '2' }).kit.referrals.trustedProxyHops).toBe(2);
    expect(() => loadGatewayConfig({ ...productionEnv(), TRUSTED_PROXY_HOPS: '0' })).toThrow("TRUSTED_PROXY_HOPS must be a positive integer, got '0'");
    expect(() => loadGatewayConfig({ ...productionEnv(), TRUSTED_PROXY_HOPS: 'last' })).toThrow("TRUSTED_PROXY_HOPS must be a positive integer, got 'last'");
  });

  it('outgoing webhooks: strict endpoints outside development (local refused), local by default in development, a day of retries at least', () => {
    const production = loadGatewayConfig(productionEnv()).kit.webhooks;
    expect(production).toMatchObject({ endpointPolicy: 'strict', retryWindowMs: 3 * 86_400_000, disableAfterMs: 3 * 86_400_000, timeoutMs: 15_000 });
    expect(() => loadGatewayConfig({ ...productionEnv(), WEBHOOK_ENDPOINT_POLICY: 'local' })).toThrow(/WEBHOOK_ENDPOINT_POLICY=local is allowed only in development/);
    expect(() => loadGatewayConfig({ ...productionEnv(), WEBHOOK_RETRY_WINDOW_MS: '3600000' })).toThrow(/WEBHOOK_RETRY_WINDOW_MS \(3600000\) must be at least a day/);
    expect(() => loadGatewayConfig({ ...productionEnv(), WEBHOOK_DISABLE_AFTER_MS: '60000' })).toThrow(/WEBHOOK_DISABLE_AFTER_MS \(60000\) must be at least a day/);
    expect(() => loadGatewayConfig({ ...productionEnv(), WEBHOOK_ENDPOINT_POLICY: 'open' })).toThrow(/WEBHOOK_ENDPOINT_POLICY must be strict or local, got 'open'/);
    expect(loadGatewayConfig({ LOYALNEST_DEV: '1' }).kit.webhooks.endpointPolicy).toBe('local');
    expect(loadGatewayConfig({ LOYALNEST_DEV: '1', WEBHOOK_ENDPOINT_POLICY: 'strict', WEBHOOK_RETRY_WINDOW_MS: '500' }).kit.webhooks).toMatchObject({ endpointPolicy: 'strict', retryWindowMs: 500 });
    expect(() => loadGatewayConfig({ LOYALNEST_DEV: '1', WEBHOOK_BACKOFF_MS: '5000', WEBHOOK_BACKOFF_MAX_MS: '1000' })).toThrow(/WEBHOOK_BACKOFF_MAX_MS \(1000\) must be at least WEBHOOK_BACKOFF_MS \(5000\)/);
  });

  it('in development (LOYALNEST_DEV=1 alone, whatever NODE_ENV says): the demo secrets and stack traces', () => {
    const config = loadGatewayConfig({ LOYALNEST_DEV: '1', NODE_ENV: 'production' });
    expect(config).toMatchObject({ development: true, kit: { development: true, errorStackTraces: true } });
    expect(config.devTokenSecret).toBe(devSecret('dev-token'));
    expect(loadGatewayConfig({ LOYALNEST_DEV: '1', ERROR_STACK_TRACES: '0' }).kit.errorStackTraces).toBe(false);
  });
});

describe('dev tokens: accepted by a development gateway only', () => {
  let production: TestGateway;
  let development: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    [production, development] = await Promise.all([startTestGateway('embedded', productionEnv()), startTestGateway('embedded')]);
    merchant = await createMerchant(development);
  });
  afterAll(async () => {
    await Promise.all([production?.stop(), development?.stop()]);
  });

  it('a gateway with a full production configuration refuses dev tokens (UNAUTHENTICATED), session tokens still work', async () => {
    const publicDevSecret = await mintDevToken(devSecret('dev-token'), { shop: merchant.shop, role: 'admin' });
    const ownSecret = await mintDevToken(production.config.devTokenSecret, { shop: merchant.shop, role: 'admin' });
    const shopper = await mintDevToken(devSecret('dev-token'), { shop: merchant.shop, role: 'shopper', customerId: randomUUID() });
    for (const token of [publicDevSecret, ownSecret, shopper]) {
      expectUnauthenticated(await production.gql(ME, {}, bearer(token)), /^Dev tokens are refused outside development$/);
    }

    const session = await production.gql<{ me: { merchant: { id: string } } }>(ME, {}, bearer(await sessionToken(production.config, merchant.shop)));
    expect(session.errors).toBeUndefined();
    expect(session.data!.me.merchant.id).toBe(merchant.id);
  });

  it('the development test gateway accepts the same dev token', async () => {
    const token = await mintDevToken(devSecret('dev-token'), { shop: merchant.shop, role: 'admin' });
    const result = await development.gql<{ me: { kind: string; merchant: { id: string } } }>(ME, {}, bearer(token));
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toEqual({ kind: 'ADMIN', merchant: { id: merchant.id } });
  });
});

describe('loadWorkerConfig and EVENT_PROCESSING', () => {
  it('a worker listens on PORT, else 4100, and processes events unless EVENT_PROCESSING=off', () => {
    const worker = loadWorkerConfig(productionEnv());
    expect({ port: worker.port, processing: worker.kit.events.processing }).toEqual({ port: 4100, processing: true });
    expect(loadWorkerConfig({ ...productionEnv(), PORT: '4242' }).port).toBe(4242);
    expect(loadWorkerConfig({ ...productionEnv(), EVENT_PROCESSING: 'off' }).kit.events.processing).toBe(false);
    expect(loadGatewayConfig({ ...productionEnv(), EVENT_PROCESSING: 'on' }).kit.events.processing).toBe(true);
  });

  it('refuses an EVENT_PROCESSING other than on or off, and a worker without its secrets outside development', () => {
    expect(() => loadGatewayConfig({ ...productionEnv(), EVENT_PROCESSING: 'false' })).toThrow("EVENT_PROCESSING must be on or off, got 'false'");
    expect(() => loadWorkerConfig(bareEnv())).toThrow(/INTERNAL_TOKEN_SECRET is required outside development/);
  });
});
