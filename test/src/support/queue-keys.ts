import { queueKeyPatterns } from '@loyalnest/kit';
import { Redis } from 'ioredis';

/** The Redis commands key deletion needs, as both ioredis and BullMQ's own ioredis clients offer them. */
interface KeyClient {
  scan(cursor: string, match: 'MATCH', pattern: string, count: 'COUNT', n: number): Promise<[string, string[]]>;
  del(...keys: string[]): Promise<number>;
}

/** Deletes every key matching `patterns` (SCAN, never KEYS or FLUSH: others share this Redis); resolves to how many. */
export async function deleteKeys(redis: KeyClient, patterns: string[]): Promise<number> {
  let deleted = 0;
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  }
  return deleted;
}

/**
 * Deletes what a deployment with this `EVENTS_QUEUE_PREFIX` left in Redis: its hash-tagged queues
 * and their epochs, its cost buckets. As a Redis restart without persistence would, when a test wants that.
 */
export async function deleteQueuePrefix(redisUrl: string, queuePrefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await deleteKeys(redis, queueKeyPatterns(queuePrefix));
  } finally {
    redis.disconnect();
  }
}
