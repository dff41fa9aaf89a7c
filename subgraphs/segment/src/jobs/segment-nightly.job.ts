import { ADMIN_SCOPES, bullPrefix, logger, redisConnection, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { Queue, Worker } from 'bullmq';
import type { SegmentRecomputeService } from '../services/segment-recompute.service.js';

/** The BullMQ queue of the nightly ticks, under the deployment's queue prefix like the event queues. */
export const NIGHTLY_QUEUE = 'segment-nightly';
/** The job scheduler's id: one per deployment, whichever replica upserts it. */
export const NIGHTLY_SCHEDULER = 'segment-nightly-hourly';
/**
 * Every hour on the hour (UTC): a shop is due at the first tick after 03:00 of its own day, so
 * within the hour after, in every time zone (those offset by half or three quarters of an hour
 * included).
 */
export const NIGHTLY_PATTERN = '0 * * * *';
/** How often each replica upserts the scheduler again: a Redis that lost it (a restart without persistence) has it back within this. */
const UPSERT_EVERY_MS = 60_000;

/**
 * Requests the nightly run of every merchant whose shop-local time has passed 03:00 and who has no
 * nightly run for that local date yet (`segment_nightly_due`, across tenants, ids only). The run
 * carries its local date, unique per merchant: a replayed tick, or two replicas' workers at once,
 * add nothing. A merchant with another run under way is asked again at the next tick.
 */
export async function requestNightlyRuns(runtime: SubgraphRuntime, recomputes: SegmentRecomputeService, now: Date = new Date()): Promise<{ requested: string[] }> {
  const lister = runtime.createContext(systemCaller([], null));
  const due = await lister.em.execute<{ merchant_id: string; local_date: string }[]>("select merchant_id, to_char(local_date, 'YYYY-MM-DD') as local_date from segment_nightly_due(?)", [now]);
  const requested: string[] = [];
  for (const { merchant_id: merchantId, local_date: localDate } of due) {
    try {
      const run = await recomputes.request(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)), 'nightly', localDate);
      if (run) requested.push(merchantId);
    } catch (error) {
      lister.log.error({ err: error, merchantId }, `requesting the nightly segment run of merchant ${merchantId} failed`);
    }
  }
  return { requested };
}

/**
 * The nightly recompute's clock: a BullMQ job scheduler (`upsertJobScheduler`) adds a tick to the
 * `segment-nightly` queue every hour, and a worker in each processing replica takes ticks one at a
 * time (BullMQ gives each tick to one worker). Upserting is idempotent, so every replica upserts at
 * start and then every minute, which also puts the scheduler back after Redis lost it.
 */
export class SegmentNightlyScheduler {
  private queue: Queue | null = null;
  private worker: Worker | null = null;

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly recomputes: SegmentRecomputeService,
  ) {}

  private get options() {
    return { connection: redisConnection(this.runtime.config.redisUrl), prefix: bullPrefix(this.runtime.config.events, NIGHTLY_QUEUE) };
  }

  async ensure(): Promise<void> {
    if (!this.queue) {
      this.queue = new Queue(NIGHTLY_QUEUE, this.options);
      this.queue.on('error', (error) => logger(this.runtime.name).error({ err: error }, 'segment nightly queue error'));
    }
    await this.queue.upsertJobScheduler(NIGHTLY_SCHEDULER, { pattern: NIGHTLY_PATTERN, tz: 'UTC' }, { name: 'tick', data: {}, opts: { removeOnComplete: true, removeOnFail: true } });
    if (!this.worker) {
      this.worker = new Worker(NIGHTLY_QUEUE, async () => requestNightlyRuns(this.runtime, this.recomputes), { ...this.options, concurrency: 1 });
      this.worker.on('error', (error) => logger(this.runtime.name).error({ err: error }, 'segment nightly worker error'));
    }
  }

  async close(): Promise<void> {
    const { worker, queue } = this;
    this.worker = null;
    this.queue = null;
    await worker?.close();
    await queue?.close();
  }
}

export function segmentNightlyJob(runtime: SubgraphRuntime, recomputes: SegmentRecomputeService): SubgraphJob {
  const scheduler = new SegmentNightlyScheduler(runtime, recomputes);
  runtime.onClose(() => scheduler.close());
  return {
    name: 'segment nightly scheduler',
    everyMs: UPSERT_EVERY_MS,
    run: () => scheduler.ensure(),
  };
}
