/** The channel the outbox and dead-letter triggers notify, in each store's own database. */
export const EVENTS_CHANNEL = 'loyalnest_events';

/**
 * A trigger that wakes the relay when its table changes. NOTIFY is delivered at commit, so a woken
 * relay always finds the rows; per statement, because one wake-up serves a whole flush. Declared
 * on the entities (like the RLS policies) so generated migrations and schema diffs keep it.
 */
export function wakeRelay(name: string, events: ('insert' | 'update')[]) {
  return {
    name,
    timing: 'after' as const,
    events,
    forEach: 'statement' as const,
    body: `perform pg_notify('${EVENTS_CHANNEL}', TG_TABLE_NAME); return null;`,
  };
}
