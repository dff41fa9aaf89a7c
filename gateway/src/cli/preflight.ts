import { ConfigError, StoreSetupError, type KitConfig } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import pg from 'pg';

/** An error whose message is the whole story for an operator: `runCli` prints it without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}

const CONNECT_TIMEOUT_MS = 3000;

const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect 15 main start';
const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

/** The URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** A short reason for a connection failure; Node reports dual-stack refusals as an AggregateError with no message. */
function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reason(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** Throws a one-line `CliError` unless PostgreSQL at `url` accepts a connection and answers `select 1`. */
export async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A server that goes away mid-check emits 'error' on the client; the awaited call reports it.
  client.on('error', () => {});
  const started = Date.now();
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const why = Date.now() - started >= CONNECT_TIMEOUT_MS ? `no answer within ${CONNECT_TIMEOUT_MS / 1000} s` : reason(error);
    throw new CliError(
      `PostgreSQL is not usable at DATABASE_URL=${redactUrl(url)} (${why}). ` +
        `If it is not running, start it with: ${START_POSTGRES}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Throws a one-line `CliError` unless Redis at `url` answers PING. */
export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: CONNECT_TIMEOUT_MS,
  });
  // Without a listener ioredis prints "Unhandled error event" with a stack. The awaited call only
  // says "Connection is closed.", so keep the socket error (ECONNREFUSED, ...) to report instead.
  let socketError: unknown;
  redis.on('error', (error) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
    await redis.quit();
  } catch (error) {
    redis.disconnect();
    throw new CliError(
      `Redis is not usable at REDIS_URL=${redactUrl(url)} (${reason(socketError ?? error)}). ` +
        `If it is not running, start it with: ${START_REDIS}`,
    );
  }
}

/** Checks the services every CLI depends on, PostgreSQL first; throws the first failure as a `CliError`. */
export async function preflight(config: KitConfig): Promise<void> {
  await checkPostgres(config.databaseUrl);
  await checkRedis(config.redisUrl);
}

/**
 * Runs a CLI's async main. A `CliError`, a `ConfigError` or a `StoreSetupError` (which names the
 * operator's one-time step) is printed as its message alone; anything else is a bug and keeps its
 * stack. Either way the process exits 1.
 */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      if (error instanceof CliError || error instanceof ConfigError || error instanceof StoreSetupError) console.error(error.message);
      else console.error(error);
      process.exit(1);
    },
  );
}
