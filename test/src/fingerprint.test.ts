import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  createFingerprinter,
  HashInputError,
  normalizeIp,
  normalizeShippingAddress,
  normalizeUserAgent,
  type ShippingAddressInput,
} from '../../subgraphs/kit/src/fingerprint.js';

/** Keyed hashes of IPs, user agents and shipping addresses, and the normalization before them. */

const SECRET = 'k'.repeat(16) + 'this-is-32-bytes';
const OTHER_SECRET = 'o'.repeat(16) + 'this-is-32-bytes';
const hasher = createFingerprinter(SECRET);

function thrown(run: () => unknown): HashInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HashInputError);
    return error as HashInputError;
  }
  throw new Error('expected a HashInputError, nothing was thrown');
}

describe('the hasher', () => {
  it('refuses a missing or short secret instead of hashing under a guessable one', () => {
    expect(thrown(() => createFingerprinter(''))).toMatchObject({ field: 'secret', reason: 'WEAK_SECRET' });
    expect(thrown(() => createFingerprinter('x'.repeat(31)))).toMatchObject({ field: 'secret', reason: 'WEAK_SECRET' });
    expect(thrown(() => createFingerprinter(new Uint8Array(16), 'REFERRAL_HASH_SECRET'))).toMatchObject({ field: 'REFERRAL_HASH_SECRET', reason: 'WEAK_SECRET' });
    expect(createFingerprinter(new Uint8Array(32).fill(7)).ip('1.2.3.4')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is HMAC-SHA-256 under the secret, labelled per kind, in base64url: stable across processes and releases', () => {
    const expected = (kind: string, value: string) => createHmac('sha256', SECRET).update(`fingerprint/v1/${kind}\u0000${value}`).digest('base64url');
    expect(hasher.ip('203.0.113.7')).toBe(expected('ip', '203.0.113.7'));
    expect(hasher.userAgent('Mozilla/5.0 (X11)')).toBe(expected('user-agent', 'Mozilla/5.0 (X11)'));
    expect(createFingerprinter(Buffer.from(SECRET)).ip('203.0.113.7')).toBe(hasher.ip('203.0.113.7'));
    // Not the plain hash an attacker could build a table of for all 2^32 IPv4 addresses.
    expect(hasher.ip('203.0.113.7')).not.toBe(createHash('sha256').update('203.0.113.7').digest('base64url'));
  });

  it('gives other hashes under another secret, and never the same hash for two kinds of one string', () => {
    expect(createFingerprinter(OTHER_SECRET).ip('203.0.113.7')).not.toBe(hasher.ip('203.0.113.7'));
    expect(hasher.userAgent('203.0.113.7')).not.toBe(hasher.ip('203.0.113.7'));
  });
});

describe('IP addresses', () => {
  it('read an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    for (const form of ['::ffff:192.0.2.1', '::FFFF:192.0.2.1', '::ffff:c000:201', '0:0:0:0:0:ffff:c000:0201', ' 192.0.2.1 ']) {
      expect(normalizeIp(form)).toBe('192.0.2.1');
      expect(hasher.ip(form)).toBe(hasher.ip('192.0.2.1'));
    }
    expect(hasher.ip('192.0.2.2')).not.toBe(hasher.ip('192.0.2.1'));
  });

  it('read an IPv6 address as its /64 network, whatever its spelling or host half', () => {
    const network = '2001:0db8:0000:0001::/64';
    for (const form of ['2001:db8:0:1::1', '2001:DB8:0:1:0:0:0:1', '2001:0db8:0000:0001:a1b2:c3d4:e5f6:0789', '2001:db8:0:1::192.0.2.1', '2001:db8:0:1::1%eth0']) {
      expect(normalizeIp(form)).toBe(network);
      expect(hasher.ip(form)).toBe(hasher.ip('2001:db8:0:1::1'));
    }
    expect(hasher.ip('2001:db8:0:2::1')).not.toBe(hasher.ip('2001:db8:0:1::1'));
    expect(normalizeIp('::1')).toBe('0000:0000:0000:0000::/64');
    expect(normalizeIp('fe80::1')).toBe('fe80:0000:0000:0000::/64');
  });

  it('refuses what is not an IP address, naming the field', () => {
    for (const bad of ['', 'localhost', '1.2.3', '01.2.3.4', '256.1.1.1', '1.2.3.4.5', '2001:db8::1::2', 'gggg::1', '[::1]']) {
      expect(thrown(() => hasher.ip(bad))).toMatchObject({ field: 'ip', reason: 'NOT_AN_IP' });
    }
    expect(thrown(() => normalizeIp('nope', 'claim.ip'))).toMatchObject({ field: 'claim.ip' });
  });
});

