/**
 * The panel: one ES module the launcher imports when the shopper first opens it, mounted into the
 * launcher's shadow root with its stylesheet `<link>`ed there. A modal dialog (focus trapped,
 * Escape closes, focus back on the launcher). Members see their balance (live over graphql-ws),
 * tier, rewards with redeem, ways to earn, referral link and history; guests how it works and
 * where to sign in; a referral landing page the friend's offer and claim form.
 */
import { createClient, type Client } from 'graphql-ws';
import { RedeemRewardDocument, WidgetAccountDocument, WidgetBalanceDocument, WidgetProgramDocument, type LocaleCode, type WidgetAccountQuery, type WidgetBalanceSubscription, type WidgetProgramQuery } from '../generated/graphql.js';
import { errorKey } from '../shared/error-words.js';
import { formats } from '../shared/format.js';
import { request } from '../shared/graphql-request.js';
import type { WidgetError } from '../shared/session.client.js';
import { translator } from '../shared/strings.js';
import { balanceSection, codeBlock, earnSection, historySection, howItWorksSection, referralSection, rewardsSection, tierSection } from './account-sections.js';
import { copyText, el, focusables } from './dom.js';
import type { MountOptions, PanelHandle } from './panel-contract.js';
import { draftStore, RedeemDrafts, settleRedemption, type RedeemOutcome } from './redeem-drafts.js';
import { claimReferral, referralView } from './referral-view.js';

// The stylesheet: Vite emits it beside the module as loyalnest-panel.css, which the launcher's settings link.
import './loyalnest-panel.css';

export type { MountOptions, PanelHandle } from './panel-contract.js';

const LOCALES: Record<string, LocaleCode> = { en: 'EN', es: 'ES', fr: 'FR' };

