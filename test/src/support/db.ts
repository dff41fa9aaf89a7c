import { databaseName, loadKitConfig } from '@loyalnest/kit';
import pg from 'pg';

/**
 * A superuser connection to one subgraph's test database, for what the API must not show:
 * raw rows (is PII encrypted?), the catalog (is RLS forced?).
 */
export async function withOwnerDb<T>(store: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const config = loadKitConfig();
  const client = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, store)}`) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The same database as the services' own non-owner role. */
export async function withAppDb<T>(store: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const config = loadKitConfig();
  const url = new URL(config.databaseUrl);
  const client = new pg.Client({ host: url.hostname, port: Number(url.port || 5432), user: config.appDbUser, password: config.appDbPassword, database: databaseName(config, store) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
