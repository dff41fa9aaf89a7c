import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AuditEntry } from '../entities/audit-entry.entity.js';
import { AuditEntryFilter } from '../graphql/audit-entry-filter.input.js';
import {
  AuditChainVerificationType,
  AuditEntryConnection,
  type ActorKindType,
  type AuditChainBreakReason,
  type AuditEntryType,
  type AuditSourceKindType,
} from '../graphql/audit-entry.type.js';
import type { AuditService } from '../services/audit.service.js';

function asType(entry: AuditEntry): AuditEntryType {
  return {
    id: entry.id,
    sequence: entry.sequence,
    actor: { kind: entry.actorKind as ActorKindType, id: entry.actorId },
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    action: entry.action,
    summary: entry.summary,
    requestId: entry.requestId ?? null,
    correlationId: entry.correlationId ?? null,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    source: { kind: entry.sourceKind as AuditSourceKindType, topic: entry.sourceTopic, eventId: entry.sourceEventId },
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

@Resolver()
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @Authorized(Scope.AUDIT_READ)
  @Query(() => AuditEntryConnection, { description: "The merchant's audit trail, newest first, filtered and paginated by cursor." })
  async auditEntries(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
    @Arg('filter', () => AuditEntryFilter, { nullable: true, description: 'Conditions the entries must meet.' }) filter: AuditEntryFilter | null,
  ): Promise<AuditEntryConnection> {
    const page = await this.service.list(ctx, { first, after, filter });
    return { nodes: page.nodes.map(asType), pageInfo: page.pageInfo };
  }

  @Authorized(Scope.AUDIT_READ)
  @Query(() => AuditChainVerificationType, {
    description: "Walks the merchant's audit hash chain from its first entry and reports whether it holds, or its first broken link.",
  })
  async verifyAuditChain(@Ctx() ctx: RequestContext): Promise<AuditChainVerificationType> {
    const result = await this.service.verify(ctx);
    return {
      ok: result.ok,
      entriesChecked: result.entriesChecked,
      firstBreak: result.firstBreak && { ...result.firstBreak, reason: result.firstBreak.reason as AuditChainBreakReason },
      headSequence: result.head?.sequence ?? null,
      headHash: result.head?.hash ?? null,
    };
  }
}
