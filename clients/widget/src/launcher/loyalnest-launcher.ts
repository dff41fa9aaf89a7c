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

// Fixed position and size: the button never shifts the theme's layout (no CLS). For a signed-in
// shopper the balance's room (8 digits' width) is kept from the first paint, so the button does not
// grow when the balance arrives: anchored to the right, growing would move its left edge.
const STYLE = `:host{all:initial}
.l{position:fixed;bottom:20px;right:20px;z-index:2147483000;height:48px;min-width:48px;max-width:240px;box-sizing:border-box;padding:0 18px;border:0;border-radius:24px;background:var(--loyalnest-accent,#1a1a1a);color:var(--loyalnest-on-accent,#fff);font:600 15px/48px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.l.left{right:auto;left:20px}
.l:focus-visible{outline:3px solid var(--loyalnest-accent,#1a1a1a);outline-offset:3px}
.e{position:fixed;bottom:80px;right:20px;z-index:2147483000;max-width:min(320px,calc(100vw - 40px));box-sizing:border-box;margin:0;padding:10px 14px;border-radius:8px;background:#fff;color:#1a1a1a;border:1px solid #c00;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.2)}
.e.left{right:auto;left:20px}
.b{display:inline-block;box-sizing:border-box;width:8ch;margin-left:8px;border-radius:10px;background:rgba(255,255,255,.25);font-weight:700;font-variant-numeric:tabular-nums;line-height:24px;text-align:center;vertical-align:middle;overflow:hidden;text-overflow:ellipsis}
.b[hidden]{display:none}`;

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
  balance.hidden = !settings.customer;
  button.append(label, balance);
  root.append(style, button);

  const showBalance = (points: number) => {
    balance.textContent = numbers.number(points);
    balance.setAttribute('aria-label', t('points', { count: numbers.number(points) }));
  };

  // Shown when the panel's module cannot load (offline, a blocked asset): without it the click
  // would do nothing and say nothing. In the shopper's words, from the strings the page printed.
  let alert: HTMLElement | null = null;
  const showLoadError = (failed: boolean) => {
    alert?.remove();
    alert = null;
    if (!failed) return;
    alert = document.createElement('p');
    alert.className = settings.placement === 'bottom-left' ? 'e left' : 'e';
    alert.setAttribute('role', 'alert');
    alert.dataset.testid = 'loyalnest-error';
    alert.textContent = t('error_network');
    root.append(alert);
  };

  let panel: Promise<PanelHandle> | null = null;
  let failures = 0;
  let open = false;
  const referral = document.getElementById('loyalnest-referral');
  const loadPanel = (): Promise<PanelHandle> => {
    if (panel) return panel;
    // A retry imports a distinct URL: the browser's module map keeps a failed import's failure.
    const url = failures ? `${settings.panelScript}${settings.panelScript.includes('?') ? '&' : '?'}retry=${failures}` : settings.panelScript;
    const loading = (import(/* @vite-ignore */ url) as Promise<{ mount(root: ShadowRoot, options: MountOptions): PanelHandle }>).then((module) =>
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
    panel = loading;
    // A failed load (offline, a blocked asset) says so, and is retried on the next click.
    loading.catch(() => {
      panel = null;
      failures += 1;
      setOpen(false);
      showLoadError(true);
    });
    return loading;
  };
  const setOpen = (next: boolean) => {
    open = next;
    button.setAttribute('aria-expanded', String(next));
    if (next) void loadPanel().then((handle) => open && handle.open(), () => undefined);
    else if (panel) void panel.then((handle) => handle.close(), () => undefined);
  };
  button.addEventListener('click', () => {
    showLoadError(false);
    setOpen(!open);
  });

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
