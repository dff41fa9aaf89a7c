import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { DEFAULT_PAGE_SIZE } from '../pagination.js';
import { Scope } from '../scopes.js';
import type { DeadLetterEvent } from './dead-letter-event.entity.js';
import { DeadLetterService } from './dead-letter.service.js';
import { DeadLetterEventConnection, DeadLetterEventType, DeadLetterStatus, RetryDeadLetterEventResult } from './dead-letter.type.js';

const asType = (row: DeadLetterEvent) => row as unknown as DeadLetterEventType;

/** One class per subgraph, made once: type-graphql's metadata is global and keyed by class. */
const resolvers = new Map<string, Function>();

/**
 * The dead-letter admin fields of one subgraph: `<subgraph>DeadLetterEvents` and
 * `retry<Subgraph>DeadLetterEvent`. Each store holds its own dead letters, so each subgraph serves
 * its own; root fields must have one owner in a supergraph, hence a name per subgraph rather than
 * one shared `deadLetterEvents` (two subgraphs defining it would not compose). Every subgraph
 * exposes them through `buildFederatedSchema`, consumer or not yet.
 */
export function deadLetterResolver(subgraph: string): { resolver: Function; instance: object } {
  let resolver = resolvers.get(subgraph);
  if (!resolver) {
    const Name = subgraph.charAt(0).toUpperCase() + subgraph.slice(1);

    @Resolver()
    class DeadLetterResolver {
      private readonly service = new DeadLetterService(subgraph);

      @Authorized(Scope.EVENTS_MANAGE)
      @Query(() => DeadLetterEventConnection, {
        name: `${subgraph}DeadLetterEvents`,
        description: `Events the ${subgraph} subgraph could not apply after every attempt, oldest first.`,
      })
      async list(
        @Ctx() ctx: RequestContext,
        @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
        @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
        @Arg('status', () => DeadLetterStatus, { nullable: true, description: 'Only dead letters in this state.' }) status: DeadLetterStatus | null,
      ): Promise<DeadLetterEventConnection> {
        const page = await this.service.list(ctx, { first, after, status });
        return { nodes: page.nodes.map(asType), pageInfo: page.pageInfo };
      }

      @Authorized(Scope.EVENTS_MANAGE)
      @Mutation(() => RetryDeadLetterEventResult, {
        name: `retry${Name}DeadLetterEvent`,
        description: `Puts a dead-lettered event back on the ${subgraph} subgraph's queue for another round of attempts.`,
      })
      async retry(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Id of the dead letter.' }) id: string): Promise<typeof RetryDeadLetterEventResult> {
        const result = await this.service.retry(ctx, id);
        return 'code' in result ? result : asType(result);
      }
    }
    resolver = DeadLetterResolver;
    resolvers.set(subgraph, resolver);
  }
  return { resolver, instance: new (resolver as new () => object)() };
}
