/**
 * `bench tiers`: (a) the full recompute of every member after a program change, beside one plain
 * `GROUP BY customer_id` of the same qualification rows (the limit); (b) tier evaluations per
 * second from the event path.
 *
 * Seeding is done as the database owner and is not measured: one merchant, `BENCH_CUSTOMERS`
 * members and `BENCH_ENTRIES` qualification entries (points earned, lifetime), made set-based with
 * `generate_series` and arithmetic ids (customer n is `00000000-0000-4000-8000-<n in hex>`, entry
 * n belongs to customer `n % customers + 1`), the table's key and index built after the load, then
 * `vacuum analyze`. The members start placed under the old program (Silver from 1,000, Gold from
 * 1,300), computed from the same rows by SQL, as if their history had been placed event by event.
 *
 * (a) The tier runtime is started in this process (`startSubgraph`, the service role, a pool of
 * `BENCH_POOL`). The program is changed through `TierProgramService.update` (Silver from 800, Gold
 * from 1,200: about a third of the members move), the recompute is started with the consumer's own
 * call (`TierRecomputeService.start`) and run to completion by the job's code path
 * (`runTierRecomputes`, batches of `BENCH_BATCH`). The aggregate is one `GROUP BY customer_id` of
 * the same rows as the service role under the tenant setting, its result counted in the server so
 * that no million rows travel: what the database needs to compute every member's metric once.
 *
 * (b) The tier subgraph's own `points.earned` consumer, with the kit's event processing (BullMQ
 * worker, batched consumer), fed earns of random members through the tier queue as the relay would
 * put them (a backlog kept waiting), for `BENCH_SECONDS`. Each event is one evaluation (lock, the
 * ledger row, `evaluate`); evaluations are counted in the store: events consumed in the window.
 */
import {
  ADMIN_SCOPES,
  bullPrefix,
  eventJobOptions,
  loadKitConfig,
  redisConnection,
  startEventProcessing,
  startSubgraph,
  systemCaller,
  type DomainEvent,
  type KitConfig,
  type SubgraphModule,
  type SubgraphRuntime,
} from '@loyalnest/kit';
import tier from '@loyalnest/tier';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import type { LedgerEntryPosted } from '../../subgraphs/points/src/topics.js';
import type { TierProgramDraft } from '../../subgraphs/tier/src/domain/tier-program.js';
import { runTierRecomputes } from '../../subgraphs/tier/src/jobs/tier-recompute.job.js';
import { TierMemberService } from '../../subgraphs/tier/src/services/tier-member.service.js';
import { TierProgramService } from '../../subgraphs/tier/src/services/tier-program.service.js';
import { TierRecomputeService } from '../../subgraphs/tier/src/services/tier-recompute.service.js';
import { withAppDb, withOwnerDb } from '../src/support/db.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { log, positiveInt } from './bench-env.js';
import { round } from './load.js';

const DATABASE_PREFIX = 'loyalnest_bench_tiers';
const EARN_TOPIC = 'points.earned';
const WARMUP_SECONDS = 2;
/** Jobs kept waiting on the queue: more than the worker holds, so it never starves. */
const BACKLOG = 2_000;
const FEED = 500;

function draft(silver: number, gold: number): TierProgramDraft {
  return {
    metric: 'points_earned',
    period: 'lifetime',
    tiers: [
      { names: [{ locale: 'en', text: 'Bronze' }], threshold: 0, earnMultiplier: 1 },
      { names: [{ locale: 'en', text: 'Silver' }], threshold: silver, earnMultiplier: 1.25, entryBonusPoints: 100 },
      { names: [{ locale: 'en', text: 'Gold' }], threshold: gold, earnMultiplier: 1.5, entryBonusPoints: 250 },
    ],
  };
}

