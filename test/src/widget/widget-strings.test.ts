import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_KEYS } from '../../../clients/widget/src/shared/error-words.js';
import { interpolate, translator } from '../../../clients/widget/src/shared/strings.js';

/**
 * The widget's strings live in the theme extension's locale files and reach the page through
 * snippets/loyalnest-strings.liquid (Liquid's `t` per key). A key missing from the snippet, or from
 * a language, shows the shopper a raw key; these checks keep the three in step with the code.
 */
const extension = fileURLToPath(new URL('../../../extensions/loyalnest-widget/', import.meta.url));
const widgetSrc = fileURLToPath(new URL('../../../clients/widget/src/', import.meta.url));
const locale = (name: string) => (JSON.parse(readFileSync(join(extension, 'locales', `${name}.json`), 'utf8')) as { loyalnest: Record<string, string> }).loyalnest;
const en = locale('en.default');
const snippet = readFileSync(join(extension, 'snippets', 'loyalnest-strings.liquid'), 'utf8');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Every `t('key'…)` call in the widget's sources. */
function keysUsedInCode(): string[] {
  const keys = new Set<string>();
  for (const entry of readdirSync(widgetSrc, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.parentPath.includes('generated')) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of source.matchAll(/\bt\(\s*'([a-z_]+)'/g)) keys.add(match[1]!);
    // t(done ? 'copied' : 'copy_failed') and the like.
    for (const match of source.matchAll(/\bt\(\s*\w+ \? '([a-z_]+)' : '([a-z_]+)'/g)) keys.add(match[1]!).add(match[2]!);
  }
  return [...keys].sort();
}

describe('widget strings', () => {
  it('prints every English key in the snippet, each through t under its own name', () => {
    const printed = [...snippet.matchAll(/^\s*"([a-z_]+)": \{\{ 'loyalnest\.([a-z_]+)' \| t \| json \}\},?$/gm)];
    expect(printed.map((match) => match[1])).toEqual(printed.map((match) => match[2]));
    expect(printed.map((match) => match[1]).sort()).toEqual(Object.keys(en).sort());
  });

  it('renders the snippet to one JSON object of every string', () => {
    // Liquid's `t | json` as the theme renders it: the translation as a JSON string.
    const rendered = snippet
      .replace(/\{%-? comment -?%\}[\s\S]*?\{%-? endcomment -?%\}/, '')
      .replace(/\{\{ 'loyalnest\.([a-z_]+)' \| t \| json \}\}/g, (_whole, key: string) => JSON.stringify(en[key]));
    expect(JSON.parse(rendered)).toEqual(en);
  });

  it.each(['es', 'fr'])('has exactly the English keys, with the same placeholders, in %s', (name) => {
    const strings = locale(name);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(strings[key]).not.toBe('');
      expect([key, placeholders(strings[key]!)]).toEqual([key, placeholders(en[key]!)]);
    }
  });

  it('has a string for every key the code asks for, error sentences included', () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((key) => !(key in en))).toEqual([]);
    expect(ERROR_KEYS.filter((key) => !(key in en))).toEqual([]);
  });
});

describe('widget interpolation', () => {
  it('fills each {name} and leaves unknown placeholders visible', () => {
    expect(interpolate('{count} more to reach {tier}', { count: '1,250', tier: 'Gold' })).toBe('1,250 more to reach Gold');
    expect(interpolate('{count} points', { count: 0 })).toBe('0 points');
    expect(interpolate('{name}: {count}', { count: 5 })).toBe('{name}: 5');
  });

  it('reads a value as text, not as a pattern', () => {
    expect(interpolate('Code {code}', { code: '$& {code} $1' })).toBe('Code $& {code} $1');
  });

  it('translates through the strings, falling back to the key', () => {
    const t = translator({ missing: 'Encore {count} points' });
    expect(t('missing', { count: 250 })).toBe('Encore 250 points');
    expect(t('nope')).toBe('nope');
  });
});
