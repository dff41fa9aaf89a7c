import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Where the gateway serves exports; the subgraph's route prefix. */
export const SEGMENT_EXPORT_PREFIX = '/segment-exports';

/** A link is good for this long after it is read from `SegmentExport.downloadUrl`, and never past the export's expiry. */
export const LINK_LIFETIME_MS = 15 * 60_000;

/** What a download link names: whose export, which one, until when. */
export interface ExportLinkClaims {
  merchantId: string;
  exportId: string;
  /** Unix seconds. */
  expires: number;
}

/**
 * Signs and checks download links: an HMAC-SHA256 over merchant, export and expiry, keyed by a
 * key derived (HKDF) from `INTERNAL_TOKEN_SECRET` for this one purpose, so a link's signature
 * can never stand for an internal token or the reverse, and no further secret has to be deployed.
 */
export class ExportLinkSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'loyalnest', 'segment-export-link/v1', 32));
  }

  sign(claims: ExportLinkClaims): string {
    return createHmac('sha256', this.key).update(`${claims.merchantId}.${claims.exportId}.${claims.expires}`).digest('base64url');
  }

  /** Whether `signature` is this signer's for exactly these claims (constant time). */
  verify(claims: ExportLinkClaims, signature: string): boolean {
    const expected = Buffer.from(this.sign(claims));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The link's path and query, under the gateway's origin. */
  path(claims: ExportLinkClaims): string {
    const query = new URLSearchParams({ merchant: claims.merchantId, expires: String(claims.expires), signature: this.sign(claims) });
    return `${SEGMENT_EXPORT_PREFIX}/${claims.exportId}.csv?${query}`;
  }
}
