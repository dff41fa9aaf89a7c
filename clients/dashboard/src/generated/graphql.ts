/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentNode } from 'graphql';
import * as Urql from 'urql';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
/** What kind of caller made a request. */
export type ActorKind =
  /** A merchant's staff member in the Shopify admin (session token). */
  | 'ADMIN'
  /** A Shopify Flow action run on the merchant's behalf. */
  | 'FLOW'
  /** A partner app authenticated by an API key the merchant created. */
  | 'PARTNER'
  /** A signed-in shopper on the storefront, through the app proxy or the widget. */
  | 'SHOPPER'
  /** LoyalNest itself: webhooks, scheduled jobs and calls between subgraphs. */
  | 'SYSTEM';

/** A language the loyalty program speaks to shoppers. */
export type LocaleCode =
  /** English. */
  | 'EN'
  /** Spanish. */
  | 'ES'
  /** French. */
  | 'FR';

export type DashboardShellQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardShellQuery = { me: { kind: ActorKind, scopes: Array<string> }, merchant: { id: string, name: string, shopDomain: string, currency: string, primaryLocale: LocaleCode, timezone: string } };

export type OverviewFiguresQueryVariables = Exact<{
  from: string;
  to: string;
  fromDay: string;
  toDay: string;
  locale?: LocaleCode | null | undefined;
}>;


export type OverviewFiguresQuery = { merchant: { id: string, customerCount: number }, pointsSummary: { issued: number, redeemed: number, expired: number, deducted: number }, pointsLiability: { outstandingPoints: number, outstandingValue: string, pendingPoints: number }, memberRevenue: Array<{ currency: string | null, orders: number, net: string }>, tierDistribution: { withoutTier: number, total: number, tiers: Array<{ members: number, tier: { id: string, name: string } }> }, segments: Array<{ handle: string, name: string }>, segmentCounts: Array<{ day: string, handle: string, members: number }> };

export type OverviewActivitySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewActivitySubscription = { merchantActivity: { kind: string, details: Record<string, unknown>, committedAt: string, customer: { id: string, firstName: string | null, lastName: string | null, email: string | null } | null } };


export const DashboardShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shopDomain"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"primaryLocale"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode;

export function useDashboardShellQuery(options?: Omit<Urql.UseQueryArgs<DashboardShellQueryVariables>, 'query'>) {
  return Urql.useQuery<DashboardShellQuery, DashboardShellQueryVariables>({ query: DashboardShellDocument, ...options });
};
export const OverviewFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromDay"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toDay"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocaleCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"deducted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsLiability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outstandingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingValue"}},{"kind":"Field","name":{"kind":"Name","value":"pendingPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberRevenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierDistribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withoutTier"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segmentCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromDay"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toDay"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]}}]} as unknown as DocumentNode;

export function useOverviewFiguresQuery(options: Omit<Urql.UseQueryArgs<OverviewFiguresQueryVariables>, 'query'>) {
  return Urql.useQuery<OverviewFiguresQuery, OverviewFiguresQueryVariables>({ query: OverviewFiguresDocument, ...options });
};
export const OverviewActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OverviewActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOverviewActivitySubscription<TData = OverviewActivitySubscription>(options?: Omit<Urql.UseSubscriptionArgs<OverviewActivitySubscriptionVariables>, 'query'>, handler?: Urql.SubscriptionHandler<OverviewActivitySubscription, TData>) {
  return Urql.useSubscription<OverviewActivitySubscription, TData, OverviewActivitySubscriptionVariables>({ query: OverviewActivityDocument, ...options }, handler);
};