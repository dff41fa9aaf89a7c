import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { consumeBatch } from '../../subgraphs/kit/src/events/consume-batch.js';
import tierSubgraph from '../../subgraphs/tier/src/index.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, memberOf, saveProgram, TIER_EVENTS_ENV } from './support/tier-members.js';

/**
 * The tier domain's consumer batches, driven through the kit's `consumeBatch` with events made
 * here (none of them goes through a queue): a batch locks its customers once and places every
 * customer its events touched once, after them. These are the races that batching adds.
 */
describe('tier events consumed in one batch', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let tiers: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
    merchant = await createMerchant(gateway);
    tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 1]]);
  });
  afterAll(() => gateway.stop());

  const event = (topic: string, payload: Record<string, unknown>, requestId: string | null = null): DomainEvent => ({
    id: randomUUID(),
    merchantId: merchant.id,
    topic,
    version: 1,
    occurredAt: new Date().toISOString(),
    payload,
    ...(requestId ? { requestId, correlationId: requestId } : {}),
  });
  const order = (customerId: string, requestId: string | null = null) =>
    event(
      'order.recorded',
      { customerId, orderId: shopifyId(), orderNumber: null, currency: 'EUR', totalMinor: 2000, subtotalMinor: 2000, discountCodes: [], placedAt: new Date().toISOString(), financialStatus: 'paid' },
      requestId,
    );
  const consume = (events: DomainEvent[]) => {
    const tier = runtime(gateway, 'tier');
    return consumeBatch(
      tier,
      events.map((e) => ({ event: e, handler: tierSubgraph.consumes![e.topic], settlesDeadLetter: false })),
    );
  };
  const outcomes = (results: Awaited<ReturnType<typeof consume>>) => results.map((r) => ('outcome' in r ? r.outcome : `error: ${String((r.error as Error).message)}`));

  it('places each customer once after the batch, with the last state of their orders', async () => {
    // given two orders of one customer and one of another, in one batch
    const [c1, c2] = [randomUUID(), randomUUID()];
    const results = await consume([order(c1), order(c2), order(c1)]);

    // then all applied, each customer is Silver, and c1 moved once (not once per order)
    expect(outcomes(results)).toEqual(['applied', 'applied', 'applied']);
    expect(await memberOf(merchant, c1)).toMatchObject({ tier_id: tiers.Silver, metric_value: '2' });
    expect(await memberOf(merchant, c2)).toMatchObject({ tier_id: tiers.Silver, metric_value: '1' });
    expect((await changesOf(merchant, c1)).map((c) => c.to_tier_id)).toEqual([tiers.Silver]);
  });

  it('what if the customer is erased later in the same batch? the batch does not place them again', async () => {
    // given an order of a customer and, in the same batch after it, the customer's redaction
    const customerId = randomUUID();
    const results = await consume([order(customerId), event('customer.redacted', { customerId })]);

    // then both applied and nothing of the customer is left in the tier store
    expect(outcomes(results)).toEqual(['applied', 'applied']);
    expect(await memberOf(merchant, customerId)).toBeUndefined();
    expect(await changesOf(merchant, customerId)).toEqual([]);
    const { rows } = await withOwnerDb('tier', (db) => db.query<{ n: number }>('select count(*)::int as n from tier_qualification where merchant_id = $1 and customer_id = $2', [merchant.id, customerId]));
    expect(rows[0].n).toBe(0);
  });

  it("what if one customer's placement keeps failing? the other customers' events of the batch apply, and only that customer's fails", async () => {
    // given a fault on every write of one customer's member row
    const [healthy, failing] = [randomUUID(), randomUUID()];
    const fault = `tier_fault_${failing.replace(/-/g, '')}`;
    await withOwnerDb('tier', (db) =>
      db.query(`create function ${fault}() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$;
                create trigger ${fault} before update on tier_member for each row when (new.customer_id = '${failing}') execute function ${fault}();`),
    );
    try {
      // when both customers' orders come in one batch
      const results = await consume([order(healthy), order(failing)]);

      // then the healthy customer's order applied (run again alone after the shared finish failed), the failing one's did not
      expect(outcomes(results)).toEqual(['applied', 'error: injected fault']);
      expect(await memberOf(merchant, healthy)).toMatchObject({ tier_id: tiers.Silver });
      // and nothing of the failed event stays: no member row left unplaced, no ledger row
      expect(await memberOf(merchant, failing)).toBeUndefined();
      const { rows } = await withOwnerDb('tier', (db) => db.query<{ n: number }>('select count(*)::int as n from tier_qualification where merchant_id = $1 and customer_id = $2', [merchant.id, failing]));
      expect(rows[0].n).toBe(0);
    } finally {
      await withOwnerDb('tier', (db) => db.query(`drop trigger ${fault} on tier_member; drop function ${fault}();`));
    }
  });

  it('attributes each tier.changed of a batch to the request of the event that caused it', async () => {
    // given two customers' orders from two requests, in one batch
    const [c1, c2] = [randomUUID(), randomUUID()];
    const [r1, r2] = [randomUUID(), randomUUID()];
    expect(outcomes(await consume([order(c1, r1), order(c2, r2)]))).toEqual(['applied', 'applied']);

    // then each customer's tier.changed carries its own order event's request and correlation ids
    const { rows } = await withOwnerDb('tier', (db) =>
      db.query<{ customer: string; request_id: string; correlation_id: string | null }>(
        "select payload->>'customerId' as customer, request_id, correlation_id from outbox_event where merchant_id = $1 and topic = 'tier.changed' and payload->>'customerId' = any($2)",
        [merchant.id, [c1, c2]],
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.customer, [r.request_id, r.correlation_id]]))).toEqual({ [c1]: [r1, r1], [c2]: [r2, r2] });
  });
});
