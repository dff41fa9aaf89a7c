import { FlowActionRuns, isUuid, Scope, systemCaller, textProblem, type FlowAction, type FlowActionOutcome, type FlowActionRun, type RequestContext } from '@loyalnest/kit';
import { textIn } from '../domain/tier-program.js';
import type { Tier } from '../entities/tier.entity.js';
import type { TierAssignmentProblem } from '../graphql/assign-tier.error.js';
import type { TierAssignmentService } from './tier-assignment.service.js';
import type { TierProgramService } from './tier-program.service.js';

/** The tier domain's Flow actions (`extensions/flow-action-<handle>/shopify.extension.toml`). */
export const TIER_FLOW_ACTION_HANDLES = ['change-tier'] as const;

/** `change-tier`'s properties besides the customer. */
interface ChangeTierProperties {
  /** The tier as the merchant typed it (trimmed); null lifts the assignment. */
  tier: string | null;
  until: Date | null;
}

const CUSTOMER_BY_SHOPIFY_ID = /* GraphQL */ `
  query TierFlowCustomerByShopifyId($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { id } }
`;

/** A tier's name is at most this long (the program's own limit is lower); anything longer names no tier. */
const MAX_TIER_TEXT = 255;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 with a time and an explicit zone: a time without one would depend on the server's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Which property an assignment's refusal is about, as the merchant set it in Flow's editor. */
const PROPERTY_OF: Record<TierAssignmentProblem['field'], string> = { customerId: 'properties.customer_id', tierId: 'properties.tier', until: 'properties.until' };

const refuse = (property: string, message: string): FlowActionOutcome => ({ status: 422, body: { message: `${property}: ${message}` } });

/**
 * Shopify Flow's `change-tier`, served through the kit's `flowActionRoutes` (signature, shop and
 * run id checked there): assigns the customer a tier, optionally until a date, or lifts their
 * assignment, with the same service as the `assignTier` mutation, as the Flow actor with
 * `tiers:manage`. The tier is the one whose id, or whose name in any of the merchant's languages
 * (case-insensitive), is the text given, within the shop's merchant only. An assignment has no
 * idempotency key of its own, so each run is recorded with it (`FlowActionRuns`): applied once.
 */
export class TierFlowActionService {
  private readonly runs = new FlowActionRuns();

  constructor(
    private readonly assignments: TierAssignmentService,
    private readonly program: TierProgramService,
  ) {}

  actions(): FlowAction<ChangeTierProperties>[] {
    return [{ handle: 'change-tier', scopes: [Scope.TIERS_MANAGE], parse: parseChangeTier, run: (run) => this.changeTier(run) }];
  }

  private async changeTier({ ctx, runId, shopifyCustomerId, properties }: FlowActionRun<ChangeTierProperties>): Promise<FlowActionOutcome> {
    const customerId = await this.customerOf(ctx, shopifyCustomerId);
    if (!customerId) return refuse('properties.customer_id', `No customer with Shopify id ${shopifyCustomerId} in this shop`);
    const tiers = await this.program.tiers(ctx);
    let tier: Tier | null = null;
    if (properties.tier !== null) {
      const found = tierNamed(tiers, properties.tier);
      if (typeof found === 'string') return refuse('properties.tier', found);
      tier = found;
    }
    const key = {
      handle: 'change-tier',
      runId,
      // What the merchant asked for, not what it resolved to: a tier renamed between two sends of one run is still that run.
      properties: { customer: shopifyCustomerId, tier: properties.tier?.toLowerCase() ?? null, until: properties.until?.toISOString() ?? null },
      customerId,
    };
    return this.runs.once(ctx, key, async () => {
      const member = await this.assignments.assign(ctx, { customerId, tierId: tier?.id ?? null, until: properties.until });
      if ('field' in member) return refuse(PROPERTY_OF[member.field], member.message);
      const nameOf = (id: string | null | undefined) => (id ? textIn(tiers.find((t) => t.id === id)?.names ?? {}) || null : null);
      return {
        status: 200,
        body: {
          status: 'applied',
          customerId,
          tierId: member.tierId ?? null,
          tierName: nameOf(member.tierId),
          assignedTierId: member.manualTierId ?? null,
          assignedUntil: member.manualUntil?.toISOString() ?? null,
        },
      };
    });
  }

  /** The customer subgraph owns customers: the one with this Shopify id at the context's merchant, if any. */
  private async customerOf(ctx: RequestContext, shopifyCustomerId: string): Promise<string | null> {
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const answer = await ctx.peers.query<{ customerByShopifyId: { id: string } | null }>('customer', CUSTOMER_BY_SHOPIFY_ID, { shopifyId: shopifyCustomerId }, caller);
    return answer.customerByShopifyId?.id ?? null;
  }
}

/** The tier whose id, or name in any language (case-insensitive), is `text`; else why none is. */
function tierNamed(tiers: Tier[], text: string): Tier | string {
  if (isUuid(text)) {
    const byId = tiers.find((t) => t.id === text.toLowerCase());
    if (byId) return byId;
  }
  const wanted = text.toLowerCase();
  const named = tiers.filter((t) => Object.values(t.names).some((name) => name?.trim().toLowerCase() === wanted));
  if (named.length === 1) return named[0];
  if (named.length > 1) return `"${text}" names ${named.length} tiers of the program; give the tier's id`;
  return `No tier "${text}" in the program (give a tier's id or its name in any of the program's languages)`;
}

/** `tier` and `until`, or what is wrong with them (naming the field). */
function parseChangeTier(properties: Record<string, unknown>): ChangeTierProperties | string {
  const { tier: rawTier, until: rawUntil } = properties;
  if (rawTier !== undefined && rawTier !== null && typeof rawTier !== 'string') return 'properties.tier: must be text (a tier id or name; empty lifts the assignment)';
  const tier = typeof rawTier === 'string' ? rawTier.trim().normalize('NFC') : '';
  if (tier.length > MAX_TIER_TEXT) return `properties.tier: at most ${MAX_TIER_TEXT} characters`;
  const unstorable = textProblem(tier);
  if (unstorable) return `properties.tier: ${unstorable}`;
  if (rawUntil !== undefined && rawUntil !== null && typeof rawUntil !== 'string') return 'properties.until: must be a date (YYYY-MM-DD) or an ISO 8601 date and time with a zone';
  const untilText = typeof rawUntil === 'string' ? rawUntil.trim() : '';
  const until = untilText ? dateOf(untilText) : null;
  if (untilText && !until) return 'properties.until: must be a date (YYYY-MM-DD) or an ISO 8601 date and time with a zone';
  if (!tier && until) return 'properties.until: only an assignment has an end; leave it empty when lifting (empty tier)';
  return { tier: tier || null, until };
}

/** A date alone holds through that whole day (UTC): the assignment ends at the next midnight UTC. */
function dateOf(text: string): Date | null {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const start = new Date(Date.UTC(year, month - 1, date));
    if (start.getUTCFullYear() !== year || start.getUTCMonth() !== month - 1 || start.getUTCDate() !== date) return null;
    return new Date(start.getTime() + 24 * 60 * 60 * 1000);
  }
  if (!DATE_TIME.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}
