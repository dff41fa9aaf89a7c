import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import auditModule, { AuditService } from '@loyalnest/audit';
import customerModule from '@loyalnest/customer';
import { ADMIN_SCOPES, loadKitConfig, startSubgraph, systemCaller } from '@loyalnest/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CustomerEntity } from '../../subgraphs/customer/src/entities/customer.entity.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award } from './support/points.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

/** Longer than the file: after their start-up passes, the pumps run only when a wake-up (commit wake, NOTIFY) comes. */
const NO_POLL = { EVENTS_POLL_MS: '600000' };
/** How soon an audit entry must show: milliseconds of work, with room for a loaded machine. */
const PROMPT_MS = 3_000;
/** The listener opens a lost connection again after a second (LISTEN_RECONNECT_MS); a Redis subscription sooner. */
const RECONNECT_MS = 1_000;
const ENTRIES = `query($filter: AuditEntryFilter) { auditEntries(first: 5, filter: $filter) { nodes { action } } }`;

/** Whether the relay has published the event (set `published_at`), read as the owner. */
async function published(store: string, eventId: string): Promise<boolean> {
  return withOwnerDb(store, async (db) => (await db.query(`select 1 from outbox_event where id = $1 and published_at is not null`, [eventId])).rowCount === 1);
}

/** Ends every LISTEN connection of this run's stores, as a network cut or a database restart would; returns how many. */
async function killListeners(): Promise<number> {
  const prefix = `${loadKitConfig().databasePrefix}_`;
  return withOwnerDb('audit', async (db) => {
    const { rows } = await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where starts_with(datname, $1) and query ilike 'listen %' and pid <> pg_backend_pid()`,
      [prefix],
    );
    return rows.length;
  });
}

/** Ends every Redis subscription to this run's commit wakes (named `<prefix>:wake:<store>:*`), as a network cut would; returns how many. */
async function killWakeSubscriptions(): Promise<number> {
  const admin = new Redis(loadKitConfig().redisUrl);
  try {
    const name = ` name=${loadKitConfig().events.queuePrefix}:wake:`;
    const ids = ((await admin.client('LIST')) as string).split('\n').filter((line) => line.includes(name)).map((line) => /id=(\d+)/.exec(line)![1]);
    for (const id of ids) await admin.client('KILL', 'ID', id);
    return ids.length;
  } finally {
    await admin.quit();
  }
}

describe('pumps woken by their wake-ups (the outbox wake, NOTIFY), with no safety-net poll', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', NO_POLL);
    merchant = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  /** Waits at most `timeoutMs` for the customer's `customer.created` entry to be chained. */
  async function chainedWithin(customerId: string, timeoutMs: number): Promise<void> {
    await eventually(async () => {
      const res = await gateway.gql<{ auditEntries: { nodes: { action: string }[] } }>(ENTRIES, { filter: { entityType: 'Customer', entityId: customerId } }, merchant.auth);
      return (res.data?.auditEntries.nodes.length ?? 0) > 0;
    }, timeoutMs, `the audit entry of customer ${customerId}`);
  }

  it('an audit entry shows moments after its mutation: the relay is woken by the outbox wake, the audit consumer by its queue, the audit chainer by its commit wake', async () => {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });
    await chainedWithin(customer.id, PROMPT_MS);
  });

  it('an event written by a SQL function in a statement of its own (a ledger entry through points_post_entry) wakes the points relay', async () => {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });
    await award(gateway, merchant, customer.id, 10);
    const [event] = await withOwnerDb('points', async (db) => (await db.query(`select id from outbox_event where merchant_id = $1 and topic like 'points.%'`, [merchant.id])).rows);
    expect(event).toBeDefined();
    await eventually(() => published('points', event.id), PROMPT_MS, 'the points event published');
  });

  it("an event written in another runtime of the store (its own pool, no relay) wakes this runtime's relay through Redis", async () => {
    // given a second customer runtime, as a gateway process apart from the workers would be
    const writer = await startSubgraph(customerModule, gateway.config.kit);
    try {
      // when it commits a customer and its event
      const ctx = writer.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
      const row = ctx.em.create(CustomerEntity, { merchantId: merchant.id, shopifyId: shopifyId() });
      const eventId = ctx.emit('customer.created', { customerId: row.id, fields: [] });
      await ctx.em.flush();

      // then the gateway's customer relay publishes it at once
      await eventually(() => published('customer', eventId), PROMPT_MS, 'the event written by the other runtime published');
    } finally {
      await writer.close();
    }
  });

  it("an audit entry staged in another runtime of the audit store (its own pool, no chainer) wakes this runtime's chainer through Redis", async () => {
    // given a second audit runtime, as a worker apart from the chainer's would be
    const writer = await startSubgraph(auditModule, gateway.config.kit);
    const sourceEventId = randomUUID();
    try {
      // when it commits a staged entry (as its consumer does for every event)
      const ctx = writer.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
      await ctx.em.transactional((em) =>
        new AuditService().stage({ ...ctx, em: em as EntityManager }, {
          actorKind: 'system', actorId: 'notify-wake-test', entityType: 'Test', entityId: null, action: 'test.staged', summary: {},
          requestId: null, occurredAt: new Date(), sourceKind: 'event', sourceTopic: 'test.staged', sourceEventId,
        }),
      );

      // then the gateway's chainer links it at once, with no poll to come
      await eventually(
        () => withOwnerDb('audit', async (db) => (await db.query('select 1 from audit_entry where merchant_id = $1 and source_event_id = $2', [merchant.id, sourceEventId])).rowCount === 1),
        PROMPT_MS,
        'the entry staged by the other runtime chained',
      );
    } finally {
      await writer.close();
    }
  });

  it('race: an event committed while the wake subscriptions (Redis) and the LISTEN connections were down is caught up when they reconnect, not at the next poll', async () => {
    // given every store's wake subscription and listener cut
    expect(await killWakeSubscriptions()).toBeGreaterThanOrEqual(gateway.runtimes.size);
    expect(await killListeners()).toBeGreaterThanOrEqual(gateway.runtimes.size);

    // when a mutation commits while they reconnect (its wakes heard by no one, or by the new subscriptions)
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });

    // then the catch-up pass on reconnect publishes and chains it
    await chainedWithin(customer.id, RECONNECT_MS + PROMPT_MS);
  });
});
