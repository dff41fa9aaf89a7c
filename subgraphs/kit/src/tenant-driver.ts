import { AsyncLocalStorage } from 'node:async_hooks';
import { PostgreSqlConnection, PostgreSqlDriver, type Configuration, type Transaction } from '@mikro-orm/postgresql';
import pg from 'pg';

/**
 * MikroORM 7.2.1 applies a session context (the tenant setting the RLS policies read) as a
 * statement of its own: `begin`, `select set_config(…, true)`, the work, `commit` — and it wraps
 * every query outside a transaction in exactly that, so a plain read costs four round trips
 * instead of one. This driver sends the same transaction-local `set_config` in the same round trip
 * as a statement that has to be sent anyway:
 * - a transaction: with its `begin` (`begin; select set_config(…, true)`);
 * - a query outside any transaction: before it, in one simple-protocol message, which PostgreSQL
 *   runs as one implicit transaction, so the setting holds for that query and ends with it.
 *
 * The setting stays transaction-local (`set_config(…, true)`): it ends with the transaction that
 * carried it, so a pooled connection never takes one request's merchant into the next. A query
 * that carries none sees what the policies give a missing tenant: nothing.
 */
interface PendingSetting {
  /** `select set_config(…, true), …` for the session context's variables. */
  sql: string;
  /** begin: sent with the transaction's `begin` (once); statement: sent before every statement. */
  mode: 'begin' | 'statement';
}

const pending = new AsyncLocalStorage<PendingSetting>();

type SessionContext = { variables?: Record<string, unknown>; role?: string };

function settingSql(variables: Record<string, unknown>): string {
  const parts = Object.entries(variables).map(([key, value]) => {
    const text = value instanceof Date ? value.toISOString() : String(value);
    return `set_config(${pg.escapeLiteral(key)}, ${pg.escapeLiteral(text)}, true)`;
  });
  return `select ${parts.join(', ')}`;
}

/** Only plain variables are folded; a role (which the kit never sets) keeps MikroORM's own way. */
function foldable(context: SessionContext | undefined): context is { variables: Record<string, unknown> } {
  return !!context && !context.role && Object.keys(context.variables ?? {}).length > 0;
}

const BEGIN = /^\s*(begin|start transaction)\b/i;

/**
 * The pool's client: sends a pending setting along with the statement it belongs to and hands the
 * caller that statement's own result, so Kysely and MikroORM above see a single statement.
 */
class TenantClient extends pg.Client {
  // pg's overloads cannot be restated in a subclass; the override passes every form through.
  override query(...args: unknown[]): any {
    const setting = pending.getStore();
    const [text, values] = args;
    const plain = typeof text === 'string' && args.length <= 2 && !(Array.isArray(values) && values.length);
    const superQuery = (...forwarded: unknown[]) => (super.query as (...a: unknown[]) => any).apply(this, forwarded);
    if (!setting) return superQuery(...args);
    if (setting.mode === 'begin') {
      return plain && BEGIN.test(text) ? this.beginWith(text, setting.sql) : superQuery(...args);
    }
    if (!plain) {
      // A parameterised statement cannot share a message with another one (extended protocol):
      // refuse rather than run it without its tenant.
      return Promise.reject(new Error('a tenant-scoped statement outside a transaction must not use bind parameters'));
    }
    return superQuery(`${setting.sql}; ${text}`).then((results: pg.QueryResult[]) => {
      const own = results.slice(1);
      return own.length === 1 ? own[0] : own;
    });
  }

  private async beginWith(begin: string, setting: string): Promise<pg.QueryResult> {
    const call = (sql: string) => (super.query as (sql: string) => Promise<unknown>).call(this, sql);
    try {
      const [result] = (await call(`${begin}; ${setting}`)) as pg.QueryResult[];
      return result;
    } catch (error) {
      // A failure after `begin` leaves the transaction open and aborted on a pooled connection.
      await call('rollback').catch(() => {});
      throw error;
    }
  }
}

class TenantConnection extends PostgreSqlConnection {
  override async begin(options: Parameters<PostgreSqlConnection['begin']>[0] = {}): Promise<Transaction> {
    const context = options.sessionContext as SessionContext | undefined;
    if (options.ctx || !foldable(context)) return super.begin(options);
    const setting: PendingSetting = { sql: settingSql(context.variables), mode: 'begin' };
    return pending.run(setting, () => super.begin({ ...options, sessionContext: undefined }));
  }

  /**
   * MikroORM wraps a query outside a transaction in `transactional(cb, { sessionContext })` only to
   * make `set local` take effect (a real transaction — a flush, `em.transactional` — also passes its
   * event broadcaster). Such a wrap runs its query with the setting in front instead.
   */
  override async transactional<T>(cb: (trx: Transaction) => Promise<T>, options: Parameters<PostgreSqlConnection['transactional']>[1] = {}): Promise<T> {
    const context = options.sessionContext as SessionContext | undefined;
    if (options.ctx || options.eventBroadcaster || options.isolationLevel || options.readOnly || !foldable(context)) {
      return super.transactional(cb, options);
    }
    const setting: PendingSetting = { sql: settingSql(context.variables), mode: 'statement' };
    return pending.run(setting, () => cb(undefined as unknown as Transaction));
  }
}

/** The PostgreSQL driver with the tenant setting folded into statements already sent (see above). */
export class TenantPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PostgreSqlConnection }).connection = new TenantConnection(this.config);
  }
}

/** Pool options that make the pool's clients carry the pending setting (MikroORM's `driverOptions`). */
export const tenantDriverOptions = { Client: TenantClient };
