import { createHmac } from 'node:crypto';
import { canonicalEmail } from './email-address.js';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Fingerprints: keyed hashes of the signals the referral fraud checks compare (email addresses,
 * IP addresses, user agents, shipping addresses). The customer domain computes them for the order
 * facts it publishes (`order.recorded`) and the referral domain for what a friend gives when
 * claiming; the referral store keeps only these, never the values. Every domain derives the same
 * key from the deployment's blind index key (`fingerprinterOf`), so their hashes compare.
 *
 * Why keyed (HMAC-SHA-256 with a secret the store never holds): a plain SHA-256 of an IPv4
 * address is no secret at all, since there are only 2^32 of them and a laptop hashes them all in
 * minutes; the same goes for the addresses of a street or the user agents of a year. With the
 * key, a leaked table of hashes tells an attacker only which referrals share a signal, which is
 * what the checks need and nothing more. Each kind is hashed under its own label, so an IP's hash
 * never equals an address's, and under a version, so a change of normalization cannot silently
 * compare new hashes with old ones.
 */

export type HashInputReason = 'WEAK_SECRET' | 'NOT_AN_IP' | 'MISSING' | 'BAD_COUNTRY';

/** Thrown for a secret too short to be one, or a value that cannot be hashed; names the field. */
export class HashInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: HashInputReason,
    message: string,
  ) {
    super(message);
    this.name = 'HashInputError';
  }
}

/** The key is at least as long as SHA-256's output; shorter keys are guessable faster than the hash. */
export const MIN_HASH_SECRET_BYTES = 32;
/** A user agent past this is junk or an attack on the hasher; its first part is as distinctive. */
const MAX_USER_AGENT_LENGTH = 512;

/** A shipping address as Shopify gives it (`shipping_address`), the fields that say where a parcel goes. */
export interface ShippingAddressInput {
  address1: string | null;
  address2?: string | null;
  city?: string | null;
  zip?: string | null;
  /** ISO 3166-1 alpha-2, any case. */
  countryCode: string | null;
}

export interface Fingerprinter {
  /** The hash of an email address in `canonicalEmail` form (throws `InvalidEmailError` for one `isEmail` refuses). */
  email(address: string): string;
  /** The hash of an IPv4 address, or of an IPv6 address's /64 network (see `normalizeIp`). */
  ip(address: string): string;
  /** The hash of a user agent, or null when there is none (two missing agents are not a match). */
  userAgent(agent: string | null | undefined): string | null;
  /** The hash of where a parcel goes (see `normalizeShippingAddress`). */
  shippingAddress(address: ShippingAddressInput): string;
}

/**
 * A hasher under `secret` (bytes, or a string taken as UTF-8), of at least 32 bytes. There is no
 * default: the caller passes the deployment's secret, and a missing or short one throws instead of
 * hashing under something an attacker could know.
 */
export function createFingerprinter(secret: Uint8Array | string, field = 'secret'): Fingerprinter {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < MIN_HASH_SECRET_BYTES) {
    throw new HashInputError(field, 'WEAK_SECRET', `${field} must be at least ${MIN_HASH_SECRET_BYTES} bytes; ${key.length} were given`);
  }
  const hash = (kind: string, value: string) => createHmac('sha256', key).update(`fingerprint/v1/${kind}\u0000${value}`, 'utf8').digest('base64url');
  return {
    email: (address) => hash('email', canonicalEmail(address)),
    ip: (address) => hash('ip', normalizeIp(address)),
    userAgent: (agent) => {
      const normalized = normalizeUserAgent(agent);
      return normalized === null ? null : hash('user-agent', normalized);
    },
    shippingAddress: (address) => hash('shipping-address', normalizeShippingAddress(address)),
  };
}

/**
 * The fingerprinter of a deployment: its key derived from the blind index key (a server secret,
 * required outside development) under its own label, so a fingerprint never equals a blind index.
 */
export function fingerprinterOf(blindIndexKey: string): Fingerprinter {
  return createFingerprinter(createHmac('sha256', blindIndexKey).update('fingerprint-key:v1').digest(), 'BLIND_INDEX_KEY');
}

