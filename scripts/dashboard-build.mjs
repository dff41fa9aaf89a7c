/**
 * Builds the merchant dashboard (clients/dashboard, Vite) into clients/dashboard/dist, which the
 * gateway serves at /app. `npm run build` always builds it; `npm start` and `npm test` only when
 * stale (`--if-stale`, see vite-build.mjs).
 */
import { join } from 'node:path';
import { ROOT, runIfMain, viteBuild } from './vite-build.mjs';

const dashboard = join(ROOT, 'clients', 'dashboard');
const { isStale, build } = viteBuild({
  name: 'dashboard',
  pkg: '@loyalnest/dashboard',
  dir: dashboard,
  sources: ['src', 'index.html', 'vite.config.ts', 'package.json'],
  outputs: [join(dashboard, 'dist', '.vite', 'manifest.json')],
});

export { isStale as dashboardIsStale, build as buildDashboard };

runIfMain(import.meta.url, build);
