import type pg from 'pg';

/**
 * A transaction on the relay's own service-role pool. The relay and the dead-letter pump use it
 * to call the `loyalnest_*` SECURITY DEFINER functions, their only way to rows of every tenant.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    await db.query('begin');
    const result = await fn(db);
    await db.query('commit');
    return result;
  } catch (error) {
    await db.query('rollback').catch(() => {});
    throw error;
  } finally {
    db.release();
  }
}
