import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * Who clicked, for counting unique visitors per day and nothing else: an HMAC of the IP address
 * and the user agent under a key derived from the deployment's blind index key (a server secret,
 * required outside development), cut to 128 bits. Neither is ever stored or logged raw, and the
 * hash cannot be reversed or recomputed without the key.
 */
export function visitorKeyOf(blindIndexKey: string): KeyObject {
  return createSecretKey(createHmac('sha256', blindIndexKey).update('referral-click-visitor:v1').digest());
}

export function visitorHash(key: KeyObject, ip: string, userAgent: string): string {
  return createHmac('sha256', key).update(`${ip}\u0000${userAgent}`).digest('base64url').slice(0, 22);
}

/** The UTC day a click counts in, `YYYY-MM-DD`. */
export function clickDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
