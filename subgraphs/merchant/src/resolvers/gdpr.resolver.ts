import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GdprRequest } from '../entities/gdpr-request.entity.js';
import { GdprRequestConnection, GdprRequestKind, GdprRequestType, GdprStatus, GdprSubjectType } from '../graphql/gdpr-request.type.js';
import type { GdprService } from '../services/gdpr.service.js';

/** Stored kinds (Shopify's topic names) → the API's upper-case values. */
const KINDS: Record<GdprRequest['kind'], GdprRequestKind> = {
  customer_redact: GdprRequestKind.CUSTOMER_REDACT,
  customer_data_request: GdprRequestKind.CUSTOMER_DATA_REQUEST,
  shop_redact: GdprRequestKind.SHOP_REDACT,
};

function asType(request: GdprRequest): GdprRequestType {
  return Object.assign(new GdprRequestType(), {
    id: request.id,
    kind: KINDS[request.kind],
    status: request.status === 'completed' ? GdprStatus.COMPLETED : GdprStatus.PENDING,
    requestedAt: request.requestedAt,
    completedAt: request.completedAt ?? null,
    parts: Object.entries(request.parts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([subgraph, at]) => ({ subgraph, status: at ? GdprStatus.COMPLETED : GdprStatus.PENDING, completedAt: at ? new Date(at) : null })),
  });
}

/** The merchant's view of Shopify's compliance requests, and the internal calls the subgraphs carrying them out make. */
@Resolver()
export class GdprResolver {
  constructor(private readonly gdpr: GdprService) {}

  @Authorized(Scope.GDPR_READ)
  @Query(() => GdprRequestConnection, { description: "The merchant's GDPR requests from Shopify, newest first, with their progress per subgraph." })
  async gdprRequests(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page.' }) after?: string,
  ): Promise<GdprRequestConnection> {
    const page = await this.gdpr.list(ctx, { first, after });
    return { nodes: page.nodes.map(asType), pageInfo: page.pageInfo };
  }

  @Authorized(Scope.GDPR_READ)
  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The export of a completed customers/data_request: what each subgraph holds about the customer, keyed by subgraph. Null while pending or for another kind of request.',
  })
  gdprExport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'LoyalNest id of the GDPR request, from `gdprRequests`.' }) id: string,
  ): Promise<Record<string, unknown> | null> {
    return this.gdpr.export(ctx, id);
  }

  @Authorized(Scope.GDPR_EXECUTE)
  @Directive('@inaccessible')
  @Query(() => GdprSubjectType, { nullable: true, description: 'Internal: whom a customer request concerns; null once erased.' })
  _gdprSubject(
    @Ctx() ctx: RequestContext,
    @Arg('requestId', () => ID, { description: 'The GDPR request.' }) requestId: string,
  ): Promise<GdprSubjectType | null> {
    return this.gdpr.subject(ctx, requestId);
  }

  @Authorized(Scope.GDPR_EXECUTE)
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal: a subgraph's part of a data request's export." })
  _submitGdprExport(
    @Ctx() ctx: RequestContext,
    @Arg('requestId', () => ID, { description: 'The data request.' }) requestId: string,
    @Arg('subgraph', () => String, { description: 'The subgraph whose part this is.' }) subgraph: string,
    // Free-form JSON, not an input class: nothing for class-validator to check (and it refuses
    // the null-prototype objects that GraphQLJSONObject makes of inline literals).
    @Arg('data', () => GraphQLJSONObject, { validate: false, description: 'What the subgraph holds about the customer.' }) data: Record<string, unknown>,
  ): Promise<boolean> {
    return this.gdpr.submitExport(ctx, requestId, subgraph, data);
  }

  @Authorized(Scope.GDPR_EXECUTE)
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal: a subgraph completed its part of a request (shop redaction reports this way).' })
  _completeGdprPart(
    @Ctx() ctx: RequestContext,
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Arg('subgraph', () => String, { description: 'The subgraph that completed its part.' }) subgraph: string,
  ): Promise<boolean> {
    return this.gdpr.completePart(ctx, requestId, subgraph);
  }
}
