/**
 * `npm run theme-check`: Shopify's theme check (the checks `shopify app deploy` and the Theme Store
 * apply) on the widget's theme app extension, with its theme-app-extension rules (chosen because the
 * folder holds a shopify.extension.toml): app block tags and schema, the 10 KB script and 100 KB
 * stylesheet lines for assets, parser-blocking scripts, translations, Liquid syntax. The assets are
 * checked as built, so build the widget first. Prints every offense; exits 1 if any is an error.
 * `node scripts/theme-check.mjs [folder]` checks another folder (the tests check a broken copy).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WIDGET_EXTENSION = resolve(root, 'extensions', 'loyalnest-widget');

// The package is a dependency of the test package (whose test runs this check); the repository's
// root has no dependencies of its own to resolve it from.
const require = createRequire(resolve(root, 'test', 'package.json'));
const themeCheckEntry = require.resolve('@shopify/theme-check-node');
// Theme check first tries to download Shopify's latest Liquid docs from GitHub, then falls back to the
// copy its docs package ships with. Pointing it at that copy makes the check offline and the same on
// every machine (the build machines reach no GitHub), and saves a network timeout per run.
process.env.SHOPIFY_TLD_ROOT ??= dirname(createRequire(themeCheckEntry).resolve('@shopify/theme-check-docs-updater/package.json'));
const { themeCheckRun, Severity } = require(themeCheckEntry);

const SEVERITY_NAMES = { [Severity.ERROR]: 'error', [Severity.WARNING]: 'warning', [Severity.INFO]: 'info' };

/** 1-based line and column of a character index (theme check's own lines are 0 in some files). */
function lineAndColumn(path, index) {
  const before = readFileSync(path, 'utf8').slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

/**
 * The offenses in `folder`, each with its file relative to the folder, its 1-based line and column,
 * and its severity by name.
 */
export async function themeCheck(folder = WIDGET_EXTENSION) {
  const absolute = resolve(folder);
  const { offenses } = await themeCheckRun(absolute);
  return offenses
    .map((o) => {
      const path = fileURLToPath(o.uri);
      return {
        file: relative(absolute, path),
        ...lineAndColumn(path, o.start.index),
        severity: SEVERITY_NAMES[o.severity] ?? String(o.severity),
        check: o.check,
        message: o.message,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatOffense(o) {
  return `${o.file}:${o.line}:${o.column} ${o.severity} ${o.check}: ${o.message}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? WIDGET_EXTENSION;
  const offenses = await themeCheck(folder);
  for (const offense of offenses) console.log(formatOffense(offense));
  const errors = offenses.filter((o) => o.severity === 'error').length;
  console.log(`theme check: ${relative(process.cwd(), resolve(folder)) || '.'}: ${offenses.length} offense(s), ${errors} error(s)`);
  process.exit(errors ? 1 : 0);
}