/** Customer n's id, as SQL computes it in the seed. */
const customerId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function seed(merchantId: string, customers: number, entries: number, tierIds: string[]): Promise<void> {
  await withOwnerDb('tier', async (db) => {
    const step = async (what: string, sql: string, params: unknown[] = []) => {
      const t0 = performance.now();
      await db.query(sql, params);
      log(`seed: ${what} in ${round((performance.now() - t0) / 1000, 1)} s`);
    };
    await db.query('truncate tier_qualification, tier_member, tier_change, tier_bonus, tier_recompute, tier_order, outbox_event, consumed_event');
    await db.query('alter table tier_qualification drop constraint tier_qualification_pkey');
    await db.query('drop index tier_qualification_customer_index');
    await step(
      `${entries} qualification entries`,
      `insert into tier_qualification (merchant_id, metric, subject, customer_id, amount, qualifies_at, updated_at)
       select $1, 'points_earned', 'bench:' || g, ('00000000-0000-4000-8000-' || lpad(to_hex(g % $2 + 1), 12, '0'))::uuid,
              1 + (g * 7919) % 200, now() - (g % 700) * interval '1 day', now()
         from generate_series(1, $3::bigint) g`,
      [merchantId, customers, entries],
    );
    await step('key and index', `alter table tier_qualification add primary key (merchant_id, metric, subject)`);
    await step(
      'customer index',
      `create index tier_qualification_customer_index on tier_qualification (merchant_id, customer_id, metric, qualifies_at) include (amount)`,
    );
    // Members as the old program placed them, from the same rows.
    await step(
      `${customers} members`,
      `insert into tier_member (merchant_id, customer_id, tier_id, since, qualified_tier_id, metric_value, multiplier, version, evaluated_at, program_version, created_at, updated_at)
       select $1, c.id, t.tier, now() - interval '30 days', t.tier, coalesce(s.total, 0), t.multiplier, 1, now() - interval '1 day', 1, now(), now()
         from (select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid as id from generate_series(1, $2::int) n) c
         left join (select customer_id, sum(amount) as total from tier_qualification where merchant_id = $1 group by customer_id) s on s.customer_id = c.id
         cross join lateral (select case when coalesce(s.total, 0) >= 1300 then $5::uuid when coalesce(s.total, 0) >= 1000 then $4::uuid else $3::uuid end as tier,
                                    case when coalesce(s.total, 0) >= 1300 then 1.5 when coalesce(s.total, 0) >= 1000 then 1.25 else 1 end as multiplier) t`,
      [merchantId, customers, ...tierIds],
    );
    await step('vacuum analyze', 'vacuum analyze tier_qualification, tier_member');
  });
}

/** The limit: every member's metric, one `GROUP BY` of the same rows, as the service role under the tenant setting. */
async function aggregate(merchantId: string): Promise<{ seconds: number; groups: number }> {
  return withAppDb('tier', async (db) => {
    await db.query('begin');
    await db.query(`select set_config('app.merchant_id', $1, true)`, [merchantId]);
    const t0 = performance.now();
    const { rows } = await db.query<{ groups: string }>(
      `select count(*) as groups from (
         select customer_id, sum(amount) as total from tier_qualification
          where merchant_id = $1 and metric = 'points_earned' and qualifies_at is not null group by customer_id) s`,
      [merchantId],
    );
    const seconds = (performance.now() - t0) / 1000;
    await db.query('commit');
    return { seconds, groups: Number(rows[0].groups) };
  });
}

async function measureEvaluations(config: KitConfig, merchantId: string, customers: number, poolSize: number, seconds: number): Promise<{ perSecond: number; evaluations: number; seconds: number }> {
  const earn = tier.consumes![EARN_TOPIC];
  // The tier subgraph with only its points.earned consumer and none of its periodic jobs.
  const module: SubgraphModule = { ...tier, consumes: { [EARN_TOPIC]: earn }, jobs: undefined };
  const runtime = await startSubgraph(module, config, { poolSize });
  const queue = new Queue(module.name, { connection: redisConnection(config.redisUrl), prefix: bullPrefix(config.events, module.name) });
  let feeding = true;
  let feeder: Promise<void> = Promise.resolve();
  try {
    await startEventProcessing(runtime, [module]);
    const jobs = (n: number) =>
      Array.from({ length: n }, () => {
        const points = 1 + Math.floor(Math.random() * 200);
        const event: DomainEvent<LedgerEntryPosted> = {
          id: uuidv7(),
          merchantId,
          topic: EARN_TOPIC,
          version: 1,
          occurredAt: new Date().toISOString(),
          payload: {
            entryId: uuidv7(),
            customerId: customerId(1 + Math.floor(Math.random() * customers)),
            kind: 'earn',
            source: 'order',
            status: 'posted',
            points,
            balance: points,
            pending: 0,
            orderId: null,
            reversesEntryId: null,
            reversesKind: null,
            reversesSource: null,
            reversesCreatedAt: null,
          },
        };
        return { name: EARN_TOPIC, data: { event, producer: 'bench' }, opts: eventJobOptions(config.events, event.id) };
      });
    feeder = (async () => {
      while (feeding) {
        if ((await queue.getWaitingCount()) < BACKLOG) await queue.addBulk(jobs(FEED));
        else await sleep(20);
      }
    })();
    const consumed = () => withOwnerDb('tier', async (db) => Number((await db.query<{ n: string }>('select count(*) as n from consumed_event where merchant_id = $1', [merchantId])).rows[0].n));
    log(`(b) evaluations: warm-up ${WARMUP_SECONDS} s, batches of up to ${config.events.batchSize}, worker concurrency ${config.events.concurrency}`);
    await sleep(WARMUP_SECONDS * 1000);
    const before = await consumed();
    const started = performance.now();
    await sleep(seconds * 1000);
    const after = await consumed();
    const elapsed = (performance.now() - started) / 1000;
    return { perSecond: round((after - before) / elapsed, 1), evaluations: after - before, seconds: round(elapsed) };
  } finally {
    feeding = false;
    await feeder.catch(() => {});
    await queue.close();
    await runtime.close();
  }
}

