import { Liquid } from 'liquidjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The widget's theme app extension in this repository: what the stand-in renders by default. */
export const WIDGET_EXTENSION_DIR = fileURLToPath(new URL('../../../../extensions/loyalnest-widget/', import.meta.url));

/** Where the stand-in serves the extension's assets, as Shopify's CDN serves an app's. */
export const ASSET_PATH = '/cdn/extensions/loyalnest-widget/assets/';

const EMBED_BLOCK = join('blocks', 'loyalnest-embed.liquid');
const SCHEMA_TAG = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/;

interface SchemaSetting {
  id: string;
  type: string;
  default?: string;
  options?: { value: string }[];
}

/** The block settings a page renders the embed with: the schema's defaults, some overridden. */
export type EmbedSettings = Record<string, string>;

/** The signed-in shopper, as Liquid's `customer` object shows them (null: a guest). */
export interface ThemeCustomer {
  shopifyId: string;
  name: string;
}

/** What one page's Liquid sees: Shopify's global objects, as far as the embed and proxy pages use them. */
export interface ThemeRequest {
  locale: string;
  customer: ThemeCustomer | null;
  settings: EmbedSettings;
}

/**
 * Shopify's theme rendering, as far as the widget's app embed needs it: the extension's real block
 * file through liquidjs, with Shopify's `t` (the extension's locale files) and `asset_url` filters,
 * `{% render %}` of its snippets, and the globals the block reads. It reads the files on every page,
 * so a rebuilt widget or an edited block shows on the next reload.
 */
export class StorefrontTheme {
  private readonly liquid: Liquid;

  constructor(
    private readonly extensionDir: string,
    private readonly shop: { domain: string; name: string; currency: string },
  ) {
    // Shopify's `render` isolates a snippet from the caller's variables but not from the globals;
    // liquidjs does the same with the render's `globals`, which is where the page's objects go.
    this.liquid = new Liquid({ partials: [join(extensionDir, 'snippets')], extname: '.liquid', cache: false, strictFilters: true, ownPropertyOnly: true, relativeReference: false });
    const theme = this;
    this.liquid.registerFilter('t', function (this: { context: { getSync(path: PropertyKey[]): unknown } }, key: unknown, ...named: unknown[]) {
      const locale = String(this.context.getSync(['request', 'locale', 'iso_code']) ?? 'en');
      return theme.translate(locale, String(key), Object.fromEntries(named.filter(Array.isArray) as [string, unknown][]));
    });
    // Shopify's escape (Ruby's CGI.escapeHTML): `&quot;` and `&#39;`, where liquidjs writes `&#34;`.
    this.liquid.registerFilter('escape', (value: unknown) => escapeLikeShopify(value));
    this.liquid.registerFilter('asset_url', (file: unknown) => `${ASSET_PATH}${encodeURIComponent(String(file))}`);
  }

  /** The embed block's settings schema: its `{% schema %}` JSON, read from the block file. */
  schemaSettings(): SchemaSetting[] {
    const match = SCHEMA_TAG.exec(readFileSync(join(this.extensionDir, EMBED_BLOCK), 'utf8'));
    if (!match) throw new Error(`${EMBED_BLOCK} has no {% schema %}`);
    return (JSON.parse(match[1]) as { settings?: SchemaSetting[] }).settings ?? [];
  }

  /**
   * The schema's defaults with `overrides` where they are values a merchant could choose in the theme
   * editor (an option of a select, a hex color); anything else keeps the default, as the editor would.
   */
  settings(overrides: Record<string, string | undefined>): EmbedSettings {
    const settings: EmbedSettings = {};
    for (const setting of this.schemaSettings()) {
      const given = overrides[setting.id];
      settings[setting.id] = given !== undefined && isChoosable(setting, given) ? given : (setting.default ?? '');
    }
    return settings;
  }

  /** The app embed as Shopify renders it at the end of the page's body. */
  async renderEmbed(request: ThemeRequest): Promise<string> {
    // The schema is JSON for the theme editor, not Liquid: Shopify renders the block without it.
    const source = readFileSync(join(this.extensionDir, EMBED_BLOCK), 'utf8').replace(SCHEMA_TAG, '');
    return this.render(source, request, { block: { settings: request.settings } });
  }

  /** Any Liquid (an app proxy's `application/liquid` answer) with the page's objects. */
  render(source: string, request: ThemeRequest, scope: Record<string, unknown> = {}): Promise<string> {
    return this.liquid.parseAndRender(source, scope, { globals: this.globals(request) });
  }

  private globals({ locale, customer }: ThemeRequest): Record<string, unknown> {
    return {
      request: { locale: { iso_code: locale }, design_mode: false },
      shop: { name: this.shop.name, permanent_domain: this.shop.domain, currency: this.shop.currency },
      customer: customer && { id: Number(customer.shopifyId) || customer.shopifyId, name: customer.name, first_name: customer.name.split(' ')[0] },
      routes: { root_url: '/', cart_url: '/cart', account_url: '/account', account_login_url: '/account/login', account_logout_url: '/account/logout', account_register_url: '/account/register' },
    };
  }

  /**
   * Shopify's `t`: the key in the shopper's language's locale file, else in the default one
   * (`en.default.json`), else Shopify's own "translation missing" text; `{{ name }}` replaced by the
   * filter's named arguments. `{name}` (one brace) is left alone, for the widget to fill in.
   */
  translate(locale: string, key: string, named: Record<string, unknown> = {}): string {
    const found = this.lookup(`${locale}.json`, key) ?? this.lookup('en.default.json', key);
    if (found === undefined) return `translation missing: ${locale}.${key}`;
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in named ? String(named[name]) : whole));
  }

  private lookup(file: string, key: string): string | undefined {
    const path = join(this.extensionDir, 'locales', file);
    if (!existsSync(path)) return undefined;
    const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), JSON.parse(readFileSync(path, 'utf8')));
    return typeof value === 'string' ? value : undefined;
  }
}

const SHOPIFY_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeLikeShopify(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => SHOPIFY_ESCAPES[c]);
}

function isChoosable(setting: SchemaSetting, value: string): boolean {
  switch (setting.type) {
    case 'select':
    case 'radio':
      return (setting.options ?? []).some((o) => o.value === value);
    case 'color':
      return /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value);
    default:
      return true;
  }
}
