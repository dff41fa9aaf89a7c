/** The demo tenant `npm start` seeds into an empty database, and that `npm run token` defaults to. */
export const DEMO_MERCHANT = {
  id: '01937a6e-0000-7000-8000-00000000d3e0',
  shopDomain: 'demo.myshopify.com',
  name: 'LoyalNest Demo Store',
  /**
   * The offline token the demo shop holds in development, and that the local Shopify stand-in
   * `npm start` runs accepts for it: public, so worthless against any real Shopify.
   */
  devAccessToken: 'shpat_loyalnest_demo_development_only',
} as const;
