import pg from 'pg';
import type { KitConfig } from './config.js';

/**
 * Group role that migrations grant table privileges to. The login role the services use is a
 * member; neither owns a table, so forced row-level security always applies to them.
 */
export const SERVICE_ROLE = 'loyalnest_service';

/**
 * Owner of every SECURITY DEFINER function (the relay's claims, the shop and API-key lookups, the
 * jobs' cross-tenant lookups). Those functions must see every tenant's rows, and forced RLS hides
 * them from the tables' owner unless it is a superuser, which a managed PostgreSQL never gives. So
 * they run as this role instead: NOLOGIN, BYPASSRLS, granted only the table privileges its
 * functions need (see each store's `definer_owner` migration).
 *
 * The rule for a new SECURITY DEFINER function, checked for every store by the test suite
 * (`definer-functions.test.ts`): in the migration that creates it,
 * `alter function f(args) set search_path = pg_catalog, public, pg_temp`,
 * `alter function f(args) owner to loyalnest_definer`, grant this role the privileges its body
 * needs, `revoke all on function f(args) from public` and grant execute to `loyalnest_service`.
 */
export const DEFINER_ROLE = 'loyalnest_definer';

/** A store cannot be set up with the roles the migrating user has; the message says what to run, once. */
export class StoreSetupError extends Error {}

const DUPLICATE = new Set(['42710', '23505']); // a concurrent migrate created the role first

async function createRole(client: pg.Client, name: string, sql: string): Promise<void> {
  const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [name]);
  if (rowCount) return;
  try {
    await client.query(sql);
  } catch (error) {
    if (!DUPLICATE.has((error as { code?: string }).code ?? '')) throw error;
  }
}

/**
 * Creates the cluster-wide roles when missing and checks the ones that exist. Works as a
 * superuser (`npm start`) and as a managed database's admin user (CREATEDB, CREATEROLE, no
 * superuser): such a user may create and alter the service roles, but not a BYPASSRLS role, so
 * the definer role is then the operator's one-time step, and this explains it.
 */
export async function ensureRoles(client: pg.Client, config: KitConfig): Promise<void> {
  const { rows: [me] } = await client.query<{ name: string; superuser: boolean }>('select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user');
  const app = pg.escapeIdentifier(config.appDbUser);

  await createRole(client, SERVICE_ROLE, `create role ${SERVICE_ROLE} nologin nosuperuser nobypassrls`);
  await createRole(client, config.appDbUser, `create role ${app} login nosuperuser nobypassrls`);
  const { rows: [appRole] } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>('select rolsuper, rolbypassrls from pg_roles where rolname = $1', [config.appDbUser]);
  if (appRole.rolsuper || appRole.rolbypassrls) {
    // Forced RLS is the services' last tenancy layer; a login that skips it must never serve requests.
    if (!me.superuser) throw new StoreSetupError(`migrate: the role ${config.appDbUser} (DATABASE_APP_USER) is a superuser or has BYPASSRLS, so row-level security would not apply to the services. Run as a superuser: ALTER ROLE ${app} NOSUPERUSER NOBYPASSRLS;`);
    await client.query(`alter role ${app} nosuperuser nobypassrls`);
  }
  // Keep the login role's password in step with config.
  await client.query(`alter role ${app} with login password ${pg.escapeLiteral(config.appDbPassword)}`);
  const { rowCount: inService } = await client.query(
    `select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member where r.rolname = $1 and u.rolname = $2`,
    [SERVICE_ROLE, config.appDbUser],
  );
  if (!inService) await client.query(`grant ${SERVICE_ROLE} to ${app}`);

  await ensureDefinerRole(client, me);
}

async function ensureDefinerRole(client: pg.Client, me: { name: string; superuser: boolean }): Promise<void> {
  const oneTimeStep = `Run once, as a superuser or your provider's admin: CREATE ROLE ${DEFINER_ROLE} NOLOGIN BYPASSRLS; GRANT ${DEFINER_ROLE} TO ${pg.escapeIdentifier(me.name)};`;
  const definer = async () =>
    (await client.query<{ rolbypassrls: boolean; rolcanlogin: boolean; rolsuper: boolean }>('select rolbypassrls, rolcanlogin, rolsuper from pg_roles where rolname = $1', [DEFINER_ROLE])).rows[0];
  let role = await definer();
  if (!role) {
    try {
      await createRole(client, DEFINER_ROLE, `create role ${DEFINER_ROLE} nologin nosuperuser bypassrls`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      throw new StoreSetupError(
        `migrate: the role ${DEFINER_ROLE} is missing and ${me.name} may not create it (a BYPASSRLS role needs a superuser). ` +
          `It owns the SECURITY DEFINER functions the event relay and caller authentication depend on. ${oneTimeStep}`,
      );
    }
    role = await definer();
  }
  if (!role.rolbypassrls || role.rolcanlogin || role.rolsuper) {
    if (!me.superuser) throw new StoreSetupError(`migrate: the role ${DEFINER_ROLE} must be NOLOGIN NOSUPERUSER BYPASSRLS. Run once, as a superuser: ALTER ROLE ${DEFINER_ROLE} NOLOGIN NOSUPERUSER BYPASSRLS;`);
    await client.query(`alter role ${DEFINER_ROLE} nologin nosuperuser bypassrls`);
  }
  // Handing a function to the role (ALTER FUNCTION ... OWNER TO) needs membership in it; a superuser has it implicitly.
  const { rows: [member] } = await client.query<{ ok: boolean }>(`select pg_has_role(current_user, $1, 'member') as ok`, [DEFINER_ROLE]);
  if (member.ok) return;
  try {
    await client.query(`grant ${DEFINER_ROLE} to current_user`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    throw new StoreSetupError(`migrate: ${me.name} is not a member of ${DEFINER_ROLE} and may not grant it to itself. ${oneTimeStep}`);
  }
}
