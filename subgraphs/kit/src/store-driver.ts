import { AsyncLocalStorage } from 'node:async_hooks';
import { PostgreSqlConnection, PostgreSqlDriver, type Configuration, type Transaction } from '@mikro-orm/postgresql';
import pg from 'pg';
import { markedTables, OUTBOX_WRITTEN_SETTING, WAKE_SETTING } from './events/commit-wake.js';

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
 *
 * The same way, the statement that ends a transaction carries the read of the wake marks
 * (`commit-wake.ts`), so the store learns after each commit which tables' pumps to wake.
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

type QueryFn = (...args: unknown[]) => any;

const BEGIN = /^\s*(begin|start transaction)\b/i;
const COMMIT = /^\s*commit\s*;?\s*$/i;
/** Read in the same message as the statement that ends a transaction: which tables did it mark? */
const WAKE_MARKS = `select current_setting('${OUTBOX_WRITTEN_SETTING}', true) as outbox_written, current_setting('${WAKE_SETTING}', true) as wake`;

/** Called after a transaction committed, with the tables it marked (`commit-wake.ts`). */
export type OnCommitWake = (tables: string[]) => void;

function report(result: pg.QueryResult | undefined, onCommitWake: OnCommitWake): void {
  const row = result?.rows?.[0];
  const tables = markedTables(row?.outbox_written, row?.wake);
  if (tables.length) onCommitWake(tables);
}

/**
 * Makes the pool's clients send a pending setting along with the statement it belongs to, and read
 * the wake marks along with the statement that ends a transaction (`commit`, or any statement
 * sent on an idle connection, which PostgreSQL runs as a transaction of its own: a ledger entry
 * posted straight through the connection), handing the caller that statement's own result: Kysely
 * and MikroORM above see a single statement. A mixin on the pool's own `Client`: MikroORM brings
 * its own `pg` (with `getTransactionStatus`), which need not be the kit's.
 */
function storeClient(Base: typeof pg.Client, onCommitWake: OnCommitWake): typeof pg.Client {
  return class StoreClient extends Base {
    // pg's overloads cannot be restated in a subclass; the override passes every form through.
    override query(...args: unknown[]): any {
      const setting = pending.getStore();
      const [text, values] = args;
      const send = (...forwarded: unknown[]) => (super.query as QueryFn).apply(this, forwarded);
      const plain = typeof text === 'string' && args.length <= 2 && !(Array.isArray(values) && values.length);
      if (!plain) {
        // A parameterised statement cannot share a message with another one (extended protocol):
        // refuse rather than run it without its tenant.
        if (setting?.mode === 'statement') return Promise.reject(new Error('a tenant-scoped statement outside a transaction must not use bind parameters'));
        return send(...args);
      }
      if (COMMIT.test(text)) return commitWith(send, text, onCommitWake);
      if (BEGIN.test(text)) return setting?.mode === 'begin' ? beginWith(send, text, setting.sql) : send(...args);
      const status = (this as { getTransactionStatus?: () => string | null }).getTransactionStatus?.();
      // A connection handed back to the pool inside a transaction would run this statement under
      // whatever that transaction set: refuse it, so a tenant-scoped statement fails closed.
      if (setting?.mode === 'statement' && (status === 'T' || status === 'E')) {
        return Promise.reject(new Error('a tenant-scoped statement found its pooled connection inside a transaction it did not begin'));
      }
      if (status !== 'I' && !(status === undefined && setting?.mode === 'statement')) return send(...args);
      const prefix = setting?.mode === 'statement' ? [setting.sql] : [];
      // A newline before each ';': a statement ending in a `--` comment must not swallow the next one.
      return send([...prefix, text.replace(/[\s;]+$/, ''), WAKE_MARKS].join('\n; ')).then((results: pg.QueryResult[]) => {
        report(results.at(-1), onCommitWake);
        const own = results.slice(prefix.length, -1);
        return own.length === 1 ? own[0] : own;
      });
    }
  };
}

async function beginWith(send: QueryFn, begin: string, setting: string): Promise<pg.QueryResult> {
  try {
    const [result] = (await send(`${begin}; ${setting}`)) as pg.QueryResult[];
    return result;
  } catch (error) {
    // A failure after `begin` would leave the transaction open and aborted on a pooled connection.
    await send('rollback').catch(() => {});
    throw error;
  }
}

/** Only a commit that succeeded reports its marks: the whole message fails with it. */
async function commitWith(send: QueryFn, commit: string, onCommitWake: OnCommitWake): Promise<pg.QueryResult> {
  const [marks, result] = (await send(`${WAKE_MARKS}; ${commit}`)) as pg.QueryResult[];
  report(marks, onCommitWake);
  return result;
}

class StoreConnection extends PostgreSqlConnection {
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

/** The PostgreSQL driver of every store: the tenant setting and the wake marks ride on statements already sent (see above). */
export class StorePostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PostgreSqlConnection }).connection = new StoreConnection(this.config);
  }
}

/**
 * MikroORM's `driverOptions` for a store: the pool's clients (made after this runs) carry the
 * pending setting, and call `onCommitWake` after a transaction that marked tables committed.
 */
export function storeDriverOptions(onCommitWake: OnCommitWake = () => {}) {
  return {
    onPoolCreated(pool: pg.Pool & { Client: typeof pg.Client }) {
      pool.Client = storeClient(pool.Client, onCommitWake);
    },
  };
}