/** A fresh idempotency key per redemption draft (a retry of the same tap reuses it). */
function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function mount(root: ShadowRoot, options: MountOptions): PanelHandle {
  const { sessions, settings, launcher } = options;
  const t = translator(options.strings);
  const f = formats(settings.locale, settings.currency);
  const locale = LOCALES[settings.locale.slice(0, 2).toLowerCase()];
  const ctx = { t, f };


  const title = el('h2', { id: 'ln-title' }, t('panel_title'));
  const close = el('button', { type: 'button', className: 'x', testid: 'loyalnest-close', 'aria-label': t('close') }, '×');
  const alertSlot = el('div');
  const body = el('div', { className: 'body', 'aria-busy': 'true' }, el('p', { className: 'muted' }, t('loading')));
  const dialog = el(
    'div',
    { className: `panel ${settings.placement === 'bottom-left' ? 'left' : ''}`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'ln-title', testid: 'loyalnest-panel', tabindex: -1, hidden: true },
    el('div', { className: 'head' }, title, close),
    alertSlot,
    body,
  );
  root.append(dialog);
  if (settings.panelStyles) {
    // Unstyled, the dialog would flash as bare text in the page's flow: it shows once its
    // stylesheet has loaded (or failed to: then at least it is usable).
    dialog.style.visibility = 'hidden';
    const link = el('link', { rel: 'stylesheet', href: settings.panelStyles });
    const show = () => {
      dialog.style.removeProperty('visibility');
      // Opened before the styles arrived: a hidden element could not take the focus then.
      if (!dialog.hidden && !dialog.contains(root.activeElement)) close.focus();
    };
    link.addEventListener('load', show);
    link.addEventListener('error', show);
    root.prepend(link);
  }

  const showError = (code: string | null) => {
    alertSlot.replaceChildren(code === null ? '' : el('p', { className: 'alert', role: 'alert', testid: 'loyalnest-error' }, t(errorKey(code))));
  };
  // Not an error (nothing went wrong, the code is on its way): a polite status, not an alert.
  const showNotice = (text: string) => alertSlot.replaceChildren(el('p', { className: 'alert', role: 'status', testid: 'loyalnest-notice' }, text));
  // Not `instanceof WidgetError`: the session client comes from the launcher's bundle, whose
  // WidgetError is another class than this bundle's copy.
  const codeOf = (error: unknown) => (error instanceof Error && typeof (error as Partial<WidgetError>).code === 'string' ? (error as WidgetError).code : 'NETWORK');

  const copy = (text: string, button: HTMLButtonElement, input?: HTMLInputElement) => {
    void copyText(text, input).then((done) => {
      button.textContent = t(done ? 'copied' : 'copy_failed');
      setTimeout(() => (button.textContent = t('copy')), 2000);
    });
  };

  // State of the member view; each change redraws from it.
  let program: WidgetProgramQuery | null = null;
  let account: NonNullable<WidgetAccountQuery['customer']> | null = null;
  let balance: number | null = null;
  let redeemed: string | null = null;
  // In memory until the shopper is known; then (loadMember) kept in sessionStorage for them.
  let drafts = new RedeemDrafts(newKey);
  let live: Client | null = null;
  // The balance-dependent sections, kept so a live update replaces only them (see redrawBalance).
  let balanceNode: HTMLElement | null = null;
  let rewardsNode: HTMLElement | null = null;
  // The account's sections a live change also moves (history, tier), re-read after it settles.
  let tierNode: HTMLElement | null = null;
  let historyNode: HTMLElement | null = null;

  /**
   * What has the focus, named stably (its test id and, inside a reward, the reward's id), so that
   * after a redraw the same control of the same reward gets it back, not the first of its kind.
   */
  const focusedControl = () => {
    const active = root.activeElement;
    if (!(active instanceof HTMLElement) || !body.contains(active)) return null;
    return { active, testid: active.dataset.testid, rewardId: active.closest<HTMLElement>('[data-reward-id]')?.dataset.rewardId };
  };
  const restoreFocus = (before: ReturnType<typeof focusedControl>) => {
    // Focus is moved only when its control was replaced: untouched sections keep it where it is.
    if (!before || before.active.isConnected || dialog.hidden) return;
    const scope = before.rewardId ? body.querySelector<HTMLElement>(`[data-reward-id="${CSS.escape(before.rewardId)}"]`) : body;
    const again = before.testid ? scope?.querySelector<HTMLElement>(`[data-testid="${before.testid}"]`) : null;
    (again ?? close).focus();
  };

  const currentBalance = () => balance ?? account?.points.balance ?? 0;
  const rewardsFor = (points: number | null) => rewardsSection(ctx, program!, points, (id) => drafts.stateOf(id), redeem);

  const draw = () => {
    if (!program) return;
    const before = focusedControl();
    balanceNode = account ? balanceSection(ctx, account, currentBalance()) : null;
    rewardsNode = rewardsFor(account ? currentBalance() : null);
    tierNode = account ? tierSection(ctx, account, program) : null;
    historyNode = account ? historySection(ctx, account, settings.locale) : null;
    const sections = account
      ? [
          balanceNode,
          redeemed && codeBlock(ctx, t('your_code'), redeemed, 'loyalnest-discount-code', copy),
          tierNode,
          rewardsNode,
          earnSection(ctx, program),
          referralSection(ctx, account, program, copy),
          historyNode,
        ]
      : [howItWorksSection(ctx, program, settings.signInUrl, settings.registerUrl, session?.loggedIn ?? false), earnSection(ctx, program), rewardsNode];
    body.replaceChildren(...sections.filter((node): node is HTMLElement => !!node));
    body.removeAttribute('aria-busy');
    restoreFocus(before);
  };

  /** A new balance (live, or a redeem's in-flight state): only the balance and the rewards are redrawn. */
  const redrawBalance = () => {
    if (!program || !account || !balanceNode?.isConnected || !rewardsNode?.isConnected) return draw();
    const before = focusedControl();
    const nextBalance = balanceSection(ctx, account, currentBalance());
    const nextRewards = rewardsFor(currentBalance());
    balanceNode.replaceWith(nextBalance);
    rewardsNode.replaceWith(nextRewards);
    balanceNode = nextBalance;
    rewardsNode = nextRewards;
    restoreFocus(before);
  };

  const setBalance = (next: number, pending?: number) => {
    balance = next;
    if (account && pending !== undefined) account = { ...account, points: { ...account.points, pending } };
    options.onBalance(next);
    redrawBalance();
  };

  /**
   * A live change (an order, an admin's award) also adds a history line and may move the tier: the
   * account is read again once the changes settle (one read for a burst), and only those two
   * sections are replaced, so focus and the reading position elsewhere stay where they are.
   */
  let rereadTimer: ReturnType<typeof setTimeout> | undefined;
  const followAccount = () => {
    clearTimeout(rereadTimer);
    rereadTimer = setTimeout(() => void rereadAccount(), 400);
  };
  const rereadAccount = async () => {
    const customerId = session?.customerId;
    if (!customerId || !program) return;
    let fresh;
    try {
      fresh = await request(sessions, WidgetAccountDocument, { id: customerId, locale });
    } catch {
      // The balance is already right; the history catches up with the next change or opening.
      return;
    }
    if (!fresh.customer) return;
    account = fresh.customer;
    if (!historyNode?.isConnected || (tierNode && !tierNode.isConnected)) return draw();
    const nextTier = tierSection(ctx, account, program);
    // A tier section appearing or going away changes the panel's layout: drawn whole.
    if (!tierNode !== !nextTier) return draw();
    const before = focusedControl();
    if (tierNode && nextTier) tierNode.replaceWith(nextTier);
    tierNode = nextTier;
    const nextHistory = historySection(ctx, account, settings.locale);
    historyNode.replaceWith(nextHistory);
    historyNode = nextHistory;
    restoreFocus(before);
  };

  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function redeem(rewardId: string) {
    const customerId = session?.customerId;
    if (!customerId) return;
    // In flight lives in the panel's state, not on a button a redraw would replace enabled.
    const key = drafts.begin(rewardId);
    if (!key) return;
    showError(null);
    redrawBalance();
    let outcome: RedeemOutcome;
    try {
      // A PENDING redemption (spent, code not made yet) is asked about again with the same key.
      outcome = await settleRedemption(async () => (await request(sessions, RedeemRewardDocument, { input: { customerId, rewardId, idempotencyKey: key } })).redeemReward, wait);
    } catch (error) {
      // The draft keeps its key: if the first request did redeem, the retry is answered with it.
      drafts.end(rewardId, false);
      showError(codeOf(error));
      redrawBalance();
      return;
    }
    if (outcome.kind === 'pending') {
      drafts.end(rewardId, false);
      showNotice(t('redeem_pending'));
      redrawBalance();
      return;
    }
    drafts.end(rewardId, true);
    if (outcome.kind === 'refused') {
      showError(outcome.code);
      redrawBalance();
      return;
    }
    // The code is shown at once: nothing after this point can lose it.
    showError(null);
    redeemed = outcome.code;
    draw();
    body.querySelector<HTMLElement>('[data-testid="loyalnest-copy-code"]')?.focus();
    // The account read again (history, tier), and the balance from it rather than the old balance
    // minus the spend, which the live subscription may already have delivered. A failed re-read
    // changes nothing shown: the live balance still arrives.
    try {
      const fresh = await request(sessions, WidgetAccountDocument, { id: customerId, locale });
      if (fresh.customer) {
        account = fresh.customer;
        balance = fresh.customer.points.balance;
        options.onBalance(balance);
        draw();
      }
    } catch {
      // Kept as it is: the code is on screen and the live subscription corrects the balance.
    }
  }

  let session: Awaited<ReturnType<typeof sessions.current>> | null = null;
  let forceRefresh = false;
  const subscribeLive = (liveUrl: string) => {
    live = createClient({
      url: liveUrl,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      // The gateway closes with 4403 when the token ends; the retry then brings a renewed one.
      connectionParams: async () => ({ authorization: `Bearer ${(await (forceRefresh ? sessions.refresh() : sessions.current())).token}` }),
      on: { closed: (event) => void (forceRefresh = (event as CloseEvent).code === 4403), connected: () => void (forceRefresh = false) },
    });
    live.subscribe<WidgetBalanceSubscription>(
      { query: String(WidgetBalanceDocument) },
      {
        next: ({ data }) => {
          if (!data) return;
          setBalance(data.pointsBalanceChanged.balance, data.pointsBalanceChanged.pending);
          followAccount();
        },
        error: () => undefined, complete: () => undefined },
    );
  };

  const loadMember = async () => {
    session = await sessions.current();
    const [programData, accountData] = await Promise.all([
      request(sessions, WidgetProgramDocument, { locale }),
      session.customerId ? request(sessions, WidgetAccountDocument, { id: session.customerId, locale }) : null,
    ]);
    program = programData;
    account = accountData?.customer ?? null;
    if (account) {
      balance = account.points.balance;
      options.onBalance(balance);
      subscribeLive(session.liveUrl);
      // sessionStorage, not localStorage: a draft is worth resuming within this visit, and the
      // getter is guarded because merely reading `sessionStorage` throws where storage is blocked.
      drafts = new RedeemDrafts(newKey, draftStore(() => globalThis.sessionStorage, account.id));
    }
    draw();
    // A draft left open by an earlier page (a reload while PENDING, a lost answer) is asked about
    // again with its key: the API answers that redemption, so the code shows and nothing is spent twice.
    for (const rewardId of drafts.open()) void redeem(rewardId);
  };

  const loadReferral = (element: HTMLElement) => {
    title.textContent = t('referral_landing_title');
    const view = referralView(t, f, element, (code, email, form) => {
      const submit = form.querySelector('button')!;
      submit.disabled = true;
      claimReferral(settings.proxyPath, code, email).then(
        (discountCode) => {
          showError(null);
          const block = codeBlock(ctx, t('friend_code_title'), discountCode, 'loyalnest-friend-code', copy);
          form.replaceWith(block);
          block.querySelector<HTMLElement>('button')?.focus();
        },
        (error: unknown) => {
          submit.disabled = false;
          showError(codeOf(error));
        },
      );
    }, showError);
    body.replaceChildren(view);
    body.removeAttribute('aria-busy');
  };

  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    if (options.referral) return loadReferral(options.referral);
    loadMember().catch((error: unknown) => {
      loaded = false; // opening again tries again
      body.removeAttribute('aria-busy');
      body.replaceChildren();
      showError(codeOf(error));
    });
  };

  const hide = (returnFocus: boolean) => {
    if (dialog.hidden) return;
    dialog.hidden = true;
    if (returnFocus) launcher.focus();
  };
  close.addEventListener('click', () => {
    hide(true);
    options.onClose();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide(true);
      options.onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    // The focus trap: Tab from the last control goes to the first, Shift+Tab from the first to the last.
    const nodes = focusables(dialog);
    if (nodes.length === 0) return;
    const first = nodes[0]!;
    const last = nodes[nodes.length - 1]!;
    const active = root.activeElement;
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });

  return {
    open() {
      load();
      if (!dialog.hidden) return;
      dialog.hidden = false;
      close.focus();
    },
    close() {
      hide(true);
    },
  };
}
