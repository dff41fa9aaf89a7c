import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import customer from '@loyalnest/customer';
import { ADMIN_SCOPES, consumeEvent, systemCaller, type DomainEvent, type EventHandler, type RequestContext, type SubgraphModule } from '@loyalnest/kit';
import merchant from '@loyalnest/merchant';
import { QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { CustomerEntity } from '../../subgraphs/customer/src/entities/customer.entity.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { createEffectTable, dropEffectTable, eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

interface OutboxRow {
  id: string;
  merchant_id: string;
  topic: string;
  version: number;
  payload: Record<string, unknown>;
  occurred_at: Date;
  published_at: Date | null;
  actor_kind: string | null;
  actor_id: string | null;
  request_id: string | null;
}

interface DeliveryRow {
  consumer: string;
  published_at: Date;
  publish_count: number;
  acked_at: Date | null;
}

interface EffectRow {
  merchant_id: string;
  consumer: string;
  event_id: string;
  topic: string;
  payload: Record<string, unknown>;
}

const DEAD_LETTERS = `query($status: DeadLetterStatus) {
  customerDeadLetterEvents(first: 50, status: $status) {
    nodes { id eventId consumer topic version payload error attempts status failedAt retryRequestedAt resolvedAt }
    pageInfo { hasNextPage }
  }
}`;

const RETRY = `mutation($id: ID!) {
  retryCustomerDeadLetterEvent(id: $id) { __typename ... on DeadLetterEvent { id status } ... on ErrorResult { code message } }
}`;

interface DeadLetterNode {
  id: string;
  eventId: string;
  consumer: string;
  topic: string;
  version: number;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
  status: string;
}

describe('the event backbone', () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const tables = { customer: '', merchant: '' };
  const ours = new Set<string>();
  /** When each attempt at a `test.flaky` event started, by event id. */
  const flakyAttempts = new Map<string, number[]>();
  let flakyFails = true;

  const record =
    (store: 'customer' | 'merchant'): EventHandler =>
    async (ctx: RequestContext, event: DomainEvent) => {
      await ctx.em.execute(`insert into ${tables[store]} (consumer, event_id, topic, payload) values (?, ?, ?, ?::jsonb)`, [
        store,
        event.id,
        event.topic,
        JSON.stringify(event.payload),
      ]);
    };

  // The real subgraphs, each declaring consumers of its own for this file.
  const customerModule: SubgraphModule = {
    ...customer,
    consumes: {
      'test.applied': record('customer'),
      'test.fanout': record('customer'),
      'test.flaky': async (ctx, event, runtime) => {
        flakyAttempts.set(event.id, [...(flakyAttempts.get(event.id) ?? []), Date.now()]);
        if (flakyFails) throw new Error(`flaky handler failed for ${event.id}`);
        await record('customer')(ctx, event, runtime);
      },
    },
  };
  const merchantModule: SubgraphModule = {
    ...merchant,
    consumes: {
      'test.fanout': record('merchant'),
      // Other test files leave customer.created events of their merchants unpublished (nobody
      // consumed the topic then); they arrive here too and are consumed without effect.
      'customer.created': async (ctx, event, runtime) => {
        if (ours.has(event.merchantId)) await record('merchant')(ctx, event, runtime);
      },
    },
  };

  beforeAll(async () => {
    tables.customer = await createEffectTable('customer');
    tables.merchant = await createEffectTable('merchant');
    gateway = await startEventsGateway([merchantModule, customerModule]);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
    ours.add(a.id).add(b.id);
  });
  afterAll(async () => {
    await gateway?.stop();
    await dropEffectTable('customer', tables.customer);
    await dropEffectTable('merchant', tables.merchant);
  });

  /** Emits an event as a service would: through a tenant context, written by its flush. */
  async function emit(store: 'customer' | 'merchant', merchantId: string, topic: string, payload: Record<string, unknown> = { ref: randomUUID() }): Promise<string> {
    const ctx = runtime(gateway, store).createContext(systemCaller(ADMIN_SCOPES, merchantId));
    const id = ctx.emit(topic, payload);
    await ctx.em.flush();
    return id;
  }

  const outboxRow = (store: string, id: string) =>
    withOwnerDb(store, async (db) => (await db.query<OutboxRow>('select * from outbox_event where id = $1', [id])).rows[0] as OutboxRow | undefined);
  const deliveries = (store: string, id: string) =>
    withOwnerDb(store, async (db) => (await db.query<DeliveryRow>('select * from outbox_delivery where event_id = $1 order by consumer', [id])).rows);
  const effects = (store: 'customer' | 'merchant', eventId: string) =>
    withOwnerDb(store, async (db) => (await db.query<EffectRow>(`select * from ${tables[store]} where event_id = $1`, [eventId])).rows);
  const published = (store: string, id: string) => eventually(async () => (await outboxRow(store, id))?.published_at ?? undefined, 10_000, `event ${id} published`);
  const acked = (store: string, id: string, consumers: number) =>
    eventually(async () => {
      const rows = await deliveries(store, id);
      return rows.length === consumers && rows.every((d) => d.acked_at) ? rows : undefined;
    }, 10_000, `event ${id} acknowledged by ${consumers} consumer(s)`);
  const applied = (store: 'customer' | 'merchant', id: string) =>
    eventually(async () => {
      const rows = await effects(store, id);
      return rows.length ? rows : undefined;
    }, 10_000, `event ${id} applied in ${store}`);

  describe('emitting', () => {
    it('writes the event with the change, in the same flush', async () => {
      const ctx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
      const customerId = randomUUID();
      ctx.em.create(CustomerEntity, { id: customerId, merchantId: a.id, shopifyId: shopifyId() });
      const eventId = ctx.emit('test.unconsumed', { customerId });

      // Nothing is written before the flush.
      expect(await outboxRow('customer', eventId)).toBeUndefined();
      await ctx.em.flush();

      expect(await outboxRow('customer', eventId)).toMatchObject({ merchant_id: a.id, topic: 'test.unconsumed', version: 1, payload: { customerId } });
      const { rows } = await withOwnerDb('customer', (db) => db.query('select id from customer where id = $1', [customerId]));
      expect(rows).toHaveLength(1);
    });

    it('writes neither the change nor the event when the flush fails', async () => {
      // given a customer that exists
      const existing = await upsertCustomer(gateway, a, { shopifyId: shopifyId() });
      // when one flush inserts a new customer, a clash with the existing one, and an event
      const ctx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
      const newId = randomUUID();
      ctx.em.create(CustomerEntity, { id: newId, merchantId: a.id, shopifyId: shopifyId() });
      ctx.em.create(CustomerEntity, { id: randomUUID(), merchantId: a.id, shopifyId: existing.shopifyId });
      const eventId = ctx.emit('test.applied', { customerId: newId });
      await expect(ctx.em.flush()).rejects.toThrow();

      // then nothing of it is stored, and nothing reaches a consumer
      expect(await outboxRow('customer', eventId)).toBeUndefined();
      const { rows } = await withOwnerDb('customer', (db) => db.query('select id from customer where id = $1', [newId]));
      expect(rows).toEqual([]);
    });

    it('records the ids of real changes: customers and merchant settings', async () => {
      const created = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'events-pii@example.com', firstName: 'Eve' });
      const settings = await gateway.gql('mutation { updateMerchantSettings(input: { pointsName: "Beans" }) { __typename } }', {}, a.auth);
      expect(settings.errors).toBeUndefined();

      const [customerEvent] = (await withOwnerDb('customer', (db) => db.query<OutboxRow>("select * from outbox_event where merchant_id = $1 and topic = 'customer.created' and payload->>'customerId' = $2", [a.id, created.id]))).rows;
      expect(customerEvent.payload).toEqual({ customerId: created.id, fields: ['email', 'firstName'] });
      const [settingsEvent] = (await withOwnerDb('merchant', (db) => db.query<OutboxRow>("select * from outbox_event where merchant_id = $1 and topic = 'merchant.settings_updated'", [a.id]))).rows;
      expect(settingsEvent.payload).toEqual({ merchantId: a.id, fields: ['pointsName'] });
      expect(JSON.stringify([customerEvent, settingsEvent])).not.toMatch(/events-pii|Eve|example\.com/);
    });
  });

  describe('the relay', () => {
    it("publishes an event to each consuming subgraph's queue with job id = event id, marks it published, and records each acknowledgement", async () => {
      // given both consumers' queues paused, so the jobs can be inspected before they run
      await gateway.queue('customer').pause();
      await gateway.queue('merchant').pause();
      let eventId = '';
      try {
        eventId = await emit('customer', a.id, 'test.fanout', { ref: 'fanout' });
        const row = await outboxRow('customer', eventId);
        await published('customer', eventId);

        for (const consumer of ['customer', 'merchant']) {
          const job = await eventually(async () => (await gateway.queue(consumer).getJob(eventId)) ?? undefined, 5000, `job on ${consumer}`);
          expect(job.id).toBe(eventId);
          expect(job.data).toEqual({
            producer: 'customer',
            event: {
              id: eventId,
              merchantId: a.id,
              topic: 'test.fanout',
              version: 1,
              occurredAt: row!.occurred_at.toISOString(),
              payload: { ref: 'fanout' },
              actor: { kind: 'system', id: 'loyalnest' },
              requestId: row!.request_id,
            },
          });
          expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 100 } });
        }
        expect((await deliveries('customer', eventId)).map((d) => [d.consumer, d.publish_count, d.acked_at])).toEqual([
          ['customer', 1, null],
          ['merchant', 1, null],
        ]);
      } finally {
        await gateway.queue('customer').resume();
        await gateway.queue('merchant').resume();
      }

      // then each consumer applies it once, under the event's tenant, and the producer records both acknowledgements
      const [inCustomer] = await applied('customer', eventId);
      const [inMerchant] = await applied('merchant', eventId);
      expect(inCustomer).toMatchObject({ merchant_id: a.id, consumer: 'customer', topic: 'test.fanout', payload: { ref: 'fanout' } });
      expect(inMerchant).toMatchObject({ merchant_id: a.id, consumer: 'merchant', topic: 'test.fanout' });
      await acked('customer', eventId, 2);
    });

    it("takes a real mutation's event to a consumer in another subgraph", async () => {
      const created = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'relay@example.com' });
      const [event] = (await withOwnerDb('customer', (db) => db.query<OutboxRow>("select * from outbox_event where topic = 'customer.created' and payload->>'customerId' = $1", [created.id]))).rows;

      const [effect] = await applied('merchant', event.id);
      expect(effect).toMatchObject({ merchant_id: b.id, consumer: 'merchant', topic: 'customer.created', payload: { customerId: created.id } });
      expect((await acked('customer', event.id, 1)).map((d) => d.consumer)).toEqual(['merchant']);
    });

    it('leaves events of topics nobody consumes unpublished, for a consumer that comes later', async () => {
      const eventId = await emit('customer', a.id, 'test.unconsumed');
      const later = await emit('customer', a.id, 'test.applied');
      await applied('customer', later);

      expect((await outboxRow('customer', eventId))!.published_at).toBeNull();
      expect(await deliveries('customer', eventId)).toEqual([]);
    });
  });

  describe('consumers', () => {
    it('apply an event once, however often it is delivered', async () => {
      // given an event applied once
      const eventId = await emit('customer', a.id, 'test.applied');
      await applied('customer', eventId);
      await acked('customer', eventId, 1);
      const job = (await outboxRow('customer', eventId))!;
      const event: DomainEvent = { id: job.id, merchantId: job.merchant_id, topic: job.topic, version: job.version, occurredAt: job.occurred_at.toISOString(), payload: job.payload };

      // when the queue delivers it twice more, under other job ids
      const queue = gateway.queue('customer');
      const events = new QueueEvents('customer', { connection: queue.opts.connection, prefix: gateway.bullPrefix('customer') });
      try {
        await events.waitUntilReady();
        const again = await Promise.all([1, 2].map((n) => queue.add('test.applied', { event, producer: 'test' }, { jobId: `${eventId}-again-${n}` })));
        const outcomes = await Promise.all(again.map((j) => j.waitUntilFinished(events, 10_000)));
        // then each finds it consumed
        expect(outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'duplicate']);
      } finally {
        await events.close();
      }

      // and called directly, twice at once, it is still a duplicate
      const handler = customerModule.consumes!['test.applied'];
      expect(await Promise.all([consumeEvent(runtime(gateway, 'customer'), handler, event), consumeEvent(runtime(gateway, 'customer'), handler, event)])).toEqual([
        'duplicate',
        'duplicate',
      ]);
      expect(await effects('customer', eventId)).toHaveLength(1);
    });

    it('apply a new event exactly once when two deliveries race', async () => {
      const event: DomainEvent = { id: randomUUID(), merchantId: a.id, topic: 'test.applied', version: 1, occurredAt: new Date().toISOString(), payload: { ref: 'race' } };
      const handler = customerModule.consumes!['test.applied'];

      const outcomes = await Promise.all([consumeEvent(runtime(gateway, 'customer'), handler, event), consumeEvent(runtime(gateway, 'customer'), handler, event)]);

      expect(outcomes.sort()).toEqual(['applied', 'duplicate']);
      expect(await effects('customer', event.id)).toHaveLength(1);
      const consumed = await withOwnerDb('customer', (db) => db.query('select consumer, merchant_id from consumed_event where event_id = $1', [event.id]));
      expect(consumed.rows).toEqual([{ consumer: 'customer', merchant_id: a.id }]);
    });

    it('retry a failing handler with exponential backoff, dead-letter it after the last attempt, show it to its merchant only, and apply it on retry', async () => {
      const quiet = [jest.spyOn(console, 'warn').mockImplementation(() => {}), jest.spyOn(console, 'error').mockImplementation(() => {})];
      try {
        // given a handler that fails
        flakyFails = true;
        const eventId = await emit('customer', a.id, 'test.flaky', { customerId: randomUUID() });

        // when every attempt fails, it is dead-lettered after the third, and the producer counts it as handled
        const [letter] = await eventually(async () => {
          const { rows } = await withOwnerDb('customer', (db) => db.query('select * from dead_letter_event where event_id = $1', [eventId]));
          return rows.length ? rows : undefined;
        }, 10_000, 'the dead letter');
        expect(letter).toMatchObject({ merchant_id: a.id, consumer: 'customer', topic: 'test.flaky', status: 'dead', attempts: 3, error: `Error: flaky handler failed for ${eventId}` });
        expect(letter.error).not.toMatch(/\n|at /);
        const starts = flakyAttempts.get(eventId)!;
        expect(starts).toHaveLength(3);
        // 100 ms, then 200 ms: each retry waits twice as long as the one before
        expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(95);
        expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(195);
        await acked('customer', eventId, 1);
        expect(await effects('customer', eventId)).toEqual([]);

        // then A's admin sees it
        const asA = await gateway.gql<{ customerDeadLetterEvents: { nodes: DeadLetterNode[] } }>(DEAD_LETTERS, { status: 'DEAD' }, a.auth);
        expect(asA.errors).toBeUndefined();
        const node = asA.data!.customerDeadLetterEvents.nodes.find((n) => n.eventId === eventId)!;
        expect(node).toMatchObject({ id: letter.id, consumer: 'customer', topic: 'test.flaky', version: 1, attempts: 3, status: 'DEAD', payload: letter.payload });

        // but B's admin neither sees it nor can retry it
        const asB = await gateway.gql<{ customerDeadLetterEvents: { nodes: DeadLetterNode[] } }>(DEAD_LETTERS, {}, b.auth);
        expect(asB.errors).toBeUndefined();
        expect(asB.data!.customerDeadLetterEvents.nodes.filter((n) => n.eventId === eventId)).toEqual([]);
        const bRetry = await gateway.gql<{ retryCustomerDeadLetterEvent: { __typename: string; code: string } }>(RETRY, { id: letter.id }, b.auth);
        expect(bRetry.data!.retryCustomerDeadLetterEvent).toMatchObject({ __typename: 'DeadLetterEventNotFoundError', code: 'DEAD_LETTER_EVENT_NOT_FOUND' });
        await new Promise((r) => setTimeout(r, 300));
        expect(flakyAttempts.get(eventId)).toHaveLength(3);

        // when A's admin retries it before the cause is fixed, it fails every attempt again
        const early = await gateway.gql<{ retryCustomerDeadLetterEvent: { __typename: string; status: string } }>(RETRY, { id: letter.id }, a.auth);
        expect(early.data!.retryCustomerDeadLetterEvent).toEqual({ __typename: 'DeadLetterEvent', id: letter.id, status: 'RETRYING' });
        const deadAgain = await eventually(async () => {
          const result = await gateway.gql<{ customerDeadLetterEvents: { nodes: DeadLetterNode[] } }>(DEAD_LETTERS, { status: 'DEAD' }, a.auth);
          return result.data!.customerDeadLetterEvents.nodes.find((n) => n.eventId === eventId && n.attempts === 6);
        }, 10_000, 'the failed retry dead-lettered again');
        expect(deadAgain.id).toBe(letter.id);
        expect(flakyAttempts.get(eventId)).toHaveLength(6);

        // and when the cause is fixed and A's admin retries it
        flakyFails = false;
        const retried = await gateway.gql<{ retryCustomerDeadLetterEvent: { __typename: string; status: string } }>(RETRY, { id: letter.id }, a.auth);
        expect(retried.data!.retryCustomerDeadLetterEvent).toEqual({ __typename: 'DeadLetterEvent', id: letter.id, status: 'RETRYING' });

        // then it is applied, once, and the dead letter is resolved
        const [effect] = await applied('customer', eventId);
        expect(effect.merchant_id).toBe(a.id);
        const resolved = await eventually(async () => {
          const result = await gateway.gql<{ customerDeadLetterEvents: { nodes: DeadLetterNode[] } }>(DEAD_LETTERS, { status: 'RESOLVED' }, a.auth);
          return result.data!.customerDeadLetterEvents.nodes.find((n) => n.eventId === eventId);
        }, 10_000, 'the dead letter resolved');
        expect(resolved).toMatchObject({ status: 'RESOLVED', attempts: 6 });
        const again = await gateway.gql<{ retryCustomerDeadLetterEvent: { __typename: string } }>(RETRY, { id: letter.id }, a.auth);
        expect(again.data!.retryCustomerDeadLetterEvent.__typename).toBe('DeadLetterEventResolvedError');
        expect(await effects('customer', eventId)).toHaveLength(1);
      } finally {
        flakyFails = false;
        for (const spy of quiet) spy.mockRestore();
      }
    });

    it('keep dead letters to admins: a shopper or a partner key is refused', async () => {
      const shopper = await upsertCustomer(gateway, a, { shopifyId: shopifyId() });
      const shopperToken = await mintDevToken(gateway.config.devTokenSecret, { shop: a.shop, role: 'shopper', customerId: shopper.id });
      const partner = await gateway.gql<{ createApiKey: { secret: string } }>(
        'mutation { createApiKey(input: { name: "dlq", scopes: ["merchant:read", "customers:read", "customers:write"] }) { ... on ApiKeyCreated { secret } } }',
        {},
        a.auth,
      );

      for (const token of [shopperToken, partner.data!.createApiKey.secret]) {
        for (const [operation, variables] of [
          [DEAD_LETTERS, {}],
          [RETRY, { id: randomUUID() }],
        ] as const) {
          const result = await gateway.gql(operation, variables, { authorization: `Bearer ${token}` });
          expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
          expect(result.errors?.[0].message).toMatch(/events:manage/);
        }
      }
    });
  });

  describe('Redis losing its data', () => {
    it('is noticed by the relay, which publishes the unacknowledged event again; it is applied exactly once', async () => {
      // given an event published to a paused queue, not yet consumed
      await gateway.queue('customer').pause();
      const eventId = await emit('customer', a.id, 'test.applied', { ref: 'lost' });
      await published('customer', eventId);
      await eventually(async () => (await gateway.queue('customer').getJob(eventId)) ?? undefined, 5000, 'the job');

      // when Redis loses the queue (and with it the pause)
      expect(await gateway.loseQueue('customer')).toBeGreaterThan(0);

      // then the relay publishes it again and the consumer applies it once
      const [effect] = await applied('customer', eventId);
      expect(effect).toMatchObject({ merchant_id: a.id, payload: { ref: 'lost' } });
      const [delivery] = await acked('customer', eventId, 1);
      expect(delivery.publish_count).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(await effects('customer', eventId)).toHaveLength(1);
    });
  });

  describe('acknowledgements', () => {
    it('lost in transit are made good by the sweeper: the event is published again, found consumed, and acknowledged', async () => {
      // given an event applied and acknowledged
      const eventId = await emit('customer', a.id, 'test.applied');
      await applied('customer', eventId);
      await acked('customer', eventId, 1);

      // when its acknowledgement is lost and the ack timeout has passed
      await withOwnerDb('customer', (db) =>
        db.query("update outbox_delivery set acked_at = null, published_at = now() - interval '1 hour' where event_id = $1", [eventId]),
      );

      // then the sweeper publishes it again, and the consumer acknowledges it without applying it twice
      const [delivery] = await acked('customer', eventId, 1);
      expect(delivery.publish_count).toBe(2);
      expect(await effects('customer', eventId)).toHaveLength(1);
    });
  });

  describe('the stores', () => {
    it('keep the event tables under forced RLS: the service role sees nothing without a tenant, and only its own with one', async () => {
      const eventId = await emit('customer', a.id, 'test.applied');
      await applied('customer', eventId);
      await acked('customer', eventId, 1);
      const tables = ['outbox_event', 'outbox_delivery', 'consumed_event', 'dead_letter_event'];

      const flags = await withOwnerDb('customer', (db) =>
        db.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
          'select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1) order by relname',
          [tables],
        ),
      );
      expect(flags.rows.map((r) => [r.relname, r.relrowsecurity, r.relforcerowsecurity])).toEqual(tables.sort().map((t) => [t, true, true]));

      await withAppDb('customer', async (db) => {
        for (const table of tables) expect((await db.query(`select count(*)::int as n from ${table}`)).rows).toEqual([{ n: 0 }]);
        await db.query('begin');
        try {
          await db.query(`select set_config('app.merchant_id', $1, true)`, [b.id]);
          expect((await db.query('select count(*)::int as n from outbox_delivery where event_id = $1', [eventId])).rows).toEqual([{ n: 0 }]);
          expect((await db.query('select count(*)::int as n from consumed_event where event_id = $1', [eventId])).rows).toEqual([{ n: 0 }]);
          await db.query(`select set_config('app.merchant_id', $1, true)`, [a.id]);
          expect((await db.query('select count(*)::int as n from consumed_event where event_id = $1', [eventId])).rows).toEqual([{ n: 1 }]);
        } finally {
          await db.query('rollback');
        }
      });
    });
  });
});

