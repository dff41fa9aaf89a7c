import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, createRequestContext, loadKitConfig, openStore, systemCaller, type RequestContext } from '@loyalnest/kit';
import customer from '@loyalnest/customer';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import audit, { AuditService } from '@loyalnest/audit';
import { CommitWakePublisher, CommitWakeSubscriber, wakeChannel } from '../../subgraphs/kit/src/events/commit-wake.js';
import { CustomerEntity } from '../../subgraphs/customer/src/entities/customer.entity.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';

/**
 * The commit wakes (kit `commit-wake.ts`): the store learns from the statement that ends a
 * transaction which of the tables its pumps wait on it wrote (the outbox, `audit_pending`), and the
 * pumps hear of it through Redis, after the commit. Through the whole supergraph (relays and the
 * audit chainer woken with no polling) in notify-wake.test.ts.
 */

const config = loadKitConfig();
const INSERT_EVENT = `insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at) values (?, ?, 'test.wake', 1, '{}', now())`;

describe('a store reports the commits that wrote outbox events, and only those', () => {
  let orm: MikroORM;
  let reported = 0;
  const marked: string[][] = [];
  const merchant = randomUUID();
  const ctx = () => createRequestContext(orm.em as EntityManager, systemCaller(ADMIN_SCOPES, merchant));
  /** How many commits were reported while `fn` ran. */
  const reports = async (fn: () => Promise<unknown>) => {
    const before = reported;
    await fn();
    return reported - before;
  };

  beforeAll(async () => {
    orm = await openStore(config, customer.store, 2, {
      onCommitWake: (tables) => {
        reported++;
        marked.push(tables);
      },
    });
  });
  afterAll(async () => {
    await orm?.close(true);
    await withOwnerDb('customer', (db) => db.query(`delete from outbox_event where merchant_id = $1`, [merchant]));
  });

  it('a flush with an event: once; a flush without one, a read: never', async () => {
    const withEvent = ctx();
    const row = withEvent.em.create(CustomerEntity, { merchantId: merchant, shopifyId: String(randomInt(1, 2 ** 47)) });
    withEvent.emit('customer.created', { customerId: row.id, fields: [] });
    expect(await reports(() => withEvent.em.flush())).toBe(1);
    expect(marked.at(-1)).toEqual(['outbox_event']);

    const without = ctx();
    without.em.create(CustomerEntity, { merchantId: merchant, shopifyId: String(randomInt(1, 2 ** 47)) });
    expect(await reports(() => without.em.flush())).toBe(0);
    expect(await reports(() => ctx().em.find(CustomerEntity, {}))).toBe(0);
  });

  it('events written by SQL, not the unit of work (as points_post_entry does): in a statement of its own, and in a transaction, once it commits', async () => {
    expect(await reports(() => ctx().em.execute(INSERT_EVENT, [randomUUID(), merchant]))).toBe(1);
    expect(await reports(() => ctx().em.transactional((em) => em.execute(INSERT_EVENT, [randomUUID(), merchant])))).toBe(1);
  });

  it('a transaction that wrote an event and rolled back, or whose insert was rolled back to a savepoint, wakes nobody', async () => {
    const before = reported;
    const rolledBack = ctx().em.transactional(async (em) => {
      await em.execute(INSERT_EVENT, [randomUUID(), merchant]);
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    expect(reported).toBe(before);

    const savepoint = await reports(() =>
      ctx().em.transactional(async (em) => {
        await em.transactional((inner) => inner.execute(INSERT_EVENT, [randomUUID(), merchant]).then(() => Promise.reject(new Error('inner'))))
          .catch(() => {});
        await em.find(CustomerEntity, {});
      }),
    );
    expect(savepoint).toBe(0);
  });
});

describe('the audit store reports the commits that staged audit entries (audit_pending), and only those', () => {
  let orm: MikroORM;
  const marked: string[][] = [];
  const merchant = randomUUID();
  const ctx = () => createRequestContext(orm.em as EntityManager, systemCaller(ADMIN_SCOPES, merchant));
  /** What the commits made while `fn` ran reported, one list of tables per commit. */
  const reports = async (fn: () => Promise<unknown>) => {
    const before = marked.length;
    await fn();
    return marked.slice(before);
  };
  const draft = () => ({ actorKind: 'system', actorId: 'test', entityType: 'Test', entityId: null, action: 'test.staged', summary: {}, requestId: null, occurredAt: new Date(), sourceKind: 'event' as const, sourceTopic: 'test.staged', sourceEventId: randomUUID() });
  const service = new AuditService();
  /** Runs `fn` in one transaction of a context of the merchant, as a consumer runs its handler. */
  const inTransaction = (fn: (tx: RequestContext) => Promise<unknown>) => {
    const outer = ctx();
    return outer.em.transactional((em) => fn({ ...outer, em: em as EntityManager }));
  };

  beforeAll(async () => {
    orm = await openStore(config, audit.store, 2, { onCommitWake: (tables) => marked.push(tables) });
  });
  afterAll(async () => {
    await orm?.close(true);
    await withOwnerDb('audit', async (db) => {
      await db.query(`delete from audit_pending where merchant_id = $1`, [merchant]);
      await db.query(`delete from outbox_event where merchant_id = $1`, [merchant]);
    });
  });

  it('a transaction staging entries, in two statements: once, naming audit_pending once; with an event too: both tables', async () => {
    const twice = await reports(() =>
      inTransaction(async (tx) => {
        await service.stage(tx, draft());
        await service.stage(tx, draft());
      }),
    );
    expect(twice).toEqual([['audit_pending']]);

    const both = await reports(() =>
      inTransaction(async (tx) => {
        await tx.em.execute(INSERT_EVENT, [randomUUID(), merchant]);
        await service.stage(tx, draft());
      }),
    );
    expect(both).toEqual([['outbox_event', 'audit_pending']]);
  });

  it('a staging rolled back wakes nobody; the chainer\'s own listing and deletes wake nobody', async () => {
    const before = marked.length;
    const rolledBack = inTransaction(async (tx) => {
      await service.stage(tx, draft());
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    expect(marked.length).toBe(before);

    const chainer = await reports(async () => {
      await ctx().em.execute('select merchant_id from loyalnest_audit_pending_merchants(100)');
      await ctx().em.transactional((em) => em.execute('delete from audit_pending where merchant_id = ?', [merchant]));
    });
    expect(chainer).toEqual([]);
  });
});

describe('the wake on Redis', () => {
  const store = `wake-test-${randomUUID().slice(0, 8)}`;
  const channels = { outbox_event: wakeChannel(config, store, 'outbox_event'), audit_pending: wakeChannel(config, store, 'audit_pending') };
  let listener: Redis;
  const heard: string[] = [];

  beforeAll(async () => {
    listener = new Redis(config.redisUrl);
    listener.on('message', (c: string) => heard.push(c));
    await listener.subscribe(...Object.values(channels));
  });
  afterAll(() => listener.quit());

  it('a burst of wakes in one process goes out as two messages per table: the first at once, the rest together a few ms later', async () => {
    const publisher = new CommitWakePublisher(config.redisUrl, (table) => wakeChannel(config, store, table), 'test');
    try {
      for (let i = 0; i < 100; i++) publisher.wake(i % 2 ? ['outbox_event', 'audit_pending'] : ['audit_pending']);
      await eventually(async () => heard.length >= 4, 3_000, 'the trailing wakes');
      await sleep(100);
      expect(heard.splice(0).sort()).toEqual([channels.audit_pending, channels.audit_pending, channels.outbox_event, channels.outbox_event]);
    } finally {
      await publisher.close();
    }
  });

  it('a wake reaches the pumps of its table only', async () => {
    const woken: string[] = [];
    const subscriber = new CommitWakeSubscriber(config.redisUrl, `${store}-only`, [
      [channels.outbox_event, () => woken.push('relay')],
      [channels.audit_pending, () => woken.push('chainer')],
    ]);
    await subscriber.start();
    const publisher = new CommitWakePublisher(config.redisUrl, (table) => wakeChannel(config, store, table), 'test');
    try {
      publisher.wake(['audit_pending']);
      await eventually(async () => woken.length >= 1, 3_000, 'the chainer woken');
      await sleep(100);
      expect(woken).toEqual(['chainer']);
    } finally {
      await publisher.close();
      await subscriber.stop();
    }
  });

  it('race: a commit reported after its runtime closed the publisher (a request finishing during shutdown) publishes nothing and leaves no connection open', async () => {
    await sleep(100);
    heard.splice(0); // what earlier tests published
    const publisher = new CommitWakePublisher(config.redisUrl, (table) => wakeChannel(config, store, table), 'test');
    publisher.wake(['audit_pending']);
    await eventually(async () => heard.length === 1, 3_000, 'the wake before close');
    heard.splice(0);
    await publisher.close();

    publisher.wake(['audit_pending', 'outbox_event']);
    // A connection would be open and a message heard within milliseconds.
    await sleep(300);

    expect(heard).toEqual([]);
    const admin = new Redis(config.redisUrl);
    try {
      const clients = (await admin.client('LIST')) as string;
      expect(clients.split('\n').filter((line) => line.includes(` name=${wakeChannel(config, store, '*')}:publisher `))).toEqual([]);
    } finally {
      await admin.quit();
    }
  });

  it('race: a subscription whose connection was cut calls for a catch-up pass of every pump once it is back, with no wake sent', async () => {
    const woken: string[] = [];
    const name = `${store}-cut`;
    const subscriber = new CommitWakeSubscriber(config.redisUrl, name, [
      [channels.outbox_event, () => woken.push('relay')],
      [channels.audit_pending, () => woken.push('chainer')],
    ]);
    await subscriber.start();
    try {
      const publisher = new CommitWakePublisher(config.redisUrl, (table) => wakeChannel(config, store, table), 'test');
      publisher.wake(['outbox_event']);
      await eventually(async () => woken.length === 1, 3_000, 'the first wake');
      await publisher.close();

      // when its connection is cut (it is named by its owner)
      const admin = new Redis(config.redisUrl);
      try {
        const clients = (await admin.client('LIST')) as string;
        const ids = clients.split('\n').filter((line) => line.includes(` name=${name} `)).map((line) => /id=(\d+)/.exec(line)![1]);
        expect(ids).toHaveLength(1);
        await admin.client('KILL', 'ID', ids[0]);
      } finally {
        await admin.quit();
      }

      // then it reconnects, subscribes again, and asks every pump for a pass
      await eventually(async () => woken.length === 3, 5_000, 'the catch-up wakes');
      expect(woken.slice(1).sort()).toEqual(['chainer', 'relay']);
    } finally {
      await subscriber.stop();
    }
  });
});