describe('user agents', () => {
  it('trim and collapse whitespace, and are cut at 512 characters', () => {
    expect(hasher.userAgent('  Mozilla/5.0   (iPhone;\tCPU)\n')).toBe(hasher.userAgent('Mozilla/5.0 (iPhone; CPU)'));
    expect(hasher.userAgent('Mozilla/5.0 (iPhone)')).not.toBe(hasher.userAgent('Mozilla/5.0 (iPad)'));
    const long = 'a'.repeat(512);
    expect(hasher.userAgent(`${long}bbbb`)).toBe(hasher.userAgent(long));
    expect(normalizeUserAgent('x'.repeat(100_000))).toHaveLength(512);
  });

  it('hash to null when absent, so two missing agents never match', () => {
    for (const none of [null, undefined, '', '   ']) expect(hasher.userAgent(none)).toBeNull();
  });
});

describe('shipping addresses', () => {
  const nyc: ShippingAddressInput = { address1: '12 Main Street', address2: 'Apartment 5', city: 'New York', zip: '10001', countryCode: 'US' };

  it('match however the same place is written: case, punctuation, unit words, street types, ZIP+4, city spelling', () => {
    const variants: ShippingAddressInput[] = [
      { address1: '12 main st. #5', city: 'NYC', zip: '10001-1234', countryCode: 'us' },
      { address1: '12  MAIN  ST', address2: 'Apt. 5', city: 'new york', zip: ' 10001 ', countryCode: ' US ' },
      { address1: '12 Main St, Unit 5', address2: null, city: null, zip: '100011234', countryCode: 'US' },
      { address1: '12 Main St Suite 5', countryCode: 'US', zip: '10001' },
    ];
    for (const variant of variants) expect(hasher.shippingAddress(variant)).toBe(hasher.shippingAddress(nyc));
    expect(normalizeShippingAddress(nyc)).toBe('US|zip:10001|12 main st 5');
  });

  it('match across accents, ß and German street abbreviations, and UK postcode spacing', () => {
    const berlin = { address1: 'Hauptstraße 5', zip: '10115', city: 'Berlin', countryCode: 'DE' };
    expect(hasher.shippingAddress({ ...berlin, address1: 'Hauptstr. 5' })).toBe(hasher.shippingAddress(berlin));
    expect(hasher.shippingAddress({ ...berlin, address1: 'HAUPTSTRASSE 5' })).toBe(hasher.shippingAddress(berlin));
    const paris = { address1: "3 Rue de l'Église", zip: '75004', countryCode: 'FR' };
    expect(hasher.shippingAddress({ ...paris, address1: '3 rue de l eglise' })).toBe(hasher.shippingAddress(paris));
    const london = { address1: '10 Downing Street', zip: 'SW1A 2AA', countryCode: 'GB' };
    expect(hasher.shippingAddress({ ...london, zip: 'sw1a2aa' })).toBe(hasher.shippingAddress(london));
  });

  it('tell different places apart: another number, postcode, country, or unit', () => {
    expect(hasher.shippingAddress({ ...nyc, address1: '14 Main Street' })).not.toBe(hasher.shippingAddress(nyc));
    expect(hasher.shippingAddress({ ...nyc, address2: 'Apartment 6' })).not.toBe(hasher.shippingAddress(nyc));
    expect(hasher.shippingAddress({ ...nyc, zip: '10002' })).not.toBe(hasher.shippingAddress(nyc));
    expect(hasher.shippingAddress({ ...nyc, countryCode: 'CA' })).not.toBe(hasher.shippingAddress(nyc));
    expect(hasher.shippingAddress({ ...nyc, address1: '12 Main Avenue' })).not.toBe(hasher.shippingAddress(nyc));
  });

  it('use the city only where there is no postcode', () => {
    const hongKong = { address1: '1 Queen’s Road', zip: null, city: 'Central', countryCode: 'HK' };
    expect(normalizeShippingAddress(hongKong)).toBe('HK|city:central|1 queen s rd');
    expect(hasher.shippingAddress({ ...hongKong, city: 'Kowloon' })).not.toBe(hasher.shippingAddress(hongKong));
    expect(hasher.shippingAddress({ ...nyc, city: 'Brooklyn' })).toBe(hasher.shippingAddress(nyc));
  });

  it('refuse an address without a street line or a two-letter country, naming the field', () => {
    expect(thrown(() => hasher.shippingAddress({ ...nyc, address1: null, address2: null }))).toMatchObject({ field: 'shippingAddress.address1', reason: 'MISSING' });
    expect(thrown(() => hasher.shippingAddress({ ...nyc, address1: ' ,.# ', address2: '' }))).toMatchObject({ field: 'shippingAddress.address1', reason: 'MISSING' });
    for (const countryCode of [null, '', 'USA', 'U5']) {
      expect(thrown(() => hasher.shippingAddress({ ...nyc, countryCode }))).toMatchObject({ field: 'shippingAddress.countryCode', reason: 'BAD_COUNTRY' });
    }
    expect(thrown(() => normalizeShippingAddress({ ...nyc, countryCode: 'X' }, 'order.shippingAddress'))).toMatchObject({ field: 'order.shippingAddress.countryCode' });
  });
});
