import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** docs/partners.md, as partners read it. */
export function partnersDoc(): string {
  return readFileSync(new URL('../../../docs/partners.md', import.meta.url), 'utf8');
}

/**
 * The fenced code block right after the HTML comment that mentions `marker` (only blank lines
 * between them). The comment is how the doc says which block a test runs, so moving or rewording
 * the block keeps it under test, and losing the comment fails loudly rather than testing nothing.
 */
export function codeBlockAfter(markdown: string, marker: string): { lang: string; code: string } {
  const lines = markdown.split('\n');
  const at = lines.findIndex((line) => line.trimStart().startsWith('<!--') && line.includes(marker));
  if (at < 0) throw new Error(`no <!-- … ${marker} … --> comment in the document`);
  let open = at + 1;
  while (open < lines.length && lines[open].trim() === '') open++;
  const fence = /^(`{3,})(\w*)\s*$/.exec(lines[open] ?? '');
  if (!fence) throw new Error(`the comment mentioning ${marker} is not followed by a fenced code block`);
  const close = lines.findIndex((line, i) => i > open && line.trim() === fence[1]);
  if (close < 0) throw new Error(`the code block after ${marker} is never closed`);
  return { lang: fence[2], code: lines.slice(open + 1, close).join('\n') };
}

/** The signature check as docs/partners.md prints it: `(rawBody, signature header, secret, now in unix seconds?) => boolean`. */
export type DocumentedVerify = (rawBody: Buffer | string, signature: unknown, secret: unknown, nowSeconds?: number) => boolean;

/**
 * Loads the documented verification snippet the way a partner would use it: the block copied
 * verbatim into a file of its own and imported by Node, with nothing added around it.
 */
export async function documentedVerify(): Promise<{ verify: DocumentedVerify; source: string }> {
  const { lang, code } = codeBlockAfter(partnersDoc(), 'webhook-signature-docs.test.ts');
  if (lang !== 'js') throw new Error(`the verification snippet is fenced as ${lang || 'plain text'}, not js`);
  const dir = mkdtempSync(join(tmpdir(), 'loyalnest-docs-'));
  try {
    const file = join(dir, 'verify-loyalnest-webhook.mjs');
    writeFileSync(file, code);
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const verify = module.verifyLoyalNestWebhook;
    if (typeof verify !== 'function') throw new Error('the snippet does not export verifyLoyalNestWebhook');
    return { verify: verify as DocumentedVerify, source: code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
