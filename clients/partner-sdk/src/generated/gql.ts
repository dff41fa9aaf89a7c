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
    "fragment PartnerCustomer on Customer {\n  id\n  shopifyId\n  email\n  firstName\n  lastName\n  tags\n  acceptsMarketing\n  ordersCount\n  totalSpent\n  lastOrderAt\n  createdAt\n}\n\nquery Customers($first: Int, $after: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...PartnerCustomer\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CustomerByShopifyId($shopifyId: ID!) {\n  customerByShopifyId(shopifyId: $shopifyId) {\n    ...PartnerCustomer\n  }\n}\n\nmutation UpsertCustomer($input: UpsertCustomerInput!) {\n  upsertCustomer(input: $input) {\n    __typename\n    ... on UpsertCustomerSuccess {\n      created\n      customer {\n        ...PartnerCustomer\n      }\n    }\n  }\n}\n\nquery PartnerCustomerPoints($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n    }\n  }\n}\n\nmutation PartnerAwardPoints($input: AwardPointsInput!) {\n  awardPoints(input: $input) {\n    __typename\n    ... on PointsChange {\n      duplicate\n      entry {\n        id\n        points\n      }\n      account {\n        balance\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}": typeof types.PartnerCustomerFragmentDoc,
};
const documents: Documents = {
    "fragment PartnerCustomer on Customer {\n  id\n  shopifyId\n  email\n  firstName\n  lastName\n  tags\n  acceptsMarketing\n  ordersCount\n  totalSpent\n  lastOrderAt\n  createdAt\n}\n\nquery Customers($first: Int, $after: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...PartnerCustomer\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CustomerByShopifyId($shopifyId: ID!) {\n  customerByShopifyId(shopifyId: $shopifyId) {\n    ...PartnerCustomer\n  }\n}\n\nmutation UpsertCustomer($input: UpsertCustomerInput!) {\n  upsertCustomer(input: $input) {\n    __typename\n    ... on UpsertCustomerSuccess {\n      created\n      customer {\n        ...PartnerCustomer\n      }\n    }\n  }\n}\n\nquery PartnerCustomerPoints($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n    }\n  }\n}\n\nmutation PartnerAwardPoints($input: AwardPointsInput!) {\n  awardPoints(input: $input) {\n    __typename\n    ... on PointsChange {\n      duplicate\n      entry {\n        id\n        points\n      }\n      account {\n        balance\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}": types.PartnerCustomerFragmentDoc,
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
export function graphql(source: "fragment PartnerCustomer on Customer {\n  id\n  shopifyId\n  email\n  firstName\n  lastName\n  tags\n  acceptsMarketing\n  ordersCount\n  totalSpent\n  lastOrderAt\n  createdAt\n}\n\nquery Customers($first: Int, $after: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...PartnerCustomer\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CustomerByShopifyId($shopifyId: ID!) {\n  customerByShopifyId(shopifyId: $shopifyId) {\n    ...PartnerCustomer\n  }\n}\n\nmutation UpsertCustomer($input: UpsertCustomerInput!) {\n  upsertCustomer(input: $input) {\n    __typename\n    ... on UpsertCustomerSuccess {\n      created\n      customer {\n        ...PartnerCustomer\n      }\n    }\n  }\n}\n\nquery PartnerCustomerPoints($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n    }\n  }\n}\n\nmutation PartnerAwardPoints($input: AwardPointsInput!) {\n  awardPoints(input: $input) {\n    __typename\n    ... on PointsChange {\n      duplicate\n      entry {\n        id\n        points\n      }\n      account {\n        balance\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}"): (typeof documents)["fragment PartnerCustomer on Customer {\n  id\n  shopifyId\n  email\n  firstName\n  lastName\n  tags\n  acceptsMarketing\n  ordersCount\n  totalSpent\n  lastOrderAt\n  createdAt\n}\n\nquery Customers($first: Int, $after: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...PartnerCustomer\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CustomerByShopifyId($shopifyId: ID!) {\n  customerByShopifyId(shopifyId: $shopifyId) {\n    ...PartnerCustomer\n  }\n}\n\nmutation UpsertCustomer($input: UpsertCustomerInput!) {\n  upsertCustomer(input: $input) {\n    __typename\n    ... on UpsertCustomerSuccess {\n      created\n      customer {\n        ...PartnerCustomer\n      }\n    }\n  }\n}\n\nquery PartnerCustomerPoints($id: ID!) {\n  customer(id: $id) {\n    id\n    points {\n      balance\n      pending\n      lifetimeEarned\n    }\n  }\n}\n\nmutation PartnerAwardPoints($input: AwardPointsInput!) {\n  awardPoints(input: $input) {\n    __typename\n    ... on PointsChange {\n      duplicate\n      entry {\n        id\n        points\n      }\n      account {\n        balance\n      }\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;