import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withAppDb, withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { type Tenants, seedTenants } from './support/isolation.js';

describe('row-level security in the stores', () => {
  let gateway: TestGateway;
  let t: Tenants;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    t = await seedTenants(gateway);
  });
  afterAll(() => gateway.stop());

  /** Tables with a `merchant_id` column, plus `merchant` (keyed by its own id), with their RLS flags and policies. */
  async function tenantTables(store: string) {
    return withOwnerDb(store, async (db) => {
      const { rows } = await db.query<{
        table: string;
        rls: boolean;
        forced: boolean;
        owner: string;
        policies: { name: string; using: string | null; check: string | null; roles: string[] }[];
      }>(
        `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner,
                coalesce((select json_agg(json_build_object(
                          'name', p.polname,
                          'using', pg_get_expr(p.polqual, p.polrelid),
                          'check', pg_get_expr(p.polwithcheck, p.polrelid),
                          'roles', (select coalesce(array_agg(case when r = 0 then 'public' else pg_get_userbyid(r) end), '{}') from unnest(p.polroles) r)))
                          from pg_policy p where p.polrelid = c.oid), '[]'::json) as policies
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and (c.relname = 'merchant' or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'merchant_id' and not a.attisdropped))
          order by c.relname`,
      );
      return rows;
    });
  }

  it.each([
    ['merchant', ['api_key', 'merchant', 'event_stall']],
    ['customer', ['customer', 'event_stall']],
    ['points', ['points_account', 'points_order_cancellation', 'flow_trigger_sent', 'event_stall']],
    ['tier', ['tier_program', 'tier', 'event_stall']],
    ['audit', ['audit_entry', 'event_stall']],
  ])('every tenant-owned table of the %s store has forced RLS and a tenant policy', async (store, expected) => {
    const tables = await tenantTables(store);
    const config = gateway.config.kit;

    expect(tables.map((r) => r.table)).toEqual(expect.arrayContaining(expected as string[]));
    for (const table of tables) {
      const key = table.table === 'merchant' ? 'id' : 'merchant_id';
      expect({ table: table.table, rls: table.rls, forced: table.forced }).toEqual({ table: table.table, rls: true, forced: true });
      expect(table.policies.length).toBeGreaterThan(0);
      // Some policy filters reads and checks writes by the tenant setting, for the service role.
      const tenantPolicy = table.policies.find(
        (p) => p.using?.includes('app.merchant_id') && p.using.includes(key) && p.check?.includes('app.merchant_id') && p.check.includes(key),
      );
      expect({ table: table.table, tenantPolicy: Boolean(tenantPolicy) }).toEqual({ table: table.table, tenantPolicy: true });
      expect(tenantPolicy!.roles.some((r) => r === 'public' || r === 'loyalnest_service' || r === config.appDbUser)).toBe(true);
      expect([config.appDbUser, 'loyalnest_service']).not.toContain(table.owner);
    }
  });

  it('the service role is neither a superuser nor exempt from RLS', async () => {
    const config = gateway.config.kit;
    await withAppDb('customer', async (db) => {
      const { rows } = await db.query<{ user: string; rolsuper: boolean; rolbypassrls: boolean }>(
        'select current_user as user, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
      );
      expect(rows).toEqual([{ user: config.appDbUser, rolsuper: false, rolbypassrls: false }]);
      // Nor does any role it belongs to own or bypass anything.
      const { rows: inherited } = await db.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
        `with recursive member_of(oid) as (
           select oid from pg_roles where rolname = current_user
           union select m.roleid from pg_auth_members m join member_of on m.member = member_of.oid)
         select r.rolname, r.rolsuper, r.rolbypassrls from pg_roles r join member_of using (oid)`,
      );
      expect(inherited.filter((r) => r.rolsuper || r.rolbypassrls)).toEqual([]);
    });
  });

  it('without the tenant setting the service role sees no customer rows', async () => {
    // given: rows exist for both tenants
    const owned = await withOwnerDb('customer', (db) => db.query<{ count: string }>('select count(*) from customer where merchant_id = any($1::uuid[])', [[t.a.id, t.b.id]]));
    expect(Number(owned.rows[0].count)).toBe(3);

    await withAppDb('customer', async (db) => {
      // then: nothing, whether the setting is unset or blank
      expect((await db.query('select id from customer')).rows).toEqual([]);
      await db.query(`select set_config('app.merchant_id', '', false)`);
      expect((await db.query('select id from customer')).rows).toEqual([]);
      expect((await db.query('select id from customer where id = $1', [t.bCustomer.id])).rows).toEqual([]);
    });
  });

  it("with the tenant setting the service role sees only that tenant's rows, for that transaction only", async () => {
    await withAppDb('customer', async (db) => {
      await db.query('begin');
      try {
        await db.query(`select set_config('app.merchant_id', $1, true)`, [t.a.id]);
        const { rows } = await db.query<{ id: string; merchant_id: string }>('select id, merchant_id from customer order by id');
        expect(rows.map((r) => r.id).sort()).toEqual(t.aCustomers.map((c) => c.id).sort());
        expect(rows.every((r) => r.merchant_id === t.a.id)).toBe(true);
        expect((await db.query('select id from customer where id = $1', [t.bCustomer.id])).rows).toEqual([]);
      } finally {
        await db.query('commit');
      }
      expect((await db.query('select id from customer')).rows).toEqual([]);
    });
  });

  it("with A's setting the service role can neither write rows for B nor touch B's rows", async () => {
    await withAppDb('customer', async (db) => {
      await db.query('begin');
      try {
        await db.query(`select set_config('app.merchant_id', $1, true)`, [t.a.id]);
        const updated = await db.query(`update customer set tags = '{pwned}' where id = $1`, [t.bCustomer.id]);
        expect(updated.rowCount).toBe(0);
        const deleted = await db.query('delete from customer where merchant_id = $1', [t.b.id]);
        expect(deleted.rowCount).toBe(0);
        await expect(
          db.query(`insert into customer (id, merchant_id, shopify_id, created_at, updated_at) values (gen_random_uuid(), $1, 1, now(), now())`, [t.b.id]),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await db.query('rollback');
      }
    });
    const { rows } = await withOwnerDb('customer', (db) => db.query('select tags from customer where id = $1', [t.bCustomer.id]));
    expect(rows).toEqual([{ tags: [] }]);
  });

  it('without the tenant setting the service role sees no merchant or API key rows', async () => {
    await withAppDb('merchant', async (db) => {
      expect((await db.query('select id from merchant where id = any($1::uuid[])', [[t.a.id, t.b.id]])).rows).toEqual([]);
      expect((await db.query('select count(*)::int as n from merchant')).rows).toEqual([{ n: 0 }]);
      expect((await db.query('select count(*)::int as n from api_key')).rows).toEqual([{ n: 0 }]);

      await db.query('begin');
      try {
        await db.query(`select set_config('app.merchant_id', $1, true)`, [t.a.id]);
        expect((await db.query('select id from merchant')).rows).toEqual([{ id: t.a.id }]);
      } finally {
        await db.query('commit');
      }
    });
  });
});
