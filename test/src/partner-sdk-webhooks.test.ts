import { beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { parseWebhook, verifyWebhookSignature, WEBHOOK_TOPIC_NAMES, WebhookVerificationError, type WebhookEvent, type WebhookFailure } from '@loyalnest/partner-sdk';
import { newWebhookSecret, signatureHeader } from '../../subgraphs/merchant/src/domain/webhook-signature.js';
import { WebhookTopic } from '../../subgraphs/merchant/src/domain/webhook-topics.js';
import { describeEvent, loyalNestWebhookHandler } from '../../clients/partner-sdk/examples/webhook-handler.js';
import { documentedVerify, type DocumentedVerify } from './support/partner-docs.js';

const NOW = new Date('2026-12-08T10:15:05Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);

function body(topic = 'points.earned', data: Record<string, unknown> = { customerId: 'c-1', entryId: 'e-1', points: 380, balance: 480, pending: 0, status: 'posted', source: 'order', orderId: '55' }): string {
  return JSON.stringify({
    id: 'd-1',
    topic,
    eventId: 'ev-1',
    occurredAt: '2026-12-08T10:15:02.118Z',
    merchantId: 'm-1',
    shopDomain: 'ada-ceramics.myshopify.com',
    apiVersion: '2026-12',
    data,
  });
}

/** What parseWebhook threw, as its reason; fails the test when it did not throw that error. */
async function refusal(promise: Promise<unknown>): Promise<WebhookFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof WebhookVerificationError)) throw new Error(`expected a WebhookVerificationError, got ${String(error)}`);
  return error.reason;
}

