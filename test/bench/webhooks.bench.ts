/**
 * `bench webhooks`: outgoing webhooks sent by the product's dispatcher.
 *
 * The dispatcher runs as production runs it: the merchant subgraph's `webhook dispatch` job in a
 * `serve-worker` process of its own (`--subgraphs merchant`, `WEBHOOK_ENDPOINT_POLICY=local` so it
 * may send to loopback). The receivers run in this process: answering at once (fast), or after
 * `BENCH_SLOW_MS` (slow). On loopback, one after another:
 *
 *  (a) dispatch: `BENCH_MERCHANTS` merchants with one subscription each to the fast receiver and
 *      `BENCH_DELIVERIES` deliveries each, recorded in one transaction (as the fan-out records
 *      them) and the job woken as after the fan-out's commit: deliveries/s from the first
 *      receipt to the last, p50/p99 from the commit to each receipt, and the worker's CPU time
 *      per delivery. Reference, same run: the same deliveries, signed, POSTed by a plain node
 *      http loop with `WEBHOOK_CONCURRENCY` requests at once (a fresh connection each, as the
 *      dispatcher's client) to the same receiver.
 *  (b) isolation: the same backlog on new merchants, plus one merchant whose endpoint answers in
 *      `BENCH_SLOW_MS`: the fast endpoints' rate and p99 beside (a)'s. The slow endpoint holds one
 *      of the `WEBHOOK_CONCURRENCY` places, and only that.
 *  (c) fan-out: the statement the merchant consumer's fan-out adds per batch of a merchant with no
 *      subscription (`fanoutTargets`, the read of its active subscriptions), timed for
 *      `BENCH_SECONDS` in transactions of the services' role under the tenant, against the same
 *      transactions without it. The consumer's own cost per event (its queue job, its transaction,
 *      its dedupe row) is not in it: `npm run bench -- ingest` before and after shows that.
 */
import { loadKitConfig } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { startWebhookReceiver, type WebhookReceiver } from '../src/support/webhook-receiver.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { startDeployment, type Deployment } from './apart.js';
import { log, positiveInt } from './bench-env.js';
import { cpuSeconds } from './idle.bench.js';
import { round } from './load.js';
import { backlog, fanoutReadCost, insertSubscription, machineTicks, pendingOf, postgresCpuSeconds, plainSender, receipt, recordDeliveries, type BacklogDelivery, type Receipt } from './webhook-backlog.js';
import { dropBenchDatabases } from './webhook-load.js';

const DATABASE_PREFIX = 'loyalnest_bench_webhooks';
const SETUP_BUDGET_SECONDS = 180;
/** How long one backlog may take to arrive before the run gives up on it. */
const DRAIN_BUDGET_SECONDS = 300;

