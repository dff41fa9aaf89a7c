/**
 * What the dashboard's and the widget's build scripts share: a client package built by Vite, once
 * always (`npm run build`), or only when stale (`npm start`, `npm test`: a fresh clone's first run
 * works and later ones cost nothing). Runs under scripts/run.sh (pnpm on the PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time under `paths` (files, or folders walked whole). */
function newestOf(paths) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

/**
 * `name` (for messages), `pkg` (the workspace package whose `build` script runs), `dir` (its
 * folder), `sources` (names inside it whose change means a new build), `outputs` (absolute paths
 * the build writes). Stale: an output is missing, or a source, or the lockfile (a dependency
 * installed or changed since), is newer than the oldest output.
 */
export function viteBuild({ name, pkg, dir, sources, outputs }) {
  const isStale = () => {
    if (!outputs.every((file) => existsSync(file))) return true;
    const oldest = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
    return oldest < newestOf([...sources.map((source) => join(dir, source)), join(ROOT, 'pnpm-lock.yaml')]);
  };
  const build = ({ ifStale = false } = {}) => {
    if (ifStale && !isStale()) return false;
    const started = Date.now();
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const result = spawnSync('pnpm', ['--silent', '--filter', pkg, 'build'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (result.status !== 0) {
      process.stderr.write(result.stdout ?? '');
      throw new Error(`building the ${name} failed (exit ${result.status})`);
    }
    console.error(`loyalnest: built the ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  };
  return { isStale, build };
}

/** Runs `build` when `moduleUrl` is the script node was started with, honouring `--if-stale`. */
export function runIfMain(moduleUrl, build) {
  if (process.argv[1] === fileURLToPath(moduleUrl)) build({ ifStale: process.argv.includes('--if-stale') });
}
