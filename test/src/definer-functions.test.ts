import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFINER_ROLE } from '@loyalnest/kit';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant } from './support/tenants.js';

/** Every store of the deployment, so a new subgraph's functions are checked without touching this file. */
const STORES = subgraphModules.map((m) => m.store.name);
const SEARCH_PATH = 'search_path=pg_catalog, public, pg_temp';
const EVENT_TABLES = {
  consumed_event: 'DELETE,INSERT,SELECT,UPDATE',
  dead_letter_event: 'SELECT,UPDATE',
  event_stall: 'DELETE,SELECT,UPDATE',
  outbox_delivery: 'DELETE,INSERT,SELECT,UPDATE',
  outbox_event: 'DELETE,SELECT,UPDATE',
};

/**
 * What each store's definer functions read and write, and nothing more. A new SECURITY DEFINER
 * function that needs another privilege adds it here, in the same change as its grant.
 */
const DEFINER_PRIVILEGES: Record<string, Record<string, string>> = {
  // The webhook ingress writes the delivery, its event and an uninstall in one statement.
  merchant: { ...EVENT_TABLES, outbox_event: 'DELETE,INSERT,SELECT,UPDATE', api_key: 'SELECT', merchant: 'SELECT,UPDATE', webhook_delivery: 'DELETE,INSERT,SELECT,UPDATE', webhook_subscription: 'SELECT,UPDATE', webhook_subscription_delivery: 'DELETE,SELECT,UPDATE' },
  customer: EVENT_TABLES,
  referral: { ...EVENT_TABLES, referral: 'SELECT', flow_trigger_sent: 'DELETE,SELECT,UPDATE' },
  // The daily counts view belongs to the definer: a concurrent refresh needs its owner, whose privileges are all.
  segment: {
    ...EVENT_TABLES,
    flow_trigger_sent: 'DELETE,SELECT,UPDATE',
    segment_run_count: 'SELECT',
    segment_daily_count: 'DELETE,INSERT,REFERENCES,SELECT,TRIGGER,TRUNCATE,UPDATE',
    // The recompute and nightly jobs' lookups of merchants with a run under way, or due for their nightly run.
    segment_run: 'SELECT',
    segment_order: 'SELECT',
    segment_settings: 'SELECT',
    // The export and metafield sync jobs' lookups of merchants with work.
    segment_export: 'SELECT',
    segment_metafield_sync: 'SELECT',
  },
  tier: { ...EVENT_TABLES, flow_action_run: 'DELETE,SELECT,UPDATE', flow_trigger_sent: 'DELETE,SELECT,UPDATE', tier_member: 'SELECT', tier_program: 'SELECT', tier_recompute: 'SELECT' },
  points: { ...EVENT_TABLES, flow_trigger_sent: 'DELETE,SELECT,UPDATE', points_entry: 'SELECT', points_program: 'SELECT', redemption: 'SELECT,UPDATE' },
  audit: { ...EVENT_TABLES, audit_entry: 'DELETE,SELECT', audit_pending: 'SELECT' },
};

describe('SECURITY DEFINER functions under a non-superuser owner', () => {
  it.each(STORES)('every one in the %s store belongs to loyalnest_definer, resolves names from pg_catalog first and pg_temp last, and is not executable by PUBLIC', async (store) => {
    const { rows } = await withOwnerDb(store, (db) =>
      db.query<{ fn: string; owner: string; config: string[] | null; public_execute: boolean }>(
        `select p.oid::regprocedure::text as fn, pg_get_userbyid(p.proowner) as owner, p.proconfig as config,
                has_function_privilege('public', p.oid, 'execute') as public_execute
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
          order by 1`,
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    const offending = rows.filter((r) => r.owner !== DEFINER_ROLE || !(r.config ?? []).includes(SEARCH_PATH) || r.public_execute);
    expect(offending).toEqual([]);
  });

  it.each(STORES)('loyalnest_definer holds exactly the table privileges of the %s store its functions need', async (store) => {
    const { rows } = await withOwnerDb(store, (db) =>
      db.query<{ table: string; privileges: string }>(
        `select c.relname as table, string_agg(a.privilege_type, ',' order by a.privilege_type) as privileges
           from pg_class c cross join aclexplode(c.relacl) a
          where c.relnamespace = 'public'::regnamespace and a.grantee = $1::regrole
          group by c.relname`,
        [DEFINER_ROLE],
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.table, r.privileges]))).toEqual(DEFINER_PRIVILEGES[store]);
  });

  it('loyalnest_definer bypasses RLS but cannot log in, and the suite migrated as an owner that is neither superuser nor exempt from RLS', async () => {
    for (const store of STORES) {
      const { rows } = await withOwnerDb(store, (db) =>
        db.query<{ role: string; rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
          `select r.rolname as role, r.rolsuper, r.rolbypassrls, r.rolcanlogin from pg_roles r
            where r.rolname = $1
               or r.oid in (select c.relowner from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r')
               or r.oid = (select datdba from pg_database where datname = current_database())
            order by r.rolname = $1 desc`,
          [DEFINER_ROLE],
        ),
      );
      const [definer, ...owners] = rows;
      expect(definer).toEqual({ role: DEFINER_ROLE, rolsuper: false, rolbypassrls: true, rolcanlogin: false });
      // One owner for the database and every table; the rest of the suite ran against these stores.
      expect(owners.map(({ role, ...flags }) => flags)).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: true }]);
    }
  });

  describe('through the service role', () => {
    let gateway: TestGateway;

    beforeAll(async () => {
      gateway = await startTestGateway('embedded');
    });
    afterAll(() => gateway.stop());

    it('finds a shop across tenants, where the table itself shows the service role nothing', async () => {
      const merchant = await createMerchant(gateway);
      await withAppDb('merchant', async (db) => {
        expect((await db.query('select id from merchant where shop_domain = $1', [merchant.shop])).rows).toEqual([]);
        const { rows } = await db.query('select merchant_id from loyalnest_merchant_by_shop($1)', [merchant.shop]);
        expect(rows).toEqual([{ merchant_id: merchant.id }]);
      });
      // and the gateway authenticates its admin by that lookup
      const { data } = await gateway.gql<{ me: { kind: string } }>('{ me { kind } }', undefined, merchant.auth);
      expect(data?.me.kind).toBe('ADMIN');
    });
  });
});
