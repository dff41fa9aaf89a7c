import type { IncomingMessage } from 'node:http';

/**
 * The client's address as the nearest trusted proxy saw it: the `X-Forwarded-For` entry `hops`
 * from the right (`TRUSTED_PROXY_HOPS`), since each proxy appends the address it was reached from
 * and everything left of that is the client's to forge. With fewer entries than hops, the
 * connection's own address. The referral fraud checks hash it; the gateway keys guests' rate
 * limits on it (a guest can mint sessions at will, but not addresses).
 */
export function clientIp(req: Pick<IncomingMessage, 'headers' | 'socket'>, hops: number): string {
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((entry) => entry.trim());
  const trusted = entries.length >= hops ? entries[entries.length - hops] : undefined;
  return trusted || req.socket.remoteAddress || '';
}
