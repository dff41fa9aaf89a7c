/**
 * The shopper-facing strings: the theme prints them once as JSON (`#loyalnest-strings`, rendered
 * by snippets/loyalnest-strings.liquid through Liquid's `t`, so the merchant's storefront language
 * and any theme-editor overrides apply). Keys are those of locales/en.default.json under
 * `loyalnest.`, without the prefix. Placeholders are `{name}`, which Liquid's `t` leaves alone.
 */
export type Strings = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The strings the embed printed; none (every key shows as itself) when the element is missing or broken. */
export function readStrings(doc: Document): Strings {
  try {
    const parsed: unknown = JSON.parse(doc.getElementById('loyalnest-strings')?.textContent ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Strings) : {};
  } catch {
    return {};
  }
}

/** Replaces each `{name}` with its value; an unknown placeholder stays as written, so a gap is visible, not blank. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(strings: Strings): Translate {
  return (key, vars) => interpolate(strings[key] ?? key, vars);
}
