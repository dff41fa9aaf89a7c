import { LIVE_TOPICS, Scope, thrown, type BalanceChangedMessage, type Caller } from '@loyalnest/kit';
import {
  GraphQLError,
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { SubgraphResult } from '../subgraph-client.js';
import type { LiveHub, LiveKey, LiveMessage } from './live-hub.js';
import { LiveQueue } from './live-queue.js';
import { LIVE_PAYLOAD_TYPES } from './live-schema.js';

/** Runs an operation through the supergraph (the query planner and every subgraph) as a caller. */
export type SupergraphExecutor = (query: string, variables: Record<string, unknown>, caller: Caller) => Promise<SubgraphResult>;

/** The balance as it stands when a subscription starts: a ledger message without an entry. */
type CurrentBalance = Omit<BalanceChangedMessage, 'entryId'> & { entryId: null };

type LiveEvent = LiveMessage | CurrentBalance;

/** What every live resolver receives: the socket's caller and the subscription's raw variables. */
export interface LiveContext {
  caller: Caller;
  variables: Record<string, unknown>;
}

/** The variable that carries the event's customer id into the per-event supergraph query. */
const CUSTOMER_VARIABLE = '_liveCustomerId';

const BALANCE_QUERY = 'query LiveBalance($id: ID!) { customer(id: $id) { id points { balance pending lifetimeEarned } } }';

interface CustomerQuery {
  /** Null when the selection asks for nothing but the id, which the message already has. */
  query: string | null;
  variables: string[];
  /** The response keys of `id` and `__typename`, for the id-only case. */
  keys: { key: string; field: string }[];
}

/**
 * Resolves the live schema's fields. Root fields come from the hub (Redis); the payload types'
 * own fields from the message; a payload's `customer` is an entity reference: whatever the client
 * selected under it is asked of the supergraph, as the subscriber, once per event. Fields under it
 * are then read by response key, since that answer is keyed by the client's aliases.
 */
export class LiveResolvers {
  private readonly customerQueries = new WeakMap<FieldNode, CustomerQuery>();

  constructor(
    private readonly hub: LiveHub,
    private readonly supergraph: SupergraphExecutor,
    private readonly queueLimit: number,
  ) {}

  readonly subscribe: GraphQLFieldResolver<unknown, LiveContext> = async (_source, args: { customerId?: string | null }, ctx, info) => {
    const { caller } = ctx;
    if (!caller.merchantId) throw thrown('FORBIDDEN', 'Live updates need a caller of a merchant');
    switch (info.fieldName) {
      case 'pointsBalanceChanged': {
        const customerId = this.followedCustomer(caller, args.customerId);
        const queue = this.queue({ topic: LIVE_TOPICS.balanceChanged, merchantId: caller.merchantId, customerId });
        try {
          const readAt = Date.now();
          const current = await this.currentBalance(customerId, caller);
          // Events that committed before the read began are already in it; later ones follow it.
          queue.first(current, (queued) => Date.parse(queued.committedAt) >= readAt);
        } catch (error) {
          await queue.return();
          throw error;
        }
        return queue;
      }
      case 'redemptionUpdated':
        return this.customerQueue(LIVE_TOPICS.redemptionUpdated, this.followedCustomer(caller, args.customerId), caller);
      case 'tierChanged': {
        const customerId = this.followedTierCustomer(caller, args.customerId);
        if (!customerId) return this.queue({ topic: LIVE_TOPICS.tierChanged, merchantId: caller.merchantId });
        return this.customerQueue(LIVE_TOPICS.tierChanged, customerId, caller);
      }
      case 'merchantActivity':
        if (caller.actor.kind !== 'admin') throw thrown('FORBIDDEN', "Only the merchant's admins may follow its activity");
        return this.queue({ topic: LIVE_TOPICS.merchantActivity, merchantId: caller.merchantId });
      default:
        throw new Error(`no live source for Subscription.${info.fieldName}`);
    }
  };

  readonly resolve: GraphQLFieldResolver<Record<string, unknown> | null, LiveContext> = (source, _args, ctx, info) => {
    // graphql-js hands each event to the root field as its source: the event is the payload.
    if (info.parentType.name === 'Subscription') return source;
    if (LIVE_PAYLOAD_TYPES.has(info.parentType.name)) {
      if (info.fieldName !== 'customer') return source![info.fieldName];
      const customerId = source!.customerId as string | null;
      return customerId ? this.customer(customerId, ctx, info) : null;
    }
    return source?.[info.path.key as string];
  };

  /** A shopper follows themself only; other callers name a customer and need to read points. */
  private followedCustomer(caller: Caller, requested: string | null | undefined): string {
    if (caller.actor.kind === 'shopper') {
      const own = ownCustomer(caller);
      if (requested && requested !== own) throw thrown('FORBIDDEN', 'A shopper may follow only their own account');
      return own;
    }
    if (!caller.scopes.includes(Scope.POINTS_READ)) throw thrown('FORBIDDEN', `Following a customer needs the ${Scope.POINTS_READ} scope`);
    if (!requested) throw thrown('BAD_USER_INPUT', 'customerId is required: name the customer to follow');
    return requested;
  }

  /**
   * A shopper follows their own tier only; other callers need `tiers:read`, and follow one
   * customer or, naming none (null), every customer of the merchant (the admin activity feed).
   */
  private followedTierCustomer(caller: Caller, requested: string | null | undefined): string | null {
    if (caller.actor.kind === 'shopper') {
      const own = ownCustomer(caller);
      if (requested && requested !== own) throw thrown('FORBIDDEN', 'A shopper may follow only their own tier');
      return own;
    }
    if (!caller.scopes.includes(Scope.TIERS_READ)) throw thrown('FORBIDDEN', `Following tier changes needs the ${Scope.TIERS_READ} scope`);
    return requested ?? null;
  }

  /** One customer's messages, listened to from before the check that the caller may see that customer, so none falls between. */
  private async customerQueue(topic: typeof LIVE_TOPICS.redemptionUpdated | typeof LIVE_TOPICS.tierChanged, customerId: string, caller: Caller): Promise<LiveQueue<LiveEvent>> {
    const queue = this.queue({ topic, merchantId: caller.merchantId!, customerId });
    try {
      await this.assertCustomer(customerId, caller);
    } catch (error) {
      await queue.return();
      throw error;
    }
    return queue;
  }

  private queue(key: LiveKey): LiveQueue<LiveEvent> {
    let stop = () => {};
    const queue = new LiveQueue<LiveEvent>(this.queueLimit, () => stop());
    stop = this.hub.listen(key, (message) => queue.push(message));
    return queue;
  }

  /** The balance as it stands, as the first event; also proves the caller may read that customer. */
  private async currentBalance(customerId: string, caller: Caller): Promise<CurrentBalance> {
    const committedAt = new Date().toISOString();
    const data = await this.ask<{ customer: { id: string; points: { balance: number; pending: number; lifetimeEarned: number } } | null }>(BALANCE_QUERY, { id: customerId }, caller);
    if (!data.customer) throw thrown('FORBIDDEN', `No customer ${customerId} at this merchant`);
    const { balance, pending, lifetimeEarned } = data.customer.points;
    return { merchantId: caller.merchantId!, customerId, balance, pending, lifetimeEarned, entryId: null, kind: 'CURRENT', delta: 0, committedAt };
  }

  private async assertCustomer(customerId: string, caller: Caller): Promise<void> {
    const data = await this.ask<{ customer: { id: string } | null }>('query LiveCustomerExists($id: ID!) { customer(id: $id) { id } }', { id: customerId }, caller);
    if (!data.customer) throw thrown('FORBIDDEN', `No customer ${customerId} at this merchant`);
  }

  private async customer(customerId: string, ctx: LiveContext, info: GraphQLResolveInfo): Promise<Record<string, unknown> | null> {
    const plan = this.customerQuery(info);
    if (!plan.query) return Object.fromEntries(plan.keys.map(({ key, field }) => [key, field === 'id' ? customerId : 'Customer']));
    const variables: Record<string, unknown> = { [CUSTOMER_VARIABLE]: customerId };
    for (const name of plan.variables) variables[name] = ctx.variables[name];
    const data = await this.ask<{ customer: Record<string, unknown> | null }>(plan.query, variables, ctx.caller);
    return data.customer;
  }

  private async ask<T>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> {
    const result = await this.supergraph(query, variables, caller);
    if (result.errors?.length) {
      const [first] = result.errors;
      throw new GraphQLError(first.message, { extensions: first.extensions });
    }
    return result.data as T;
  }

  /** Built once per subscription (its field node), reused for every event. */
  private customerQuery(info: GraphQLResolveInfo): CustomerQuery {
    const cached = this.customerQueries.get(info.fieldNodes[0]);
    if (cached) return cached;
    const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
    const plan = buildCustomerQuery(selections, info);
    this.customerQueries.set(info.fieldNodes[0], plan);
    return plan;
  }
}

function buildCustomerQuery(selections: readonly SelectionNode[], info: GraphQLResolveInfo): CustomerQuery {
  const idOnly = selections.every((s) => s.kind === Kind.FIELD && !s.directives?.length && (s.name.value === 'id' || s.name.value === '__typename'));
  if (idOnly) {
    return { query: null, variables: [], keys: (selections as FieldNode[]).map((s) => ({ key: s.alias?.value ?? s.name.value, field: s.name.value })) };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variables = new Set<string>();
  const collect = (nodes: readonly SelectionNode[]) => {
    visit({ kind: Kind.SELECTION_SET, selections: nodes }, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (fragments.has(name)) return;
        const fragment = info.fragments[name];
        fragments.set(name, fragment);
        collect(fragment.selectionSet.selections);
      },
      Variable(variable) {
        variables.add(variable.name.value);
      },
    });
  };
  collect(selections);
  const definitions = (info.operation.variableDefinitions ?? []).filter((d) => variables.has(d.variable.name.value));
  const customerVariable: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: CUSTOMER_VARIABLE } },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
  };
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as never,
        name: { kind: Kind.NAME, value: 'LiveCustomer' },
        variableDefinitions: [customerVariable, ...definitions],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              name: { kind: Kind.NAME, value: 'customer' },
              arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: customerVariable.variable }],
              selectionSet: { kind: Kind.SELECTION_SET, selections },
            },
          ],
        },
      },
      ...fragments.values(),
    ],
  };
  return { query: print(withTypenames(document)), variables: [...variables], keys: [] };
}

/** Abstract types under `customer` are resolved locally from the answer, which needs each object's `__typename`. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node) {
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
      return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });
}

/**
 * A shopper's own customer. A guest (the widget's visitor, no customer) has none and follows
 * nothing: without this, "no customer" would read as "every customer of the merchant".
 */
function ownCustomer(caller: Caller): string {
  if (!caller.customerId) throw thrown('FORBIDDEN', 'A guest has no account to follow; sign in to the store first');
  return caller.customerId;
}
