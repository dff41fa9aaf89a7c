/**
 * The launcher: a classic `defer` script on every storefront page, kept under theme check's 10 KB
 * (gzipped), so it draws only the button and, for a signed-in shopper, their balance. The panel
 * (its own ES module and stylesheet) is imported the first time the shopper opens it, or at once on
 * a referral landing page. Everything lives in an open shadow root, so the theme's CSS cannot reach
 * in and ours cannot leak out.
 */
import { LauncherBalanceDocument } from '../generated/graphql.js';
import type { MountOptions, PanelHandle } from '../panel/panel-contract.js';
import { readEmbedSettings } from '../shared/embed-settings.js';
import { formats } from '../shared/format.js';
import { request } from '../shared/graphql-request.js';
import { SessionClient } from '../shared/session.client.js';
import { readStrings, translator } from '../shared/strings.js';

// Fixed position and size: the button never shifts the theme's layout (no CLS).
const STYLE = `:host{all:initial}
.l{position:fixed;bottom:20px;right:20px;z-index:2147483000;height:48px;min-width:48px;max-width:240px;box-sizing:border-box;padding:0 18px;border:0;border-radius:24px;background:var(--loyalnest-accent,#1a1a1a);color:var(--loyalnest-on-accent,#fff);font:600 15px/48px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.l.left{right:auto;left:20px}
.l:focus-visible{outline:3px solid var(--loyalnest-accent,#1a1a1a);outline-offset:3px}
.b:not(:empty){margin-left:8px;padding:2px 8px;border-radius:10px;background:rgba(255,255,255,.25);font-weight:700}`;

function start(): void {
  const host = document.getElementById('loyalnest-widget');
  if (!host || host.shadowRoot) return;
  const settings = readEmbedSettings(host);
  const strings = readStrings(document);
  const t = translator(strings);
  const numbers = formats(settings.locale, settings.currency);
  const sessions = new SessionClient(settings.proxyPath);
  // The host stays in the theme's DOM, where a theme's `div { … }` rules would give it borders,
  // margins or a size: reset them all (custom properties, the embed's colours, are not affected).
  host.style.setProperty('all', 'initial', 'important');
  const root = host.attachShadow({ mode: 'open' });

  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = settings.placement === 'bottom-left' ? 'l left' : 'l';
  button.dataset.testid = 'loyalnest-launcher';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  const label = document.createElement('span');
  label.textContent = settings.launcherText || t('launcher_text');
  const balance = document.createElement('span');
  balance.className = 'b';
  balance.dataset.testid = 'loyalnest-launcher-balance';
  button.append(label, balance);
  root.append(style, button);

  const showBalance = (points: number) => {
    balance.textContent = numbers.number(points);
    balance.setAttribute('aria-label', t('points', { count: numbers.number(points) }));
  };

  let panel: Promise<PanelHandle> | null = null;
  let open = false;
  const referral = document.getElementById('loyalnest-referral');
  const loadPanel = () => {
    panel ??= (import(/* @vite-ignore */ settings.panelScript) as Promise<{ mount(root: ShadowRoot, options: MountOptions): PanelHandle }>).then((module) =>
      module.mount(root, {
        sessions,
        strings,
        settings,
        launcher: button,
        referral,
        onBalance: showBalance,
        onClose: () => setOpen(false),
      }),
    );
    // A failed load (offline, a blocked asset) is retried on the next click.
    panel.catch(() => {
      panel = null;
      setOpen(false);
    });
    return panel;
  };
  const setOpen = (next: boolean) => {
    open = next;
    button.setAttribute('aria-expanded', String(next));
    if (next) void loadPanel().then((handle) => open && handle.open(), () => undefined);
    else if (panel) void panel.then((handle) => handle.close(), () => undefined);
  };
  button.addEventListener('click', () => setOpen(!open));

  if (settings.customer) {
    sessions
      .current()
      .then((session) => (session.customerId ? request(sessions, LauncherBalanceDocument, { id: session.customerId }) : null))
      .then((data) => data?.customer && showBalance(data.customer.points.balance))
      // No balance on the button is the right fallback: the panel says what went wrong when opened.
      .catch(() => undefined);
  }
  if (referral) setOpen(true);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
