import react from '@vitejs/plugin-react';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a gzipped copy beside every script, style and page of the build: the gateway sends it to
 * browsers that accept gzip, and the size check reads the same bytes it measures.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'loyalnest-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (!entry.isFile() || !/\.(js|css|html|json)$/.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        await writeFile(`${file}.gz`, gzipSync(await readFile(file), { level: 9 }));
      }
    },
  };
}

/** Served by the gateway under /app; the manifest tells the size check which chunks load first. */
export default defineConfig({
  base: '/app/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npm run dev --prefix clients/dashboard` beside `npm start`: the API and the dev session come from the gateway.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true }, '/app/dev-session': 'http://127.0.0.1:4000' },
  },
});
