/**
 * `npm run build`: compiles every package the services run (gateway, kit, subgraphs) from src/ to
 * dist/ and the migrations to migrations/dist/<store>/, with the transform the tests use
 * (swc.config.mjs). Each file is compiled on its own, as under the tests: no type checking here
 * (`npm run typecheck` does that). Files other than TypeScript under src/ (the live subgraph's
 * SDL) are copied beside the compiled code that reads them.
 */
import { transformFile } from '@swc/core';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { swcOptions } from '../swc.config.mjs';
import { buildDashboard } from './dashboard-build.mjs';
import { buildWidget } from './widget-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each package's src/ becomes its dist/, at the same depth, so paths built from import.meta.url still hold. */
const PACKAGES = ['gateway', 'subgraphs/kit', 'subgraphs/merchant', 'subgraphs/customer', 'subgraphs/points', 'subgraphs/referral', 'subgraphs/segment', 'subgraphs/tier', 'subgraphs/audit'];

async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function compileTree(srcDir, outDir) {
  await rm(outDir, { recursive: true, force: true });
  let count = 0;
  for (const file of await files(srcDir)) {
    const target = join(outDir, relative(srcDir, file));
    await mkdir(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      await cp(file, target);
      continue;
    }
    const out = target.replace(/\.ts$/, '.js');
    // Inline source maps: `node --enable-source-maps` reports stack traces at the TypeScript lines.
    const { code } = await transformFile(file, { ...swcOptions, filename: file, sourceMaps: 'inline', swcrc: false, configFile: false });
    await writeFile(out, code);
    count++;
  }
  return count;
}

const started = Date.now();
let total = 0;
for (const pkg of PACKAGES) total += await compileTree(join(root, pkg, 'src'), join(root, pkg, 'dist'));

// Migrations: migrations/<store>/*.ts to migrations/dist/<store>/*.js, where the compiled kit's
// migrateStore looks for them (subgraphs/kit/src/store.ts).
const migrations = join(root, 'migrations');
await rm(join(migrations, 'dist'), { recursive: true, force: true });
for (const store of await readdir(migrations, { withFileTypes: true })) {
  if (!store.isDirectory() || store.name === 'node_modules' || store.name === 'dist') continue;
  total += await compileTree(join(migrations, store.name), join(migrations, 'dist', store.name));
}
console.log(`loyalnest: compiled ${total} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// The merchant dashboard the gateway serves at /app: a browser bundle, built by Vite.
buildDashboard();
// The storefront widget: the launcher, panel and panel CSS in the theme extension's assets.
buildWidget();
// The partner SDK as it is published: JavaScript and declarations in clients/partner-sdk/dist (tsc).
const sdkStarted = Date.now();
execFileSync('pnpm', ['--silent', '--filter', '@loyalnest/partner-sdk', 'build'], { cwd: root, stdio: 'inherit' });
console.log(`loyalnest: built the partner SDK in ${((Date.now() - sdkStarted) / 1000).toFixed(1)} s`);
