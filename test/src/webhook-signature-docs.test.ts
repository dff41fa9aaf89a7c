import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseWebhook } from '@loyalnest/partner-sdk';
import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader } from '../../subgraphs/merchant/src/domain/webhook-signature.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { codeBlockAfter, documentedVerify, partnersDoc, type DocumentedVerify } from './support/partner-docs.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';
import { CREATE, REPLAY, ROTATE, type Delivery } from './support/webhook-subscriptions.js';

/** A delivery body as the fan-out writes it (contract key order), compact as it is sent. */
function deliveryBody(data: Record<string, unknown> = { customerId: 'c-1', entryId: 'e-1', points: 380, balance: 480, pending: 0, status: 'posted', source: 'order', orderId: '5512345678901' }): string {
  return JSON.stringify({
    id: '01938f2e-5b7c-7d1a-9c3e-2f4a6b8c0d1e',
    topic: 'points.earned',
    eventId: '01938f2e-5a10-7b22-8e4f-6a7b8c9d0e1f',
    occurredAt: '2026-12-08T10:15:02.118Z',
    merchantId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    shopDomain: 'ada-ceramics.myshopify.com',
    apiVersion: '2026-12',
    data,
  });
}

/** The `v1` part of a header signatureHeader made. */
const v1Of = (header: string) => /v1=([0-9a-f]+)/.exec(header)![1];

/** docs/partners.md's verification snippet, run as a partner would copy it, against the signer the dispatcher uses. */
describe('the documented webhook signature check', () => {
  let verify: DocumentedVerify;
  let source: string;
  const secret = newWebhookSecret();
  const now = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    ({ verify, source } = await documentedVerify());
  });

  it('is a dependency-free Node snippet that compares in constant time', () => {
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['node:crypto']);
    expect(source).toContain('timingSafeEqual(');
    expect(source).not.toMatch(/===\s*expected|expected\s*===/);
  });

  it('accepts a delivery signed by signatureHeader, raw body as a Buffer or a string', () => {
    const body = deliveryBody();
    const header = signatureHeader(secret, body, now);
    expect(verify(Buffer.from(body, 'utf8'), header, secret, now)).toBe(true);
    expect(verify(body, header, secret, now)).toBe(true);
    // Without a clock of its own, the snippet reads the real one: a delivery signed just now passes.
    const fresh = signatureHeader(secret, body, Math.floor(Date.now() / 1000));
    expect(verify(body, fresh, secret)).toBe(true);
  });

  it('hashes the body’s bytes as sent, non-ASCII text included', () => {
    const body = deliveryBody({ customerId: 'c-1', from: 'fidèles', to: '常連', recency: 5, frequency: 4, monetary: 3 });
    const header = signatureHeader(secret, body, now);
    expect(verify(Buffer.from(body, 'utf8'), header, secret, now)).toBe(true);
    expect(verify(Buffer.from(body, 'latin1'), header, secret, now)).toBe(false);
  });

  it('refuses a tampered body: a changed figure, or the same JSON laid out again', () => {
    const body = deliveryBody();
    const header = signatureHeader(secret, body, now);
    expect(verify(body.replace('"points":380', '"points":980'), header, secret, now)).toBe(false);
    expect(verify(JSON.stringify(JSON.parse(body), null, 2), header, secret, now)).toBe(false);
    expect(verify(`${body}\n`, header, secret, now)).toBe(false);
    expect(verify('', header, secret, now)).toBe(false);
  });

  it('refuses another secret, an empty one, and none', () => {
    const body = deliveryBody();
    const header = signatureHeader(secret, body, now);
    expect(verify(body, header, newWebhookSecret(), now)).toBe(false);
    // The secret is the key as a whole, prefix included.
    expect(verify(body, header, secret.slice('whsec_'.length), now)).toBe(false);
    expect(verify(body, signatureHeader('', body, now), '', now)).toBe(false);
    expect(verify(body, header, undefined, now)).toBe(false);
  });

  it('refuses a timestamp more than 5 minutes away, either side, and accepts one within', () => {
    const body = deliveryBody();
    expect(verify(body, signatureHeader(secret, body, now - 299), secret, now)).toBe(true);
    expect(verify(body, signatureHeader(secret, body, now - 300), secret, now)).toBe(true);
    expect(verify(body, signatureHeader(secret, body, now - 301), secret, now)).toBe(false);
    expect(verify(body, signatureHeader(secret, body, now - 86_400), secret, now)).toBe(false);
    expect(verify(body, signatureHeader(secret, body, now + 301), secret, now)).toBe(false);
  });

  it('refuses a captured delivery re-sent with a fresh timestamp: the timestamp is signed', () => {
    const body = deliveryBody();
    const captured = signatureHeader(secret, body, now - 3_600);
    const restamped = `t=${now},v1=${v1Of(captured)}`;
    expect(verify(body, restamped, secret, now)).toBe(false);
  });

  it('refuses malformed headers', () => {
    const body = deliveryBody();
    const good = signatureHeader(secret, body, now);
    const digest = v1Of(good);
    for (const header of [
      undefined,
      null,
      42,
      ['t=1', `v1=${digest}`],
      '',
      `v1=${digest}`,
      `t=${now}`,
      `t=${now},v1=`,
      `t=${now},v1=${digest.slice(0, 63)}`,
      `t=${now},v1=${digest}00`,
      `t=${now},v1=${digest.slice(0, 62)}zz`,
      `t=${now},v0=${digest}`,
      `t=${now}.5,v1=${digest}`,
      `t=-${now},v1=${digest}`,
      `t=abc,v1=${digest}`,
      `t=,v1=${digest}`,
      `${now},${digest}`,
      `sha256=${digest}`,
    ]) {
      expect([header, verify(body, header, secret, now)]).toEqual([header, false]);
    }
  });

  it('accepts a header listing several v1 signatures when one matches, in any order, and upper-case hex', () => {
    const body = deliveryBody();
    const digest = v1Of(signatureHeader(secret, body, now));
    const other = createHmac('sha256', newWebhookSecret()).update(`${now}.${body}`).digest('hex');
    expect(verify(body, `t=${now},v1=${other},v1=${digest}`, secret, now)).toBe(true);
    expect(verify(body, `v1=${digest},t=${now}`, secret, now)).toBe(true);
    expect(verify(body, `t=${now},v1=${digest.toUpperCase()}`, secret, now)).toBe(true);
    expect(verify(body, `t=${now},v1=${other}`, secret, now)).toBe(false);
  });

  it('is the block the doc introduces, fenced as js', () => {
    const doc = partnersDoc();
    const { lang, code } = codeBlockAfter(doc, 'webhook-signature-docs.test.ts');
    expect(lang).toBe('js');
    expect(doc.indexOf(code)).toBeGreaterThan(doc.indexOf('### Verifying a delivery'));
    expect(() => codeBlockAfter(doc, 'no-such-marker.test.ts')).toThrow('no <!--');
  });
});

