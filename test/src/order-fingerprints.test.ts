import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, fingerprinterOf, systemCaller, type Fingerprinter } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { orderFingerprints } from '../../subgraphs/customer/src/domain/order-fingerprints.js';
import { OrderService } from '../../subgraphs/customer/src/services/order.service.js';
import { orderFacts } from '../../subgraphs/customer/src/services/shopify-order.parser.js';
import { withOwnerDb } from './support/db.js';
import { eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { orderDeliveries } from './support/order-deliveries.js';
import { order } from './support/order-life.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const ADDRESS = { address1: '12 Rue des Lilas', address2: 'Apt 3', city: 'Lyon', zip: '69001', country_code: 'fr' };

describe("order.recorded's fingerprints", () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let deliveries: ReturnType<typeof orderDeliveries>;
  let fingerprinter: Fingerprinter;

  beforeAll(async () => {
    gateway = await startEventsGateway(subgraphModules);
    deliveries = orderDeliveries(gateway);
    fingerprinter = fingerprinterOf(gateway.config.kit.blindIndexKey);
    a = await createMerchant(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  /** Delivers one paid order with `fields` over the standard body (three times), and returns its `order.recorded` payload. */
  async function recorded(fields: Record<string, unknown>, customer = shopifyId()): Promise<Record<string, unknown>> {
    const orderId = shopifyId();
    const body = { ...order(orderId, customer, { minute: 1, status: 'paid' }), ...fields };
    await deliveries.deliverThrice(a, [{ topic: 'orders/paid', body }], Number(orderId) % 1000);
    const events = await deliveries.orderEvents(a, orderId);
    expect(events.map((e) => e.topic)).toEqual(['order.recorded', 'order.paid']);
    return events[0].payload;
  }

  it('are the keyed hashes of the body’s email, shipping address and browser IP, as the referral domain computes them; never the values', async () => {
    const payload = await recorded({ email: 'Ada.Lovelace+news@GoogleMail.com', shipping_address: { first_name: 'Ada', ...ADDRESS }, browser_ip: '203.0.113.7' });

    expect(payload.fingerprints).toEqual({
      email: fingerprinter.email('Ada.Lovelace+news@GoogleMail.com'),
      shippingAddress: fingerprinter.shippingAddress({ address1: ADDRESS.address1, address2: ADDRESS.address2, city: ADDRESS.city, zip: ADDRESS.zip, countryCode: 'FR' }),
      browserIp: fingerprinter.ip('203.0.113.7'),
    });
    // the same person however they write their address: a friend's claim with ab@gmail.com matches
    expect((payload.fingerprints as Record<string, string>).email).toBe(fingerprinter.email('adalovelace@gmail.com'));
    const text = JSON.stringify(payload);
    for (const value of ['Lovelace', 'GoogleMail', 'Lilas', '69001', '203.0.113.7']) expect(text).not.toContain(value);
  });

  it('fall back to contact_email, then customer.email, and to client_details.browser_ip', async () => {
    const contact = await recorded({ email: '', contact_email: 'contact@example.com', browser_ip: null, client_details: { browser_ip: '2001:db8:1:2::99' } });
    expect(contact.fingerprints).toEqual({ email: fingerprinter.email('contact@example.com'), shippingAddress: null, browserIp: fingerprinter.ip('2001:db8:1:2::1') });

    const customer = shopifyId();
    const buyer = await recorded({ email: null, customer: { id: Number(customer), email: 'buyer@example.com' } }, customer);
    expect((buyer.fingerprints as Record<string, unknown>).email).toBe(fingerprinter.email('buyer@example.com'));
  });

  it('are null for a body without them, and for values that cannot be hashed, and the order is recorded all the same', async () => {
    const customer = shopifyId();
    const bare = await recorded({ email: undefined, shipping_address: undefined, customer: { id: Number(customer) } }, customer);
    expect(bare.fingerprints).toEqual({ email: null, shippingAddress: null, browserIp: null });

    const junk = await recorded({ email: 'not-an-email', shipping_address: { ...ADDRESS, country_code: 'France' }, browser_ip: 'localhost' });
    expect(junk.fingerprints).toEqual({ email: null, shippingAddress: null, browserIp: null });
    const noStreet = await recorded({ shipping_address: { ...ADDRESS, address1: '  ', address2: null } });
    expect((noStreet.fingerprints as Record<string, unknown>).shippingAddress).toBeNull();
  });

  it('keep what an older version gave when a newer one lacks it, for an order recorded once its customer is created', async () => {
    // given two versions of an order stored for a customer the domain does not know yet, the newer without the signals
    const customer = shopifyId();
    const orderId = shopifyId();
    const service = new OrderService();
    const ctx = () => runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const older = { ...order(orderId, customer, { minute: 1, status: 'paid' }), shipping_address: ADDRESS, browser_ip: '198.51.100.4' };
    const newer = { ...order(orderId, customer, { minute: 2, status: 'paid' }), email: null, customer: { id: Number(customer) } };
    await service.applyOrder(ctx(), { ...orderFacts(older), fingerprints: orderFingerprints(older, fingerprinter) });
    await service.applyOrder(ctx(), { ...orderFacts(newer), fingerprints: orderFingerprints(newer, fingerprinter) });

    // when the customer is created
    await upsertCustomer(gateway, a, { shopifyId: customer });

    // then order.recorded carries the older version's hashes
    const [event] = await deliveries.orderEvents(a, orderId);
    expect(event.payload.fingerprints).toEqual({
      email: fingerprinter.email('buyer-pii@example.com'),
      shippingAddress: fingerprinter.shippingAddress({ ...ADDRESS, countryCode: ADDRESS.country_code }),
      browserIp: fingerprinter.ip('198.51.100.4'),
    });
  });

  it("are erased from the customer's orders by customers/redact, and another customer's stay", async () => {
    const [doomed, kept] = [shopifyId(), shopifyId()];
    const signals = { shipping_address: ADDRESS, browser_ip: '192.0.2.1' };
    await recorded(signals, doomed);
    await recorded(signals, kept);
    const fingerprintsOf = async (customer: string) =>
      (
        await withOwnerDb('customer', (c) =>
          c.query<{ email_fingerprint: string | null; shipping_address_fingerprint: string | null; browser_ip_fingerprint: string | null }>(
            'select email_fingerprint, shipping_address_fingerprint, browser_ip_fingerprint from customer_order where merchant_id = $1 and shopify_customer_id = $2',
            [a.id, customer],
          ),
        )
      ).rows;
    const doomedOrders = await withOwnerDb('customer', (c) => c.query<{ id: string }>('select id from customer_order where merchant_id = $1 and shopify_customer_id = $2', [a.id, doomed]));

    await deliveries.deliver(a, { topic: 'customers/redact', body: { shop_domain: a.shop, customer: { id: Number(doomed), email: 'buyer-pii@example.com', phone: null }, orders_to_redact: [] } }, randomUUID());

    await eventually(
      async () => {
        const { rows } = await withOwnerDb('customer', (c) =>
          c.query('select 1 from customer_order where id = $1 and shopify_customer_id is null and email_fingerprint is null and shipping_address_fingerprint is null and browser_ip_fingerprint is null', [
            doomedOrders.rows[0].id,
          ]),
        );
        return rows.length === 1;
      },
      20_000,
      'the redacted customer’s order without fingerprints',
    );
    expect(await fingerprintsOf(kept)).toEqual([
      { email_fingerprint: fingerprinter.email('buyer-pii@example.com'), shipping_address_fingerprint: expect.any(String), browser_ip_fingerprint: fingerprinter.ip('192.0.2.1') },
    ]);
  });
});
