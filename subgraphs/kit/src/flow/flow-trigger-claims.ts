import pg from 'pg';
import { inTransaction } from '../events/system-db.js';
import { logger } from '../logger.js';
import { serviceConnection } from '../store.js';
import type { SubgraphRuntime } from '../subgraph.js';
import { TENANT_SETTING } from '../tenancy.js';

/** One Flow trigger an event asks for, as `flow_trigger_sent` keys it. */
export interface FlowTriggerKey {
  merchantId: string;
  eventId: string;
  handle: string;
}

/**
 * The `flow_trigger_sent` rows of a store that sends Flow triggers (each such store's migrations
 * create the table, and its module names the prune function in `dedupeTables`), each written in a
 * transaction of its own, on connections of their own: the consumer asking for a trigger holds one of the store pool's connections for its whole
 * transaction, so with as many events in flight as the pool has connections, a claim waiting for
 * one more from that pool would wait for ever, and every request of the subgraph behind it.
 * A claim holds its connection for one short statement and waits on nothing but another claim.
 */
export class FlowTriggerClaims {
  private readonly pools = new WeakMap<SubgraphRuntime, pg.Pool>();

  /** Records the trigger; false when it was recorded before (sent, or being sent). */
  async claim(runtime: SubgraphRuntime, key: FlowTriggerKey): Promise<boolean> {
    const { rowCount } = await this.run(runtime, key.merchantId, (db) =>
      db.query('insert into flow_trigger_sent (merchant_id, event_id, handle, created_at) values ($1, $2, $3, now()) on conflict do nothing', [key.merchantId, key.eventId, key.handle]),
    );
    return rowCount === 1;
  }

  /** Takes a claim back, for a send that certainly did not reach Shopify. */
  async release(runtime: SubgraphRuntime, key: FlowTriggerKey): Promise<void> {
    await this.run(runtime, key.merchantId, (db) =>
      db.query('delete from flow_trigger_sent where merchant_id = $1 and event_id = $2 and handle = $3', [key.merchantId, key.eventId, key.handle]),
    );
  }

  private run<T>(runtime: SubgraphRuntime, merchantId: string, fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool(runtime), async (db) => {
      // Forced RLS admits the merchant's rows only under its setting, as in every store transaction.
      await db.query('select set_config($1, $2, true)', [TENANT_SETTING, merchantId]);
      return fn(db);
    });
  }

  private pool(runtime: SubgraphRuntime): pg.Pool {
    let pool = this.pools.get(runtime);
    if (!pool) {
      const opened = new pg.Pool({ ...serviceConnection(runtime.config, runtime.module.store), max: 2, idleTimeoutMillis: 30_000 });
      opened.on('error', (error) => logger(runtime.name).error({ err: error }, 'Flow trigger claims pool error'));
      runtime.onClose(() => opened.end());
      this.pools.set(runtime, opened);
      pool = opened;
    }
    return pool;
  }
}
