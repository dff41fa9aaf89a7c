// Rate limits in query-cost points, kept in Redis so that every gateway replica draws on the
// same buckets (Shopify's leaky bucket: a request takes its cost out of a bucket that refills at
// a steady rate).
import type { Caller } from '@loyalnest/kit';
import type { Redis } from 'ioredis';
import type { CostBucketConfig, RateLimitConfig } from '../config.js';

/** One bucket a request draws on: where it lives and how it refills. */
interface BucketRef extends CostBucketConfig {
  key: string;
}

/** Shopify's `extensions.cost.throttleStatus`: the bucket that limits the caller the most. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface Charge {
  allowed: boolean;
  /** When refused: seconds until the cost fits in every bucket (the `Retry-After`). */
  retryAfterSeconds: number;
  throttleStatus: ThrottleStatus;
}

/**
 * Checks and takes `cost` from every bucket in KEYS at once, or from none: a request refused by
 * one bucket takes nothing from the others. Levels refill lazily from each bucket's last write,
 * by Redis's clock (one clock for every replica). A full bucket is no key at all: keys expire
 * once they would have refilled.
 * KEYS[i]: bucket i. ARGV[1]: cost; ARGV[2i], ARGV[2i+1]: size and restore rate (points/s) of bucket i.
 * Reply: allowed (1/0), then per bucket its level (after the charge when allowed) and the
 * milliseconds until the cost fits in it.
 */
const CHARGE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost = tonumber(ARGV[1])
local levels = {}
local allowed = 1
for i, key in ipairs(KEYS) do
  local size = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local state = redis.call('HMGET', key, 'level', 'at')
  local level = size
  if state[1] then level = math.min(size, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) * rate / 1000) end
  levels[i] = level
  if level < cost then allowed = 0 end
end
local reply = { allowed }
for i, key in ipairs(KEYS) do
  local size = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local level = levels[i]
  if allowed == 1 then
    level = level - cost
    redis.call('HSET', key, 'level', tostring(level), 'at', tostring(now))
    redis.call('PEXPIRE', key, math.ceil((size - level) * 1000 / rate) + 1000)
  end
  reply[#reply + 1] = tostring(level)
  reply[#reply + 1] = tostring(math.max(0, math.ceil((cost - level) * 1000 / rate)))
end
return reply
`;

interface ChargingRedis {
  chargeCostBuckets(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<string[]>;
}

/**
 * The buckets of each kind of caller:
 * - a partner API key draws on its own bucket and on its merchant's partner bucket, which all the
 *   merchant's keys share (so adding keys does not add capacity);
 * - a merchant admin (each user of the embedded app) and a signed-in shopper (the widget) each have
 *   one, looser; guest shoppers share one per client IP within the merchant: every guest is the
 *   same actor, and a session is free to mint (`/proxy/session`), so a bucket per session would let
 *   a script mint a fresh one whenever it runs dry;
 * - Flow and system callers are not metered here: Flow actions arrive signed by Shopify on routes
 *   of their own, and system callers (anonymous introspection outside production) run no data query.
 * Keys are under the queue prefix, with the merchant as Redis Cluster hash tag so one request's
 * buckets share a slot.
 */
export class CostBuckets {
  private readonly redis: Redis & ChargingRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly config: RateLimitConfig,
  ) {
    redis.defineCommand('chargeCostBuckets', { lua: CHARGE_SCRIPT });
    this.redis = redis as Redis & ChargingRedis;
  }

  private bucketsOf(caller: Caller, clientIp: string): BucketRef[] {
    const base = `${this.prefix}:cost:{${caller.merchantId}}`;
    switch (caller.actor.kind) {
      case 'partner':
        return [
          { key: `${base}:key:${caller.actor.id}`, ...this.config.partnerKey },
          { key: `${base}:partners`, ...this.config.partnerMerchant },
        ];
      case 'admin':
        return [{ key: `${base}:admin:${caller.actor.id}`, ...this.config.admin }];
      case 'shopper':
        // No address at all (a socket already gone) still shares one bucket, rather than none.
        return [{ key: caller.sessionId ? `${base}:guest-ip:${clientIp || 'unknown'}` : `${base}:shopper:${caller.actor.id}`, ...this.config.shopper }];
      default:
        return [];
    }
  }

  /**
   * Takes `cost` from the caller's buckets, or refuses; null for callers that are not metered.
   * `clientIp`: the request's address past the trusted proxies (kit's `clientIp`), which keys guests.
   */
  async charge(caller: Caller, cost: number, clientIp: string): Promise<Charge | null> {
    const buckets = this.bucketsOf(caller, clientIp);
    if (!caller.merchantId || buckets.length === 0) return null;
    const reply = await this.redis.chargeCostBuckets(
      buckets.length,
      ...buckets.map((b) => b.key),
      cost,
      ...buckets.flatMap((b) => [b.size, b.restorePerSecond]),
    );
    const allowed = Number(reply[0]) === 1;
    const states = buckets.map((bucket, i) => ({ bucket, level: Number(reply[1 + 2 * i]), waitMs: Number(reply[2 + 2 * i]) }));
    // The bucket that limits the caller the most: the longest wait when refused, else the emptiest.
    const limiting = states.reduce((worst, s) => (allowed ? s.level < worst.level : s.waitMs > worst.waitMs) ? s : worst);
    return {
      allowed,
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(limiting.waitMs / 1000)),
      throttleStatus: {
        maximumAvailable: limiting.bucket.size,
        currentlyAvailable: Math.max(0, Math.floor(limiting.level)),
        restoreRate: limiting.bucket.restorePerSecond,
      },
    };
  }
}
