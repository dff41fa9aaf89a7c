/**
 * `npm run size`: the dashboard's and the storefront widget's budgets (DESIGN.md, "Frontends").
 *
 * The dashboard's, checked on the build in clients/dashboard/dist. Initial JavaScript is what the browser fetches before the first screen
 * shows: the entry script, the page opened first (the overview), Polaris's strings for a Spanish
 * or French merchant, and every chunk those import statically, gzipped as the gateway sends them. Charts and other pages load later and are not
 * counted.
 *
 * The widget's, checked on its build in extensions/loyalnest-widget/assets: the launcher, which
 * every storefront page loads, at most 10 KB gzipped (Shopify theme check's line for an app
 * embed's script); the panel, loaded when the shopper opens it, at most 35 KB gzipped with its CSS.
 *
 * Exits 1 past any budget, naming the files. `--dashboard <dist folder>` and `--widget <assets
 * folder>` check other builds than the repository's (the tests check an oversized copy).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values: folders } = parseArgs({ options: { dashboard: { type: 'string' }, widget: { type: 'string' } } });
const dist = folders.dashboard ? resolve(folders.dashboard) : fileURLToPath(new URL('../clients/dashboard/dist/', import.meta.url));
/** KB gzipped at the level a CDN or the gateway's compression would use at most. */
const gzippedKb = (path) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;
const BUDGET_KB = 200;
/** The page a merchant lands on, as the manifest keys it. */
const FIRST_PAGE = 'src/pages/overview/overview-page.tsx';

const manifestFile = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error('size: no dashboard build; run `npm run build` first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entry || !manifest[FIRST_PAGE]) {
  console.error(`size: the manifest has no entry or no ${FIRST_PAGE}`);
  process.exit(1);
}

const initial = new Set();
const visit = (key) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit(entry);
visit(FIRST_PAGE);
// A Spanish or French merchant's first screen also waits for Polaris's strings in that language
// (root.tsx loads them before rendering): the larger of the two counts.
const locales = Object.keys(manifest).filter((key) => /polaris\/locales\/[a-z]{2}\.json$/.test(key));
if (locales.length === 0) {
  console.error("size: the manifest has no Polaris locale chunk; root.tsx's loading of es/fr changed, so this check must too");
  process.exit(1);
}
const chunkKb = (key) => gzippedKb(join(dist, manifest[key].file));
visit(locales.reduce((a, b) => (chunkKb(a) >= chunkKb(b) ? a : b)));

const rows = [...initial].map((key) => ({ file: manifest[key].file, kb: chunkKb(key) })).sort((a, b) => b.kb - a.kb);
const total = rows.reduce((sum, row) => sum + row.kb, 0);
const lazy = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js') && !rows.some((row) => row.file === chunk.file));
const lazyKb = lazy.reduce((sum, chunk) => sum + gzippedKb(join(dist, chunk.file)), 0);

for (const row of rows) console.log(`  ${row.kb.toFixed(1).padStart(7)} KB gz  ${row.file}`);
console.log(`dashboard initial JS: ${total.toFixed(1)} KB gzipped of ${BUDGET_KB} KB (${rows.length} chunks); loaded later: ${lazyKb.toFixed(1)} KB in ${lazy.length} chunks`);
let failed = false;
if (total > BUDGET_KB) {
  console.error(`size: the dashboard's initial JavaScript is ${total.toFixed(1)} KB gzipped, past its ${BUDGET_KB} KB budget`);
  failed = true;
}

const widgetAssets = folders.widget ? resolve(folders.widget) : fileURLToPath(new URL('../extensions/loyalnest-widget/assets/', import.meta.url));
const WIDGET_BUDGETS = [
  { name: 'widget launcher', files: ['loyalnest-launcher.js'], kb: 10 },
  { name: 'widget panel (JS + CSS)', files: ['loyalnest-panel.js', 'loyalnest-panel.css'], kb: 35 },
];
for (const budget of WIDGET_BUDGETS) {
  const missing = budget.files.filter((file) => !existsSync(join(widgetAssets, file)));
  if (missing.length) {
    console.error(`size: no widget build (${missing.join(', ')}); run \`npm run build\` first`);
    failed = true;
    continue;
  }
  const sizes = budget.files.map((file) => ({ file, kb: gzippedKb(join(widgetAssets, file)) }));
  const sum = sizes.reduce((acc, size) => acc + size.kb, 0);
  for (const size of sizes) console.log(`  ${size.kb.toFixed(1).padStart(7)} KB gz  ${size.file}`);
  console.log(`${budget.name}: ${sum.toFixed(1)} KB gzipped of ${budget.kb} KB`);
  if (sum > budget.kb) {
    console.error(`size: the ${budget.name} is ${sum.toFixed(1)} KB gzipped, past its ${budget.kb} KB budget (${budget.files.join(', ')})`);
    failed = true;
  }
}
if (failed) process.exit(1);
