/**
 * `npm run size`: the dashboard's budget (DESIGN.md, "Frontends"), checked on the build in
 * clients/dashboard/dist. Initial JavaScript is what the browser fetches before the first screen
 * shows: the entry script, the page opened first (the overview), Polaris's strings for a Spanish
 * or French merchant, and every chunk those import statically, gzipped as the gateway sends them. Charts and other pages load later and are not
 * counted. Exits 1 past the budget, naming the chunks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../clients/dashboard/dist/', import.meta.url));
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
const largestLocale = locales.reduce((a, b) => (gzipSync(readFileSync(join(dist, manifest[a].file))).length >= gzipSync(readFileSync(join(dist, manifest[b].file))).length ? a : b));
visit(largestLocale);

const gzippedKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const rows = [...initial].map((key) => ({ file: manifest[key].file, kb: gzippedKb(manifest[key].file) })).sort((a, b) => b.kb - a.kb);
const total = rows.reduce((sum, row) => sum + row.kb, 0);
const lazy = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js') && !rows.some((row) => row.file === chunk.file));
const lazyKb = lazy.reduce((sum, chunk) => sum + gzippedKb(chunk.file), 0);

for (const row of rows) console.log(`  ${row.kb.toFixed(1).padStart(7)} KB gz  ${row.file}`);
console.log(`dashboard initial JS: ${total.toFixed(1)} KB gzipped of ${BUDGET_KB} KB (${rows.length} chunks); loaded later: ${lazyKb.toFixed(1)} KB in ${lazy.length} chunks`);
if (total > BUDGET_KB) {
  console.error(`size: the dashboard's initial JavaScript is ${total.toFixed(1)} KB gzipped, past its ${BUDGET_KB} KB budget`);
  process.exit(1);
}
