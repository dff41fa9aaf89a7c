/**
 * Two builds into the theme app extension's assets (Shopify serves them from its CDN through
 * `asset_url`), one per mode: `vite build --mode launcher` (a classic-script IIFE, on every page)
 * and `vite build --mode panel` (one ES module the launcher imports, plus its stylesheet). The
 * panel is one file on purpose: a theme extension's assets are a flat folder and each further
 * chunk would be one more round trip before the panel shows.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const outDir = fileURLToPath(new URL('../../extensions/loyalnest-widget/assets', import.meta.url));

export default defineConfig(({ mode }) => ({
  // Only what the bundles import: no index.html, no public/ folder.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir,
    // The folder is shared by both builds (and by nothing else but gitignored output).
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib:
      mode === 'launcher'
        ? { entry: 'src/launcher/loyalnest-launcher.ts', formats: ['iife'], name: 'loyalnestLauncher', fileName: () => 'loyalnest-launcher.js' }
        : { entry: 'src/panel/loyalnest-panel.ts', formats: ['es'], fileName: () => 'loyalnest-panel.js', cssFileName: 'loyalnest-panel' },
    rolldownOptions: {
      // Codegen's documents are `new TypedDocumentString(...)`, which a bundler must otherwise keep:
      // marked pure, each bundle carries only the documents it sends.
      treeshake: { manualPureFunctions: ['TypedDocumentString'] },
      // Library mode leaves an ES module's whitespace for the app that bundles it; the storefront
      // loads this file as is, so it is minified in full.
      output: { minify: true },
    },
  },
}));
