import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ASSETS = join(ROOT, 'extensions', 'loyalnest-widget', 'assets');

/** `node scripts/size-check.mjs …`, as CI runs it (`npm run size`). */
function runSizeCheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'size-check.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The suite's global setup builds the dashboard and the widget when stale, so both builds are here.
describe('the size check (npm run size)', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  /** The widget's built assets in a folder of their own, `grow` then appended to `file`. */
  function assetsWith(file: string, grow: Buffer): string {
    const folder = mkdtempSync(join(tmpdir(), 'loyalnest-assets-'));
    copies.push(folder);
    cpSync(ASSETS, folder, { recursive: true });
    appendFileSync(join(folder, file), grow);
    return folder;
  }
  // Random text does not compress: 16 KB of it stays past 10 KB gzipped.
  const incompressible = (kb: number) => Buffer.from(`/*${randomBytes(kb * 1024).toString('base64')}*/\n`);

  it('passes the builds as they are, printing each budget', () => {
    const { status, stdout, stderr } = runSizeCheck();

    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/dashboard initial JS: [\d.]+ KB gzipped of 200 KB/);
    expect(stdout).toMatch(/widget launcher: [\d.]+ KB gzipped of 10 KB/);
    expect(stdout).toMatch(/widget panel \(JS \+ CSS\): [\d.]+ KB gzipped of 35 KB/);
  });

  it('exits 1 when the launcher is past its 10 KB, naming it', () => {
    const { status, stderr } = runSizeCheck('--widget', assetsWith('loyalnest-launcher.js', incompressible(16)));

    expect(status).toBe(1);
    expect(stderr).toMatch(/^size: the widget launcher is [\d.]+ KB gzipped, past its 10 KB budget \(loyalnest-launcher\.js\)$/m);
    expect(stderr).not.toMatch(/widget panel/);
  });

  it("exits 1 when the panel's JS and CSS together are past 35 KB, though each alone is under", () => {
    const folder = assetsWith('loyalnest-panel.js', incompressible(20));
    appendFileSync(join(folder, 'loyalnest-panel.css'), incompressible(20));

    const { status, stderr } = runSizeCheck('--widget', folder);

    expect(status).toBe(1);
    expect(stderr).toMatch(/^size: the widget panel \(JS \+ CSS\) is [\d.]+ KB gzipped, past its 35 KB budget \(loyalnest-panel\.js, loyalnest-panel\.css\)$/m);
  });

  it('exits 1 when the widget has not been built, saying how to build it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'loyalnest-assets-'));
    copies.push(empty);

    const { status, stderr } = runSizeCheck('--widget', empty);

    expect(status).toBe(1);
    expect(stderr).toContain('size: no widget build (loyalnest-launcher.js); run `npm run build` first');
  });
});
