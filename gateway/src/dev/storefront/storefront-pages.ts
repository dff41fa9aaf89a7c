import type { ThemeCustomer } from './storefront-theme.js';

/** The stand-in's pages: a theme's layout around each, as a shop's storefront would look. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A theme's CSS at its most careless: global rules on `*`, `div`, `button` and `input`, some with
 * `!important`, inherited properties (font, color, spacing) set on the body, and the root font size
 * at 62.5 % as Dawn sets it (a widget sized in rem would shrink). The widget must look the same
 * under them: its shadow root keeps the rules out, and it must reset what is inherited.
 */
const HOSTILE_THEME_CSS = `
* { box-sizing: content-box; letter-spacing: 0.06em; }
html { font-size: 62.5%; }
body { margin: 0; font-size: 1.8rem; font-family: Georgia, "Times New Roman", serif; color: #3b2f2f; line-height: 2.1; background: #fbf7f0; text-transform: none; }
div { border-radius: 0; outline: 1px dotted rgba(160, 60, 60, 0.25); }
button, [role="button"] { background: #ff2d95 !important; color: #ffff00 !important; font-size: 26px !important; padding: 18px 40px !important; border: 4px solid #000 !important; border-radius: 0 !important; text-transform: uppercase !important; }
input { border: 3px double #a00 !important; font-size: 24px !important; }
a { color: #8a2be2; text-decoration: underline wavy; }
[role="dialog"], dialog { max-width: 200px !important; }
header.site { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; padding: 12px 16px; background: #2f1b0c; color: #fff; }
header.site a { color: #fff; }
main { padding: 24px 16px 120px; }
.products { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 24px; }
.product { background: #fff; padding: 16px; }
.product .swatch { height: 120px; }
`;

const PRODUCTS = [
  { title: 'Linen apron', price: 3400, color: '#c9b79c' },
  { title: 'Stoneware mug', price: 1800, color: '#7a8b99' },
  { title: 'Beeswax candle', price: 2200, color: '#e8c15a' },
  { title: 'Olive wood spoon', price: 1500, color: '#8b6b3e' },
  { title: 'Wool throw', price: 8900, color: '#a3473c' },
  { title: 'Tea towel set', price: 2600, color: '#5d7f63' },
];

export interface LayoutOptions {
  title: string;
  shopName: string;
  locale: string;
  customer: ThemeCustomer | null;
  /** The rendered app embed, at the end of the body as Shopify places `"target": "body"` blocks; null without it. */
  embed: string | null;
}

export function layout(content: string, { title, shopName, locale, customer, embed }: LayoutOptions): string {
  const account = customer
    ? `<span>Signed in as ${escapeHtml(customer.name)}</span> <a href="/account/logout">Sign out</a>`
    : `<a href="/account/login">Sign in</a>`;
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} – ${escapeHtml(shopName)}</title>
<style>${HOSTILE_THEME_CSS}</style>
</head>
<body>
<header class="site"><a href="/"><strong>${escapeHtml(shopName)}</strong></a><a href="/cart">Cart</a>${account}</header>
<main>
${content}
</main>
${embed ?? ''}
</body>
</html>
`;
}

export function homePage(currency: string, locale: string): string {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const products = PRODUCTS.map(
    (p) => `<div class="product"><div class="swatch" style="background:${p.color}"></div><h2>${escapeHtml(p.title)}</h2><p>${escapeHtml(money.format(p.price / 100))}</p><button type="button">Add to cart</button></div>`,
  ).join('\n');
  return `<h1>New this season</h1>
<p>Handmade goods for the kitchen and the home. Members earn points on every order.</p>
<div class="products">
${products}
</div>`;
}

export function loginPage(customers: ThemeCustomer[], returnTo: string): string {
  const links = customers
    .map((c) => `<li><a href="/account/login?customer=${encodeURIComponent(c.shopifyId)}&amp;return_to=${encodeURIComponent(returnTo)}">${escapeHtml(c.name)}</a> (customer ${escapeHtml(c.shopifyId)})</li>`)
    .join('\n');
  return `<h1>Sign in</h1>
<p>This storefront stands in for the shop's, in development: choose a shopper to sign in as. Shopify would ask for a password.</p>
<ul>
${links || '<li>No shoppers to sign in as.</li>'}
</ul>`;
}

export function registerPage(): string {
  return `<h1>Create an account</h1>
<p>Accounts are the shop's existing shoppers here: <a href="/account/login">sign in as one</a>.</p>`;
}

export function cartPage(code: string | null): string {
  return `<h1>Your cart</h1>
<p data-testid="cart-discount">${code ? `Discount code applied: <strong>${escapeHtml(code)}</strong>` : 'No discount code applied.'}</p>`;
}
