/**
 * The panel's sections, each a plain DOM builder over the API's answer. They hold no state: the
 * panel redraws a section when its data changes (the balance changes the rewards' buttons too).
 */
import type { WidgetAccountQuery, WidgetProgramQuery } from '../generated/graphql.js';
import type { Formats } from '../shared/format.js';
import { pointsMissing, tierProgress } from '../shared/points-math.js';
import type { Translate } from '../shared/strings.js';
import { el } from './dom.js';
import { offerText } from './referral-view.js';

type Program = WidgetProgramQuery;
type Account = NonNullable<WidgetAccountQuery['customer']>;

export interface SectionContext {
  t: Translate;
  f: Formats;
}

function section(title: string, ...children: Array<Node | null | false>): HTMLElement {
  return el('section', { className: 'sec' }, el('h3', {}, title), ...children);
}

export function balanceSection({ t, f }: SectionContext, account: Account, balance: number): HTMLElement {
  return el(
    'section',
    { className: 'sec bal' },
    el('p', { className: 'muted' }, t('balance_label')),
    el('p', { className: 'big' }, el('span', { testid: 'loyalnest-balance' }, f.number(balance)), ' ', t('points_unit')),
    account.points.pending > 0 && el('p', { className: 'muted' }, t('pending', { count: f.number(account.points.pending) })),
  );
}

export function tierSection({ t, f }: SectionContext, account: Account, program: Program): HTMLElement | null {
  if (program.tiers.length === 0) return null;
  const { current, progress } = account.tier;
  const currentThreshold = program.tiers.find((tier) => tier.id === current?.id)?.threshold ?? 0;
  const next = progress.nextTier;
  const bar = tierProgress(progress.value, currentThreshold, next?.threshold ?? null);
  // The distance in the program's own metric: points, money spent (whole units of the shop's currency) or orders.
  const delta = Math.max(0, Math.ceil(progress.deltaToNext ?? (next ? next.threshold - progress.value : 0)));
  const caption = !next
    ? t('tier_top')
    : progress.metric === 'AMOUNT_SPENT'
      ? t('tier_next_spend', { amount: f.money(delta), tier: next.name })
      : t(progress.metric === 'ORDERS_COUNT' ? 'tier_next_orders' : 'tier_next_points', { count: f.number(delta), tier: next.name });
  return section(
    t('tier_title'),
    el('p', { className: 'tier', testid: 'loyalnest-tier' }, current?.name ?? t('tier_none')),
    el(
      'div',
      { className: 'bar', role: 'progressbar', testid: 'loyalnest-tier-progress', 'aria-valuemin': 0, 'aria-valuenow': bar.now, 'aria-valuemax': bar.max, 'aria-label': caption },
      el('span', { style: `width:${((bar.now / bar.max) * 100).toFixed(1)}%` }),
    ),
    el('p', { className: 'muted' }, caption),
  );
}

export function earnSection({ t, f }: SectionContext, program: Program): HTMLElement {
  const rules = program.earningRules;
  const item = (text: string) => el('li', { testid: 'loyalnest-earn-rule' }, text);
  const items: HTMLElement[] = [];
  if (rules.enabled && rules.pointsPerCurrencyUnit > 0) items.push(item(t('earn_per_spend', { count: f.number(rules.pointsPerCurrencyUnit), amount: f.money(1) })));
  if (rules.signupBonus > 0) items.push(item(t('earn_signup', { count: f.number(rules.signupBonus) })));
  if (rules.birthdayBonus > 0) items.push(item(t('earn_birthday', { count: f.number(rules.birthdayBonus) })));
  for (const activity of rules.activities) items.push(item(t('earn_activity', { name: activity.name, count: f.number(activity.points) })));
  return section(t('earn_title'), items.length ? el('ul', { className: 'list' }, ...items) : el('p', { className: 'muted' }, t('earn_none')));
}

/**
 * The rewards; with a balance (a member), the affordable ones get a redeem button (disabled while
 * its request is in flight, so a redraw during it cannot offer a second tap), the others what is missing.
 */
export function rewardsSection(
  { t, f }: SectionContext,
  program: Program,
  balance: number | null,
  /** 'busy': a request in flight; 'open': a draft that may have spent already (pending, unanswered). */
  draftOf: (rewardId: string) => 'busy' | 'open' | null,
  onRedeem: (rewardId: string) => void,
): HTMLElement {
  const items = program.rewards.map((reward) => {
    const missing = balance === null ? null : pointsMissing(balance, reward.pointsCost);
    const draft = draftOf(reward.id);
    const busy = draft === 'busy';
    const action =
      missing === null
        ? null
        : // An open draft keeps its button even when the balance no longer covers the cost: its
          // points may be spent already, and tapping again is how the shopper gets the code.
          missing === 0 || draft
          ? el('button', { type: 'button', className: 'btn', testid: 'loyalnest-redeem', disabled: busy, 'aria-busy': busy && 'true', 'aria-label': t('redeem_named', { name: reward.name }) }, t(busy ? 'redeem_working' : 'redeem'))
          : el('span', { className: 'muted', testid: 'loyalnest-reward-missing' }, t('missing', { count: f.number(missing) }));
    if (action instanceof HTMLButtonElement) action.addEventListener('click', () => onRedeem(reward.id));
    return el(
      'li',
      { className: 'reward', testid: 'loyalnest-reward', 'data-reward-id': reward.id },
      el(
        'span',
        {},
        el('strong', {}, reward.name),
        el('br'),
        el('span', { className: 'muted' }, t('cost', { count: f.number(reward.pointsCost) })),
        // The code only applies above this subtotal: said before the shopper spends points on it.
        reward.minimumSubtotal && Number(reward.minimumSubtotal) > 0 && el('br'),
        reward.minimumSubtotal && Number(reward.minimumSubtotal) > 0 && el('span', { className: 'muted', testid: 'loyalnest-reward-minimum' }, t('min_order', { amount: f.money(reward.minimumSubtotal) })),
      ),
      action,
    );
  });
  return section(t('rewards_title'), items.length ? el('ul', { className: 'list' }, ...items) : el('p', { className: 'muted' }, t('rewards_none')));
}

