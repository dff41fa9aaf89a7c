import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { WebhookEndpointPolicy } from '@loyalnest/kit';

/** Why an endpoint is refused; the API's `WebhookEndpointRefusal` enum has the same values, upper case. */
export type EndpointRefusal = 'malformed' | 'not_https' | 'credentials' | 'private_address' | 'unresolvable';

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: EndpointRefusal; message: string };

/** Resolves a host name to every address it has (the system resolver by default; tests may pass their own). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

/** How long a name may take to resolve: on the API's request path and before each attempt, a slow resolver must not hold either. */
export const RESOLVE_TIMEOUT_MS = 5_000;

/**
 * The system resolver (`/etc/hosts`, then DNS, as every other connection), bounded by
 * `RESOLVE_TIMEOUT_MS`: past it the name counts as unresolvable (`EAI_AGAIN`). The lookup itself
 * cannot be cancelled and finishes in the background.
 */
export const systemResolver: Resolver = (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`lookup of ${host} timed out`), { code: 'EAI_AGAIN' })), RESOLVE_TIMEOUT_MS);
  });
  return Promise.race([dnsLookup(host, { all: true, verbatim: true }), timeout]).finally(() => clearTimeout(timer));
};

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
// IPv4-embedding forms (`::/96` compatible, `::ffff:0:0/96` mapped, `::ffff:0:0:0/96` translated,
// `64:ff9b::/96` NAT64) are judged by the IPv4 address they carry (`embeddedIpv4`), not listed here:
// NAT64 is how an IPv6-only deployment with DNS64 reaches every public IPv4 host. The rest of
// `::/8` (reserved by the IETF) is refused in `isPublicAddress`: a BlockList's IPv6 `::/8` would
// also match every IPv4 address checked against it (it sees them as `::ffff:a.b.c.d`).
for (const [net, prefix] of [
  ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['3fff::', 20], ['5f00::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** An IPv6 address's eight 16-bit groups (`::` expanded, a dotted IPv4 tail read as two groups), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[2].split('.').map(Number);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail, ...rest] = text.split('::');
  if (rest.length) return null;
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [left, right] = [parse(head), parse(tail)];
  const groups = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The IPv4 address an IPv6 address carries in its last 32 bits, when its first 96 say it does:
 * 80 zero bits then `0000` (compatible, `::7f00:1` — the form the URL parser makes of
 * `[::127.0.0.1]`) or `ffff` (mapped), `::ffff:0:a.b.c.d` (translated), `64:ff9b::a.b.c.d` (NAT64). Else null.
 */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const zero80 = g.slice(0, 5).every((x) => x === 0);
  const embeds = (zero80 && (g[5] === 0 || g[5] === 0xffff)) || (g.slice(0, 4).every((x) => x === 0) && g[4] === 0xffff && g[5] === 0) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0));
  return embeds ? `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}` : null;
}

/** Whether an IP address is on the public internet (not private, loopback, link-local, reserved, …). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4) return isPublicAddress(v4);
  const groups = ipv6Groups(address);
  if (!groups || groups[0] < 0x100) return false;
  return !NOT_PUBLIC.check(address, 'ipv6');
}

/** Whether the policy lets a request go to `address`: `local` allows any, `strict` only public ones. */
export function addressAllowed(policy: WebhookEndpointPolicy, address: string): boolean {
  return policy === 'local' || isPublicAddress(address);
}

/** Whether the policy lets a request use this URL scheme: `https:`, and `http:` under `local` only. */
export function schemeAllowed(policy: WebhookEndpointPolicy, protocol: string): boolean {
  return protocol === 'https:' || (policy === 'local' && protocol === 'http:');
}

/** The URL's host as an address or a name: an IPv6 literal without its brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
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
  if (!schemeAllowed(policy, url.protocol)) {
    return { ok: false, reason: 'not_https', message: policy === 'local' ? 'must be an http or https URL' : 'must be an https URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials', message: 'must not carry a user name or password' };
  if (url.hash) return { ok: false, reason: 'malformed', message: 'must not have a #fragment' };
  const host = hostOf(url);
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
  // Never the address itself: it would answer what the platform's resolver says of internal names.
  if (refused) return { ok: false, reason: 'private_address', message: isIP(host) ? 'is not a public address' : 'resolves to an address that is not public' };
  return { ok: true, url };
}
