/** The Shopify stand-in's metafields and its cost throttle (`shopify-stand-in.ts`): what `metafieldsSet` does, and when Shopify answers THROTTLED. */

/** A metafield as the stand-in keeps it, one per owner, namespace and key. */
export interface FakeMetafield {
  /** `gid://shopify/Customer/<id>` */
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/** Shopify's leaky bucket of query cost points per shop: `maximumAvailable` points, refilled at `restoreRate` a second. */
export interface FakeCostBucket {
  maximumAvailable: number;
  restoreRate: number;
  /** What each Admin GraphQL request costs (a mutation is 10 in Shopify's calculation). */
  requestCost: number;
}

/** What a request may cost against a bucket: its throttle answer, or null when the points were taken. */
export interface CostCheck {
  throttled: Record<string, unknown> | null;
  /** `extensions.cost` of the answer, as Shopify reports it. */
  cost: Record<string, unknown>;
}

const OWNER = /^gid:\/\/shopify\/Customer\/[1-9][0-9]{0,18}$/;
/** Shopify's limit for one call. */
const PER_CALL = 25;

/**
 * Per shop: the metafields written, the customers Shopify no longer has (their values are refused),
 * and the cost buckets. Like Shopify, `metafieldsSet` is atomic: one refused value refuses the call.
 */
export class StandInMetafields {
  private readonly values = new Map<string, Map<string, FakeMetafield>>();
  private readonly applied = new Map<string, FakeMetafield[][]>();
  private readonly unknownOwners = new Map<string, Set<string>>();
  private readonly buckets = new Map<string, FakeCostBucket & { available: number; at: number }>();

  /** The metafields of `shop`, in the order they were first written. */
  of(shop: string): FakeMetafield[] {
    return [...(this.values.get(shop)?.values() ?? [])];
  }

  /** The `metafieldsSet` calls of `shop` that wrote their values (not those throttled or refused), oldest first. */
  calls(shop: string): FakeMetafield[][] {
    return [...(this.applied.get(shop) ?? [])];
  }

  /** From now on `metafieldsSet` refuses values for this customer, as for a customer deleted in Shopify. */
  forgetOwner(shop: string, shopifyCustomerId: string): void {
    this.unknownOwners.set(shop, new Set([...(this.unknownOwners.get(shop) ?? []), `gid://shopify/Customer/${shopifyCustomerId}`]));
  }

  /** From now on Admin GraphQL requests of `shop` draw on this bucket (starting full); null: unlimited again. */
  setBucket(shop: string, bucket: FakeCostBucket | null): void {
    if (bucket) this.buckets.set(shop, { ...bucket, available: bucket.maximumAvailable, at: Date.now() });
    else this.buckets.delete(shop);
  }

  /** Takes a request's cost from the shop's bucket, or answers THROTTLED as Shopify does (a 200 with a GraphQL error) when it lacks the points. */
  charge(shop: string): CostCheck | null {
    const bucket = this.buckets.get(shop);
    if (!bucket) return null;
    const now = Date.now();
    bucket.available = Math.min(bucket.maximumAvailable, bucket.available + ((now - bucket.at) / 1000) * bucket.restoreRate);
    bucket.at = now;
    const status = () => ({ maximumAvailable: bucket.maximumAvailable, currentlyAvailable: Math.floor(bucket.available), restoreRate: bucket.restoreRate });
    if (bucket.available < bucket.requestCost) {
      const cost = { requestedQueryCost: bucket.requestCost, actualQueryCost: null, throttleStatus: status() };
      return { cost, throttled: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost } } };
    }
    bucket.available -= bucket.requestCost;
    return { throttled: null, cost: { requestedQueryCost: bucket.requestCost, actualQueryCost: bucket.requestCost, throttleStatus: status() } };
  }

  /** `metafieldsSet`'s payload: every value written, or none with userErrors naming the refused ones by index. */
  set(shop: string, args: Record<string, unknown>): unknown {
    const list = Array.isArray(args.metafields) ? (args.metafields as Record<string, unknown>[]) : [];
    const error = (field: string[], code: string, message: string) => ({ field, code, message });
    if (list.length === 0) return { metafields: [], userErrors: [error(['metafields'], 'BLANK', "Metafields can't be blank")] };
    if (list.length > PER_CALL) return { metafields: [], userErrors: [error(['metafields'], 'LESS_THAN_OR_EQUAL_TO', `Exceeded the maximum metafields input limit of ${PER_CALL}.`)] };
    const unknown = this.unknownOwners.get(shop) ?? new Set<string>();
    const userErrors = list.flatMap((m, i) => {
      if (typeof m.ownerId !== 'string' || !OWNER.test(m.ownerId)) return [error(['metafields', String(i), 'ownerId'], 'INVALID', 'Owner must be a customer id')];
      if (unknown.has(m.ownerId)) return [error(['metafields', String(i), 'ownerId'], 'INVALID', 'Owner does not exist')];
      if (m.type !== 'single_line_text_field') return [error(['metafields', String(i), 'type'], 'INVALID_TYPE', 'Type is not supported here')];
      for (const field of ['namespace', 'key', 'value'] as const) {
        if (typeof m[field] !== 'string' || !m[field]) return [error(['metafields', String(i), field], 'BLANK', `${field} can't be blank`)];
      }
      if ((m.value as string).includes('\n')) return [error(['metafields', String(i), 'value'], 'INVALID_VALUE', 'Value must be a single line')];
      return [];
    });
    if (userErrors.length) return { metafields: [], userErrors };
    const forShop = this.values.get(shop) ?? new Map<string, FakeMetafield>();
    this.values.set(shop, forShop);
    const call = list.map((m) => ({ ownerId: m.ownerId, namespace: m.namespace, key: m.key, type: m.type, value: m.value }) as FakeMetafield);
    this.applied.set(shop, [...(this.applied.get(shop) ?? []), call]);
    const written = call.map((metafield) => {
      const key = `${metafield.ownerId} ${metafield.namespace} ${metafield.key}`;
      const index = forShop.has(key) ? [...forShop.keys()].indexOf(key) : forShop.size;
      forShop.set(key, metafield);
      return { id: `gid://shopify/Metafield/${index + 1}`, namespace: metafield.namespace, key: metafield.key };
    });
    return { metafields: written, userErrors: [] };
  }
}
