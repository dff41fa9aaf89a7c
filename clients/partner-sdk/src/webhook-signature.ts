/** How far a delivery's signed timestamp may be from the receiver's clock, by default: 5 minutes. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Why a delivery was refused: its `X-LoyalNest-Signature` is missing or not `t=…,v1=…`; its
 * timestamp is further from now than the tolerance (a captured delivery sent again later, or a
 * clock far off); or no `v1` matches the body under the secret (a tampered body, another secret,
 * a body changed by parsing before the check).
 */
export type WebhookSignatureFailure = 'malformed_signature' | 'stale_timestamp' | 'signature_mismatch';

export interface VerifyWebhookSignatureOptions {
  /**
   * The request body exactly as it arrived, before any JSON parsing: bytes (a Node `Buffer`, a
   * `Uint8Array`, an `ArrayBuffer`) or the text (`await request.text()`).
   */
  body: string | Uint8Array | ArrayBuffer;
  /** The `X-LoyalNest-Signature` header. */
  signature: string | null | undefined;
  /** The subscription's signing secret (`whsec_…`), as `createWebhookSubscription` or a rotation returned it. */
  secret: string;
  /** Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /** The receiver's clock (for tests); default now. */
  now?: Date;
}

const encoder = new TextEncoder();

/** `t` and every well-formed `v1` of the header; null when it has no usable `t` or no `v1`. */
function parseSignature(header: string | null | undefined): { timestamp: string; digests: Uint8Array<ArrayBuffer>[] } | null {
  if (typeof header !== 'string') return null;
  let timestamp: string | null = null;
  const digests: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't') timestamp = value;
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) digests.push(Uint8Array.from(value.match(/../g)!, (hex) => parseInt(hex, 16)));
  }
  if (timestamp === null || !/^\d{1,12}$/.test(timestamp) || !digests.length) return null;
  return { timestamp, digests };
}

function bytesOf(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

/**
 * Checks a delivery's signature (the why of a refusal, or null when it is authentic and fresh). It
 * runs on Web Crypto, so it works in Node 20+, Deno, Bun and edge runtimes alike; `subtle.verify`
 * compares in constant time.
 */
export async function webhookSignatureFailure(options: VerifyWebhookSignatureOptions): Promise<WebhookSignatureFailure | null> {
  if (typeof options.secret !== 'string' || !options.secret) throw new TypeError('verifyWebhookSignature: `secret` is required');
  const parsed = parseSignature(options.signature);
  if (!parsed) return 'malformed_signature';
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(parsed.timestamp)) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return 'stale_timestamp';

  const prefix = encoder.encode(`${parsed.timestamp}.`);
  const body = bytesOf(options.body);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const key = await crypto.subtle.importKey('raw', encoder.encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  for (const digest of parsed.digests) {
    if (await crypto.subtle.verify('HMAC', key, digest, signed)) return null;
  }
  return 'signature_mismatch';
}

/**
 * Whether a webhook delivery is authentic and fresh: an HMAC-SHA256 keyed by the secret over
 * `<t>.<raw body>` matches a `v1` of its `X-LoyalNest-Signature`, and `t` is within 5 minutes of
 * now. Check before parsing the body, on the bytes as they arrived.
 */
export async function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Promise<boolean> {
  return (await webhookSignatureFailure(options)) === null;
}
