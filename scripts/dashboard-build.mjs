/**
 * Builds the merchant dashboard (clients/dashboard, Vite) into clients/dashboard/dist, which the
 * gateway serves at /app. `npm run build` always builds it; `npm start` and `npm test` build it
 * only when a source is newer than the last build (`--if-stale`), so a fresh clone's first start
 * works and later starts cost nothing. Runs under scripts/run.sh (pnpm on the PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dashboard = join(root, 'clients', 'dashboard');
const manifest = join(dashboard, 'dist', '.vite', 'manifest.json');

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of ['src', 'index.html', 'vite.config.ts', 'package.json']) visit(join(dashboard, name));
  // A dependency installed or changed since: the lockfile is touched with it.
  visit(join(root, 'pnpm-lock.yaml'));
  return newest;
}

export function dashboardIsStale() {
  return !existsSync(manifest) || statSync(manifest).mtimeMs < newestSource();
}

export function buildDashboard({ ifStale = false } = {}) {
  if (ifStale && !dashboardIsStale()) return false;
  const started = Date.now();
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const result = spawnSync('pnpm', ['--silent', '--filter', '@loyalnest/dashboard', 'build'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    throw new Error(`building the dashboard failed (exit ${result.status})`);
  }
  console.error(`loyalnest: built the dashboard in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildDashboard({ ifStale: process.argv.includes('--if-stale') });
