import { quitRedis, type KitConfig } from '@loyalnest/kit';
import { Redis } from 'ioredis';

/**
 * What the storefront is shown for a link: the friend's offer, never anything about the advocate.
 * Amounts are decimal strings in the shop's currency.
 */
export interface ReferralOffer {
  enabled: boolean;
  reward: { kind: string; value: string | null; minimumOrderAmount: string | null; expiryDays: number | null } | null;
  currency: string | null;
}

/**
 * A link's code is held by no customer of the merchant (or no longer: an erased advocate's). Cached
 * so the same bad code repeated reaches PostgreSQL once a minute; a flood of fresh random codes
 * still misses every time (two PostgreSQL reads and the merchant subgraph's currency per code).
 */
const NOBODY = '-';
const HOLDER_TTL_S = 7 * 86_400;
const NOBODY_TTL_S = 60;
/** A program change drops the cached offer at once; the expiry bounds how stale it can get if that drop is lost. */
const OFFER_TTL_S = 60;
/**
 * A code's visitors of one UTC day are a HyperLogLog (at most 12 KB however many visitors, and
 * visitors are hashes of client-chosen headers); kept a day longer so a click at midnight still
 * finds it.
 */
const SEEN_TTL_S = 2 * 86_400;

export type ClickOutcome =
  /** The code or the offer is not in Redis: fill both from PostgreSQL and count again. */
  | { kind: 'miss' }
  /** The code is held by nobody at the merchant. */
  | { kind: 'unknown' }
  /** Known code; `counted` is false when the program is off (nothing is counted then). */
  | { kind: 'known'; offer: ReferralOffer; counted: boolean; unique: boolean };

/**
 * One click in one round trip, atomically: the code's holder and the offer are read, and when both
 * are cached and the program is on, the click is counted (total, and unique when adding the visitor
 * changed the day's HyperLogLog of the code) into the merchant's pending counts, and the merchant is
 * marked for the flush. A repeat visitor never changes it, so repeats never count as unique; a new
 * visitor that happens not to change it is not counted, so uniques are an estimate, slightly low
 * (the sketch's standard error is 0.81 %). Returns { holder | false, offer | false, new } where new
 * is -1 for a miss.
 */
const CLICK = `
local holder = redis.call('GET', KEYS[1])
local offer = redis.call('GET', KEYS[2])
if (not holder) or (not offer) then return {false, false, -1} end
if holder == '${NOBODY}' or string.sub(offer, 1, 1) ~= '1' then return {holder, offer, 0} end
local new = redis.call('PFADD', KEYS[3], ARGV[1])
if new == 1 then redis.call('EXPIRE', KEYS[3], ARGV[3]) end
redis.call('HINCRBY', KEYS[4], 'c:' .. holder, 1)
if new == 1 then redis.call('HINCRBY', KEYS[4], 'u:' .. holder, 1) end
redis.call('SADD', KEYS[5], ARGV[2])
return {holder, offer, new}
`;

/**
 * Takes the merchant's pending counts for a flush: a batch left by a flush that did not finish is
 * taken again as it was (same batch id, so PostgreSQL applies it at most once); otherwise the
 * pending counts become the batch, under a new id.
 */
