import { Redis } from 'ioredis';
import type { KitConfig } from '../config.js';
import { quitRedis } from '../live.js';
import { logger } from '../logger.js';

/**
 * How the pumps of a store (its outbox relays, the jobs with a `wakeOn` table such as the audit
 * chainer) learn that a transaction committed work for them, without a NOTIFY inside that
 * transaction: PostgreSQL takes one cluster-wide lock to queue a notification at commit, so a
 * trigger that notifies on a table most transactions write serialized the commits of every store.
 *
 * Instead, a statement trigger on such a table marks its transaction in a transaction-local
 * setting (no lock): the outbox in `OUTBOX_WRITTEN_SETTING`, any other table by adding its name to
 * the list in `WAKE_SETTING` (`markWake`). The store's driver reads both marks in the same message
 * as `commit` (see `store-driver.ts`), so the process that committed knows, at no extra round trip,
 * which tables it wrote — SQL functions that insert (`points_post_entry`) included. It then
 * publishes a wake per table on Redis, after the commit, coalesced per process and table, to every
 * pump of that store and table in whatever process it runs. A lost wake costs latency only: pumps
 * still poll (`EVENTS_POLL_MS`) and catch up when their subscription comes back.
 */
export const OUTBOX_WRITTEN_SETTING = 'loyalnest.outbox_written';

/** The tables (comma-separated, each once) whose `markWake` trigger fired in the transaction. */
export const WAKE_SETTING = 'loyalnest.wake';

/** The table the outbox mark stands for: the relays' wakes go by it like any other table's. */
export const OUTBOX_TABLE = 'outbox_event';

/** Wakes within this long of the first are sent as one, at its end: a busy process sends ~200 a second per table at most. */
const COALESCE_MS = 5;

export function wakeChannel(config: Pick<KitConfig, 'events'>, store: string, table: string): string {
  return `${config.events.queuePrefix}:wake:${store}:${table}`;
}

/** The trigger declared on the outbox entity, which the store migrations create. */
export function markOutboxWritten() {
  return {
    name: 'outbox_event_written',
    timing: 'after' as const,
    events: ['insert' as const],
    forEach: 'statement' as const,
    body: `perform set_config('${OUTBOX_WRITTEN_SETTING}', 'on', true); return null;`,
  };
}

/**
 * The trigger that wakes a job's `wakeOn` table after commit: per statement and on insert only, so
 * a job that reads and deletes its rows never wakes itself (the rule of `wakeRelay`). A table
 * already on the list is not added twice: a batch of staging statements is one wake.
 */
export function markWake(name: string) {
  const current = `current_setting('${WAKE_SETTING}', true)`;
  return {
    name,
    timing: 'after' as const,
    events: ['insert' as const],
    forEach: 'statement' as const,
    body: `if not coalesce(TG_TABLE_NAME = any(string_to_array(${current}, ',')), false) then perform set_config('${WAKE_SETTING}', concat_ws(',', nullif(${current}, ''), TG_TABLE_NAME), true); end if; return null;`,
  };
}

/** The tables a committed transaction marked, from the two settings read with its `commit`. */
export function markedTables(outboxWritten: unknown, wake: unknown): string[] {
  const tables = typeof wake === 'string' && wake ? wake.split(',') : [];
  return outboxWritten === 'on' ? [OUTBOX_TABLE, ...tables] : tables;
}

/** Publishes the store's wakes; never throws nor waits: the commit it reports is done. */
export class CommitWakePublisher {
  private redis: Redis | null = null;
  /** Per table: the coalescing window open, and whether another wake came during it. */
  private readonly windows = new Map<string, { timer: NodeJS.Timeout; again: boolean }>();
  private failing = false;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    private readonly channelOf: (table: string) => string,
    private readonly subgraph: string,
  ) {}

  /** Per table, the first wake goes at once (latency); more within `COALESCE_MS` go as one when it ends. */
  wake(tables: Iterable<string>): void {
    // A request still committing while its runtime shuts down must not open a connection that no
    // one closes (it would hold the process open); the pumps' poll covers the lost wake.
    if (this.closed) return;
    for (const table of tables) this.wakeTable(table);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
    const open = this.redis;
    this.redis = null;
    if (open) await quitRedis(open);
  }

  private wakeTable(table: string): void {
    const open = this.windows.get(table);
    if (open) {
      open.again = true;
      return;
    }
    this.publish(table);
    const window = {
      again: false,
      timer: setTimeout(() => {
        this.windows.delete(table);
        if (window.again) this.wakeTable(table);
      }, COALESCE_MS),
    };
    window.timer.unref();
    this.windows.set(table, window);
  }

  private publish(table: string): void {
    // Named after the store's channels, like the subscriptions, so an operator can tell whose connection it is.
    this.redis ??= new Redis(this.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectionName: `${this.channelOf('*')}:publisher` }).on('error', () => {});
    this.redis.publish(this.channelOf(table), '').then(
      () => {
        this.failing = false;
      },
      (error: Error) => {
        // Once per outage, not once per commit.
        if (!this.failing) logger(this.subgraph).warn({ err: error }, 'publishing a commit wake failed; pumps fall back to polling');
        this.failing = true;
      },
    );
  }
}

/**
 * A process's subscription to the wakes of a store's tables, one connection for all of them. On
 * every (re)subscription after the first it calls every `onWake` too: wakes published while it
 * was away are lost, so each pump catches up at once rather than at the next poll.
 */
export class CommitWakeSubscriber {
  private redis: Redis | null = null;

  /** `name` names the connection, so an operator (or a test) can tell the subscriptions apart. */
  constructor(
    private readonly redisUrl: string,
    private readonly name: string,
    private readonly wakes: readonly (readonly [channel: string, onWake: () => void])[],
  ) {}

  async start(): Promise<void> {
    const channels = [...new Set(this.wakes.map(([channel]) => channel))];
    const all = () => {
      for (const [, onWake] of this.wakes) onWake();
    };
    let subscribed = false;
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: null, autoResubscribe: true, connectionName: this.name }).on('error', () => {});
    redis.on('message', (channel: string) => {
      for (const [name, onWake] of this.wakes) if (name === channel) onWake();
    });
    redis.on('ready', () => {
      // The first ready is the start-up, which the pumps' own first passes cover. After a
      // reconnect, catch up once the subscription is back (SUBSCRIBE again is harmless), so no
      // wake falls between the pass and the subscription.
      if (!subscribed) return;
      redis.subscribe(...channels).then(all, all);
    });
    this.redis = redis;
    await redis.subscribe(...channels);
    subscribed = true;
  }

  async stop(): Promise<void> {
    const open = this.redis;
    this.redis = null;
    if (open) await quitRedis(open);
  }
}