/** The SDK's `verifyWebhookSignature` and `parseWebhook`, against the dispatcher's signer and the documented snippet. */
describe('the partner SDK’s webhook verification', () => {
  const secret = newWebhookSecret();
  let documented: DocumentedVerify;

  beforeAll(async () => {
    ({ verify: documented } = await documentedVerify());
  });

  it('accepts a delivery signed by signatureHeader, whatever the body’s form', async () => {
    const text = body('segment.changed', { customerId: 'c-1', from: 'fidèles', to: '常連', recency: 5, frequency: 4, monetary: 3 });
    const signature = signatureHeader(secret, text, NOW_S);
    const bytes = new TextEncoder().encode(text);
    for (const form of [text, Buffer.from(text), bytes, bytes.buffer.slice(0)]) {
      expect(await verifyWebhookSignature({ body: form, signature, secret, now: NOW })).toBe(true);
    }
    // The real clock by default.
    expect(await verifyWebhookSignature({ body: text, signature: signatureHeader(secret, text, Math.floor(Date.now() / 1000)), secret })).toBe(true);
  });

  it('agrees with the documented snippet on every case', async () => {
    const text = body();
    const good = signatureHeader(secret, text, NOW_S);
    const digest = /v1=(\w+)/.exec(good)![1];
    const cases: { name: string; body: string; signature: string | undefined; secret: string; valid: boolean }[] = [
      { name: 'as signed', body: text, signature: good, secret, valid: true },
      { name: 'upper-case hex', body: text, signature: `t=${NOW_S},v1=${digest.toUpperCase()}`, secret, valid: true },
      { name: 'second v1 matches', body: text, signature: `t=${NOW_S},v1=${'0'.repeat(64)},v1=${digest}`, secret, valid: true },
      { name: '5 minutes old', body: text, signature: signatureHeader(secret, text, NOW_S - 300), secret, valid: true },
      { name: 'tampered body', body: text.replace('480', '481'), signature: good, secret, valid: false },
      { name: 'body laid out again', body: JSON.stringify(JSON.parse(text), null, 1), signature: good, secret, valid: false },
      { name: 'another secret', body: text, signature: good, secret: newWebhookSecret(), valid: false },
      { name: 'old timestamp', body: text, signature: signatureHeader(secret, text, NOW_S - 301), secret, valid: false },
      { name: 'future timestamp', body: text, signature: signatureHeader(secret, text, NOW_S + 301), secret, valid: false },
      { name: 'restamped', body: text, signature: `t=${NOW_S + 1},v1=${digest}`, secret, valid: false },
      { name: 'no header', body: text, signature: undefined, secret, valid: false },
      { name: 'no v1', body: text, signature: `t=${NOW_S}`, secret, valid: false },
      { name: 'short v1', body: text, signature: `t=${NOW_S},v1=${digest.slice(2)}`, secret, valid: false },
      { name: 'fractional t', body: text, signature: `t=${NOW_S}.0,v1=${digest}`, secret, valid: false },
    ];
    const outcomes = await Promise.all(cases.map(async (c) => [c.name, await verifyWebhookSignature({ body: c.body, signature: c.signature, secret: c.secret, now: NOW }), documented(c.body, c.signature, c.secret, NOW_S)]));
    expect(outcomes).toEqual(cases.map((c) => [c.name, c.valid, c.valid]));
  });

  it('takes another tolerance', async () => {
    const text = body();
    const signature = signatureHeader(secret, text, NOW_S - 90);
    expect(await verifyWebhookSignature({ body: text, signature, secret, now: NOW, toleranceSeconds: 60 })).toBe(false);
    expect(await verifyWebhookSignature({ body: text, signature, secret, now: NOW, toleranceSeconds: 120 })).toBe(true);
  });

  it('refuses to run without a secret rather than verify against an empty key', async () => {
    const text = body();
    await expect(verifyWebhookSignature({ body: text, signature: signatureHeader('', text, NOW_S), secret: '', now: NOW })).rejects.toThrow(TypeError);
  });

  it('parses a verified delivery into its typed event', async () => {
    const text = body('redemption.updated', { redemptionId: 'r-1', rewardId: 'w-1', customerId: 'c-1', status: 'CANCELLED', orderId: null, pointsReturned: 500 });
    const event: WebhookEvent = await parseWebhook({ body: Buffer.from(text), signature: signatureHeader(secret, text, NOW_S), secret, now: NOW });
    expect(event).toEqual(JSON.parse(text));
    // The topic narrows the data's type: this reads `pointsReturned` without a cast.
    const returned = event.topic === 'redemption.updated' ? event.data.pointsReturned : null;
    expect(returned).toBe(500);
  });

  it('says why it refused a delivery', async () => {
    const text = body();
    const signed = (b: string) => signatureHeader(secret, b, NOW_S);
    expect(await refusal(parseWebhook({ body: text, signature: undefined, secret, now: NOW }))).toBe('malformed_signature');
    expect(await refusal(parseWebhook({ body: text, signature: 'v1=abc', secret, now: NOW }))).toBe('malformed_signature');
    expect(await refusal(parseWebhook({ body: text, signature: signatureHeader(secret, text, NOW_S - 3600), secret, now: NOW }))).toBe('stale_timestamp');
    expect(await refusal(parseWebhook({ body: `${text} `, signature: signed(text), secret, now: NOW }))).toBe('signature_mismatch');
    expect(await refusal(parseWebhook({ body: text, signature: signed(text), secret: newWebhookSecret(), now: NOW }))).toBe('signature_mismatch');
    // Signed, so from LoyalNest, but not what this SDK can read.
    expect(await refusal(parseWebhook({ body: 'not json', signature: signed('not json'), secret, now: NOW }))).toBe('malformed_body');
    expect(await refusal(parseWebhook({ body: '[1]', signature: signed('[1]'), secret, now: NOW }))).toBe('malformed_body');
    const noData = JSON.stringify({ ...JSON.parse(text), data: null });
    expect(await refusal(parseWebhook({ body: noData, signature: signed(noData), secret, now: NOW }))).toBe('malformed_body');
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0x7d]);
    expect(await refusal(parseWebhook({ body: invalidUtf8, signature: `t=${NOW_S},v1=${hmacHex(secret, NOW_S, invalidUtf8)}`, secret, now: NOW }))).toBe('malformed_body');
    const future = body('points.teleported');
    expect(await refusal(parseWebhook({ body: future, signature: signed(future), secret, now: NOW }))).toBe('unknown_topic');
  });

  it('the README’s receiver (examples/webhook-handler.ts) answers at once, works once per delivery id, refuses what is not signed', async () => {
    const worked: WebhookEvent[] = [];
    const logged: string[] = [];
    const handle = loyalNestWebhookHandler({ secret, work: (event) => worked.push(event), log: (line) => logged.push(line) });
    const post = (text: string, signature: string | null) =>
      handle(new Request('https://receiver.example/hooks/loyalnest', { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...(signature ? { 'x-loyalnest-signature': signature } : {}) } }));
    const now = () => Math.floor(Date.now() / 1000);
    const text = body('tier.changed', { customerId: 'c-1', fromTierId: null, toTierId: 't-gold', direction: 'up', reason: 'qualified', multiplier: 1.5 });

    expect((await post(text, signatureHeader(secret, text, now()))).status).toBe(204);
    // A retry of the same delivery (same id, signed afresh) is answered alike and not worked again.
    expect((await post(text, signatureHeader(secret, text, now() + 1))).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(worked.map((event) => [event.id, describeEvent(event)])).toEqual([['d-1', 'c-1: tier none → t-gold (qualified)']]);

    expect((await post(text.replace('t-gold', 't-vip'), signatureHeader(secret, text, now()))).status).toBe(401);
    expect((await post(text, null)).status).toBe(401);
    expect((await post(text, signatureHeader(secret, text, now() - 600))).status).toBe(401);
    const newer = body('points.teleported');
    expect((await post(newer, signatureHeader(secret, newer, now()))).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(worked).toHaveLength(1);
    expect(logged).toEqual([
      'LoyalNest webhook refused: signature_mismatch',
      'LoyalNest webhook refused: malformed_signature',
      'LoyalNest webhook refused: stale_timestamp',
      'LoyalNest webhook accepted unread: unknown_topic',
    ]);
  });

  it('knows every topic the API sends, by the same names', () => {
    expect([...WEBHOOK_TOPIC_NAMES].sort()).toEqual(Object.values(WebhookTopic).sort());
  });
});

/** An HMAC over raw bytes that are not UTF-8 (signatureHeader takes text). */
function hmacHex(secret: string, t: number, bytes: Buffer): string {
  return createHmac('sha256', secret).update(`${t}.`).update(bytes).digest('hex');
}
