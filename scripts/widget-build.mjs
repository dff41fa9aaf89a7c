/**
 * Builds the storefront widget (clients/widget, Vite) into the theme app extension's assets:
 * extensions/loyalnest-widget/assets/loyalnest-launcher.js, loyalnest-panel.js and
 * loyalnest-panel.css (gitignored; `shopify app deploy` uploads them with the extension).
 * `npm run build` always builds it; `npm start` and `npm test` only when stale (`--if-stale`, see
 * vite-build.mjs).
 */
import { join } from 'node:path';
import { ROOT, runIfMain, viteBuild } from './vite-build.mjs';

const assets = join(ROOT, 'extensions', 'loyalnest-widget', 'assets');
const WIDGET_ASSETS = ['loyalnest-launcher.js', 'loyalnest-panel.js', 'loyalnest-panel.css'].map((name) => join(assets, name));

const { isStale, build } = viteBuild({
  name: 'widget',
  pkg: '@loyalnest/widget',
  dir: join(ROOT, 'clients', 'widget'),
  sources: ['src', 'vite.config.ts', 'package.json'],
  outputs: WIDGET_ASSETS,
});

export { isStale as widgetIsStale, build as buildWidget };

runIfMain(import.meta.url, build);
