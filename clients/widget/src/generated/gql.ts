/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query LauncherBalance($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n    }\n  }\n}": typeof types.LauncherBalanceDocument,
    "query WidgetProgram($locale: LocaleCode) {\n  rewards(activeOnly: true) {\n    id\n    name(locale: $locale)\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n    activities {\n      key\n      name\n      points\n    }\n  }\n  tiers {\n    id\n    name(locale: $locale)\n    threshold\n  }\n  referralOffer {\n    enabled\n    advocatePoints\n    friendReward {\n      kind\n      value\n      minimumOrderAmount\n    }\n  }\n}\n\nquery WidgetAccount($id: ID!, $locale: LocaleCode) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      history(first: 20) {\n        nodes {\n          id\n          points\n          reason\n          createdAt\n        }\n      }\n    }\n    tier {\n      current {\n        id\n        name(locale: $locale)\n      }\n      progress {\n        metric\n        value\n        deltaToNext\n        nextTier {\n          id\n          name(locale: $locale)\n          threshold\n        }\n      }\n    }\n    referral {\n      code\n      url\n    }\n  }\n}\n\nsubscription WidgetBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n    }\n    ... on ErrorResult {\n      code\n    }\n  }\n}": typeof types.WidgetProgramDocument,
};
const documents: Documents = {
    "query LauncherBalance($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n    }\n  }\n}": types.LauncherBalanceDocument,
    "query WidgetProgram($locale: LocaleCode) {\n  rewards(activeOnly: true) {\n    id\n    name(locale: $locale)\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n    activities {\n      key\n      name\n      points\n    }\n  }\n  tiers {\n    id\n    name(locale: $locale)\n    threshold\n  }\n  referralOffer {\n    enabled\n    advocatePoints\n    friendReward {\n      kind\n      value\n      minimumOrderAmount\n    }\n  }\n}\n\nquery WidgetAccount($id: ID!, $locale: LocaleCode) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      history(first: 20) {\n        nodes {\n          id\n          points\n          reason\n          createdAt\n        }\n      }\n    }\n    tier {\n      current {\n        id\n        name(locale: $locale)\n      }\n      progress {\n        metric\n        value\n        deltaToNext\n        nextTier {\n          id\n          name(locale: $locale)\n          threshold\n        }\n      }\n    }\n    referral {\n      code\n      url\n    }\n  }\n}\n\nsubscription WidgetBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n    }\n    ... on ErrorResult {\n      code\n    }\n  }\n}": types.WidgetProgramDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LauncherBalance($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n    }\n  }\n}"): typeof import('./graphql.js').LauncherBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WidgetProgram($locale: LocaleCode) {\n  rewards(activeOnly: true) {\n    id\n    name(locale: $locale)\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n    activities {\n      key\n      name\n      points\n    }\n  }\n  tiers {\n    id\n    name(locale: $locale)\n    threshold\n  }\n  referralOffer {\n    enabled\n    advocatePoints\n    friendReward {\n      kind\n      value\n      minimumOrderAmount\n    }\n  }\n}\n\nquery WidgetAccount($id: ID!, $locale: LocaleCode) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      history(first: 20) {\n        nodes {\n          id\n          points\n          reason\n          createdAt\n        }\n      }\n    }\n    tier {\n      current {\n        id\n        name(locale: $locale)\n      }\n      progress {\n        metric\n        value\n        deltaToNext\n        nextTier {\n          id\n          name(locale: $locale)\n          threshold\n        }\n      }\n    }\n    referral {\n      code\n      url\n    }\n  }\n}\n\nsubscription WidgetBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n    }\n    ... on ErrorResult {\n      code\n    }\n  }\n}"): typeof import('./graphql.js').WidgetProgramDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
