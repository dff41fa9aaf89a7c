import { Redis } from 'ioredis';
import type { KitConfig } from '../config.js';
import { quitRedis } from '../live.js';
import { logger } from '../logger.js';

/**
 * How the outbox relays learn that a transaction committed events, without a NOTIFY inside that
 * transaction: PostgreSQL takes one cluster-wide lock to queue a notification at commit, so a
 * trigger that notifies on every outbox insert serialized the commits of every store.
 *
 * Instead, a statement trigger on `outbox_event` marks its transaction in a transaction-local
 * setting (`OUTBOX_WRITTEN_SETTING`, no lock); the store's driver reads the mark in the same
 * message as `commit` (see `store-driver.ts`), so the process that committed knows, at no extra
 * round trip, whether events went out — SQL functions that insert them (`points_post_entry`)
 * included. It then publishes a wake on Redis, after the commit, coalesced per process, to every
 * relay of that store in whatever process it runs. A lost wake costs latency only: relays still
 * poll (`EVENTS_POLL_MS`) and catch up when their subscription comes back.
 */
export const OUTBOX_WRITTEN_SETTING = 'loyalnest.outbox_written';

/** Wakes within this long of the first are sent as one, at its end: a busy process sends ~200 a second at most. */
const COALESCE_MS = 5;

export function outboxWakeChannel(config: Pick<KitConfig, 'events'>, store: string): string {
  return `${config.events.queuePrefix}:outbox-wake:${store}`;
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

/** Publishes the store's wakes; never throws nor waits: the commit it reports is done. */
export class OutboxWakePublisher {
  private redis: Redis | null = null;
  private window: NodeJS.Timeout | undefined;
  private again = false;
  private failing = false;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
    private readonly subgraph: string,
  ) {}

  /** The first wake goes at once (latency); more within `COALESCE_MS` go as one when it ends. */
  wake(): void {
    // A request still committing while its runtime shuts down must not open a connection that no
    // one closes (it would hold the process open); the relays' poll covers the lost wake.
    if (this.closed) return;
    if (this.window) {
      this.again = true;
      return;
    }
    this.publish();
    this.window = setTimeout(() => {
      this.window = undefined;
      if (!this.again) return;
      this.again = false;
      this.wake();
    }, COALESCE_MS);
    this.window.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.window);
    const open = this.redis;
    this.redis = null;
    if (open) await quitRedis(open);
  }

  private publish(): void {
    // Named after its channel, like the subscriptions, so an operator can tell whose connection it is.
    this.redis ??= new Redis(this.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectionName: `${this.channel}:publisher` }).on('error', () => {});
    this.redis.publish(this.channel, '').then(
      () => {
        this.failing = false;
      },
      (error: Error) => {
        // Once per outage, not once per commit.
        if (!this.failing) logger(this.subgraph).warn({ err: error }, 'publishing an outbox wake failed; relays fall back to polling');
        this.failing = true;
      },
    );
  }
}

/**
 * A relay's subscription to its store's wakes. On every (re)subscription after the first it calls
 * `onWake` too: wakes published while it was away are lost, so it catches up at once rather than
 * at the next poll.
 */
export class OutboxWakeSubscriber {
  private redis: Redis | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
    private readonly onWake: () => void,
  ) {}

  async start(): Promise<void> {
    let subscribed = false;
    // Named after its channel, so an operator (or a test) can tell the relays' subscriptions apart.
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: null, autoResubscribe: true, connectionName: this.channel }).on('error', () => {});
    redis.on('message', (channel: string) => {
      if (channel === this.channel) this.onWake();
    });
    redis.on('ready', () => {
      // The first ready is the start-up, which the relay's own first pass covers. After a
      // reconnect, catch up once the subscription is back (SUBSCRIBE again is harmless), so no
      // wake falls between the pass and the subscription.
      if (!subscribed) return;
      redis.subscribe(this.channel).then(this.onWake, () => this.onWake());
    });
    this.redis = redis;
    await redis.subscribe(this.channel);
    subscribed = true;
  }

  async stop(): Promise<void> {
    const open = this.redis;
    this.redis = null;
    if (open) await quitRedis(open);
  }
}
