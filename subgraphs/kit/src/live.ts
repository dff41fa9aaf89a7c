import { Redis } from 'ioredis';
import type { KitConfig } from './config.js';
import { logger } from './logger.js';

/**
 * Live updates (GraphQL subscriptions) travel on Redis pub/sub, one channel per topic, e.g.
 * `loyalnest:live:balance.changed`. Every gateway replica subscribes once per topic and fans a
 * message out to its own sockets, so publishers never know who listens. Messages are sent after
 * the change they report has committed; pub/sub is fire-and-forget, so a subscriber that was
 * away reads the current state on (re)subscribe rather than relying on the stream.
 */
export const LIVE_TOPICS = {
  /** `BalanceChangedMessage`: a points account's balance after a committed ledger entry. */
  balanceChanged: 'balance.changed',
  /** `RedemptionUpdatedMessage`: a redemption was created or changed status. */
  redemptionUpdated: 'redemption.updated',
  /** `TierChangedMessage`: a customer's VIP tier changed (committed by the tier domain). */
  tierChanged: 'tier.changed',
  /** `MerchantActivityMessage`: something happened at a merchant that its admins may watch live. */
  merchantActivity: 'merchant.activity',
  /**
   * `ApiKeyRevokedMessage`: a partner key was revoked. No subscription serves it: every gateway
   * replica closes the sockets it opened with that key.
   */
  apiKeyRevoked: 'api-key.revoked',
} as const;

export type LiveTopic = (typeof LIVE_TOPICS)[keyof typeof LIVE_TOPICS];

export interface BalanceChangedMessage {
  merchantId: string;
  customerId: string;
  balance: number;
  pending: number;
  lifetimeEarned: number;
  /** The ledger entry that changed it. */
  entryId: string;
  kind: string;
  /** Signed change of the spendable balance. */
  delta: number;
  /** ISO 8601, when the change committed: subscribers measure delivery latency from it. */
  committedAt: string;
}

export interface RedemptionUpdatedMessage {
  merchantId: string;
  customerId: string;
  redemptionId: string;
  status: string;
  committedAt: string;
}

export interface TierChangedMessage {
  merchantId: string;
  customerId: string;
  /** The tier before and after (`Tier.id`); null for none. */
  fromTierId: string | null;
  toTierId: string | null;
  /** `up` or `down`. */
  direction: string;
  /** Why, as `tier.changed` gives it (`qualified`, `period_ended`, …). */
  reason: string;
  /** The member's change count after this change: a subscriber seeing two keeps the higher. */
  version: number;
  committedAt: string;
}

export interface MerchantActivityMessage {
  merchantId: string;
  /** e.g. `points.earned`, `reward.redeemed`, `webhook.received`. */
  kind: string;
  customerId: string | null;
  /** Ids and numbers only, like event payloads. */
  details: Record<string, unknown>;
  committedAt: string;
}

export interface ApiKeyRevokedMessage {
  merchantId: string;
  apiKeyId: string;
  committedAt: string;
}

export function liveChannel(config: Pick<KitConfig, 'events'>, topic: LiveTopic): string {
  return `${config.events.queuePrefix}:live:${topic}`;
}

/** Publishes live messages; never throws: a lost live message is made good by the next read. */
export interface LivePublisher {
  publish(topic: LiveTopic, message: object): Promise<void>;
  close(): Promise<void>;
}

/** One Redis connection per runtime, opened on first use. */
export function createLivePublisher(config: KitConfig, subgraph = 'live'): LivePublisher {
  let redis: Redis | null = null;
  return {
    async publish(topic, message) {
      try {
        redis ??= new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true }).on('error', () => {});
        await redis.publish(liveChannel(config, topic), JSON.stringify(message));
      } catch (error) {
        logger(subgraph).warn({ err: error, topic }, 'publishing a live message failed');
      }
    },
    async close() {
      const open = redis;
      redis = null;
      if (open) await quitRedis(open);
    },
  };
}

/**
 * Closes a Redis connection politely (QUIT), but never waits for it longer than `ms`: a
 * connection that is reconnecting or stalled would otherwise hold a shutdown open.
 */
export async function quitRedis(client: Pick<Redis, 'quit' | 'disconnect'>, ms = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([client.quit().then(() => undefined, () => undefined), late]);
  clearTimeout(timer);
  client.disconnect();
}

/** For contexts built without a runtime (tools): live messages go nowhere. */
export const noLive: LivePublisher = { publish: async () => {}, close: async () => {} };
