/**
 * Enums that more than one subgraph defines. Composition merges them only if their names, values
 * and descriptions are identical, so each subgraph keeps its own TypeScript enum (type-graphql's
 * metadata is per enum object) and registers it with the one configuration here.
 */

export const ACTOR_KIND_ENUM = {
  name: 'ActorKind',
  description: 'What kind of caller made a request.',
  valuesConfig: {
    ADMIN: { description: "A merchant's staff member in the Shopify admin (session token)." },
    SHOPPER: { description: 'A signed-in shopper on the storefront, through the app proxy or the widget.' },
    PARTNER: { description: 'A partner app authenticated by an API key the merchant created.' },
    FLOW: { description: "A Shopify Flow action run on the merchant's behalf." },
    SYSTEM: { description: 'LoyalNest itself: webhooks, scheduled jobs and calls between subgraphs.' },
  },
};

export const LOCALE_CODE_ENUM = {
  name: 'LocaleCode',
  description: 'A language the loyalty program speaks to shoppers.',
  valuesConfig: {
    EN: { description: 'English.' },
    ES: { description: 'Spanish.' },
    FR: { description: 'French.' },
  },
};
