import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, databaseName, loadKitConfig, systemCaller } from '@loyalnest/kit';
import pg from 'pg';
import { TierMemberService } from '../../subgraphs/tier/src/services/tier-member.service.js';
import { TierProgramService } from '../../subgraphs/tier/src/services/tier-program.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { deliver, paidOrder, saveProgram, TIER_EVENTS_ENV } from './support/tier-members.js';

const TIER_RECOMPUTE = `query { tierRecompute { id status processed total startedAt finishedAt programVersion } }`;

interface RecomputeNode {
  id: string;
  status: string;
  processed: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  programVersion: number;
}

const SEEDED = 10_000;

/**
 * The background recompute after a program change, end to end: the program is changed through the
 * API, `tier_program.updated` is consumed by the tier domain, and the recompute job (polling and
 * woken after the consumer's commit, as in production) re-places every member while order
 * webhooks keep arriving.
 */
describe('tier recompute after a program change', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
  });
  afterAll(() => gateway.stop());

  async function recomputeOf(merchant: TestMerchant, auth: Record<string, string> = merchant.auth): Promise<RecomputeNode | null> {
    const result = await gateway.gql<{ tierRecompute: RecomputeNode | null }>(TIER_RECOMPUTE, {}, auth);
    if (result.errors?.length || !result.data) throw new Error(`tierRecompute failed: ${JSON.stringify(result.errors)}`);
    return result.data.tierRecompute;
  }

  /**
   * Stands in for history: `count` members with 0 to 7 orders each (qualification rows of the
   * orders count, dated in the past) placed as the program `tiers` (ids of Bronze, Silver, Gold
   * from 0, 3 and 6 orders) placed them, with the entry bonuses that placement paid. Written as the
   * owner in two statements, because 10,000 customers' orders through webhooks would take minutes.
   */
  async function seedHistory(merchant: TestMerchant, tiers: Record<string, string>, count: number): Promise<void> {
    await withOwnerDb('tier', async (db) => {
      await db.query(
        `create temporary table seeded as
         select gen_random_uuid() as id, g % 8 as orders from generate_series(1, $1::int) g`,
        [count],
      );
      await db.query(
        `insert into tier_qualification (merchant_id, metric, subject, customer_id, amount, qualifies_at, updated_at)
         select $1, 'orders_count', 'seed:' || s.id || ':' || k, s.id, 1, now() - k * interval '1 day', now() from seeded s, generate_series(1, s.orders) k`,
        [merchant.id],
      );
      await db.query(
        `insert into tier_member (merchant_id, customer_id, tier_id, since, qualified_tier_id, metric_value, multiplier, version, evaluated_at, program_version, created_at, updated_at)
         select $1, s.id, t.tier, now() - interval '30 days', t.tier, s.orders, t.multiplier, 1, now() - interval '1 day', 1, now(), now()
           from seeded s cross join lateral (select case when s.orders >= 6 then $4::uuid when s.orders >= 3 then $3::uuid else $2::uuid end as tier,
                                                   case when s.orders >= 6 then 2 when s.orders >= 3 then 1.5 else 1 end as multiplier) t`,
        [merchant.id, tiers.Bronze, tiers.Silver, tiers.Gold],
      );
      await db.query(
        `insert into tier_bonus (merchant_id, customer_id, tier_id, period_key, points, paid_at)
         select $1, s.id, b.tier, 'lifetime', b.points, now() - interval '30 days'
           from seeded s cross join lateral (values ($2::uuid, 10, 3), ($3::uuid, 20, 6)) as b(tier, points, needs) where s.orders >= b.needs`,
        [merchant.id, tiers.Silver, tiers.Gold],
      );
      await db.query('drop table seeded');
    });
  }

  /** Members whose tier is not the one an independent computation gives: the highest threshold their lifetime orders count reaches. */
  async function misplaced(merchant: TestMerchant, thresholds: [string, number][]): Promise<number> {
    const { rows } = await withOwnerDb('tier', (db) =>
      db.query<{ n: number }>(
        `with t as (select * from jsonb_to_recordset($2::jsonb) as t(id uuid, threshold int)),
              s as (select customer_id, sum(amount) as orders from tier_qualification
                      where merchant_id = $1 and metric = 'orders_count' and qualifies_at is not null group by customer_id),
              -- One aggregate joined, not a subquery per member: right after the bulk seed the
              -- table has no statistics, and the planner scanned it once per member (minutes).
              v as (select m.customer_id, m.tier_id, coalesce(s.orders, 0) as orders
                      from tier_member m left join s on s.customer_id = m.customer_id where m.merchant_id = $1)
         select count(*)::int as n from v where v.tier_id is distinct from (select t.id from t where t.threshold <= v.orders order by t.threshold desc limit 1)`,
        [merchant.id, JSON.stringify(thresholds.map(([id, threshold]) => ({ id, threshold })))],
      ),
    );
    return rows[0].n;
  }

  /** What placing every member afresh now would change: nothing, once a recompute has placed them. */
  async function changedByFreshPlacement(merchant: TestMerchant): Promise<number> {
    const members = new TierMemberService(new TierProgramService());
    const tier = runtime(gateway, 'tier');
    const { rows } = await withOwnerDb('tier', (db) => db.query<{ customer_id: string }>('select customer_id from tier_member where merchant_id = $1 order by customer_id', [merchant.id]));
    let changed = 0;
    for (let i = 0; i < rows.length; i += 2000) {
      const ctx = tier.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
      changed += (await members.evaluateMany(ctx, rows.slice(i, i + 2000).map((r) => r.customer_id), 'program_changed')).changed;
    }
    return changed;
  }

  /**
   * Every order webhook of the merchant processed and every order and customer event consumed by
   * the tier domain: the qualification ledger and the new customers' tiers are final. (Points
   * events do not count for the orders-count metric, and the entry bonuses of thousands of tier
   * changes keep the points domain busy for a while.)
   */
  async function ordersPlaced(merchant: TestMerchant): Promise<void> {
    await eventually(
      async () => {
        const deliveries = await withOwnerDb('merchant', (db) => db.query<{ status: string }>('select status from webhook_delivery where merchant_id = $1', [merchant.id]));
        if (!deliveries.rows.every((r) => r.status === 'processed')) return false;
        const { rows: ids } = await withOwnerDb('customer', (db) =>
          db.query<{ id: string }>("select id from outbox_event where merchant_id = $1 and (topic like 'order.%' or topic = 'customer.created')", [merchant.id]),
        );
        const { rows } = await withOwnerDb('tier', (db) => db.query<{ n: number }>('select count(*)::int as n from consumed_event where merchant_id = $1 and event_id = any($2)', [merchant.id, ids.map((r) => r.id)]));
        return rows[0].n === ids.length;
      },
      // Thousands of tier changes keep the points and audit consumers busy on the same cores meanwhile.
      240_000,
      'order events consumed by the tier domain',
    );
  }

  /** A transaction of the owner holding one member's row lock, as an event being applied holds it. */
  async function holdMember(merchant: TestMerchant): Promise<{ customerId: string; release: () => Promise<void> }> {
    const config = loadKitConfig();
    const db = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, 'tier')}`) });
    await db.connect();
    await db.query('begin');
    const { rows } = await db.query<{ customer_id: string }>('select customer_id from tier_member where merchant_id = $1 order by customer_id limit 1 for update', [merchant.id]);
    return {
      customerId: rows[0].customer_id,
      release: async () => {
        await db.query('commit');
        await db.end();
      },
    };
  }

  async function bonusCounts(merchant: TestMerchant): Promise<{ rows: number; duplicates: number; announced: number; announcedTwice: number }> {
    return withOwnerDb('tier', async (db) => {
      const bonus = await db.query<{ rows: number; duplicates: number }>(
        `select count(*)::int as rows, (select count(*)::int from (select customer_id, tier_id from tier_bonus where merchant_id = $1 group by 1, 2 having count(*) > 1) d) as duplicates
           from tier_bonus where merchant_id = $1`,
        [merchant.id],
      );
      const announced = await db.query<{ announced: number; twice: number }>(
        `with b as (select o.payload->>'customerId' as customer_id, e->>'tierId' as tier_id
                      from outbox_event o cross join jsonb_array_elements(o.payload->'entryBonuses') e where o.merchant_id = $1 and o.topic = 'tier.changed')
         select count(*)::int as announced, (select count(*)::int from (select 1 from b group by customer_id, tier_id having count(*) > 1) d) as twice from b`,
        [merchant.id],
      );
      return { ...bonus.rows[0], announced: announced.rows[0].announced, announcedTwice: announced.rows[0].twice };
    });
  }

  it('re-places 10,000 members while orders keep arriving: progress from 0 to total, final tiers as computed from scratch, no bonus twice', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 3, 10], ['Gold', 6, 20]]);
    await eventually(async () => (await recomputeOf(merchant))?.status === 'COMPLETED', 30_000, 'the first program placed its members');
    await seedHistory(merchant, tiers, SEEDED);
    const before = await bonusCounts(merchant);

    // given an event holding the first member's lock, so the recompute's first batch waits on it
    const held = await holdMember(merchant);
    // when the merchant lowers the thresholds
    const changed = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 2, 10], ['Gold', 5, 20]]);
    expect(changed).toEqual(tiers);
    const first = await eventually(async () => {
      const r = await recomputeOf(merchant);
      return r?.programVersion === 2 ? r : undefined;
    }, 30_000, 'the recompute of version 2 started');
    // then the API shows it running, nothing placed yet, every member to place
    expect(first).toMatchObject({ status: 'RUNNING', processed: 0, total: SEEDED, finishedAt: null });

    // race: orders of new customers arrive through webhooks while the recompute runs
    const orders = (async () => {
      for (let i = 0; i < 20; i++) await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopifyId(), '15.00'));
    })();
    await held.release();
    const seen: number[] = [0];
    const done = await eventually(
      async () => {
        const r = await recomputeOf(merchant);
        if (r) seen.push(r.processed);
        return r?.status === 'COMPLETED' ? r : undefined;
      },
      400_000,
      'the recompute completed',
    );
    await orders;
    await ordersPlaced(merchant);

    // then progress only grew, from 0 to total, and it completed
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(done.processed).toBe(done.total);
    expect(done.total).toBeGreaterThanOrEqual(SEEDED);
    expect(done.finishedAt).not.toBeNull();
    expect(done.id).toBe(first.id);
    // and every member holds what the new program gives from scratch, and placing them afresh changes nothing
    expect(await misplaced(merchant, [[tiers.Bronze, 0], [tiers.Silver, 2], [tiers.Gold, 5]])).toBe(0);
    expect(await changedByFreshPlacement(merchant)).toBe(0);
    // and a bonus was paid once per member and tier: the seeded ones were not paid again
    const after = await bonusCounts(merchant);
    expect(after.duplicates).toBe(0);
    expect(after.announcedTwice).toBe(0);
    expect(after.rows - before.rows).toBe(after.announced - before.announced);
    expect(after.announced).toBeGreaterThan(before.announced);
  }, 600_000);

  it('supersedes a running recompute with a newer change, and a tier left and entered again pays no second bonus', async () => {
    const merchant = await createMerchant(gateway);
    const tiers = await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 3, 10], ['Gold', 6, 20]]);
    await eventually(async () => (await recomputeOf(merchant))?.status === 'COMPLETED', 30_000, 'the first program placed its members');
    await seedHistory(merchant, tiers, 3000);
    const before = await bonusCounts(merchant);

    // given the recompute of a change that takes Gold away from everyone, held at its first batch
    const held = await holdMember(merchant);
    await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 3, 10], ['Gold', 100, 20]]);
    const second = await eventually(async () => {
      const r = await recomputeOf(merchant);
      return r?.programVersion === 2 ? r : undefined;
    }, 30_000, 'the recompute of version 2 started');
    // when the merchant changes the program again while it runs (Gold back where it was)
    await saveProgram(gateway, merchant, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 3, 10], ['Gold', 6, 20]]);
    await held.release();
    const third = await eventually(async () => {
      const r = await recomputeOf(merchant);
      return r?.programVersion === 3 && r.status === 'COMPLETED' ? r : undefined;
    }, 300_000, 'the recompute of version 3 completed');

    // then the first stopped, superseded, before the end; the second placed everyone
    const { rows } = await withOwnerDb('tier', (db) =>
      db.query<{ status: string; processed: number; total: number; finished_at: Date | null }>('select status, processed, total, finished_at from tier_recompute where id = $1', [second.id]),
    );
    expect(rows[0].status).toBe('superseded');
    expect(rows[0].processed).toBeLessThan(rows[0].total);
    expect(rows[0].finished_at).not.toBeNull();
    expect(third).toMatchObject({ processed: 3000, total: 3000 });
    expect(await misplaced(merchant, [[tiers.Bronze, 0], [tiers.Silver, 3], [tiers.Gold, 6]])).toBe(0);
    // and members who lost Gold in the first batch and got it back were not paid its bonus again
    const after = await bonusCounts(merchant);
    expect(after).toEqual(before);
    expect(after.duplicates).toBe(0);
  }, 400_000);

  it("keeps merchants' recomputes apart: B's is invisible to A, and a reader needs tiers:read", async () => {
    const [a, b] = [await createMerchant(gateway), await createMerchant(gateway)];
    await saveProgram(gateway, b, {}, [['Bronze', 0], ['Silver', 100]]);
    const ofB = await eventually(async () => (await recomputeOf(b)) ?? undefined, 30_000, "B's recompute");

    expect(await recomputeOf(a)).toBeNull();
    await saveProgram(gateway, a, {}, [['Bronze', 0]]);
    const ofA = await eventually(async () => (await recomputeOf(a)) ?? undefined, 30_000, "A's recompute");
    expect(ofA.id).not.toBe(ofB.id);
    expect((await recomputeOf(b))?.id).toBe(ofB.id);

    const created = await gateway.gql<{ createApiKey: { secret: string } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
      { input: { name: 'no tiers', scopes: ['points:read'] } },
      a.auth,
    );
    const refused = await gateway.gql(TIER_RECOMPUTE, {}, { authorization: `Bearer ${created.data!.createApiKey.secret}` });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 120_000);

  it('what if one merchant\'s recompute keeps failing? the merchants after it still complete theirs, and it completes once the fault is gone', async () => {
    // given two merchants with placed members, the first in id order (taken first) failing every member write
    const merchants = [await createMerchant(gateway), await createMerchant(gateway)].sort((x, y) => (x.id < y.id ? -1 : 1));
    const programs: Record<string, string>[] = [];
    for (const m of merchants) {
      const tiers = await saveProgram(gateway, m, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 3], ['Gold', 6]]);
      await eventually(async () => (await recomputeOf(m))?.status === 'COMPLETED', 30_000, 'the first program placed its members');
      await seedHistory(m, tiers, 50);
      programs.push(tiers);
    }
    const [failing, healthy] = merchants;
    const fault = `tier_fault_${failing.id.replace(/-/g, '')}`;
    await withOwnerDb('tier', (db) =>
      db.query(`create function ${fault}() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$;
                create trigger ${fault} before update on tier_member for each row when (new.merchant_id = '${failing.id}') execute function ${fault}();`),
    );
    try {
      // when both change their program so that Gold members move down
      for (const m of merchants) await saveProgram(gateway, m, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 3], ['Gold', 100]]);

      // then the healthy merchant's recompute completes, while the failing one's stays running at 0
      const done = await eventually(async () => {
        const r = await recomputeOf(healthy);
        return r?.programVersion === 2 && r.status === 'COMPLETED' ? r : undefined;
      }, 60_000, "the healthy merchant's recompute completed");
      expect(done).toMatchObject({ processed: 50, total: 50 });
      expect(await misplaced(healthy, [[programs[1].Bronze, 0], [programs[1].Silver, 3], [programs[1].Gold, 100]])).toBe(0);
      expect(await recomputeOf(failing)).toMatchObject({ programVersion: 2, status: 'RUNNING', processed: 0 });
    } finally {
      await withOwnerDb('tier', (db) => db.query(`drop trigger ${fault} on tier_member; drop function ${fault}();`));
    }

    // and once the fault is gone, the failing merchant's recompute completes on a later run
    await eventually(async () => (await recomputeOf(failing))?.status === 'COMPLETED', 60_000, "the failing merchant's recompute completed");
    expect(await misplaced(failing, [[programs[0].Bronze, 0], [programs[0].Silver, 3], [programs[0].Gold, 100]])).toBe(0);
  }, 240_000);
});