/** A discount code with copy and apply-to-cart (Shopify applies `/discount/<code>` and then redirects). */
export function codeBlock({ t }: SectionContext, title: string, code: string, testid: string, copy: (text: string, button: HTMLButtonElement) => void): HTMLElement {
  const copyButton = el('button', { type: 'button', className: 'btn ghost', testid: 'loyalnest-copy-code' }, t('copy'));
  copyButton.addEventListener('click', () => copy(code, copyButton));
  return el(
    'section',
    { className: 'sec code' },
    el('p', { className: 'muted' }, title),
    el('p', { className: 'big mono', testid }, code),
    el('div', { className: 'row' }, copyButton, el('a', { className: 'btn', testid: 'loyalnest-apply-code', href: `/discount/${encodeURIComponent(code)}?redirect=/cart` }, t('apply_code'))),
  );
}

/** "Give your friends 10% off your order; get 500 points when they order", from the public referral offer. */
export function referralOfferLine({ t, f }: SectionContext, program: Program): string | null {
  const offer = program.referralOffer;
  if (!offer.enabled) return null;
  const reward = offerText(t, f, offer.friendReward);
  // Mid-sentence: "Free shipping…" reads "free shipping…" (en, es and fr all lower-case it there).
  return t('referral_offer', { reward: reward.charAt(0).toLowerCase() + reward.slice(1), count: f.number(offer.advocatePoints ?? 0) });
}

export function referralSection(ctx: SectionContext, account: Account, program: Program, copy: (text: string, button: HTMLButtonElement, input: HTMLInputElement) => void): HTMLElement | null {
  const { t } = ctx;
  // No link to share while the merchant's referral program is off: its clicks would be refused.
  if (!account.referral || !program.referralOffer.enabled) return null;
  const input = el('input', { id: 'ln-ref', readonly: true, value: account.referral.url, testid: 'loyalnest-referral-url' });
  const button = el('button', { type: 'button', className: 'btn ghost', testid: 'loyalnest-copy-referral' }, t('copy'));
  button.addEventListener('click', () => copy(account.referral!.url, button, input));
  return section(t('referral_title'), el('p', { className: 'muted' }, referralOfferLine(ctx, program) ?? t('referral_text')), el('label', { for: 'ln-ref' }, t('referral_link')), el('div', { className: 'row' }, input, button));
}

export function historySection({ t, f }: SectionContext, account: Account, locale: string): HTMLElement {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const entries = account.points.history.nodes.map((entry) =>
    el(
      'li',
      { testid: 'loyalnest-history-entry', className: 'hist' },
      // The merchant's reason ("Order #1001", "Thanks for your review") when the entry has one.
      el('span', {}, entry.reason || (entry.points >= 0 ? t('history_earned') : t('history_spent')), el('br'), el('span', { className: 'muted' }, dates.format(new Date(entry.createdAt)))),
      el('strong', {}, (entry.points > 0 ? '+' : '') + f.number(entry.points)),
    ),
  );
  return section(t('history_title'), entries.length ? el('ul', { className: 'list', testid: 'loyalnest-history' }, ...entries) : el('p', { className: 'muted', testid: 'loyalnest-history' }, t('history_none')));
}

/** For a guest: how the program works, and where to sign in or join. */
export function howItWorksSection(ctx: SectionContext, program: Program, signInUrl: string, registerUrl: string, loggedIn: boolean): HTMLElement {
  const { t } = ctx;
  const refer = referralOfferLine(ctx, program);
  return el(
    'section',
    { className: 'sec', testid: 'loyalnest-how-it-works' },
    el('h3', {}, t('how_title')),
    el('ol', { className: 'steps' }, el('li', {}, t('how_join')), el('li', {}, t('how_earn')), el('li', {}, t('how_redeem')), refer && el('li', {}, refer)),
    loggedIn
      ? el('p', { className: 'muted' }, t('member_pending'))
      : el('div', { className: 'row' }, el('a', { className: 'btn', href: registerUrl }, t('join')), el('a', { className: 'btn ghost', href: signInUrl, testid: 'loyalnest-sign-in' }, t('sign_in'))),
  );
}
