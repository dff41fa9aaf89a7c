import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, createRequestContext, loadKitConfig, openStore, systemCaller } from '@loyalnest/kit';
import customer from '@loyalnest/customer';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxWakePublisher, OutboxWakeSubscriber, outboxWakeChannel } from '../../subgraphs/kit/src/events/outbox-wake.js';
import { CustomerEntity } from '../../subgraphs/customer/src/entities/customer.entity.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';

/**
 * The outbox wake (kit `outbox-wake.ts`): the store learns from the statement that ends a
 * transaction whether it wrote events, and its relays hear of it through Redis, after the commit.
 * Through the whole supergraph (relays woken with no polling) in notify-wake.test.ts.
 */

const config = loadKitConfig();
const INSERT_EVENT = `insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at) values (?, ?, 'test.wake', 1, '{}', now())`;

describe('a store reports the commits that wrote outbox events, and only those', () => {
  let orm: MikroORM;
  let reported = 0;
  const merchant = randomUUID();
  const ctx = () => createRequestContext(orm.em as EntityManager, systemCaller(ADMIN_SCOPES, merchant));
  /** How many commits were reported while `fn` ran. */
  const reports = async (fn: () => Promise<unknown>) => {
    const before = reported;
    await fn();
    return reported - before;
  };

  beforeAll(async () => {
    orm = await openStore(config, customer.store, 2, { onOutboxCommitted: () => reported++ });
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

describe('the wake on Redis', () => {
  const channel = outboxWakeChannel(config, `wake-test-${randomUUID().slice(0, 8)}`);
  let listener: Redis;
  const heard: string[] = [];

  beforeAll(async () => {
    listener = new Redis(config.redisUrl);
    listener.on('message', (c: string) => c === channel && heard.push(c));
    await listener.subscribe(channel);
  });
  afterAll(() => listener.quit());

  it('a burst of wakes in one process goes out as two messages: the first at once, the rest together a few ms later', async () => {
    const publisher = new OutboxWakePublisher(config.redisUrl, channel, 'test');
    try {
      for (let i = 0; i < 100; i++) publisher.wake();
      await eventually(async () => heard.length >= 2, 3_000, 'the trailing wake');
      await sleep(100);
      expect(heard.splice(0)).toHaveLength(2);
    } finally {
      await publisher.close();
    }
  });

  it('race: a commit reported after its runtime closed the publisher (a request finishing during shutdown) publishes nothing and leaves no connection open', async () => {
    const publisher = new OutboxWakePublisher(config.redisUrl, channel, 'test');
    publisher.wake();
    await eventually(async () => heard.length === 1, 3_000, 'the wake before close');
    heard.splice(0);
    await publisher.close();

    publisher.wake();
    // A connection would be open and a message heard within milliseconds.
    await sleep(300);

    expect(heard).toEqual([]);
    const admin = new Redis(config.redisUrl);
    try {
      const clients = (await admin.client('LIST')) as string;
      expect(clients.split('\n').filter((line) => line.includes(` name=${channel}:publisher `))).toEqual([]);
    } finally {
      await admin.quit();
    }
  });

  it('race: a subscription whose connection was cut calls for a catch-up pass once it is back, with no wake sent', async () => {
    let wakes = 0;
    const subscriber = new OutboxWakeSubscriber(config.redisUrl, channel, () => wakes++);
    await subscriber.start();
    try {
      const publisher = new OutboxWakePublisher(config.redisUrl, channel, 'test');
      publisher.wake();
      await eventually(async () => wakes === 1, 3_000, 'the first wake');
      await publisher.close();

      // when its connection is cut (it is named after the channel)
      const admin = new Redis(config.redisUrl);
      try {
        const clients = (await admin.client('LIST')) as string;
        const ids = clients.split('\n').filter((line) => line.includes(` name=${channel} `)).map((line) => /id=(\d+)/.exec(line)![1]);
        expect(ids).toHaveLength(1);
        await admin.client('KILL', 'ID', ids[0]);
      } finally {
        await admin.quit();
      }

      // then it reconnects, subscribes again, and asks for a pass
      await eventually(async () => wakes === 2, 5_000, 'the catch-up wake');
    } finally {
      await subscriber.stop();
    }
  });
});