/**
 * One form per address: IPv4 as dotted decimal; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`,
 * how a dual-stack socket reports an IPv4 client) as the IPv4 address; any other IPv6 address as
 * its /64 network, fully expanded (`2001:0db8:0000:0001::/64`). Why the /64: it is what an ISP
 * hands one subscriber line or phone, and the host half changes by itself (privacy addresses,
 * RFC 8981), so one household's or one attacker's IPv6 addresses share a /64 the way one
 * household shares an IPv4 address behind its router. A zone (`%eth0`) is dropped.
 */
export function normalizeIp(address: string, field = 'ip'): string {
  const trimmed = address.trim();
  if (isIPv4(trimmed)) return trimmed;
  if (!isIPv6(trimmed)) throw new HashInputError(field, 'NOT_AN_IP', `${field} is not an IP address`);
  const groups = ipv6Groups(trimmed.split('%')[0]);
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16).padStart(4, '0'))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an address `isIPv6` accepted (a `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] => {
    if (part.length === 0) return [];
    return part.split(':').flatMap((piece) => {
      if (!piece.includes('.')) return [parseInt(piece, 16)];
      const [a, b, c, d] = piece.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head, tail] = address.toLowerCase().split('::');
  if (tail === undefined) return parse(head);
  const before = parse(head);
  const after = parse(tail);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** Trimmed, inner runs of whitespace as one space, cut at 512 characters; null when nothing is left. */
export function normalizeUserAgent(agent: string | null | undefined): string | null {
  const normalized = (agent ?? '').trim().replace(/\s+/g, ' ').slice(0, MAX_USER_AGENT_LENGTH);
  return normalized.length === 0 ? null : normalized;
}

/**
 * Words that name the same thing in several spellings: street types as the US and UK postal
 * services abbreviate them, and unit designators, which are dropped (`Apt 5`, `Unit 5`, `#5` and
 * `Suite 5` all read `5`), since a reseller varies exactly these to pass as a new address.
 */
const WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  saint: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  square: 'sq',
  terrace: 'ter',
  highway: 'hwy',
  parkway: 'pkwy',
  circle: 'cir',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  apartment: '',
  apt: '',
  unit: '',
  suite: '',
  ste: '',
  flat: '',
  no: '',
  number: '',
};

/**
 * Lower case, accents and punctuation gone, ß as ss, words abbreviated as in `WORDS` and German
 * compounds ending in -strasse as -str (`Hauptstraße`, `Hauptstrasse`, `Hauptstr.`), single spaces.
 */
function normalizeText(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => WORDS[word] ?? word.replace(/strasse$/, 'str'))
    .filter((word) => word.length > 0)
    .join(' ');
}

/**
 * Where a parcel goes, in one form for every way of writing it: the country code upper-cased; the
 * postcode without spaces or hyphens, a US ZIP+4 as its five digits; the two street lines joined
 * (a unit number moves between them freely) and normalized as text. The city counts only when
 * there is no postcode: with one, it adds nothing but spellings (`NYC`, `New York`). The name on
 * the parcel, the company and the phone are left out: a reseller changes those first.
 */
export function normalizeShippingAddress(address: ShippingAddressInput, field = 'shippingAddress'): string {
  const country = (address.countryCode ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new HashInputError(`${field}.countryCode`, 'BAD_COUNTRY', `${field}.countryCode must be a two-letter ISO 3166-1 code`);
  const street = normalizeText(`${address.address1 ?? ''} ${address.address2 ?? ''}`);
  if (street.length === 0) throw new HashInputError(`${field}.address1`, 'MISSING', `${field}.address1 is empty: a shipping address needs a street line`);
  let zip = (address.zip ?? '').normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '');
  if (country === 'US' && /^\d{9}$/.test(zip)) zip = zip.slice(0, 5);
  const place = zip.length > 0 ? `zip:${zip}` : `city:${normalizeText(address.city)}`;
  return `${country}|${place}|${street}`;
}