export async function run(): Promise<void> {
  const customers = positiveInt('BENCH_CUSTOMERS', 1_000_000, 10_000_000);
  const entries = positiveInt('BENCH_ENTRIES', 10_000_000, 100_000_000);
  const seconds = positiveInt('BENCH_SECONDS', 10, 120);
  const poolSize = positiveInt('BENCH_POOL', 10, 50);
  const batch = positiveInt('BENCH_BATCH', 2_000, 50_000);

  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const queuePrefix = `loyalnest-bench-tiers-${randomBytes(6).toString('hex')}`;
  process.env.EVENTS_QUEUE_PREFIX = queuePrefix;
  const config = loadKitConfig();
  let runtime: SubgraphRuntime | null = null;
  try {
    log(`databases ${DATABASE_PREFIX}_*; migrating`);
    await migrateAll(config, subgraphModules, log);
    const merchant = await insertMerchant();

    runtime = await startSubgraph(tier, config, { poolSize });
    const programs = new TierProgramService();
    const recomputes = new TierRecomputeService(new TierMemberService(programs));
    const admin = () => runtime!.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
    await withOwnerDb('tier', (db) => db.query('truncate tier_program, tier cascade'));
    const old = await programs.update(admin(), draft(1000, 1300));
    if (!('tiers' in old)) throw new Error(`the old program was refused: ${old.message}`);
    log(`seeding ${customers} members and ${entries} qualification entries as the owner (not measured)`);
    await seed(merchant.id, customers, entries, old.tiers.map((t) => t.id));

    log('(a) limit: one GROUP BY customer_id of the same rows');
    const limit = await aggregate(merchant.id);
    log(`aggregate: ${limit.groups} customers in ${round(limit.seconds)} s`);

    log(`(a) recompute: the program changes, the recompute starts as its consumer starts it and runs through the job's code path, batches of ${batch}`);
    const changed = await programs.update(admin(), draft(800, 1200));
    if (!('tiers' in changed)) throw new Error(`the new program was refused: ${changed.message}`);
    const t0 = performance.now();
    await recomputes.start(admin(), changed.version);
    const { placed } = await runTierRecomputes(runtime, recomputes, undefined, batch);
    const recomputeSeconds = (performance.now() - t0) / 1000;
    const outcome = await withOwnerDb('tier', async (db) => {
      const [r] = (await db.query<{ status: string; processed: number; total: number }>('select status, processed, total from tier_recompute where merchant_id = $1', [merchant.id])).rows;
      const [c] = (await db.query<{ changes: string; bonuses: string }>('select (select count(*) from tier_change) as changes, (select count(*) from tier_bonus) as bonuses')).rows;
      return { ...r, ...c };
    });
    log(`recompute: ${placed} members placed in ${round(recomputeSeconds)} s (${round(placed / recomputeSeconds, 0)}/s); ${outcome.status}, ${outcome.processed}/${outcome.total}; ${outcome.changes} tier changes, ${outcome.bonuses} entry bonuses`);
    await runtime.close();
    runtime = null;

    const evaluations = await measureEvaluations(config, merchant.id, customers, poolSize, seconds);
    log(`evaluations: ${evaluations.evaluations} in ${evaluations.seconds} s = ${evaluations.perSecond}/s`);

    const ratio = round(limit.seconds / recomputeSeconds, 3);
    log(`recompute ${round(recomputeSeconds)} s (target < 60 s), aggregate ${round(limit.seconds)} s, ratio ${ratio} (target ≥ 0.3), ${evaluations.perSecond} evaluations/s (target ≥ 2000)`);
    console.log(JSON.stringify({ bench: 'tiers', recompute_s: round(recomputeSeconds), aggregate_s: round(limit.seconds), ratio, evaluations_per_s: evaluations.perSecond }));
  } finally {
    await runtime?.close();
    await deleteQueuePrefix(config.redisUrl, queuePrefix);
  }
}
