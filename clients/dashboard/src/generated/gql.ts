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
    "query Dashboard($filter: CustomerFilter, $after: String) {\n  merchant {\n    id\n    name\n    currency\n    settings {\n      pointsName\n      programEnabled\n    }\n    customerCount\n  }\n  customers(first: 20, filter: $filter, after: $after) {\n    nodes {\n      id\n      email\n      firstName\n      lastName\n      ordersCount\n      totalSpent\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nmutation UpdateSettings($input: UpdateMerchantSettingsInput!) {\n  updateMerchantSettings(input: $input) {\n    __typename\n    ... on Merchant {\n      id\n      name\n      currency\n      primaryLocale\n      enabledLocales\n      settings {\n        programEnabled\n        pointsName\n        pointsPerCurrencyUnit\n        pointsExpiryDays\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidSettingsError {\n      field\n    }\n  }\n}\n\nquery ApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    revokedAt\n  }\n}\n\nmutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    __typename\n    ... on ApiKeyCreated {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        scopes\n        createdAt\n      }\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    __typename\n    ... on ApiKey {\n      id\n      revokedAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}\n\nsubscription MerchantActivity {\n  merchantActivity {\n    kind\n    details\n    committedAt\n    customer {\n      id\n      firstName\n      lastName\n    }\n  }\n}": typeof types.DashboardDocument,
};
const documents: Documents = {
    "query Dashboard($filter: CustomerFilter, $after: String) {\n  merchant {\n    id\n    name\n    currency\n    settings {\n      pointsName\n      programEnabled\n    }\n    customerCount\n  }\n  customers(first: 20, filter: $filter, after: $after) {\n    nodes {\n      id\n      email\n      firstName\n      lastName\n      ordersCount\n      totalSpent\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nmutation UpdateSettings($input: UpdateMerchantSettingsInput!) {\n  updateMerchantSettings(input: $input) {\n    __typename\n    ... on Merchant {\n      id\n      name\n      currency\n      primaryLocale\n      enabledLocales\n      settings {\n        programEnabled\n        pointsName\n        pointsPerCurrencyUnit\n        pointsExpiryDays\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidSettingsError {\n      field\n    }\n  }\n}\n\nquery ApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    revokedAt\n  }\n}\n\nmutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    __typename\n    ... on ApiKeyCreated {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        scopes\n        createdAt\n      }\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    __typename\n    ... on ApiKey {\n      id\n      revokedAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}\n\nsubscription MerchantActivity {\n  merchantActivity {\n    kind\n    details\n    committedAt\n    customer {\n      id\n      firstName\n      lastName\n    }\n  }\n}": types.DashboardDocument,
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
export function graphql(source: "query Dashboard($filter: CustomerFilter, $after: String) {\n  merchant {\n    id\n    name\n    currency\n    settings {\n      pointsName\n      programEnabled\n    }\n    customerCount\n  }\n  customers(first: 20, filter: $filter, after: $after) {\n    nodes {\n      id\n      email\n      firstName\n      lastName\n      ordersCount\n      totalSpent\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nmutation UpdateSettings($input: UpdateMerchantSettingsInput!) {\n  updateMerchantSettings(input: $input) {\n    __typename\n    ... on Merchant {\n      id\n      name\n      currency\n      primaryLocale\n      enabledLocales\n      settings {\n        programEnabled\n        pointsName\n        pointsPerCurrencyUnit\n        pointsExpiryDays\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidSettingsError {\n      field\n    }\n  }\n}\n\nquery ApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    revokedAt\n  }\n}\n\nmutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    __typename\n    ... on ApiKeyCreated {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        scopes\n        createdAt\n      }\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    __typename\n    ... on ApiKey {\n      id\n      revokedAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}\n\nsubscription MerchantActivity {\n  merchantActivity {\n    kind\n    details\n    committedAt\n    customer {\n      id\n      firstName\n      lastName\n    }\n  }\n}"): (typeof documents)["query Dashboard($filter: CustomerFilter, $after: String) {\n  merchant {\n    id\n    name\n    currency\n    settings {\n      pointsName\n      programEnabled\n    }\n    customerCount\n  }\n  customers(first: 20, filter: $filter, after: $after) {\n    nodes {\n      id\n      email\n      firstName\n      lastName\n      ordersCount\n      totalSpent\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nmutation UpdateSettings($input: UpdateMerchantSettingsInput!) {\n  updateMerchantSettings(input: $input) {\n    __typename\n    ... on Merchant {\n      id\n      name\n      currency\n      primaryLocale\n      enabledLocales\n      settings {\n        programEnabled\n        pointsName\n        pointsPerCurrencyUnit\n        pointsExpiryDays\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidSettingsError {\n      field\n    }\n  }\n}\n\nquery ApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    revokedAt\n  }\n}\n\nmutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    __typename\n    ... on ApiKeyCreated {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        scopes\n        createdAt\n      }\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    __typename\n    ... on ApiKey {\n      id\n      revokedAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}\n\nsubscription MerchantActivity {\n  merchantActivity {\n    kind\n    details\n    committedAt\n    customer {\n      id\n      firstName\n      lastName\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;