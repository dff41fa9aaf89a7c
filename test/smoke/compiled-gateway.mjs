/**
 * CI's smoke test of the compiled build (`npm run build` first): migrates with the compiled
 * migrate CLI and compiled migrations, starts the compiled embedded supergraph the way production
 * does (plain `node`, no LOYALNEST_DEV, every required secret set to a fresh value), and requires
 * /readyz to answer 200 (the gateway, every subgraph and store started) and an anonymous
 * `{ __typename }` to be refused with a 401 UNAUTHENTICATED GraphQL error (the compiled gateway's
 * auth ran), an installed shop's admin, with a Shopify session token signed by the app secret, to
 * be answered a query that spans two compiled subgraphs, and SIGTERM to stop it with exit code 0. Then it drops its databases, role and queues.
 *
 *   bash scripts/run.sh node test/smoke/compiled-gateway.mjs
 *
 * Plain JavaScript, so it runs without the TypeScript toolchain it checks the absence of.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { SignJWT } from 'jose';
import pg from 'pg';

const root = fileURLToPath(new URL('../../', import.meta.url));
const prefix = process.env.SMOKE_DATABASE_PREFIX ?? 'loyalnest_smoke';
// The smoke run drops everything under its prefix: never a deployment's or another suite's.
if (!prefix.includes('smoke')) throw new Error(`SMOKE_DATABASE_PREFIX "${prefix}" must contain "smoke": the smoke run drops what is under it`);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const appUser = `${prefix}_app`;
const READY_TIMEOUT_MS = Number(process.env.SMOKE_READY_TIMEOUT_MS ?? 60_000);

const secret = (bytes = 32) => randomBytes(bytes).toString('base64');

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();
// Production: what the Dockerfile's runtime image sets, and the README's required secrets.
const { LOYALNEST_DEV: _dev, ERROR_STACK_TRACES: _traces, ...inherited } = process.env;
const env = {
  ...inherited,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  DATABASE_URL: adminUrl,
  REDIS_URL: redisUrl,
  DATABASE_PREFIX: prefix,
  EVENTS_QUEUE_PREFIX: prefix,
  DATABASE_APP_USER: appUser,
  DATABASE_APP_PASSWORD: secret(18),
  INTERNAL_TOKEN_SECRET: secret(),
  ENCRYPTION_KEYS: `k1:${secret()}`,
  BLIND_INDEX_KEY: secret(),
  SHOPIFY_API_KEY: `smoke-${randomBytes(8).toString('hex')}`,
  SHOPIFY_API_SECRET: secret(),
  APP_URL: `http://127.0.0.1:${port}`,
  SHOPPER_TOKEN_SECRET: secret(),
};

/** Runs a compiled CLI as production does: plain node, workspace packages resolved to dist/. */
function compiled(cli, stdio = 'inherit') {
  return spawn(process.execPath, ['--conditions=loyalnest-compiled', '--enable-source-maps', `gateway/dist/cli/${cli}.js`], { cwd: root, env, stdio });
}

function exited(child) {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code, signal) => resolve(code ?? signal))));
}

async function cleanUp() {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('select datname from pg_database where starts_with(datname, $1)', [`${prefix}_`]);
    for (const { datname } of rows) await client.query(`drop database ${pg.escapeIdentifier(datname)} with (force)`);
    await client.query(`drop role if exists ${pg.escapeIdentifier(appUser)}`);
  } finally {
    await client.end();
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function waitReady(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the compiled gateway exited with code ${child.exitCode} before /readyz answered 200`);
    const status = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the compiled gateway's /readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * An installed shop (written as the superuser, as the OAuth callback would have) and its admin's
 * Shopify session token: `me` comes from the gateway, `merchant` from the compiled merchant
 * subgraph, `earningRules` from the compiled points subgraph.
 */
async function answersAnAdmin(base) {
  const shop = `smoke-${randomBytes(4).toString('hex')}.myshopify.com`;
  const db = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${prefix}_merchant`) });
  await db.connect();
  try {
    await db.query(
      `insert into merchant (id, shop_domain, name, currency, installed_at, settings, created_at, updated_at)
       values ($1, $2, 'Smoke Shop', 'USD', now(), '{}', now(), now())`,
      [randomUUID(), shop],
    );
  } finally {
    await db.end();
  }
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: `https://${shop}/admin`, dest: `https://${shop}`, aud: env.SHOPIFY_API_KEY, sub: '1', iat: now, nbf: now - 5, exp: now + 60, jti: randomUUID(), sid: randomUUID() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(env.SHOPIFY_API_SECRET));
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { kind } merchant { name currency } earningRules { enabled } }' }),
  });
  const body = await response.json().catch(() => null);
  if (response.status !== 200 || body?.errors || body?.data?.me?.kind !== 'ADMIN' || body?.data?.merchant?.name !== 'Smoke Shop' || typeof body?.data?.earningRules?.enabled !== 'boolean') {
    throw new Error(`an admin's query across subgraphs should be answered, got ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** The built dashboard at /app, as production serves it: App Bridge always, no dev session. */
async function servesTheDashboard(base) {
  const page = await fetch(`${base}/app/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('https://cdn.shopify.com/shopifycloud/app-bridge.js') || !/\/app\/assets\/[^"]+\.js/.test(html)) {
    throw new Error(`the dashboard should be served with App Bridge and its build's script, got ${page.status} ${html.slice(0, 300)}`);
  }
  const devSession = await fetch(`${base}/app/dev-session`);
  if (devSession.status !== 404) throw new Error(`a production gateway must have no dev session, got ${devSession.status}`);
}

const started = Date.now();
await cleanUp(); // what a killed run left
let gateway;
try {
  const migrateCode = await exited(compiled('migrate'));
  if (migrateCode !== 0) throw new Error(`the compiled migrate CLI exited with ${migrateCode}`);

  gateway = compiled('serve-embedded');
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/readyz`, gateway);

  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = await response.json().catch(() => null);
  const code = body?.errors?.[0]?.extensions?.code;
  if (response.status !== 401 || code !== 'UNAUTHENTICATED') {
    throw new Error(`an anonymous { __typename } should be refused with 401 UNAUTHENTICATED, got ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }

  await answersAnAdmin(base);
  await servesTheDashboard(base);

  // A deployment stops it with SIGTERM: the CLI stops the gateway, workers and stores, then exits 0.
  gateway.kill('SIGTERM');
  const stopped = await Promise.race([exited(gateway), new Promise((r) => setTimeout(() => r('no exit within 15 s'), 15_000))]);
  if (stopped !== 0) throw new Error(`the compiled gateway did not stop cleanly on SIGTERM: ${stopped}`);
  console.log(`smoke: the compiled gateway migrated, was ready, refused an anonymous query with 401, answered an admin across subgraphs, served the dashboard and stopped (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} finally {
  if (gateway && gateway.exitCode === null) gateway.kill('SIGKILL');
  await cleanUp();
}
