import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import audit, { AuditService, type AuditEntry } from '@loyalnest/audit';
import { ADMIN_SCOPES, ALL_TOPICS, consumeEvent, MUTATION_EXECUTED, systemCaller, type DomainEvent } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { captureLogLines } from './support/logs.js';
import { createMerchant, runtime, shopifyId, UPSERT_CUSTOMER, upsertCustomer, type TestMerchant } from './support/tenants.js';

const ENTRIES = `query($first: Int, $after: String, $filter: AuditEntryFilter) {
  auditEntries(first: $first, after: $after, filter: $filter) {
    nodes { id sequence actor { kind id } entityType entityId action summary requestId correlationId occurredAt recordedAt source { kind topic eventId } prevHash hash }
    pageInfo { endCursor hasNextPage }
  }
}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const VERIFY = `{ verifyAuditChain { ok entriesChecked firstBreak { sequence entryId reason expectedSequence } headSequence headHash } }`;

interface EntryNode {
  id: string;
  sequence: number;
  actor: { kind: string; id: string };
  entityType: string;
  entityId: string | null;
  action: string;
  summary: Record<string, unknown>;
  requestId: string | null;
  correlationId: string | null;
  occurredAt: string;
  recordedAt: string;
  source: { kind: string; topic: string; eventId: string };
  prevHash: string;
  hash: string;
}

interface Page {
  nodes: EntryNode[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

interface Verification {
  ok: boolean;
  entriesChecked: number;
  firstBreak: { sequence: number; entryId: string; reason: string; expectedSequence: number } | null;
  headSequence: number | null;
  headHash: string | null;
}

describe('the audit subgraph', () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const service = new AuditService();

  beforeAll(async () => {
    gateway = await startEventsGateway(subgraphModules);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway?.stop());

  async function page(merchant: TestMerchant, variables: { first?: number; after?: string | null; filter?: Record<string, unknown> } = {}): Promise<Page> {
    const result = await gateway.gql<{ auditEntries: Page }>(ENTRIES, { first: 100, ...variables }, merchant.auth);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!.auditEntries;
  }

  /** Waits until the merchant's entries matching `filter` number `count`. */
  async function entries(merchant: TestMerchant, filter: Record<string, unknown>, count = 1): Promise<EntryNode[]> {
    return eventually(async () => {
      const { nodes } = await page(merchant, { filter });
      return nodes.length >= count ? nodes : undefined;
    }, 15_000, `${count} audit entries matching ${JSON.stringify(filter)}`);
  }

  async function verify(merchant: TestMerchant): Promise<Verification> {
    const result = await gateway.gql<{ verifyAuditChain: Verification }>(VERIFY, {}, merchant.auth);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!.verifyAuditChain;
  }

  const contextOf = (merchantId: string) => runtime(gateway, 'audit').createContext(systemCaller(ADMIN_SCOPES, merchantId));

  /** Appends `count` entries straight through the service, one after another. */
  async function appendEntries(merchantId: string, count: number): Promise<AuditEntry[]> {
    const appended: AuditEntry[] = [];
    for (let n = 0; n < count; n++) appended.push(await service.append(contextOf(merchantId), draft(n)));
    return appended;
  }

  function draft(n: number) {
    return {
      actorKind: 'system',
      actorId: 'test',
      entityType: 'Test',
      entityId: String(n),
      action: 'appended',
      summary: { n, fields: ['a', 'b'] },
      requestId: null,
      occurredAt: new Date(),
      sourceKind: 'event' as const,
      sourceTopic: 'test.appended',
      sourceEventId: randomUUID(),
    };
  }

  const ownerRows = (merchantId: string) =>
    withOwnerDb('audit', async (db) => (await db.query('select * from audit_entry where merchant_id = $1 order by sequence', [merchantId])).rows);

  describe('recording', () => {
    it("records a real mutation's domain event and the mutation itself, with the admin actor, the gateway's request id and the client's correlation id, and no personal data", async () => {
      // given a request with an id of its own
      const correlationId = `req-${randomBytes(6).toString('hex')}`;
      const result = await gateway.gql<{ upsertCustomer: { customer: { id: string } } }>(
        UPSERT_CUSTOMER,
        { input: { shopifyId: shopifyId(), email: 'audit-pii@example.com', firstName: 'Aurelia' } },
        { ...a.auth, 'x-request-id': correlationId },
      );
      expect(result.errors).toBeUndefined();
      const customerId = result.data!.upsertCustomer.customer.id;

      // then the outbox row remembers who caused it, under the gateway's id for the request
      const [outbox] = (await withOwnerDb('customer', (db) => db.query("select actor_kind, actor_id, request_id, correlation_id from outbox_event where topic = 'customer.created' and payload->>'customerId' = $1", [customerId]))).rows;
      expect(outbox).toEqual({ actor_kind: 'admin', actor_id: 'dev', request_id: expect.stringMatching(UUID), correlation_id: correlationId });
      const requestId = outbox.request_id as string;

      // and the audit trail holds the domain event
      const [event] = await entries(a, { entityType: 'Customer', entityId: customerId });
      expect(event).toMatchObject({
        actor: { kind: 'ADMIN', id: 'dev' },
        entityType: 'Customer',
        entityId: customerId,
        action: 'created',
        summary: { fields: ['email', 'firstName'] },
        requestId,
        correlationId,
        source: { kind: 'EVENT', topic: 'customer.created' },
      });

      // and the mutation, with its outcome
      const mutations = await entries(a, { entityType: 'Mutation', entityId: 'upsertCustomer' });
      const mutation = mutations.find((m) => m.requestId === requestId)!;
      expect(mutation).toMatchObject({
        correlationId,
        actor: { kind: 'ADMIN', id: 'dev' },
        action: 'executed',
        summary: { subgraph: 'customer', outcome: 'UpsertCustomerSuccess', errorCode: null, ok: true, arguments: ['input', 'input.email', 'input.firstName', 'input.shopifyId'] },
        source: { kind: 'MUTATION', topic: MUTATION_EXECUTED },
      });
      expect(JSON.stringify([event, mutation])).not.toMatch(/audit-pii|Aurelia|example\.com/);
      const stored = await ownerRows(a.id);
      expect(JSON.stringify(stored)).not.toMatch(/audit-pii|Aurelia|example\.com/);
    });

    it("records a settings change in another subgraph's store the same way", async () => {
      const correlationId = randomUUID();
      const result = await gateway.gql('mutation { updateMerchantSettings(input: { pointsName: "Acorns" }) { __typename } }', {}, { ...a.auth, 'x-request-id': correlationId });
      expect(result.errors).toBeUndefined();

      const [event] = await entries(a, { entityType: 'Merchant', action: 'settings_updated' });
      expect(event).toMatchObject({ entityId: a.id, summary: { fields: ['pointsName'] }, requestId: expect.stringMatching(UUID), correlationId, source: { topic: 'merchant.settings_updated' } });
      expect(event.requestId).not.toBe(correlationId);
      const [mutation] = await entries(a, { entityType: 'Mutation', entityId: 'updateMerchantSettings' });
      expect(mutation).toMatchObject({ requestId: event.requestId, correlationId, summary: { subgraph: 'merchant', outcome: 'Merchant', ok: true } });
    });

    it('records mutations that change nothing: an error result, a refusal, bad input', async () => {
      const correlationId = randomUUID();
      const headers = { ...a.auth, 'x-request-id': correlationId };

      // an error result
      const missing = await gateway.gql<{ updateCustomer: { __typename: string } }>(
        'mutation($id: ID!) { updateCustomer(input: { id: $id, tags: ["x"] }) { __typename } }',
        { id: randomUUID() },
        headers,
      );
      expect(missing.data!.updateCustomer.__typename).toBe('CustomerNotFoundError');
      // bad input, rejected by validation before the resolver runs
      const bad = await gateway.gql(UPSERT_CUSTOMER, { input: { shopifyId: shopifyId(), email: 'not an email' } }, headers);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      // a refusal: a shopper may not upsert customers
      const shopper = await upsertCustomer(gateway, a, { shopifyId: shopifyId() });
      const shopperToken = await mintDevToken(gateway.config.devTokenSecret, { shop: a.shop, role: 'shopper', customerId: shopper.id });
      const refused = await gateway.gql(UPSERT_CUSTOMER, { input: { shopifyId: shopifyId() } }, { authorization: `Bearer ${shopperToken}`, 'x-request-id': correlationId });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      const notFound = (await entries(a, { entityType: 'Mutation', entityId: 'updateCustomer' })).find((e) => e.correlationId === correlationId)!;
      expect(notFound.summary).toMatchObject({ outcome: 'CustomerNotFoundError', errorCode: 'CUSTOMER_NOT_FOUND', ok: false });
      const upserts = await eventually(async () => {
        const nodes = (await page(a, { filter: { entityType: 'Mutation', entityId: 'upsertCustomer' } })).nodes.filter((e) => e.correlationId === correlationId);
        return nodes.length === 2 ? nodes : undefined;
      }, 15_000, 'the bad-input and refused upserts');
      expect(upserts.map((e) => [e.actor.kind, e.summary.outcome, e.summary.ok]).sort()).toEqual([
        ['ADMIN', 'BAD_USER_INPUT', false],
        ['SHOPPER', 'FORBIDDEN', false],
      ]);
      expect(upserts.find((e) => e.actor.kind === 'SHOPPER')!.actor.id).toBe(shopper.id);
      expect(JSON.stringify(upserts)).not.toContain('not an email');
    });

    it("never fails a mutation because its audit record cannot be written: the record is lost and logged", async () => {
      const merchant = await createMerchant(gateway);
      const fn = `reject_audit_${randomBytes(4).toString('hex')}`;
      await withOwnerDb('customer', async (db) => {
        await db.query(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'audit write rejected'; end $$`);
        await db.query(
          `create trigger ${fn} before insert on outbox_event for each row when (new.merchant_id = '${merchant.id}' and new.topic = '${MUTATION_EXECUTED}') execute function ${fn}()`,
        );
      });
      const logs = captureLogLines();
      try {
        const created = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });
        expect(created.id).toBeTruthy();
        expect(logs.lines.some((line) => line.level === 50 && line.merchantId === merchant.id && String(line.msg).includes('could not record mutation upsertCustomer'))).toBe(true);
        // the domain event, written with the change, is still audited
        await entries(merchant, { entityType: 'Customer', entityId: created.id });
        const outbox = await withOwnerDb('customer', (db) => db.query('select topic from outbox_event where merchant_id = $1', [merchant.id]));
        expect(outbox.rows.map((r) => r.topic)).toEqual(['customer.created']);
      } finally {
        logs.stop();
        await withOwnerDb('customer', async (db) => {
          await db.query(`drop trigger if exists ${fn} on outbox_event`);
          await db.query(`drop function if exists ${fn}()`);
        });
      }
    });

    it('dead-letters an event the audit trail cannot record, without failing the mutation that caused it, and records it on retry', async () => {
      const merchant = await createMerchant(gateway);
      const fn = `reject_entry_${randomBytes(4).toString('hex')}`;
      await withOwnerDb('audit', async (db) => {
        await db.query(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'audit store refuses'; end $$`);
        // Consumers stage entries in audit_pending (the chainer links them later): refuse there.
        await db.query(`create trigger ${fn} before insert on audit_pending for each row when (new.merchant_id = '${merchant.id}') execute function ${fn}()`);
      });
      const quiet = [jest.spyOn(console, 'warn').mockImplementation(() => {}), jest.spyOn(console, 'error').mockImplementation(() => {})];
      try {
        const correlationId = randomUUID();
        const result = await gateway.gql<{ upsertCustomer: { __typename: string } }>(UPSERT_CUSTOMER, { input: { shopifyId: shopifyId() } }, { ...merchant.auth, 'x-request-id': correlationId });
        expect(result.data!.upsertCustomer.__typename).toBe('UpsertCustomerSuccess');

        // both events (the change's and the mutation's) dead-letter in the audit store, actor and request ids kept
        const letters = await eventually(async () => {
          const { rows } = await withOwnerDb('audit', (db) => db.query('select * from dead_letter_event where merchant_id = $1 order by topic', [merchant.id]));
          return rows.length === 2 ? rows : undefined;
        }, 15_000, 'two audit dead letters');
        const requestId = letters[0].request_id as string;
        expect(letters.map((l) => [l.consumer, l.topic, l.status, l.actor_kind, l.request_id, l.correlation_id])).toEqual([
          ['audit', MUTATION_EXECUTED, 'dead', 'admin', requestId, correlationId],
          ['audit', 'customer.created', 'dead', 'admin', requestId, correlationId],
        ]);
        expect(requestId).toMatch(UUID);
        expect(await ownerRows(merchant.id)).toEqual([]);

        // when the store accepts again and the admin retries one
        await withOwnerDb('audit', (db) => db.query(`drop trigger ${fn} on audit_pending`));
        const letter = letters.find((l) => l.topic === 'customer.created')!;
        const retried = await gateway.gql<{ retryAuditDeadLetterEvent: { __typename: string } }>(
          'mutation($id: ID!) { retryAuditDeadLetterEvent(id: $id) { __typename } }',
          { id: letter.id },
          merchant.auth,
        );
        expect(retried.data!.retryAuditDeadLetterEvent.__typename).toBe('DeadLetterEvent');

        // then it is recorded with the actor and request id of the original request
        const [entry] = await entries(merchant, { entityType: 'Customer' });
        expect(entry).toMatchObject({ actor: { kind: 'ADMIN', id: 'dev' }, requestId, correlationId, source: { eventId: letter.event_id } });
      } finally {
        for (const spy of quiet) spy.mockRestore();
        await withOwnerDb('audit', async (db) => {
          await db.query(`drop trigger if exists ${fn} on audit_pending`);
          await db.query(`drop function if exists ${fn}()`);
        });
      }
    });
  });

  describe('reading', () => {
    it('pages newest first by cursor, and filters by entity, actor, action and time', async () => {
      // given a merchant with three customers created and one updated by its admin
      const merchant = await createMerchant(gateway);
      const customers = [];
      for (let n = 0; n < 3; n++) customers.push(await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), tags: [`t${n}`] }));
      await upsertCustomer(gateway, merchant, { shopifyId: customers[0].shopifyId, tags: ['again'] });
      // four domain events and four mutations
      const all = await eventually(async () => {
        const { nodes } = await page(merchant);
        return nodes.length === 8 ? nodes : undefined;
      }, 15_000, 'eight entries');
      expect(all.map((e) => e.sequence)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);

      // pages of three, newest first, each starting where the last ended
      const seen: number[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const current: Page = await page(merchant, { first: 3, after });
        seen.push(...current.nodes.map((e) => e.sequence));
        pages++;
        if (!current.pageInfo.hasNextPage) break;
        after = current.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);

      // filters
      const first = await page(merchant, { filter: { entityType: 'Customer', entityId: customers[0].id } });
      expect(first.nodes.map((e) => e.action)).toEqual(['updated', 'created']);
      expect((await page(merchant, { filter: { action: 'created' } })).nodes.map((e) => e.entityId).sort()).toEqual(customers.map((c) => c.id).sort());
      expect((await page(merchant, { filter: { actorKind: 'ADMIN', actorId: 'dev' } })).nodes).toHaveLength(8);
      expect((await page(merchant, { filter: { actorKind: 'SHOPPER' } })).nodes).toEqual([]);
      expect((await page(merchant, { filter: { actorId: 'someone-else' } })).nodes).toEqual([]);
      const byTime = [...all].sort((x, y) => x.occurredAt.localeCompare(y.occurredAt));
      const middle = byTime[4].occurredAt;
      const later = (await page(merchant, { filter: { from: middle } })).nodes;
      const earlier = (await page(merchant, { filter: { to: middle } })).nodes;
      expect(later.length + earlier.length).toBe(8);
      expect(later.every((e) => e.occurredAt >= middle)).toBe(true);
      expect(earlier.every((e) => e.occurredAt < middle)).toBe(true);
      expect(earlier.length).toBeGreaterThan(0);

      const backwards = await gateway.gql(ENTRIES, { filter: { from: middle, to: byTime[0].occurredAt } }, merchant.auth);
      expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('are for admins: a shopper or a partner key is refused', async () => {
      const shopper = await upsertCustomer(gateway, a, { shopifyId: shopifyId() });
      const shopperToken = await mintDevToken(gateway.config.devTokenSecret, { shop: a.shop, role: 'shopper', customerId: shopper.id });
      const partner = await gateway.gql<{ createApiKey: { secret: string } }>(
        'mutation { createApiKey(input: { name: "audit", scopes: ["merchant:read", "customers:read", "customers:write"] }) { ... on ApiKeyCreated { secret } } }',
        {},
        a.auth,
      );
      for (const token of [shopperToken, partner.data!.createApiKey.secret]) {
        for (const query of [ENTRIES, VERIFY]) {
          const result = await gateway.gql(query, {}, { authorization: `Bearer ${token}` });
          expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
          expect(result.errors?.[0].message).toMatch(/audit:read/);
          expect(result.data ?? null).toBeNull();
        }
      }
    });

    it("keep tenants apart: B's admin sees none of A's entries, and B's chain covers B only", async () => {
      await upsertCustomer(gateway, a, { shopifyId: shopifyId() });
      await upsertCustomer(gateway, b, { shopifyId: shopifyId() });
      const ofA = await entries(a, {});
      await entries(b, {}, 2);

      const ofB = (await page(b)).nodes;
      const idsOfA = new Set(ofA.map((e) => e.id));
      expect(ofB.filter((e) => idsOfA.has(e.id))).toEqual([]);
      // A's cursor means nothing to B
      const foreign = await gateway.gql(ENTRIES, { after: (await page(a, { first: 1 })).pageInfo.endCursor }, b.auth);
      expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      // B's only entries: its customer's creation and the mutation that made it
      const chainOfB = await verify(b);
      const storedOfB = await ownerRows(b.id);
      expect(storedOfB).toHaveLength(2);
      expect(chainOfB).toMatchObject({ ok: true, entriesChecked: 2, headSequence: 2, headHash: storedOfB[1].hash });
      expect((await verify(a)).entriesChecked).toBe((await ownerRows(a.id)).length);
    });
  });

  describe('the database', () => {
    it('lets the service role insert and read audit rows but never update, delete or truncate them', async () => {
      const merchant = await createMerchant(gateway);
      const [entry] = await appendEntries(merchant.id, 1);

      await withAppDb('audit', async (db) => {
        const refused = [
          ['update audit_entry set action = $1 where id = $2', ['tampered', entry.id]],
          ['delete from audit_entry where id = $1', [entry.id]],
          ['truncate audit_entry', []],
        ] as const;
        for (const [sql, params] of refused) {
          await db.query('begin');
          try {
            await db.query(`select set_config('app.merchant_id', $1, true)`, [merchant.id]);
            expect((await db.query('select count(*)::int as n from audit_entry where id = $1', [entry.id])).rows).toEqual([{ n: 1 }]);
            await expect(db.query(sql, [...params])).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied for table audit_entry/) });
          } finally {
            await db.query('rollback');
          }
        }
        // nor may it purge another merchant than the one its transaction acts for
        await db.query('begin');
        try {
          await db.query(`select set_config('app.merchant_id', $1, true)`, [a.id]);
          await expect(db.query('select loyalnest_audit_purge_merchant($1)', [merchant.id])).rejects.toThrow(/does not act for merchant/);
        } finally {
          await db.query('rollback');
        }
      });

      // the trigger refuses even the owner
      await withOwnerDb('audit', async (db) => {
        await expect(db.query('update audit_entry set action = $1 where id = $2', ['tampered', entry.id])).rejects.toThrow(/audit_entry is append-only: UPDATE refused/);
        await expect(db.query('delete from audit_entry where id = $1', [entry.id])).rejects.toThrow(/audit_entry is append-only: DELETE refused/);
        await expect(db.query('truncate audit_entry')).rejects.toThrow(/audit_entry is append-only: TRUNCATE refused/);
      });
      expect(await ownerRows(merchant.id)).toMatchObject([{ id: entry.id, action: 'appended', hash: entry.hash }]);
    });

    it.each([
      ['a changed summary', 'HASH_MISMATCH', 3, 3, `update audit_entry set summary = '{"n": 2, "fields": ["a", "b", "email"]}' where merchant_id = $1 and sequence = 3`],
      ['a changed link', 'PREV_HASH_MISMATCH', 4, 4, `update audit_entry set prev_hash = repeat('f', 64) where merchant_id = $1 and sequence = 4`],
      ['a deleted entry', 'SEQUENCE_GAP', 3, 2, `delete from audit_entry where merchant_id = $1 and sequence = 2`],
    ])('reports %s through verifyAuditChain at exactly that place', async (_what, reason, sequence, expectedSequence, tamper) => {
      // given a chain of five entries that holds
      const merchant = await createMerchant(gateway);
      const appended = await appendEntries(merchant.id, 5);
      expect(await verify(merchant)).toEqual({ ok: true, entriesChecked: 5, firstBreak: null, headSequence: 5, headHash: appended[4].hash });

      // when the owner tampers with it behind the trigger's back
      await withOwnerDb('audit', async (db) => {
        await db.query('begin');
        await db.query('alter table audit_entry disable trigger audit_entry_append_only');
        const changed = await db.query(tamper, [merchant.id]);
        expect(changed.rowCount).toBe(1);
        await db.query('alter table audit_entry enable trigger audit_entry_append_only');
        await db.query('commit');
      });

      // then the first broken link is reported, there
      const result = await verify(merchant);
      const broken = appended.find((e) => e.sequence === sequence)!;
      expect(result).toEqual({ ok: false, entriesChecked: sequence - (sequence === expectedSequence ? 0 : 1), firstBreak: { sequence, entryId: broken.id, reason, expectedSequence }, headSequence: null, headHash: null });
    });

    it('keeps one unbroken chain when many appends for one merchant race, through the consumer and directly', async () => {
      const merchant = await createMerchant(gateway);
      const handler = audit.consumes![ALL_TOPICS];
      const events: DomainEvent[] = Array.from({ length: 12 }, (_, n) => ({
        id: randomUUID(),
        merchantId: merchant.id,
        topic: 'test.raced',
        version: 1,
        occurredAt: new Date().toISOString(),
        payload: { ref: String(n) },
        actor: { kind: 'system', id: 'race' },
        requestId: `race-${n}`,
      }));

      const outcomes = await Promise.all([
        ...events.map((event) => consumeEvent(runtime(gateway, 'audit'), handler, event)),
        ...Array.from({ length: 12 }, (_, n) => service.append(contextOf(merchant.id), draft(n)).then(() => 'appended')),
      ]);

      expect(outcomes.filter((o) => o === 'applied')).toHaveLength(12);
      // The consumer's entries are staged; the chainer links them within moments.
      const rows = await eventually(async () => {
        const chained = await ownerRows(merchant.id);
        return chained.length >= 24 ? chained : undefined;
      }, 10_000, '24 chained entries');
      expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: 24 }, (_, n) => n + 1));
      expect(await verify(merchant)).toMatchObject({ ok: true, entriesChecked: 24, firstBreak: null, headSequence: 24 });
      // and a redelivered event adds nothing
      expect(await consumeEvent(runtime(gateway, 'audit'), handler, events[0])).toBe('duplicate');
      expect(await ownerRows(merchant.id)).toHaveLength(24);
      const raced = rows.find((r) => r.source_event_id === events[3].id)!;
      expect(raced).toMatchObject({ entity_type: 'Test', action: 'raced', actor_kind: 'system', actor_id: 'race', request_id: 'race-3', summary: { ref: '3' } });
    });
  });

  describe('purging a merchant (GDPR shop/redact)', () => {
    it("removes every entry of that merchant and nobody else's; the merchant's next entry starts a new chain", async () => {
      const gone = await createMerchant(gateway);
      const kept = await createMerchant(gateway);
      await appendEntries(gone.id, 4);
      const keptEntries = await appendEntries(kept.id, 3);

      expect(await service.purgeMerchant(contextOf(gone.id))).toBe(4);

      expect(await ownerRows(gone.id)).toEqual([]);
      expect((await ownerRows(kept.id)).map((r) => r.id)).toEqual(keptEntries.map((e) => e.id));
      expect(await verify(kept)).toMatchObject({ ok: true, entriesChecked: 3 });
      // the purge's permission does not outlive it
      await withOwnerDb('audit', async (db) => {
        await expect(db.query('delete from audit_entry where merchant_id = $1', [kept.id])).rejects.toThrow(/append-only/);
      });

      const [fresh] = await appendEntries(gone.id, 1);
      expect(fresh.sequence).toBe(1);
      expect(await verify(gone)).toMatchObject({ ok: true, entriesChecked: 1, headSequence: 1 });
    });
  });
});
