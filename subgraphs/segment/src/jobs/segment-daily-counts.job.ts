import { systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';

/** The least time between two refreshes when runs finish in a stream (every shop's nightly run). */
const GAP_MS = 5_000;
/** The safety net when a wake is lost (a Redis restart): a refresh with nothing new costs one pass over the view's source. */
const EVERY_MS = 600_000;

/**
 * Refreshes the daily counts view (`segment_daily_count`, the dashboard's chart) concurrently after
 * runs finish: woken by the commit of a run's counts (`segment_run_count` inserts), so the chart
 * follows a run within seconds, and one refresh covers every run that finished meanwhile, whatever
 * the number of merchants. Readers keep reading the view during a refresh.
 */
export async function refreshSegmentDailyCounts(runtime: SubgraphRuntime): Promise<void> {
  const ctx = runtime.createContext(systemCaller([], null));
  // One replica refreshes; the others, woken by the same commit, find it under way and leave it.
  await ctx.em.execute(`select segment_daily_count_refresh() where pg_try_advisory_xact_lock(hashtextextended('segment_daily_count_refresh', 0))`);
}

export function segmentDailyCountsJob(runtime: SubgraphRuntime): SubgraphJob {
  return {
    name: 'segment daily counts',
    everyMs: EVERY_MS,
    wakeOn: { table: 'segment_run_count', gapMs: GAP_MS },
    run: () => refreshSegmentDailyCounts(runtime),
  };
}
