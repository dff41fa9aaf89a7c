/**
 * Open load for the redemption part of `bench ledger`: arrivals at a fixed total rate, each on a
 * clock of its own, whatever the answers before it did.
 *
 * A closed loop (`load.ts`) measures capacity: with N clients each waiting for its answer, latency
 * is about N ÷ throughput by construction. What one shopper waits at a given traffic is measured by
 * sending on a schedule and timing each request from the moment it was due, so a slow answer or a
 * late timer cannot hide the requests that would have queued behind it (no coordinated omission).
 */
import { round } from './load.js';

export interface OpenLoadFigures {
  /** Arrivals the schedule had for the run. */
  scheduled: number;
  /** Requests sent per second, over the span from the first send to one interval past the last (the rate asked for when the client kept the schedule). */
  offeredPerSecond: number;
  /** `ISSUED` answers per second, over the span from the first answer to one interval past the last: equal to the offered rate while the product keeps up, lower when answers trail off behind it. */
  achievedPerSecond: number;
  /** Seconds from the first due time to the last answer. */
  seconds: number;
  /** Latency from each request's due time to its answer. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How late the client sent compared with the schedule (its own timer and event-loop delay), worst case. */
  maxSendLagMs: number;
  /** The most requests in flight at once: near rate × latency when the product keeps up, growing when it does not. */
  maxInFlight: number;
  /** Answers of each kind; a thrown error counts as `ERROR <message>`. */
  outcomes: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `ratePerSecond × seconds` operations, the i-th due at start + i ÷ rate, evenly spaced (a
 * fixed rate is what the figure is quoted at; a random one would add its own bursts). A timer that
 * fires late sends every arrival already due at once, each still timed from its own due time.
 * `op(i)` resolves to the outcome of arrival i; resolves when every operation has answered.
 */
export async function openLoad(ratePerSecond: number, seconds: number, op: (index: number) => Promise<string>): Promise<OpenLoadFigures> {
  const scheduled = Math.max(1, Math.round(ratePerSecond * seconds));
  const intervalMs = 1000 / ratePerSecond;
  const latencies = new Float64Array(scheduled);
  const outcomes: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let maxSendLagMs = 0;
  let firstAnswer = Infinity;
  let lastAnswer = 0;
  let lastSend = 0;
  const start = performance.now();
  for (let i = 0; i < scheduled; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    lastSend = performance.now();
    maxSendLagMs = Math.max(maxSendLagMs, lastSend - due);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pending.push(
      op(i)
        .catch((error: unknown) => `ERROR ${error instanceof Error ? error.message : String(error)}`)
        .then((outcome) => {
          lastAnswer = performance.now();
          firstAnswer = Math.min(firstAnswer, lastAnswer);
          latencies[i] = lastAnswer - due;
          inFlight--;
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }),
    );
  }
  await Promise.all(pending);
  const sorted = latencies.sort();
  return {
    scheduled,
    offeredPerSecond: round((scheduled * 1000) / (lastSend - start + intervalMs), 1),
    achievedPerSecond: round(((outcomes.ISSUED ?? 0) * 1000) / (lastAnswer - firstAnswer + intervalMs), 1),
    seconds: round((lastAnswer - start) / 1000),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1]),
    maxSendLagMs: round(maxSendLagMs),
    maxInFlight,
    outcomes,
  };
}
