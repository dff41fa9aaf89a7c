/** What the app embed block printed on `#loyalnest-widget` (extensions/loyalnest-widget/blocks/loyalnest-embed.liquid). */
export interface EmbedSettings {
  proxyPath: string;
  customer: boolean;
  locale: string;
  currency: string;
  signInUrl: string;
  registerUrl: string;
  placement: 'bottom-right' | 'bottom-left';
  launcherText: string;
  panelScript: string;
  panelStyles: string;
}

export function readEmbedSettings(host: HTMLElement): EmbedSettings {
  const data = host.dataset;
  return {
    proxyPath: (data.proxyPath || '/apps/loyalnest').replace(/\/$/, ''),
    customer: data.customer === '1',
    locale: data.locale || document.documentElement.lang || 'en',
    currency: data.currency || 'USD',
    signInUrl: data.signInUrl || '/account/login',
    registerUrl: data.registerUrl || '/account/register',
    placement: data.placement === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    launcherText: data.launcherText ?? '',
    panelScript: data.panelScript ?? '',
    panelStyles: data.panelStyles ?? '',
  };
}
