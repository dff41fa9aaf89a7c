import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkEndpointUrl, isPublicAddress, type Resolver } from '../../subgraphs/merchant/src/domain/webhook-endpoint.js';
import { WebhookHttpClient } from '../../subgraphs/merchant/src/services/webhook-http.client.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions, insertWebhookDeliveries, insertWebhookSubscription, startConnectionCounter, startWebhookReceiver, webhookDeliveryRow } from './support/webhook-receiver.js';

describe('isPublicAddress', () => {
  it.each([
    // IPv4: each non-public range at its edges, and its public neighbours
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['0.0.0.0', false],
    ['0.255.255.255', false],
    ['9.255.255.255', true],
    ['10.0.0.0', false],
    ['10.255.255.255', false],
    ['11.0.0.0', true],
    ['100.63.255.255', true],
    ['100.64.0.0', false],
    ['100.127.255.255', false],
    ['100.128.0.0', true],
    ['126.255.255.255', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['128.0.0.0', true],
    ['169.253.255.255', true],
    ['169.254.169.254', false],
    ['169.255.0.0', true],
    ['172.15.255.255', true],
    ['172.16.0.0', false],
    ['172.31.255.255', false],
    ['172.32.0.0', true],
    ['192.0.0.1', false],
    ['192.0.2.1', false],
    ['192.167.255.255', true],
    ['192.168.0.1', false],
    ['192.169.0.0', true],
    ['198.17.255.255', true],
    ['198.18.0.0', false],
    ['198.19.255.255', false],
    ['198.20.0.0', true],
    ['203.0.113.9', false],
    ['223.255.255.255', true],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    // IPv6
    ['2606:4700:4700::1111', true],
    ['2001:4860:4860::8888', true],
    ['::', false],
    ['::1', false],
    ['fe80::1', false],
    ['febf:ffff::1', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['2001:db8::1', false],
    ['2002:7f00:1::', false],
    ['ff02::1', false],
    ['3fff::1', false],
    ['3fff:fff:ffff::1', false],
    ['4000::1', true],
    ['5f00::1', false],
    ['5f00:ffff::1', false],
    ['5f01::1', true],
    // NAT64 (64:ff9b::/96): judged by the IPv4 address it carries, as DNS64 gives every public IPv4 host one
    ['64:ff9b::7f00:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['64:ff9b::808:808', true],
    ['64:ff9b::8.8.8.8', true],
    ['64:ff9b:1::808:808', false],
    // IPv4-mapped and -compatible IPv6: judged by the IPv4 address they stand for
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:a9fe:a9fe', false],
    ['::ffff:10.1.2.3', false],
    ['::ffff:8.8.8.8', true],
    ['::ffff:808:808', true],
    ['::127.0.0.1', false],
    // IPv4-compatible (::/96) and -translated (::ffff:0:0:0/96), in the hex form the URL parser makes of them
    ['::7f00:1', false],
    ['::a9fe:a9fe', false],
    ['::a00:1', false],
    ['::808:808', true],
    ['::ffff:0:7f00:1', false],
    ['::ffff:0:127.0.0.1', false],
    ['::ffff:0:808:808', true],
    ['0:0:0:0:0:0:7f00:1', false],
    ['0:0:0:0:0:ffff:7f00:1', false],
    // 80 zero bits then something else is no IPv4 form: an ordinary (reserved) IPv6 address
    ['::1:7f00:1', false],
    // not an address at all
    ['localhost', false],
    ['example.com', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('checkEndpointUrl', () => {
  const resolving =
    (answers: Record<string, string[]>): Resolver =>
    async (host) =>
      (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const dns = resolving({ 'hooks.example.com': ['93.184.215.14'], 'mixed.example.com': ['93.184.215.14', '10.0.0.7'], 'v6.example.com': ['2606:4700::1', '::1'], 'metadata.example.com': ['169.254.169.254'] });

  it.each([
    ['https://hooks.example.com/loyalnest', 'strict', { ok: true }],
    ['https://93.184.215.14:8443/x', 'strict', { ok: true }],
    ['hooks.example.com/x', 'strict', { ok: false, reason: 'malformed' }],
    ['https://hooks.example.com/x#frag', 'strict', { ok: false, reason: 'malformed' }],
    ['http://hooks.example.com/x', 'strict', { ok: false, reason: 'not_https' }],
    ['ftp://hooks.example.com/x', 'local', { ok: false, reason: 'not_https' }],
    ['http://hooks.example.com/x', 'local', { ok: true }],
    ['https://user:pw@hooks.example.com/x', 'strict', { ok: false, reason: 'credentials' }],
    ['https://nowhere.example.com/x', 'strict', { ok: false, reason: 'unresolvable' }],
    ['https://mixed.example.com/x', 'strict', { ok: false, reason: 'private_address' }],
    ['https://v6.example.com/x', 'strict', { ok: false, reason: 'private_address' }],
    ['https://metadata.example.com/x', 'strict', { ok: false, reason: 'private_address' }],
    ['https://169.254.169.254/latest/meta-data', 'strict', { ok: false, reason: 'private_address' }],
    ['https://127.0.0.1:8443/x', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[::1]/x', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[::ffff:127.0.0.1]/x', 'strict', { ok: false, reason: 'private_address' }],
    // the URL parser turns these into [::7f00:1], [::a9fe:a9fe], [::ffff:0:7f00:1], [64:ff9b::7f00:1]
    ['https://[::127.0.0.1]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[::a9fe:a9fe]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[::169.254.169.254]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[::ffff:0:7f00:1]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[::ffff:0:127.0.0.1]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[64:ff9b::127.0.0.1]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[64:ff9b::8.8.8.8]/', 'strict', { ok: true }],
    ['https://[3fff::1]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[5f00::1]/', 'strict', { ok: false, reason: 'private_address' }],
    ['https://[2606:4700::1]/x', 'strict', { ok: true }],
    ['http://127.0.0.1:3000/x', 'local', { ok: true }],
    ['http://mixed.example.com/x', 'local', { ok: true }],
  ] as const)('%s under %s → %o', async (url, policy, expected) => {
    expect(await checkEndpointUrl(url, policy, dns)).toMatchObject(expected);
  });

  it('never says which address a name resolved to (no oracle of internal DNS), and that a throwing resolver means unresolvable', async () => {
    const refused = await checkEndpointUrl('https://mixed.example.com/x', 'strict', dns);
    expect(refused).toEqual({ ok: false, reason: 'private_address', message: 'resolves to an address that is not public' });
    expect(JSON.stringify(refused)).not.toContain('10.0.0.7');
    expect(await checkEndpointUrl('https://[::a9fe:a9fe]/', 'strict', dns)).toEqual({ ok: false, reason: 'private_address', message: 'is not a public address' });
    const failing: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await checkEndpointUrl('https://hooks.example.com/x', 'strict', failing)).toMatchObject({ ok: false, reason: 'unresolvable' });
  });
});

describe('one webhook attempt (WebhookHttpClient)', () => {
  const request = (url: string) => ({ url, headers: { 'Content-Type': 'application/json' }, body: '{"id":"x"}' });

  it('fails at its deadline, body included, with a short reason; connection refusals say so', async () => {
    const slow = await startWebhookReceiver({ answer: 'slow', delayMs: 5_000 });
    const counter = await startConnectionCounter();
    const closedPort = counter.port;
    await counter.close();
    try {
      const client = new WebhookHttpClient({ policy: 'local', timeoutMs: 300, responseLimitBytes: 1024 });
      const timedOut = await client.send(request(slow.url), new AbortController().signal);
      expect(timedOut).toMatchObject({ kind: 'failure', statusCode: null, error: 'timeout after 300 ms', excerpt: null });
      expect(timedOut.kind === 'failure' && timedOut.durationMs).toBeLessThan(1_000);
      expect(await client.send(request(`http://127.0.0.1:${closedPort}/x`), new AbortController().signal)).toMatchObject({ kind: 'failure', statusCode: null, error: 'connection refused' });
    } finally {
      await slow.close();
    }
  });

  it('a refused address is named to the caller (the dispatcher logs it), never in the error text the API shows', async () => {
    const client = new WebhookHttpClient({ policy: 'strict', timeoutMs: 1_000, responseLimitBytes: 1024 });
    expect(await client.send(request('https://[::127.0.0.1]/x'), new AbortController().signal)).toMatchObject({
      kind: 'failure',
      statusCode: null,
      error: 'resolves to an address that is not public',
      refusedAddress: '::7f00:1',
    });
    expect(await client.send(request('https://localhost/x'), new AbortController().signal)).toMatchObject({
      kind: 'failure',
      error: 'resolves to an address that is not public',
      refusedAddress: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
    });
  });

  it('an abort (shutdown) ends the attempt at once as aborted, not as a failure', async () => {
    const slow = await startWebhookReceiver({ answer: 'slow', delayMs: 5_000 });
    try {
      const client = new WebhookHttpClient({ policy: 'local', timeoutMs: 15_000, responseLimitBytes: 1024 });
      const shutdown = new AbortController();
      const attempt = client.send(request(slow.url), shutdown.signal);
      await slow.waitForRequests(1);
      shutdown.abort();
      expect(await attempt).toEqual({ kind: 'aborted' });
    } finally {
      await slow.close();
    }
  });
});

describe('the dispatcher under WEBHOOK_ENDPOINT_POLICY=strict', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let counter: Awaited<ReturnType<typeof startConnectionCounter>>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { WEBHOOK_ENDPOINT_POLICY: 'strict', WEBHOOK_POLL_MS: '100', WEBHOOK_BACKOFF_MS: '60000' });
    merchant = await createMerchant(gateway);
    counter = await startConnectionCounter();
  });
  afterAll(async () => {
    if (merchant) await deleteWebhookSubscriptions([merchant.id]);
    await gateway?.stop();
    await counter?.close();
  });

  /** Records one delivery to `url` and returns its row once its first attempt is recorded. */
  const attempt = async (url: string) => {
    const subscription = await insertWebhookSubscription(gateway, merchant, url);
    const [delivery] = await insertWebhookDeliveries(gateway, merchant, subscription.id);
    return eventually(async () => {
      const row = await webhookDeliveryRow(delivery.id);
      return row.attempts > 0 && row;
    }, 5_000, `the attempt to ${url} recorded`);
  };

  // The address itself is never in the text the API shows (it is logged server-side only).
  it.each([
    ['https://127.0.0.1:{port}/hooks', /^resolves to an address that is not public$/],
    ['https://localhost:{port}/hooks', /^resolves to an address that is not public$/],
    ['https://[::1]:{port}/hooks', /^resolves to an address that is not public$/],
    ['https://[::ffff:127.0.0.1]:{port}/hooks', /^resolves to an address that is not public$/],
    ['https://[::127.0.0.1]:{port}/hooks', /^resolves to an address that is not public$/],
    ['https://169.254.169.254/latest/meta-data', /^resolves to an address that is not public$/],
    ['http://127.0.0.1:{port}/hooks', /^http: URLs are refused: https only$/],
  ])('refuses %s before any connection, and records why (not a timeout)', async (template, reason) => {
    const before = counter.connections();
    const row = await attempt(template.replace('{port}', String(counter.port)));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null });
    expect(row.last_error).toMatch(reason);
    expect(row.last_duration_ms).toBeLessThan(1_000);
    expect(counter.connections()).toBe(before);
  });

  it('the counter does see a connection that is made (the proof above can fail)', async () => {
    const client = new WebhookHttpClient({ policy: 'local', timeoutMs: 1_000, responseLimitBytes: 1024 });
    const before = counter.connections();
    await client.send({ url: `http://127.0.0.1:${counter.port}/x`, headers: {}, body: '{}' }, new AbortController().signal);
    expect(counter.connections()).toBe(before + 1);
  });
});
