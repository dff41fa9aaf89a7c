/** Closed-loop load for the benchmarks: N workers, each starting its next operation when the last one ends, for a fixed time. */

import { log } from './bench-env.js';

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Phase {
  /** Operations that did what they should (entries posted, rows inserted) per second. */
  perSecond: number;
  done: number;
  failed: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  /** This process's CPU time (user + system) per operation done: the client's share of the cost. */
  cpuUsPerOp: number;
}

/**
 * Runs `workers` loops of `op` until `seconds` have passed (each loop finishes the operation it
 * started); `op` resolves true when it did its work. Latency is per operation, start to finish.
 */
export async function load(workers: number, seconds: number, op: () => Promise<boolean>): Promise<Phase> {
  const latencies: number[] = [];
  let done = 0;
  let failed = 0;
  let firstError: unknown = null;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          if (await op()) done++;
          else failed++;
        } catch (error) {
          failed++;
          firstError ??= error;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (firstError) log(`WARNING ${failed} operations failed; the first: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  const sorted = Float64Array.from(latencies).sort();
  return {
    perSecond: round(done / elapsed, 1),
    done,
    failed,
    seconds: round(elapsed),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    cpuUsPerOp: Math.round((used.user + used.system) / Math.max(done, 1)),
  };
}

export function describe(name: string, phase: Phase): void {
  log(`${name}: ${phase.done} in ${phase.seconds} s = ${phase.perSecond}/s, p50 ${phase.p50Ms} ms, p99 ${phase.p99Ms} ms, ${phase.cpuUsPerOp} µs of this process's CPU each${phase.failed ? `, ${phase.failed} FAILED` : ''}`);
}
