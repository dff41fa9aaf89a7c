import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger.js';

/**
 * Runs one step of background work at a time: on every interval (the safety net) and whenever
 * woken (a NOTIFY, an outbox wake, a completed job). A wake during a run schedules exactly one more run, so bursts
 * of wake-ups cost one pass and nothing is missed. With `minGapMs`, that next run starts no sooner
 * than `minGapMs` after the previous one started: a steady stream of wake-ups (one per committed
 * transaction) is worked in batches, while a wake after a quiet spell still runs at once.
 *
 * `stop()` aborts the signal the step was given and waits for the step to return. A step working
 * through a batch checks the signal between items, so shutdown waits for one item, never for a
 * whole batch of calls to Shopify (each up to its deadline); what it did not reach stays claimable.
 */
export class Pump {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopped = false;
  private lastError: string | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly name: string,
    private readonly step: (signal: AbortSignal) => Promise<void>,
    private readonly intervalMs: number | null,
    private readonly minGapMs = 0,
  ) {}

  start(): void {
    this.started = true;
    if (this.intervalMs !== null) {
      this.timer = setInterval(() => this.wake(), this.intervalMs);
      this.timer.unref();
    }
    this.wake();
  }

  /** Before `start` a wake is dropped: a wake-up can arrive while the owner is still setting up (a relay opening its queues). */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  /** Stops scheduling; resolves when the run in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    clearInterval(this.timer);
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const started = Date.now();
      try {
        await this.step(this.abort.signal);
        this.lastError = null;
      } catch (error) {
        // The next run retries; say so once per distinct failure rather than on every poll.
        const message = (error as Error).message;
        // Every pump's name starts with its subgraph's (`points relay`, `customer event pruning`).
        if (message !== this.lastError) logger(this.name.split(' ')[0], { task: this.name }).error({ err: error }, `${this.name} failed`);
        this.lastError = message;
      }
      const gap = started + this.minGapMs - Date.now();
      if (this.again && gap > 0) await sleep(gap, undefined, { signal: this.abort.signal }).catch(() => {});
    } while (this.again && !this.stopped);
    this.running = null;
  }
}