/**
 * The same snippet on what the dispatcher really sends: an event of the merchant, fanned out,
 * delivered to a local receiver, then replayed after a rotation of the secret.
 */
describe('the documented check on real deliveries', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let receiver: WebhookReceiver;
  let verify: DocumentedVerify;

  beforeAll(async () => {
    ({ verify } = await documentedVerify());
    gateway = await startTestGateway('embedded', { WEBHOOK_POLL_MS: '100', EVENTS_POLL_MS: '100' });
    merchant = await createMerchant(gateway);
    receiver = await startWebhookReceiver({ answer: 'ok' });
  });
  afterAll(async () => {
    // After the gateway stopped: no drain is recording while the rows go.
    await gateway?.stop();
    await receiver?.close();
    if (merchant) await deleteWebhookSubscriptions([merchant.id]);
  });

  it('verifies a delivery as sent, refuses it tampered or late, and verifies its replay under the rotated secret only', async () => {
    const created = await gateway.gql<{ createWebhookSubscription: { secret: string; subscription: { id: string } } }>(CREATE, { input: { url: receiver.url, topics: ['CUSTOMER_CREATED'] } }, merchant.auth);
    const { secret } = created.data!.createWebhookSubscription;
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `docs${Math.random().toString(36).slice(2)}@example.com` });

    const [sent] = await receiver.waitForRequests(1, 20_000);
    const header = String(sent.headers['x-loyalnest-signature']);
    const t = Number(/t=(\d+)/.exec(header)![1]);
    expect(verify(Buffer.from(sent.body, 'utf8'), header, secret)).toBe(true);
    expect(verify(sent.body.replace(customer.id, customer.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))), header, secret)).toBe(false);
    expect(verify(sent.body, header, secret, t + 301)).toBe(false);
    // The SDK reads the same request as its typed event.
    const event = await parseWebhook({ body: sent.body, signature: header, secret });
    expect(event).toMatchObject({ id: sent.headers['x-loyalnest-delivery-id'], topic: 'customer.created', shopDomain: merchant.shop, data: { customerId: customer.id } });

    // Race: the receiver has the first request before the dispatcher records it. A replay in between
    // would be overwritten by that record (or, once replays win, race it): wait until the attempt is
    // recorded delivered and the drain let go of the subscription before rotating and replaying.
    await eventually(
      () =>
        withOwnerDb('merchant', async (db) => {
          const { rows } = await db.query<{ status: string; lease_owner: string | null }>(
            'select d.status, s.lease_owner from webhook_subscription_delivery d join webhook_subscription s on s.id = d.subscription_id where d.id = $1',
            [event.id],
          );
          return rows[0]?.status === 'delivered' && rows[0].lease_owner === null;
        }),
      15_000,
      'the first attempt recorded delivered, its lease released',
    );

    const rotated = await gateway.gql<{ rotateWebhookSubscriptionSecret: { secret: string } }>(ROTATE, { id: created.data!.createWebhookSubscription.subscription.id }, merchant.auth);
    const newSecret = rotated.data!.rotateWebhookSubscriptionSecret.secret;
    const replay = await gateway.gql<{ replayWebhookSubscriptionDelivery: Delivery }>(REPLAY, { id: event.id }, merchant.auth);
    expect(replay.data!.replayWebhookSubscriptionDelivery).toMatchObject({ id: event.id, status: 'PENDING' });

    const [, again] = await receiver.waitForRequests(2, 20_000);
    // The same delivery (receivers dedupe on its id), byte for byte, signed afresh with the new secret.
    expect(again.headers['x-loyalnest-delivery-id']).toBe(event.id);
    expect(again.headers['x-loyalnest-attempt']).toBe('2');
    expect(again.body).toBe(sent.body);
    const againHeader = String(again.headers['x-loyalnest-signature']);
    expect(verify(again.body, againHeader, newSecret)).toBe(true);
    expect(verify(again.body, againHeader, secret)).toBe(false);
    // The first attempt's signature is no good for the new secret either: the old one stopped at once.
    expect(verify(sent.body, header, newSecret)).toBe(false);
  }, 60_000);
});
