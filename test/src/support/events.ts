import { bullPrefix, queueKeyPatterns, redisConnection, tenantPolicyExpression, type SubgraphModule } from '@loyalnest/kit';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { loadGatewayConfig } from '../../../gateway/src/config.js';
import { startEmbeddedGateway } from '../../../gateway/src/modes.js';
import { withOwnerDb } from './db.js';
import { postGraphQL, type TestGateway } from './gateway.js';
import { deleteKeys } from './queue-keys.js';

export interface EventsGateway extends TestGateway {
  /** The BullMQ key prefix of one of this gateway's queues (`bullPrefix`): hash-tagged, one per consumer. */
  bullPrefix(consumer: string): string;
  /** A queue of this gateway's, for inspecting jobs; closed with the gateway. */
  queue(consumer: string): Queue;
  /** Deletes every Redis key of one consumer's queue, as a Redis restart without persistence would. */
  loseQueue(consumer: string): Promise<number>;
}

/**
 * An embedded supergraph built from `modules` (test variants of the real subgraphs that declare
 * their own consumers), with queues under a prefix of its own, so it never touches another run's
 * keys, and short delays so retries and sweeps take milliseconds. Stopping it deletes its keys.
 */
export async function startEventsGateway(modules: SubgraphModule[], env: Record<string, string> = {}): Promise<EventsGateway> {
  const queuePrefix = `loyalnest-test-${randomBytes(6).toString('hex')}`;
  const config = loadGatewayConfig({
    ...process.env,
    PORT: '0',
    EVENTS_QUEUE_PREFIX: queuePrefix,
    EVENTS_ATTEMPTS: '3',
    EVENTS_BACKOFF_MS: '100',
    EVENTS_POLL_MS: '100',
    EVENTS_ACK_TIMEOUT_MS: '3000',
    ...env,
  });
  const gateway = await startEmbeddedGateway(config, modules);
   const queues = new Map<string, Queue>();
  const queue = (consumer: string) => {
    let q = queues.get(consumer);
    if (!q) {
      q = new Queue(consumer, { connection: redisConnection(config.kit.redisUrl), prefix: bullPrefix(config.kit.events, consumer) });
      queues.set(consumer, q);
    }
    return q;
  };
  const deleteMatching = async (patterns: string[]) => deleteKeys(await queue('cleanup').client, patterns);
  return {
    mode: 'embedded',
    url: `${gateway.url}/graphql`,
    config,
    runtimes: new Map(gateway.runtimes.map((r) => [r.name, r])),
    subgraphUrls: {},
    bullPrefix: (consumer) => bullPrefix(config.kit.events, consumer),
    gql: (q, v, h) => postGraphQL(`${gateway.url}/graphql`, q, v, h),
    queue,
    loseQueue: (consumer) => deleteMatching([`${bullPrefix(config.kit.events, consumer)}:${consumer}:*`]),
    async stop() {
      await gateway.stop();
      await deleteMatching(queueKeyPatterns(queuePrefix));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

/** Polls until `check` returns something other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A table of this run for consumers' effects, one row per application, so a duplicate shows. It is
 * tenant-owned like any other (forced RLS on the tenant setting), which also proves a handler runs
 * under its event's tenant: its rows take `merchant_id` from the setting.
 */
export async function createEffectTable(store: string): Promise<string> {
  const table = `event_effect_${randomBytes(4).toString('hex')}`;
  await withOwnerDb(store, async (db) => {
    await db.query(`create table ${table} (
      id bigserial primary key,
      merchant_id uuid not null default nullif(current_setting('app.merchant_id', true), '')::uuid,
      consumer text not null, event_id uuid not null, topic text not null, payload jsonb not null,
      applied_at timestamptz not null default clock_timestamp())`);
    await db.query(`alter table ${table} enable row level security`);
    await db.query(`alter table ${table} force row level security`);
    await db.query(`create policy ${table}_tenant on ${table} using (${tenantPolicyExpression()}) with check (${tenantPolicyExpression()})`);
    await db.query(`grant select, insert on ${table} to loyalnest_service`);
    await db.query(`grant usage on sequence ${table}_id_seq to loyalnest_service`);
  });
  return table;
}

export async function dropEffectTable(store: string, table: string): Promise<void> {
  await withOwnerDb(store, (db) => db.query(`drop table if exists ${table}`));
}
