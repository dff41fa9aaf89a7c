/**
 * Benchmark dispatcher: `npm run bench -- <name>` (from the repo root) or `pnpm bench <name>` in test/.
 * Each benchmark is a module exporting `run()`; it prints its figures, and its last stdout line is
 * one JSON object (`{"bench":"<name>", …}`). See docs/benchmarks.md.
 */

interface Benchmark {
  run(): Promise<void>;
}

/** Loaded lazily, so naming one benchmark never loads (or configures) another. */
const benchmarks: Record<string, () => Promise<Benchmark>> = {
  gateway: () => import('./gateway.bench.js'),
  hostile: () => import('./hostile.bench.js'),
  ingest: () => import('./ingest.bench.js'),
  live: () => import('./live.bench.js'),
  idle: () => import('./idle.bench.js'),
  ledger: () => import('./ledger.bench.js'),
  'outbox-commit': () => import('./outbox-commit.bench.js'),
  referral: () => import('./referral.bench.js'),
  scale: () => import('./scale.bench.js'),
  segments: () => import('./segments.bench.js'),
  tiers: () => import('./tiers.bench.js'),
  webhooks: () => import('./webhooks.bench.js'),
  widget: () => import('./widget.bench.js'),
};

async function main(): Promise<number> {
  const name = process.argv[2];
  const load = name ? benchmarks[name] : undefined;
  if (!load) {
    console.error(`${name ? `unknown benchmark "${name}"` : 'no benchmark named'}; known: ${Object.keys(benchmarks).join(', ')}`);
    console.error('usage: npm run bench -- <name>');
    return 1;
  }
  const benchmark = await load();
  await benchmark.run();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
