import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Migrates the test databases once per run, through the same CLI operators use. */
export default function globalSetup() {
  const gateway = fileURLToPath(new URL('../gateway/', import.meta.url));
  const result = spawnSync('pnpm', ['--silent', 'migrate'], {
    cwd: gateway,
    env: { ...process.env, DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'loyalnest_test', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrating the test databases failed (exit ${result.status})`);
}
