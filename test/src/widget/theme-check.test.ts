import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXTENSION = join(ROOT, 'extensions', 'loyalnest-widget');
const EMBED = join('blocks', 'loyalnest-embed.liquid');

/** `node scripts/theme-check.mjs <folder>`, as CI and people run it. */
function runThemeCheck(folder: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'theme-check.mjs'), folder], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of the extension (its built assets included) in a folder of its own, changed by `change`. */
function brokenCopy(change: (folder: string) => void): string {
  const folder = mkdtempSync(join(tmpdir(), 'loyalnest-widget-'));
  cpSync(EXTENSION, folder, { recursive: true });
  change(folder);
  return folder;
}

function edit(folder: string, file: string, change: (text: string) => string): void {
  const path = join(folder, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  // A replacement that matched nothing would let the test pass on the untouched copy.
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

/**
 * Shopify's theme check on the widget's theme app extension, with the rules `shopify app deploy`
 * applies to one. The extension's assets are the widget's build (jest's global setup builds it).
 */
describe('theme check: the widget theme app extension', () => {
  it('finds no offense in the extension', () => {
    const { status, output } = runThemeCheck(EXTENSION);
    expect(output).toContain('0 offense(s), 0 error(s)');
    expect(status).toBe(0);
  });

  describe('fails a broken copy, naming the check', () => {
    const folders: string[] = [];
    afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
    const check = (change: (folder: string) => void) => {
      const folder = brokenCopy(change);
      folders.push(folder);
      return runThemeCheck(folder);
    };

    it('a parser-blocking launcher script (no defer)', () => {
      const { status, output } = check((f) => edit(f, EMBED, (t) => t.replace(' defer></script>', '></script>')));
      expect(status).toBe(1);
      expect(output).toMatch(/blocks\/loyalnest-embed\.liquid:\d+:1 error ParserBlockingScript/);
    });

    it('a setting label with no translation in the default schema locale', () => {
      const { status, output } = check((f) => edit(f, EMBED, (t) => t.replace('settings.placement.label"', 'settings.placement.caption"')));
      expect(status).toBe(1);
      expect(output).toContain("error ValidSchemaTranslations: 't:blocks.loyalnest_embed.settings.placement.caption'");
    });

    it('a schema translation Spanish lacks', () => {
      const { status, output } = check((f) =>
        edit(f, join('locales', 'es.schema.json'), (t) => {
          const strings = JSON.parse(t);
          delete strings.blocks.loyalnest_embed.settings.launcher_text.info;
          return JSON.stringify(strings, null, 2);
        }),
      );
      expect(status).toBe(1);
      expect(output).toContain("locales/es.schema.json:");
      expect(output).toContain("error MatchingTranslations: The translation for 'blocks.loyalnest_embed.settings.launcher_text.info' is missing");
    });

    it('an asset the block names that the build did not write', () => {
      const { status, output } = check((f) => rmSync(join(f, 'assets', 'loyalnest-launcher.js')));
      expect(status).toBe(1);
      expect(output).toContain("error MissingAsset: 'assets/loyalnest-launcher.js' does not exist");
    });
  });
});

/** What theme check does not look at offline (the settings' JSON schema): the contract's settings. */
describe('the app embed block schema', () => {
  const source = readFileSync(join(EXTENSION, EMBED), 'utf8');
  const schema = JSON.parse(/\{%\s*schema\s*%\}([\s\S]*?)\{%\s*endschema\s*%\}/.exec(source)![1]) as {
    target: string;
    settings: { id: string; type: string; default?: string; options?: { value: string }[] }[];
  };
  const byId = Object.fromEntries(schema.settings.map((s) => [s.id, s]));

  it('is an app embed in the body with the settings the widget reads', () => {
    expect(schema.target).toBe('body');
    expect(schema.settings.map((s) => [s.id, s.type])).toEqual([
      ['placement', 'select'],
      ['accent_color', 'color'],
      ['text_color', 'color'],
      ['launcher_text', 'text'],
    ]);
    expect(byId.placement.options!.map((o) => o.value)).toEqual(['bottom-right', 'bottom-left']);
    expect(byId.placement.default).toBe('bottom-right');
    expect(byId.accent_color.default).toMatch(/^#[0-9a-f]{6}$/i);
    expect(byId.text_color.default).toMatch(/^#[0-9a-f]{6}$/i);
    expect(byId.launcher_text.default).toBeUndefined();
  });

  it('has every label in English, Spanish and French', () => {
    const labels = [...JSON.stringify(schema).matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThanOrEqual(8);
    for (const locale of ['en.default', 'es', 'fr']) {
      const strings = JSON.parse(readFileSync(join(EXTENSION, 'locales', `${locale}.schema.json`), 'utf8')) as Record<string, unknown>;
      for (const key of labels) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
        expect({ locale, key, value: typeof value === 'string' && value.trim() !== '' }).toEqual({ locale, key, value: true });
      }
    }
  });
});
