import { DEFAULT_PAGE_SIZE, forbidden, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CustomerRef } from '../graphql/customer-ref.type.js';
import { CustomerRfmType, SegmentHistoryConnection } from '../graphql/customer-rfm.type.js';
import type { CustomerRfm, CustomerRfmService } from '../services/customer-rfm.service.js';
import type { SegmentDefinitionService } from '../services/segment-definition.service.js';
import { segmentLabeler } from './segment-label.mapping.js';

/** `Customer.rfm`: the segment subgraph's extension of the customer entity, for admins only. */
@Resolver(() => CustomerRef)
export class CustomerRfmResolver {
  constructor(
    private readonly scores: CustomerRfmService,
    private readonly definitions: SegmentDefinitionService,
  ) {}

  @FieldResolver(() => CustomerRfmType, {
    nullable: true,
    description: "The customer's RFM scores and segment (`segments:read`; a shopper is refused, even for themself). Null for a customer no run has scored, or an id the merchant has no customer under.",
  })
  async rfm(@Ctx() ctx: RequestContext, @Root() customer: CustomerRef): Promise<CustomerRfmType | null> {
    // Segments are the merchant's view of its customers, not something to show the customer.
    if (!ctx.scopes.includes(Scope.SEGMENTS_READ)) throw forbidden(`Missing scope: ${Scope.SEGMENTS_READ}`);
    const [scores, label] = await Promise.all([
      ctx.loaders.get<string, CustomerRfm>('segment.rfm', (ids) => this.scores.scoresOf(ctx, ids)).load(customer.id),
      segmentLabeler(ctx, this.definitions),
    ]);
    if (!scores) return null;
    const { customerId, recency, frequency, monetary, segment, since } = scores;
    return Object.assign(new CustomerRfmType(), { customerId, recency, frequency, monetary, segment: label(segment)!, since });
  }
}

@Resolver(() => CustomerRfmType)
export class CustomerRfmHistoryResolver {
  constructor(
    private readonly scores: CustomerRfmService,
    private readonly definitions: SegmentDefinitionService,
  ) {}

  @FieldResolver(() => SegmentHistoryConnection, { description: "The runs that changed the customer's scores or segment, newest first, paginated by cursor." })
  async history(
    @Ctx() ctx: RequestContext,
    @Root() rfm: CustomerRfmType,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<SegmentHistoryConnection> {
    const [page, label] = await Promise.all([this.scores.history(ctx, rfm.customerId, { first, after }), segmentLabeler(ctx, this.definitions)]);
    return {
      nodes: page.nodes.map((h) => ({ ...h, segment: label(h.segment), previousSegment: label(h.previousSegment) })),
      pageInfo: page.pageInfo,
    };
  }
}
