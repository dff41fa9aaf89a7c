/**
 * The referral landing page (`/apps/loyalnest/r/<code>`, rendered in the theme by Shopify's app
 * proxy with `#loyalnest-referral`): the friend's offer, an email field and the claim, then the
 * friend's discount code. The claim goes through the app proxy (`POST <proxy>/r/<code>/claim`),
 * not the API, so it needs no session.
 */
import type { Formats } from '../shared/format.js';
import { WidgetError } from '../shared/session.client.js';
import type { Translate } from '../shared/strings.js';
import { el } from './dom.js';

/** The offer as the referral route answers it (`{ code, enabled, offer }`), or the offer alone. */
interface OfferJson {
  enabled?: boolean;
  offer?: Offer | null;
}
interface Offer {
  kind?: string;
  value?: string | null;
  minimumOrderAmount?: string | null;
  expiryDays?: number | null;
}

export function offerText(t: Translate, f: Formats, offer: Offer | null | undefined): string {
  if (!offer) return t('offer_generic');
  const kind = String(offer.kind ?? '').toUpperCase();
  const main =
    kind === 'PERCENTAGE' && offer.value
      ? t('offer_percentage', { value: f.number(Number(offer.value)) })
      : kind === 'FIXED_AMOUNT' && offer.value
        ? t('offer_fixed', { amount: f.money(offer.value) })
        : kind === 'FREE_SHIPPING'
          ? t('offer_free_shipping')
          : t('offer_generic');
  return offer.minimumOrderAmount && Number(offer.minimumOrderAmount) > 0 ? `${main} ${t('offer_minimum', { amount: f.money(offer.minimumOrderAmount) })}` : main;
}

export function parseOffer(element: HTMLElement): { code: string; error: string | null; offer: Offer | null } {
  const code = element.dataset.code ?? '';
  if (element.dataset.error) return { code, error: element.dataset.error, offer: null };
  try {
    const json = JSON.parse(element.dataset.offer ?? 'null') as (OfferJson & Offer) | null;
    if (json && json.enabled === false) return { code, error: 'REFERRAL_PROGRAM_DISABLED', offer: null };
    return { code, error: null, offer: json && 'offer' in json ? (json.offer ?? null) : json };
  } catch {
    return { code, error: null, offer: null };
  }
}

export async function claimReferral(proxyPath: string, code: string, email: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${proxyPath}/r/${encodeURIComponent(code)}/claim`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email }),
    });
  } catch {
    throw new WidgetError('NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { discountCode?: string | null; error?: { code?: string; field?: string } } | null;
  if (!response.ok || !body?.discountCode) throw new WidgetError(claimErrorCode(body?.error));
  return body.discountCode;
}

/**
 * The claim route's error as the code the shopper's words are chosen by. REFERRAL_CLAIM_INVALID
 * names its field: only `email` is the friend's to fix; a malformed `code` is a bad link.
 */
export function claimErrorCode(error: { code?: string; field?: string } | undefined): string {
  if (!error?.code) return 'REFERRAL_DISCOUNT_UNAVAILABLE';
  if (error.code !== 'REFERRAL_CLAIM_INVALID' || error.field === undefined || error.field === 'email') return error.code;
  return error.field === 'code' ? 'REFERRAL_CODE_NOT_FOUND' : 'INTERNAL';
}

export function referralView(
  t: Translate,
  f: Formats,
  element: HTMLElement,
  onClaim: (code: string, email: string, form: HTMLFormElement) => void,
  showError: (code: string) => void,
): HTMLElement {
  const { code, error, offer } = parseOffer(element);
  if (error) {
    // Shown after the view is attached, so the alert is announced.
    queueMicrotask(() => showError(error));
    // The dialog's heading already says what this is; the alert says why there is nothing to claim.
    return el('section', { className: 'sec' });
  }
  const input = el('input', { id: 'ln-claim-email', type: 'email', required: true, autocomplete: 'email', testid: 'loyalnest-claim-email' });
  const form = el(
    'form',
    { className: 'claim', novalidate: true },
    el('label', { for: 'ln-claim-email' }, t('claim_email')),
    input,
    el('button', { type: 'submit', className: 'btn', testid: 'loyalnest-claim' }, t('claim')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = input.value.trim();
    // The API checks the address; this only spares a round trip for an obviously empty or broken one.
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return showError('REFERRAL_CLAIM_INVALID');
    onClaim(code, email, form);
  });
  // The dialog's heading (the landing title) names the view; the offer leads.
  return el('section', { className: 'sec' }, el('p', { className: 'big', testid: 'loyalnest-referral-offer' }, offerText(t, f, offer)), form);
}