const TAKE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.call('HGETALL', KEYS[2]) end
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[2], 'batch', ARGV[1])
return redis.call('HGETALL', KEYS[2])
`;

/** Drops an applied batch, and the merchant's mark once nothing is pending or in flight. */
const DONE = `
if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'batch') == ARGV[1] then redis.call('DEL', KEYS[1]) end
if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
return 1
`;

type Script = (...args: (string | number)[]) => Promise<unknown>;
interface ClickCommands {
  referralClick: Script;
  referralTake: Script;
  referralDone: Script;
}

/** A batch of click counts taken from Redis: per customer, total and unique clicks. */
export interface ClickBatch {
  batchId: string;
  counts: { customerId: string; clicks: number; uniqueClicks: number }[];
}

/**
 * The referral domain's hot path in Redis: code → advocate and the merchant's offer (caches of
 * PostgreSQL, refilled on a miss, so a flushed Redis costs a miss and nothing else), and the click
 * counters the flush job moves into PostgreSQL. Losing Redis loses the counts not yet flushed,
 * never a code or a referral. Keys live under `<EVENTS_QUEUE_PREFIX>:referral:`. The scripts touch
 * several keys at once: a single Redis, not a Cluster. With replicas, a failover can lose the
 * writes of the last moments (replication is asynchronous): a lost `take` whose batch PostgreSQL
 * already applied is taken again under a new id and counted twice.
 */
export class ClickStore {
  private redis: Redis | null = null;

  constructor(private readonly prefix: string, private readonly redisUrl: string) {}

  static of(config: KitConfig): ClickStore {
    return new ClickStore(`${config.events.queuePrefix}:referral`, config.redisUrl);
  }

  /** The scripts are defined as commands: sent once, then run by their SHA (EVALSHA). */
  private client(): Redis & ClickCommands {
    if (!this.redis) {
      const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true }).on('error', () => {});
      redis.defineCommand('referralClick', { numberOfKeys: 5, lua: CLICK });
      redis.defineCommand('referralTake', { numberOfKeys: 2, lua: TAKE });
      redis.defineCommand('referralDone', { numberOfKeys: 3, lua: DONE });
      this.redis = redis;
    }
    return this.redis as Redis & ClickCommands;
  }

  private codeKey = (merchantId: string, code: string) => `${this.prefix}:code:${merchantId}:${code}`;
  private offerKey = (merchantId: string) => `${this.prefix}:offer:${merchantId}`;
  /** Named apart from the visitor sets the first version kept, so a key left by it is never PFADDed (WRONGTYPE). */
  private seenKey = (merchantId: string, code: string, day: string) => `${this.prefix}:visitors:${merchantId}:${day}:${code}`;
  private pendingKey = (merchantId: string) => `${this.prefix}:pending:${merchantId}`;
  private flushingKey = (merchantId: string) => `${this.prefix}:flushing:${merchantId}`;
  private dirtyKey = () => `${this.prefix}:dirty`;

  async click(merchantId: string, code: string, visitor: string, day: string): Promise<ClickOutcome> {
    const keys = [this.codeKey(merchantId, code), this.offerKey(merchantId), this.seenKey(merchantId, code, day), this.pendingKey(merchantId), this.dirtyKey()];
    const [holder, offer, isNew] = (await this.client().referralClick(...keys, visitor, merchantId, SEEN_TTL_S)) as [string | null, string | null, number];
    if (isNew === -1 || holder === null || offer === null) return { kind: 'miss' };
    if (holder === NOBODY) return { kind: 'unknown' };
    return { kind: 'known', offer: JSON.parse(offer.slice(2)) as ReferralOffer, counted: offer[0] === '1', unique: isNew === 1 };
  }

  /**
   * Caches who holds the code (null: nobody) and the merchant's offer, as PostgreSQL had them when
   * read. The code is set only if Redis has none (NX): a fill that read PostgreSQL before a
   * redaction committed must not overwrite the tombstone `forgetCodes` wrote after it, nor any
   * value written since.
   */
  async fill(merchantId: string, code: string, holder: string | null, offer: ReferralOffer): Promise<void> {
    await this.client()
      .multi()
      .set(this.codeKey(merchantId, code), holder ?? NOBODY, 'EX', holder ? HOLDER_TTL_S : NOBODY_TTL_S, 'NX')
      .set(this.offerKey(merchantId), `${offer.enabled ? '1' : '0'}|${JSON.stringify(offer)}`, 'EX', OFFER_TTL_S)
      .exec();
  }

  /** The program changed: the next click reads it from PostgreSQL. */
  async forgetOffer(merchantId: string): Promise<void> {
    await this.client().del(this.offerKey(merchantId));
  }

  /**
   * Codes that no longer belong to anyone (a redacted customer): each is marked held by nobody for
   * as long as a holder is cached, rather than deleted, so a click's fill still in flight (it read
   * the code before the delete committed) finds the mark and leaves it (see `fill`).
   */
  async forgetCodes(merchantId: string, codes: string[]): Promise<void> {
    if (!codes.length) return;
    const tx = this.client().multi();
    for (const code of codes) tx.set(this.codeKey(merchantId, code), NOBODY, 'EX', HOLDER_TTL_S);
    await tx.exec();
  }

  /** One SSCAN step over the merchants with counts pending or in flight: the next cursor ('0' at the end) and the merchants. */
  async scanDirty(cursor: string, count: number): Promise<{ cursor: string; merchants: string[] }> {
    const [next, merchants] = await this.client().sscan(this.dirtyKey(), cursor, 'COUNT', count);
    return { cursor: next, merchants };
  }

  async take(merchantId: string, newBatchId: string): Promise<ClickBatch | null> {
    const flat = (await this.client().referralTake(this.pendingKey(merchantId), this.flushingKey(merchantId), newBatchId)) as string[];
    if (!flat.length) return null;
    const fields = new Map<string, string>();
    for (let i = 0; i < flat.length; i += 2) fields.set(flat[i], flat[i + 1]);
    const byCustomer = new Map<string, { customerId: string; clicks: number; uniqueClicks: number }>();
    for (const [field, value] of fields) {
      const [kind, customerId] = [field.slice(0, 2), field.slice(2)];
      if (kind !== 'c:' && kind !== 'u:') continue;
      const entry = byCustomer.get(customerId) ?? { customerId, clicks: 0, uniqueClicks: 0 };
      if (kind === 'c:') entry.clicks = Number(value);
      else entry.uniqueClicks = Number(value);
      byCustomer.set(customerId, entry);
    }
    return { batchId: fields.get('batch')!, counts: [...byCustomer.values()] };
  }

  /** The batch is in PostgreSQL (or there was none: `batchId` null). */
  async done(merchantId: string, batchId: string | null): Promise<void> {
    await this.client().referralDone(this.flushingKey(merchantId), this.pendingKey(merchantId), this.dirtyKey(), batchId ?? '', merchantId);
  }

  async close(): Promise<void> {
    const open = this.redis;
    this.redis = null;
    if (open) await quitRedis(open);
  }
}
