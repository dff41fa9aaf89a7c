/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "query MyCustomer($id: ID!) {\n  customer(id: $id) {\n    id\n    firstName\n  }\n}\n\nsubscription MyBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n    lifetimeEarned\n    delta\n    kind\n    committedAt\n    customer {\n      id\n      firstName\n    }\n  }\n}\n\nquery MyPoints($id: ID!, $after: String) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n      history(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          source\n          status\n          points\n          reason\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n  rewards(activeOnly: true) {\n    id\n    kind\n    name\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n      message\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}": typeof types.MyCustomerDocument,
};
const documents: Documents = {
    "query MyCustomer($id: ID!) {\n  customer(id: $id) {\n    id\n    firstName\n  }\n}\n\nsubscription MyBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n    lifetimeEarned\n    delta\n    kind\n    committedAt\n    customer {\n      id\n      firstName\n    }\n  }\n}\n\nquery MyPoints($id: ID!, $after: String) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n      history(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          source\n          status\n          points\n          reason\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n  rewards(activeOnly: true) {\n    id\n    kind\n    name\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n      message\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}": types.MyCustomerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyCustomer($id: ID!) {\n  customer(id: $id) {\n    id\n    firstName\n  }\n}\n\nsubscription MyBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n    lifetimeEarned\n    delta\n    kind\n    committedAt\n    customer {\n      id\n      firstName\n    }\n  }\n}\n\nquery MyPoints($id: ID!, $after: String) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n      history(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          source\n          status\n          points\n          reason\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n  rewards(activeOnly: true) {\n    id\n    kind\n    name\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n      message\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}"): (typeof documents)["query MyCustomer($id: ID!) {\n  customer(id: $id) {\n    id\n    firstName\n  }\n}\n\nsubscription MyBalance {\n  pointsBalanceChanged {\n    balance\n    pending\n    lifetimeEarned\n    delta\n    kind\n    committedAt\n    customer {\n      id\n      firstName\n    }\n  }\n}\n\nquery MyPoints($id: ID!, $after: String) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n      history(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          source\n          status\n          points\n          reason\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n  rewards(activeOnly: true) {\n    id\n    kind\n    name\n    pointsCost\n    minimumSubtotal\n  }\n  earningRules {\n    enabled\n    pointsPerCurrencyUnit\n    signupBonus\n    birthdayBonus\n  }\n}\n\nmutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    __typename\n    ... on Redemption {\n      id\n      status\n      discountCode\n      expiresAt\n      pointsSpent\n    }\n    ... on InsufficientPointsError {\n      balance\n      required\n      message\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;