import { describe, expect, it } from '@jest/globals';
import { WIDGET_PROXY_PATH } from '@loyalnest/kit';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig } from '../../../gateway/src/config.js';
import { productionEnv } from '../support/production-env.js';

const EMBED = fileURLToPath(new URL('../../../extensions/loyalnest-widget/blocks/loyalnest-embed.liquid', import.meta.url));

// Theme Liquid cannot read the app's settings: the block names the app proxy's path itself, and
// the gateway's APP_PROXY_PATH must be that path, or every storefront's widget fails quietly.
describe("the app proxy path: the widget's block and the gateway agree", () => {
  it("the app embed block's data-proxy-path is the path the gateway is built to serve the widget on", () => {
    const paths = [...readFileSync(EMBED, 'utf8').matchAll(/data-proxy-path="([^"]*)"/g)].map((m) => m[1]);

    expect(paths).toEqual([WIDGET_PROXY_PATH]);
  });

  it('is the default APP_PROXY_PATH, in production and in development', () => {
    expect(loadGatewayConfig(productionEnv()).kit.shopify.appProxy.path).toBe(WIDGET_PROXY_PATH);
    expect(loadGatewayConfig({ ...productionEnv(), APP_PROXY_PATH: WIDGET_PROXY_PATH }).kit.shopify.appProxy.path).toBe(WIDGET_PROXY_PATH);
    expect(loadGatewayConfig({ LOYALNEST_DEV: '1' }).kit.shopify.appProxy.path).toBe(WIDGET_PROXY_PATH);
  });

  it('refuses another APP_PROXY_PATH outside development, naming the setting and what to change with it', () => {
    expect(() => loadGatewayConfig({ ...productionEnv(), APP_PROXY_PATH: '/apps/rewards' })).toThrow(
      `APP_PROXY_PATH (/apps/rewards) is not the path the storefront widget is built for (${WIDGET_PROXY_PATH}): change data-proxy-path in extensions/loyalnest-widget/blocks/loyalnest-embed.liquid`,
    );
  });

  it('lets development try another path (the local storefront forwards whatever path it is given)', () => {
    expect(loadGatewayConfig({ LOYALNEST_DEV: '1', APP_PROXY_PATH: '/apps/rewards' }).kit.shopify.appProxy.path).toBe('/apps/rewards');
  });
});