/** Waits until the receiver got every one of `deliveries` and the store shows none of `subscriptionIds`' still pending. */
async function arrived(receiver: WebhookReceiver, deliveries: BacklogDelivery[], subscriptionIds: string[]): Promise<void> {
  const ids = new Set(deliveries.map((d) => d.id));
  const deadline = Date.now() + DRAIN_BUDGET_SECONDS * 1000;
  let lastLog = Date.now();
  for (;;) {
    const got = new Set(receiver.requests.map((r) => String(r.headers['x-loyalnest-delivery-id'])).filter((id) => ids.has(id))).size;
    if (got >= ids.size && (await pendingOf(subscriptionIds)) === 0) return;
    if (Date.now() > deadline) throw new Error(`only ${got} of ${ids.size} deliveries arrived within ${DRAIN_BUDGET_SECONDS} s`);
    if (Date.now() - lastLog > 5000) {
      log(`  ${got}/${ids.size} received`);
      lastLog = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const line = (name: string, r: Receipt) =>
  `  ${name.padEnd(22)} ${String(r.perSecond).padStart(8)} deliveries/s   p50 ${r.p50Ms} ms   p99 ${r.p99Ms} ms   max ${r.maxMs} ms   (${r.received} received, ${r.repeated} repeated)`;

export async function run(): Promise<void> {
  const merchants = positiveInt('BENCH_MERCHANTS', 20, 200);
  const perSubscription = positiveInt('BENCH_DELIVERIES', 100, 10_000);
  const slowMs = positiveInt('BENCH_SLOW_MS', 2000, 60_000);
  const seconds = positiveInt('BENCH_SECONDS', 5, 120);

  // Before any config is read: the bench's own databases, which the worker it starts inherits.
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const config = loadKitConfig();
  const concurrency = config.webhooks.concurrency;
  const queuePrefix = `loyalnest-bench-webhooks-${randomBytes(6).toString('hex')}`;

  let deployment: Deployment | null = null;
  const receivers: WebhookReceiver[] = [];
  const cleanup = async () => {
    await deployment?.stop();
    deployment = null;
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await deleteQueuePrefix(config.redisUrl, queuePrefix);
  };
  const budgetSeconds = SETUP_BUDGET_SECONDS + 3 * DRAIN_BUDGET_SECONDS + 2 * seconds + 60;
  const watchdog = setTimeout(() => {
    console.error(`[bench] webhooks: gave up after ${budgetSeconds} s; stopping what was started`);
    setTimeout(() => process.exit(1), 10_000).unref();
    void cleanup().finally(() => process.exit(1));
  }, budgetSeconds * 1000);
  watchdog.unref();

  try {
    log(`databases ${DATABASE_PREFIX}_*: dropped, then migrated from scratch`);
    await dropBenchDatabases(config.databaseUrl, DATABASE_PREFIX);
    await migrateAll(config, subgraphModules, log);
    const fast = await startWebhookReceiver({ answer: 'ok' });
    const slow = await startWebhookReceiver({ answer: 'slow', delayMs: slowMs });
    receivers.push(fast, slow);

    deployment = await startDeployment({ DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix, WEBHOOK_ENDPOINT_POLICY: 'local' }, { gateways: 0, workers: 0 });
    await deployment.addWorkers(1, {}, ['merchant']);
    log(`${deployment.describe()}; queues under ${queuePrefix}; WEBHOOK_CONCURRENCY ${concurrency}`);

    // Warm-up, not measured: the worker's first drains at full concurrency (the JIT, its pools'
    // connections); with a smaller one, (a) ran ~10 % slower than (b) after it.
    const warmSubscriptions = await Promise.all(Array.from({ length: concurrency }, () => insertSubscription(fast.url)));
    const warm = backlog(warmSubscriptions, 50);
    await recordDeliveries(warm, queuePrefix);
    await arrived(fast, warm, warmSubscriptions.map((s) => s.id));

    const total = merchants * perSubscription;
    log(`(a) dispatch: ${merchants} merchants × 1 subscription × ${perSubscription} deliveries = ${total}, recorded in one commit`);
    const subsA = await Promise.all(Array.from({ length: merchants }, () => insertSubscription(fast.url)));
    const deliveriesA = backlog(subsA, perSubscription);
    const workerPid = deployment.workers[0].pid;
    const cpuBefore = cpuSeconds(workerPid);
    const postgresBefore = postgresCpuSeconds();
    const machineBefore = machineTicks();
    const committedA = await recordDeliveries(deliveriesA, queuePrefix);
    await arrived(fast, deliveriesA, subsA.map((s) => s.id));
    const dispatch = receipt(fast.requests, new Set(deliveriesA.map((d) => d.id)), committedA);
    const elapsedMs = Date.now() - committedA;
    const workerCpuMs = round(((cpuSeconds(workerPid) - cpuBefore) * 1000) / total, 3);
    const workerCpuPct = round(((cpuSeconds(workerPid) - cpuBefore) * 100_000) / elapsedMs, 1);
    const postgresCpuMs = round(((postgresCpuSeconds() - postgresBefore) * 1000) / total, 3);
    const machineAfter = machineTicks();
    const machineBusyPct = round((100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total), 1);

    log(`(a) reference: the same ${total} deliveries POSTed by a plain node http loop, ${concurrency} at once`);
    const reference = backlog(subsA, perSubscription);
    const referenceStarted = Date.now();
    const referenceFailed = await plainSender(reference, concurrency);
    const plain = receipt(fast.requests, new Set(reference.map((d) => d.id)), referenceStarted);
    if (referenceFailed) log(`(a) reference: WARNING ${referenceFailed} requests not answered 2xx`);

    log(`(b) isolation: ${total} deliveries to ${merchants} fast endpoints and ${perSubscription} to one answering in ${slowMs} ms`);
    const subsB = await Promise.all(Array.from({ length: merchants }, () => insertSubscription(fast.url)));
    const slowSubscription = await insertSubscription(slow.url);
    const deliveriesB = backlog(subsB, perSubscription);
    const slowDeliveries = backlog([slowSubscription], perSubscription);
    // The slow endpoint's deliveries first: due first, it is claimed in the first pass.
    const committedB = await recordDeliveries([...slowDeliveries, ...deliveriesB], queuePrefix);
    await arrived(fast, deliveriesB, subsB.map((s) => s.id));
    const isolated = receipt(fast.requests, new Set(deliveriesB.map((d) => d.id)), committedB);
    const slowReceived = receipt(slow.requests, new Set(slowDeliveries.map((d) => d.id)), committedB).received;
    await deployment.stop();
    deployment = null;

    log(`(c) fan-out: the read of a merchant's active subscriptions (none), ${seconds} s each way`);
    const lonely = await insertMerchant();
    const fanout = await fanoutReadCost(lonely.id, seconds);
    if (fanout.found) throw new Error(`the merchant without subscriptions has ${fanout.found}`);

    const ratio = round(dispatch.perSecond / plain.perSecond, 3);
    const isolationRatio = round(isolated.perSecond / dispatch.perSecond, 3);
    console.log('');
    console.log(`webhooks: ${merchants} merchants × ${perSubscription} deliveries, WEBHOOK_CONCURRENCY ${concurrency}, loopback (Node ${process.version}, one serve-worker --subgraphs merchant)`);
    console.log(line('(a) dispatcher', dispatch));
    console.log(`  (a) CPU per delivery: the worker ${workerCpuMs} ms (${workerCpuPct} % of one core), PostgreSQL ${postgresCpuMs} ms; the machine ${machineBusyPct} % busy (all ${cpus().length} cores), commit to last recorded`);
    console.log(line('(a) plain http loop', plain) + '   (reference)');
    console.log(`  dispatcher ÷ plain loop ${ratio}`);
    console.log(line('(b) fast, beside slow', isolated));
    console.log(`  (b) ÷ (a) ${isolationRatio}; the ${slowMs} ms endpoint got ${slowReceived} of ${perSubscription} meanwhile`);
    console.log(`  (c) fan-out read per consumer batch: +${fanout.addedMs} ms (${fanout.withReadPerS} transactions/s with it, ${fanout.withoutPerS} without)`);
    console.log(
      JSON.stringify({
        bench: 'webhooks',
        dispatch_per_s: dispatch.perSecond,
        dispatch_p50_ms: dispatch.p50Ms,
        dispatch_p99_ms: dispatch.p99Ms,
        plain_per_s: plain.perSecond,
        plain_p50_ms: plain.p50Ms,
        plain_p99_ms: plain.p99Ms,
        dispatch_vs_plain: ratio,
        worker_cpu_ms_per_delivery: workerCpuMs,
        worker_cpu_pct: workerCpuPct,
        postgres_cpu_ms_per_delivery: postgresCpuMs,
        machine_busy_pct: machineBusyPct,
        isolated_per_s: isolated.perSecond,
        isolated_p50_ms: isolated.p50Ms,
        isolated_p99_ms: isolated.p99Ms,
        isolated_vs_dispatch: isolationRatio,
        slow_ms: slowMs,
        slow_received: slowReceived,
        repeated: dispatch.repeated + isolated.repeated,
        fanout_read_added_ms: fanout.addedMs,
        fanout_tx_per_s_with_read: fanout.withReadPerS,
        fanout_tx_per_s_without: fanout.withoutPerS,
        merchants,
        deliveries_per_subscription: perSubscription,
        concurrency,
        seconds,
      }),
    );
  } catch (error) {
    if (deployment) console.error(`[bench] the processes' last output:\n${deployment.log()}`);
    throw error;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}
