/** The demo tenant `npm start` seeds into an empty database, and that `npm run token` defaults to. */
export const DEMO_MERCHANT = {
  id: '01937a6e-0000-7000-8000-00000000d3e0',
  shopDomain: 'demo.myshopify.com',
  name: 'LoyalNest Demo Store',
} as const;
