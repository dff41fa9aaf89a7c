import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, bullPrefix, loadKitConfig, redisConnection, systemCaller } from '@loyalnest/kit';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { NIGHTLY_PATTERN, NIGHTLY_QUEUE, NIGHTLY_SCHEDULER, requestNightlyRuns, SegmentNightlyScheduler } from '../../subgraphs/segment/src/jobs/segment-nightly.job.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { insertOrders, ordersOf, recomputes, saveSettings } from './support/segment-recompute.js';
import { createMerchant, runtime, upsertCustomer, type TestMerchant } from './support/tenants.js';

const RUN_FIELDS = 'id trigger status total processed progress changed requestedAt startedAt finishedAt error';
const RECOMPUTE = `mutation { recomputeSegments { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { segmentRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query($first: Int!) { segmentRuns(first: $first) { ${RUN_FIELDS} } }`;

interface RunNode {
  id: string;
  trigger: string;
  status: string;
  total: number;
  processed: number;
  progress: number;
  changed: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** Quick polls: the runs are worked by the gateway's own recompute job, woken by their insert. */
const EVENTS_ENV = { EVENTS_POLL_MS: '200', EVENTS_BACKOFF_MS: '100' };

async function seed(merchant: TestMerchant, count: number): Promise<void> {
  const now = new Date();
  await insertOrders(merchant, now, Array.from({ length: count }, () => randomUUID()).flatMap((c, i) => ordersOf(c, 1 + (i % 3), 1 + i * 3, (i + 1) * 10_00)));
}

describe.each<Mode>(['embedded', 'networked'])('segment runs through the API (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, EVENTS_ENV);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    await Promise.all([seed(a, 9), seed(b, 4)]);
  });
  afterAll(() => gateway.stop());

  async function runOf(merchant: TestMerchant, id: string): Promise<RunNode | null> {
    const result = await gateway.gql<{ segmentRun: RunNode | null }>(RUN, { id }, merchant.auth);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!.segmentRun;
  }

  it('recomputeSegments queues a run that the job works to the end: progress 100, processed = total; two requests at once share it', async () => {
    const [first, second] = await Promise.all([gateway.gql<{ recomputeSegments: RunNode }>(RECOMPUTE, {}, a.auth), gateway.gql<{ recomputeSegments: RunNode }>(RECOMPUTE, {}, a.auth)]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const run = first.data!.recomputeSegments;
    expect(second.data!.recomputeSegments.id).toBe(run.id);
    expect(run.trigger).toBe('MANUAL');
    const done = await eventually(async () => {
      const r = await runOf(a, run.id);
      return r?.status === 'SUCCEEDED' ? r : undefined;
    }, 60_000, 'the run succeeded');
    expect(done).toMatchObject({ total: 9, processed: 9, progress: 100, changed: 9, error: null });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    const listed = await gateway.gql<{ segmentRuns: RunNode[] }>(RUNS, { first: 5 }, a.auth);
    expect(listed.data!.segmentRuns[0].id).toBe(run.id);
    const scored = await withOwnerDb('segment', (db) => db.query<{ n: number }>('select count(*)::int as n from segment_customer where merchant_id = $1 and segment is not null', [a.id]));
    expect(scored.rows[0].n).toBe(9);
    // the counts' commit wakes the daily counts job: the chart shows the run within seconds, 9 members in all
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const counts = await eventually(async () => {
      const read = await gateway.gql<{ segmentCounts: { members: number }[] }>('query($from: String!, $to: String!) { segmentCounts(from: $from, to: $to) { members } }', { from: yesterday, to: today }, a.auth);
      const total = (read.data?.segmentCounts ?? []).reduce((sum, c) => sum + c.members, 0);
      return total === 9 ? total : undefined;
    }, 30_000, 'the daily counts refreshed');
    expect(counts).toBe(9);
  });

  it("keeps runs to their merchant: B gets null for A's run and never lists it; a made-up id is null too", async () => {
    const run = (await gateway.gql<{ recomputeSegments: RunNode }>(RECOMPUTE, {}, a.auth)).data!.recomputeSegments;
    expect(await runOf(b, run.id)).toBeNull();
    expect(await runOf(b, 'not-a-run')).toBeNull();
    const listed = await gateway.gql<{ segmentRuns: RunNode[] }>(RUNS, { first: 50 }, b.auth);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.segmentRuns.map((r) => r.id)).not.toContain(run.id);
    await eventually(async () => (await runOf(a, run.id))?.status === 'SUCCEEDED', 60_000, "A's run succeeded");
    const bRows = await withOwnerDb('segment', (db) => db.query<{ n: number }>('select count(*)::int as n from segment_customer where merchant_id = $1 and run_id = $2', [b.id, run.id]));
    expect(bRows.rows[0].n).toBe(0);
  });

  it('refuses a bad page size naming the field, and a shopper altogether', async () => {
    const bad = await gateway.gql(RUNS, { first: 0 }, a.auth);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/first/);
    const customer = await upsertCustomer(gateway, a, { shopifyId: String(Date.now()), email: `r${Date.now()}@example.com` });
    const shopper = await gateway.gql(RECOMPUTE, {}, await shopperAuth(gateway, a, customer.id));
    expect(shopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('segment runs after a settings change, and nightly', () => {
  let gateway: TestGateway;

  /** The nightly queue of the suite's Redis prefix, emptied: no tick left by an earlier run fires here, nor after. */
  async function clearNightlyQueue(): Promise<void> {
    const config = loadKitConfig();
    const queue = new Queue(NIGHTLY_QUEUE, { connection: redisConnection(config.redisUrl), prefix: bullPrefix(config.events, NIGHTLY_QUEUE) });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }

  beforeAll(async () => {
    await clearNightlyQueue();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, SEGMENT_NIGHTLY: 'on' });
  });
  afterAll(async () => {
    await gateway.stop();
    await clearNightlyQueue();
  });

  it('a segments.updated event (updateSegments) requests a settings run, once, which the job works', async () => {
    const merchant = await createMerchant(gateway);
    await seed(merchant, 3);
    await saveSettings(merchant, { version: 2 });
    const eventId = randomUUID();
    await withOwnerDb('segment', (db) =>
      db.query(
        `insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at, actor_kind, actor_id, request_id)
         values ($1, $2, 'segments.updated', 1, $3, now(), 'admin', 'test', $4)`,
        [eventId, merchant.id, JSON.stringify({ version: 2, handles: ['champions'], windowDays: 365, scoring: 'quintile', syncMetafield: false }), randomUUID()],
      ),
    );
    const runs = await eventually(async () => {
      const { rows } = await withOwnerDb('segment', (db) => db.query<{ trigger: string; status: string; settings_version: number }>('select trigger, status, settings_version from segment_run where merchant_id = $1', [merchant.id]));
      return rows.length && rows.every((r) => r.status === 'succeeded') ? rows : undefined;
    }, 60_000, 'the settings run succeeded');
    expect(runs).toEqual([{ trigger: 'settings', status: 'succeeded', settings_version: 2 }]);
    const consumed = await withOwnerDb('segment', (db) => db.query<{ n: number }>("select count(*)::int as n from consumed_event where event_id = $1 and consumer = 'segment'", [eventId]));
    expect(consumed.rows[0].n).toBe(1);
  });

  it("requests the nightly run of a shop past 03:00 in its time zone, once per local date, and not of one before it", async () => {
    const [tokyo, honolulu] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    await saveSettings(tokyo, { timezone: 'Asia/Tokyo' });
    await saveSettings(honolulu, { timezone: 'Pacific/Honolulu' });
    const segment = runtime(gateway, 'segment');
    const nightlyRuns = async (merchant: TestMerchant) =>
      (await withOwnerDb('segment', (db) => db.query<{ nightly_date: string }>("select to_char(nightly_date, 'YYYY-MM-DD') as nightly_date from segment_run where merchant_id = $1 and trigger = 'nightly' order by nightly_date", [merchant.id]))).rows.map((r) => r.nightly_date);

    // 12:00 UTC: 21:00 in Tokyo (due), 02:00 in Honolulu (not yet)
    const noon = new Date('2030-01-10T12:00:00Z');
    const ticks = await Promise.all([requestNightlyRuns(segment, recomputes, noon), requestNightlyRuns(segment, recomputes, noon)]);
    expect(ticks.flatMap((t) => t.requested).filter((id) => id === tokyo.id)).toHaveLength(1);
    expect(await nightlyRuns(tokyo)).toEqual(['2030-01-10']);
    expect(await nightlyRuns(honolulu)).toEqual([]);

    // a replayed tick adds nothing, even once Tokyo's run has finished
    await eventually(async () => (await recomputes.runs(segment.createContext(systemCaller(ADMIN_SCOPES, tokyo.id)), 1))[0]?.status === 'succeeded', 60_000, "Tokyo's nightly run");
    expect((await requestNightlyRuns(segment, recomputes, noon)).requested).not.toContain(tokyo.id);

    // 14:00 UTC: 04:00 in Honolulu, still 10 January there
    await requestNightlyRuns(segment, recomputes, new Date('2030-01-10T14:00:00Z'));
    expect(await nightlyRuns(honolulu)).toEqual(['2030-01-10']);
    expect(await nightlyRuns(tokyo)).toEqual(['2030-01-10']);
  });

  it('keeps an hourly BullMQ job scheduler, put back by a replica after Redis lost it, whose tick requests the due nightly runs', async () => {
    const segment = runtime(gateway, 'segment');
    const queue = new Queue(NIGHTLY_QUEUE, { connection: redisConnection(segment.config.redisUrl), prefix: bullPrefix(segment.config.events, NIGHTLY_QUEUE) });
    try {
      const scheduler = await eventually(async () => (await queue.getJobScheduler(NIGHTLY_SCHEDULER)) ?? undefined, 30_000, 'the scheduler');
      expect(scheduler.pattern).toBe(NIGHTLY_PATTERN);

      // Redis loses it (a restart without persistence); a replica's start, or its next minute, upserts it again
      await queue.removeJobScheduler(NIGHTLY_SCHEDULER);
      expect(await queue.getJobScheduler(NIGHTLY_SCHEDULER)).toBeFalsy();
      const replica = new SegmentNightlyScheduler(segment, recomputes);
      try {
        await replica.ensure();
      } finally {
        await replica.close();
      }
      expect((await queue.getJobScheduler(NIGHTLY_SCHEDULER))?.pattern).toBe(NIGHTLY_PATTERN);

      // a tick, as the scheduler adds it, is taken by the gateway's worker: a shop where it is now between 04:00 and 22:00 is due
      const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Honolulu', 'Asia/Kolkata', 'Australia/Sydney'];
      const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
      const zone = zones.find((z) => hour(z) >= 4 && hour(z) <= 22)!;
      const merchant = await createMerchant(gateway);
      await saveSettings(merchant, { timezone: zone });
      await queue.add('tick', {}, { removeOnComplete: true, removeOnFail: true });
      await eventually(
        async () => {
          const { rows } = await withOwnerDb('segment', (db) => db.query<{ n: number }>("select count(*)::int as n from segment_run where merchant_id = $1 and trigger = 'nightly'", [merchant.id]));
          return rows[0].n === 1;
        },
        60_000,
        'the tick requested the nightly run',
      );
    } finally {
      await queue.close();
    }
  });
});
