import { CustomerNotFoundError, Scope, textProblem, type FlowAction, type FlowActionOutcome, type FlowActionRun } from '@loyalnest/kit';
import { IdempotencyKeyReusedError, InsufficientPointsError } from '../graphql/points.error.js';
import type { CustomerDirectory } from './customer-directory.js';
import type { ChangeResult, PointsService } from './points.service.js';

/** The points domain's Flow actions (`extensions/flow-<handle>/shopify.extension.toml`). */
export const FLOW_ACTION_HANDLES = ['award-points', 'deduct-points'] as const;
export type FlowActionHandle = (typeof FLOW_ACTION_HANDLES)[number];

/** An award's or a deduction's properties besides the customer. */
interface PointsProperties {
  points: number;
  reason: string | null;
}

const MAX_POINTS = 1_000_000;

const fail = (status: 409 | 422, message: string): FlowActionOutcome => ({ status, body: { message } });

/**
 * Shopify Flow's `award-points` and `deduct-points`, served through the kit's `flowActionRoutes`
 * (signature, shop and run id checked there): they run the same service as the `awardPoints` /
 * `deductPoints` mutations, as the Flow actor with `points:write`, on the customer with that
 * Shopify id within the shop's merchant only. The ledger keys the entry by the run id, so a run
 * Flow sends again is the same change.
 */
export class FlowActionService {
  constructor(
    private readonly points: PointsService,
    private readonly customers: CustomerDirectory,
  ) {}

  actions(): FlowAction<PointsProperties>[] {
    return FLOW_ACTION_HANDLES.map((handle) => ({ handle, scopes: [Scope.POINTS_WRITE], parse: parsePoints, run: (run) => this.run(handle, run) }));
  }

  private async run(handle: FlowActionHandle, { ctx, runId, shopifyCustomerId, properties }: FlowActionRun<PointsProperties>): Promise<FlowActionOutcome> {
    const customer = await this.customers.byShopifyId(ctx, shopifyCustomerId);
    if (!customer) return fail(422, `No customer with Shopify id ${shopifyCustomerId} in this shop`);
    const input = {
      customerId: customer.customerId,
      points: properties.points,
      reason: properties.reason ?? (handle === 'award-points' ? 'Shopify Flow award' : 'Shopify Flow deduction'),
      // Flow sends a run again when it saw no answer: the same run id is the same change.
      idempotencyKey: `run:${runId}`,
    };
    const result = handle === 'award-points' ? await this.points.award(ctx, input) : await this.points.deduct(ctx, input);
    return answer(result);
  }
}

function answer(result: ChangeResult): FlowActionOutcome {
  if (result instanceof InsufficientPointsError) return fail(422, result.message);
  if (result instanceof CustomerNotFoundError) return fail(422, result.message);
  if (result instanceof IdempotencyKeyReusedError) return fail(409, 'This action run was already applied with different properties');
  return { status: 200, body: { status: result.duplicate ? 'duplicate' : 'applied', entryId: result.entry.id, balance: result.account.balance } };
}

/** `points` and `reason`, or what is wrong with them (naming the field). */
function parsePoints(properties: Record<string, unknown>): PointsProperties | string {
  const points = typeof properties.points === 'string' && properties.points.trim() !== '' ? Number(properties.points) : properties.points;
  if (typeof points !== 'number' || !Number.isInteger(points) || points < 1 || points > MAX_POINTS) {
    return `properties.points: must be a whole number from 1 to ${MAX_POINTS.toLocaleString('en')}`;
  }
  if (properties.reason !== undefined && properties.reason !== null && typeof properties.reason !== 'string') return 'properties.reason: must be text';
  const reason = typeof properties.reason === 'string' ? properties.reason.trim() : '';
  if (reason.length > 255) return 'properties.reason: at most 255 characters';
  const unstorable = textProblem(reason);
  if (unstorable) return `properties.reason: ${unstorable}`;
  return { points, reason: reason || null };
}
