import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { WebhookEndpointPolicy } from '@loyalnest/kit';

/** Why an endpoint is refused; the API's `WebhookEndpointRefusal` enum has the same values, upper case. */
export type EndpointRefusal = 'malformed' | 'not_https' | 'credentials' | 'private_address' | 'unresolvable';

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: EndpointRefusal; message: string };

/** Resolves a host name to every address it has (the system resolver by default; tests may pass their own). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Every range that is not the public internet: this host, private networks, carrier-grade NAT,
 * link-local (the cloud metadata service at 169.254.169.254 among them), documentation and
 * benchmarking nets, multicast and reserved space, in both families.
 */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address an IPv4-mapped or -compatible IPv6 address stands for (`::ffff:127.0.0.1`), else null. */
function embeddedIpv4(address: string): string | null {
  const match = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether an IP address is on the public internet (not private, loopback, link-local, reserved, …). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4) return isPublicAddress(v4);
  return !NOT_PUBLIC.check(address, 'ipv6');
}

/** Whether the policy lets a request go to `address`: `local` allows any, `strict` only public ones. */
export function addressAllowed(policy: WebhookEndpointPolicy, address: string): boolean {
  return policy === 'local' || isPublicAddress(address);
}

/**
 * Checks an endpoint's URL under the policy, resolving its host: every address it resolves to
 * must be allowed (a name with one private address among public ones is refused, since any of
 * them may be the one connected to). The dispatcher checks again at each delivery, on the address
 * it connects to, because a name can resolve elsewhere later (DNS rebinding).
 */
export async function checkEndpointUrl(raw: string, policy: WebhookEndpointPolicy, resolve: Resolver = systemResolver): Promise<EndpointCheck> {
  if (!URL.canParse(raw)) return { ok: false, reason: 'malformed', message: 'is not an absolute URL' };
  const url = new URL(raw);
  if (url.protocol !== 'https:' && !(policy === 'local' && url.protocol === 'http:')) {
    return { ok: false, reason: 'not_https', message: policy === 'local' ? 'must be an http or https URL' : 'must be an https URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials', message: 'must not carry a user name or password' };
  if (url.hash) return { ok: false, reason: 'malformed', message: 'must not have a #fragment' };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolve(host)).map((a) => a.address);
    } catch {
      addresses = [];
    }
    if (!addresses.length) return { ok: false, reason: 'unresolvable', message: `host ${host} does not resolve` };
  }
  const refused = addresses.find((address) => !addressAllowed(policy, address));
  if (refused) return { ok: false, reason: 'private_address', message: `resolves to ${refused}, which is not a public address` };
  return { ok: true, url };
}
