import {
  LIVE_TOPICS,
  liveChannel,
  logger,
  quitRedis,
  type ApiKeyRevokedMessage,
  type BalanceChangedMessage,
  type KitConfig,
  type LiveTopic,
  type MerchantActivityMessage,
  type RedemptionUpdatedMessage,
  type TierChangedMessage,
} from '@loyalnest/kit';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';

/**
 * What a subscription listens to: one customer's balance, redemptions or tier, one merchant's
 * activity, or the tier changes of all of one merchant's customers.
 */
export type LiveKey =
  | { topic: typeof LIVE_TOPICS.balanceChanged | typeof LIVE_TOPICS.redemptionUpdated | typeof LIVE_TOPICS.tierChanged; merchantId: string; customerId: string }
  | { topic: typeof LIVE_TOPICS.merchantActivity | typeof LIVE_TOPICS.tierChanged; merchantId: string };

export type LiveMessage = BalanceChangedMessage | RedemptionUpdatedMessage | TierChangedMessage | MerchantActivityMessage;

type Listener = (message: LiveMessage) => void;

type RevocationListener = (message: ApiKeyRevokedMessage) => void;

function keyOf(key: LiveKey): string {
  return 'customerId' in key ? `${key.topic}|${key.merchantId}|${key.customerId}` : `${key.topic}|${key.merchantId}`;
}

/**
 * One replica's side of live updates: a single Redis subscription per topic channel, whatever
 * the number of sockets, and an in-process index from (topic, merchant, customer) to the local
 * subscriptions, so one message costs a map lookup and reaches only its listeners. Every replica
 * subscribes to every channel and so receives every message; each delivers to its own sockets.
 *
 * The merchant activity feed also carries balance changes, redemption updates and tier changes:
 * publishers announce each fact once, on its own topic. A tier change reaches both the customer's
 * own subscribers and those following every customer of the merchant.
 *
 * Revoked API keys come on a topic of their own, which no subscription serves: the live server
 * listens to it to close the sockets opened with the key.
 */
export class LiveHub {
  private readonly pubsub: RedisPubSub;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly revocationListeners = new Set<RevocationListener>();
  private readonly subscriptionIds: number[] = [];

  constructor(private readonly config: KitConfig) {
    this.pubsub = new RedisPubSub({
      subscriber: new Redis(config.redisUrl).on('error', () => {}),
      // Only subscribed through here; the publisher connection is never opened.
      publisher: new Redis(config.redisUrl, { lazyConnect: true }),
    });
  }

  async start(): Promise<void> {
    for (const topic of Object.values(LIVE_TOPICS)) {
      this.subscriptionIds.push(await this.pubsub.subscribe(liveChannel(this.config, topic), (message: LiveMessage | ApiKeyRevokedMessage) => this.dispatch(topic, message)));
    }
  }

  /** Calls `listener` with every message for `key` until the returned function is called. */
  listen(key: LiveKey, listener: Listener): () => void {
    const name = keyOf(key);
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size && this.listeners.get(name) === set) this.listeners.delete(name);
    };
  }

  /** Calls `listener` with every revoked API key, on every replica, until the returned function is called. */
  onApiKeyRevoked(listener: RevocationListener): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  /** Local subscriptions, over all keys. */
  get size(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  async stop(): Promise<void> {
    for (const id of this.subscriptionIds.splice(0)) this.pubsub.unsubscribe(id);
    this.listeners.clear();
    this.revocationListeners.clear();
    this.pubsub.getPublisher().disconnect();
    await quitRedis(this.pubsub.getSubscriber());
  }

  private dispatch(topic: LiveTopic, received: LiveMessage | ApiKeyRevokedMessage): void {
    if (typeof received?.merchantId !== 'string') {
      logger('live').warn({ topic }, `dropped a ${topic} message without a merchant`);
      return;
    }
    if (topic === LIVE_TOPICS.apiKeyRevoked) {
      const revoked = received as ApiKeyRevokedMessage;
      if (typeof revoked.apiKeyId === 'string') for (const listener of this.revocationListeners) listener(revoked);
      return;
    }
    const message = received as LiveMessage;
    const { merchantId } = message;
    switch (topic) {
      case LIVE_TOPICS.balanceChanged: {
        const m = message as BalanceChangedMessage;
        this.deliver({ topic, merchantId, customerId: m.customerId }, m);
        this.deliver({ topic: LIVE_TOPICS.merchantActivity, merchantId }, {
          merchantId,
          kind: 'points.changed',
          customerId: m.customerId,
          details: { delta: m.delta, balance: m.balance, pending: m.pending, kind: m.kind, entryId: m.entryId },
          committedAt: m.committedAt,
        });
        return;
      }
      case LIVE_TOPICS.redemptionUpdated: {
        const m = message as RedemptionUpdatedMessage;
        this.deliver({ topic, merchantId, customerId: m.customerId }, m);
        this.deliver({ topic: LIVE_TOPICS.merchantActivity, merchantId }, {
          merchantId,
          kind: 'redemption.updated',
          customerId: m.customerId,
          details: { redemptionId: m.redemptionId, status: m.status },
          committedAt: m.committedAt,
        });
        return;
      }
      case LIVE_TOPICS.tierChanged: {
        const m = message as TierChangedMessage;
        this.deliver({ topic, merchantId, customerId: m.customerId }, m);
        this.deliver({ topic, merchantId }, m);
        this.deliver({ topic: LIVE_TOPICS.merchantActivity, merchantId }, {
          merchantId,
          kind: 'tier.changed',
          customerId: m.customerId,
          details: { fromTierId: m.fromTierId, toTierId: m.toTierId, direction: m.direction, reason: m.reason, version: m.version },
          committedAt: m.committedAt,
        });
        return;
      }
      case LIVE_TOPICS.merchantActivity:
        this.deliver({ topic, merchantId }, message);
    }
  }

  private deliver(key: LiveKey, message: LiveMessage): void {
    const set = this.listeners.get(keyOf(key));
    if (!set) return;
    for (const listener of set) listener(message);
  }
}