describe('shutting down', () => {
  it('hears of a new event by NOTIFY, and waits for the job in progress to finish before the store closes', async () => {
    const table = await createEffectTable('customer');
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow: SubgraphModule = {
      ...customer,
      consumes: {
        'test.slow': async (ctx, event) => {
          started();
          await new Promise((r) => setTimeout(r, 500));
          await ctx.em.execute(`insert into ${table} (consumer, event_id, topic, payload) values ('customer', ?, ?, '{}')`, [event.id, event.topic]);
        },
      },
    };
    // A poll too slow to matter: the event can only arrive through the outbox trigger's NOTIFY.
    const gateway = await startEventsGateway([merchant, slow], { EVENTS_POLL_MS: '600000' });
    let stopped = false;
    try {
      const owner = await createMerchant(gateway);
      const ctx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, owner.id));
      const eventId = ctx.emit('test.slow', { ref: 'slow' });
      await ctx.em.flush();
      await running;

      await gateway.stop();
      stopped = true;

      const { rows } = await withOwnerDb('customer', (db) => db.query(`select event_id from ${table}`));
      expect(rows).toEqual([{ event_id: eventId }]);
      const consumed = await withOwnerDb('customer', (db) => db.query('select 1 from consumed_event where event_id = $1', [eventId]));
      expect(consumed.rowCount).toBe(1);
    } finally {
      if (!stopped) await gateway.stop();
      await dropEffectTable('customer', table);
    }
  });
});
