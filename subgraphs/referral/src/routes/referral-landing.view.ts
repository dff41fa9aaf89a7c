/**
 * The referral link's landing page for a browser: a Liquid answer Shopify's app proxy renders
 * inside the shop's theme (so the theme's app embed, the widget, is on the page). It holds one
 * element the widget looks for, `#loyalnest-referral`, carrying the link's JSON answer in
 * `data-offer`, and a heading and a line of text for a visitor without the widget (scripts off,
 * the embed disabled). The text is English: the widget shows the shopper's language, and an app
 * proxy page cannot read the app extension's locale files.
 */

/** The JSON a referral link answers a client that asks for JSON (`{ code, enabled, offer }`). */
export type ReferralLinkAnswer = Record<string, unknown>;

/** What the page says, by outcome. */
const TEXTS = {
  offer: ['A gift from a friend', 'Your friend shared a discount with you: claim it for your first order.'],
  paused: ['Referrals are paused', 'This shop is not taking referrals right now.'],
  error: ['This referral link does not work', 'Check the link with the friend who sent it.'],
  unavailable: ['The offer cannot be shown right now', 'Open the link again in a moment.'],
} as const;

/**
 * Escapes a value for a quoted HTML attribute, and for Liquid: Shopify renders the page as a
 * Liquid template before the browser reads it, so `{{` or `{%` in a value would run as Liquid.
 * Braces become character references, which the browser turns back into braces in the attribute.
 */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"'{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function element(attributes: Record<string, string>, [heading, line]: readonly [string, string]): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}='${escapeAttribute(value)}'`)
    .join('');
  return `<div id="loyalnest-referral"${attrs}>\n  <h1>${heading}</h1>\n  <p>${line}</p>\n</div>\n`;
}

/** A known code: the offer (or that the program is off) in `data-offer`, as the JSON answer has it. */
export function referralLandingPage(code: string, answer: ReferralLinkAnswer & { enabled: boolean }): string {
  return element({ 'data-code': code, 'data-offer': JSON.stringify(answer) }, answer.enabled ? TEXTS.offer : TEXTS.paused);
}

/** A link that leads nowhere: the error code the JSON answer would have, and no offer. */
export function referralLandingError(code: string, error: string): string {
  return element({ 'data-code': code, 'data-error': error }, error === 'UNAVAILABLE' ? TEXTS.unavailable : TEXTS.error);
}
