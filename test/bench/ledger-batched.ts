/**
 * `bench ledger`, phase earn_batched: order earns through the product's event consumer path, queue →
 * batched consumer → points ledger. The points runtime is started with a consumer of one bench topic
 * whose handler posts the earn with `LedgerService.post` (the same call as the earn phase, made in
 * the consumer's transaction as the order consumers make it), and the kit's own event processing
 * (`startEventProcessing`: BullMQ worker, `EventConsumer`, batches of `EVENTS_BATCH_SIZE`). The
 * events are put on the points queue as the relay would (job id = event id, the kit's job options),
 * and a feeder keeps a backlog waiting, so the figure is what the consumer sustains, not what a
 * producer sends. Entries/s is counted in the store: entries committed during the window.
 */
import { bullPrefix, eventJobOptions, redisConnection, startEventProcessing, startSubgraph, type DomainEvent, type EventHandler, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import points from '@loyalnest/points';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { LedgerService, type EntryRequest } from '../../subgraphs/points/src/services/ledger.service.js';
import { withOwnerDb } from '../src/support/db.js';
import { log } from './bench-env.js';
import { round } from './load.js';

const TOPIC = 'bench.order.earn';
/** Jobs kept waiting on the queue: more than a worker holds (`EVENTS_CONCURRENCY`), so it never starves. */
const BACKLOG = 2_000;
const FEED = 500;

interface EarnPayload extends Record<string, unknown> {
  customerId: string;
  points: number;
  orderId: string;
}

export interface BatchedEarn {
  perSecond: number;
  entries: number;
  seconds: number;
  /** Transactions committed in the points store per entry: the consumer's batches, the relay's polls, the counting queries. */
  commitsPerEntry: number;
  batchSize: number;
  concurrency: number;
}

/** An order's earn as the order consumers post it (rate 1, no multiplier); both ledger phases post these. */
export function orderEarn(customerId: string, orderId: string, amount: number): EntryRequest {
  return {
    customerId,
    kind: 'earn',
    source: 'order',
    points: amount,
    idempotencyKey: `order:${orderId}:earn`,
    orderId,
    metadata: { base: amount, total: amount.toFixed(2), rate: 1, multiplier: 1 },
  };
}

export async function measureBatchedEarn(options: {
  config: KitConfig;
  merchantId: string;
  customerIds: string[];
  poolSize: number;
  seconds: number;
  warmupSeconds: number;
  /** The first order id to use; each event is a new order. */
  firstOrder: number;
}): Promise<BatchedEarn> {
  const { config, merchantId, customerIds } = options;
  const ledger = new LedgerService();
  const earn: EventHandler = async (ctx, event) => {
    const { customerId, points: amount, orderId } = event.payload as EarnPayload;
    await ledger.post(ctx, orderEarn(customerId, orderId, amount));
  };
  // The points subgraph with only the bench's consumer and none of its periodic jobs.
  const module: SubgraphModule = { ...points, consumes: { [TOPIC]: earn }, jobs: undefined };
  const runtime = await startSubgraph(module, config, { poolSize: options.poolSize });
  const queue = new Queue(module.name, { connection: redisConnection(config.redisUrl), prefix: bullPrefix(config.events, module.name) });
  let feeding = true;
  let feeder: Promise<void> = Promise.resolve();
  try {
    await startEventProcessing(runtime, [module]);
    let nextOrder = options.firstOrder;
    const jobs = (n: number) =>
      Array.from({ length: n }, () => {
        const orderId = String(nextOrder++);
        const event: DomainEvent<EarnPayload> = {
          id: uuidv7(),
          merchantId,
          topic: TOPIC,
          version: 1,
          occurredAt: new Date().toISOString(),
          payload: { customerId: customerIds[Math.floor(Math.random() * customerIds.length)], points: 5 + (nextOrder % 200), orderId },
        };
        return { name: TOPIC, data: { event, producer: 'bench' }, opts: eventJobOptions(config.events, event.id) };
      });
    feeder = (async () => {
      while (feeding) {
        if ((await queue.getWaitingCount()) < BACKLOG) await queue.addBulk(jobs(FEED));
        else await sleep(20);
      }
    })();
    const entries = () => withOwnerDb('points', async (db) => Number((await db.query<{ n: string }>('select count(*) as n from points_entry where merchant_id = $1', [merchantId])).rows[0].n));
    const commits = () => withOwnerDb('points', async (db) => Number((await db.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = current_database()')).rows[0].n));

    log(`earn_batched: warm-up ${options.warmupSeconds} s, batches of up to ${config.events.batchSize}, worker concurrency ${config.events.concurrency}`);
    await sleep(options.warmupSeconds * 1000);
    const [entries0, commits0] = [await entries(), await commits()];
    const started = performance.now();
    await sleep(options.seconds * 1000);
    const [entries1, commits1] = [await entries(), await commits()];
    const elapsed = (performance.now() - started) / 1000;
    const done = entries1 - entries0;
    return {
      perSecond: round(done / elapsed, 1),
      entries: done,
      seconds: round(elapsed),
      // Approximate: each backend reports its counts to pg_stat_database at most once a second.
      commitsPerEntry: round((commits1 - commits0) / Math.max(done, 1), 3),
      batchSize: config.events.batchSize,
      concurrency: config.events.concurrency,
    };
  } finally {
    feeding = false;
    await feeder.catch(() => {});
    // What is still queued goes with the run's queue prefix (the bench's cleanup).
    await queue.close();
    await runtime.close();
  }
}
