/**
 * Builds the storefront widget (clients/widget, Vite) into the theme app extension's assets:
 * extensions/loyalnest-widget/assets/loyalnest-launcher.js, loyalnest-panel.js and
 * loyalnest-panel.css (gitignored; `shopify app deploy` uploads them with the extension).
 * `npm run build` always builds it; `npm start` and `npm test` only when a source is newer than
 * the oldest of the three files (`--if-stale`). Runs under scripts/run.sh (pnpm on the PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const widget = join(root, 'clients', 'widget');
const assets = join(root, 'extensions', 'loyalnest-widget', 'assets');
export const WIDGET_ASSETS = ['loyalnest-launcher.js', 'loyalnest-panel.js', 'loyalnest-panel.css'].map((name) => join(assets, name));

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of ['src', 'vite.config.ts', 'package.json']) visit(join(widget, name));
  // A dependency installed or changed since: the lockfile is touched with it.
  visit(join(root, 'pnpm-lock.yaml'));
  return newest;
}

export function widgetIsStale() {
  if (!WIDGET_ASSETS.every((file) => existsSync(file))) return true;
  const oldest = Math.min(...WIDGET_ASSETS.map((file) => statSync(file).mtimeMs));
  return oldest < newestSource();
}

export function buildWidget({ ifStale = false } = {}) {
  if (ifStale && !widgetIsStale()) return false;
  const started = Date.now();
  const result = spawnSync('pnpm', ['--silent', '--filter', '@loyalnest/widget', 'build'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    throw new Error(`building the widget failed (exit ${result.status})`);
  }
  console.error(`loyalnest: built the widget in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildWidget({ ifStale: process.argv.includes('--if-stale') });
