import { createHmac, randomBytes } from 'node:crypto';

/** Every signing secret starts with this, so one found in a log or a repository is recognised. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new signing secret: 256 random bits. */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The secret's AAD in the FieldCipher: a ciphertext copied onto another subscription's row does not decrypt there. */
export const webhookSecretAad = (subscriptionId: string) => `webhook_subscription:${subscriptionId}`;

/**
 * The `X-LoyalNest-Signature` header of one attempt: `t=<unix seconds>,v1=<hex HMAC-SHA256>`, the
 * HMAC keyed by the whole secret (as UTF-8) over `<t>.<raw body>`. The timestamp is signed so a
 * captured delivery cannot be replayed later: receivers refuse a `t` older than a few minutes
 * (docs/partners.md has the snippet). Each attempt is signed afresh with its own time.
 */
export function signatureHeader(secret: string, body: string, timestampSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}
