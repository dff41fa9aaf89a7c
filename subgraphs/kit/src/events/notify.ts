/** The channel the dead-letter trigger notifies, in each store's own database. */
export const EVENTS_CHANNEL = 'loyalnest_events';

/**
 * A trigger that wakes a pump (the dead-letter retries) when its work changes. NOTIFY is
 * delivered at commit, so a woken pump always finds the rows. Declared on the entities (like the
 * RLS policies) so generated migrations and schema diffs keep it. NOTIFY takes a cluster-wide lock
 * at commit, so it suits rare writes only: the outbox and a job's `wakeOn` table (`audit_pending`),
 * written by most transactions, wake their pumps after commit instead (`commit-wake.ts`).
 *
 * A wake must never come from the woken pump's own idle pass: a statement trigger fires even when
 * its statement changed no row, so a claim that updates nothing would notify, wake the same claim,
 * and so on, hundreds of transactions a second with no traffic at all. Hence two forms:
 * - per statement, for a table only application writes insert into (one wake-up serves a flush);
 * - per row with a `when` condition naming the rows that are work (the pump's claim of such a
 *   row makes it stop matching), for a table the pump itself updates.
 */
export function wakeRelay(name: string, events: ('insert' | 'update')[], when?: string) {
  return {
    name,
    timing: 'after' as const,
    events,
    forEach: when ? ('row' as const) : ('statement' as const),
    ...(when ? { when } : {}),
    body: `perform pg_notify('${EVENTS_CHANNEL}', TG_TABLE_NAME); return null;`,
  };
}
