/** Name of the default-on MikroORM filter every tenant-owned entity declares. */
export const TENANT_FILTER = 'tenant';

/** Transaction-local PostgreSQL setting the row-level security policies read. */
export const TENANT_SETTING = 'app.merchant_id';

/**
 * The filter definition for `defineEntity({ filters })`. Its condition needs the merchant id as a
 * parameter; MikroORM throws when a default filter has none, which is what we want.
 */
export function tenantFilter(property = 'merchantId') {
  return {
    [TENANT_FILTER]: {
      name: TENANT_FILTER,
      cond: (args: Record<string, unknown>) => ({ [property]: args.merchantId }),
      default: true,
    },
  };
}

/**
 * The row-level security policy expression. `nullif` because a pooled connection that once had
 * the setting reports '' (not NULL) afterwards, and ''::uuid would raise instead of matching nothing.
 */
export function tenantPolicyExpression(column = 'merchant_id'): string {
  return `"${column}" = nullif(current_setting('${TENANT_SETTING}', true), '')::uuid`;
}

/**
 * Spread into `defineEntity({...})` of every tenant-owned entity: the default-on tenant filter and a
 * forced RLS policy. Declaring the policy on the entity keeps generated migrations and schema diffs
 * in step with it (MikroORM drops policies an entity does not declare).
 */
export function tenantOwned(table: string, key: { property: string; column: string } = { property: 'merchantId', column: 'merchant_id' }) {
  const expr = tenantPolicyExpression(key.column);
  return {
    rowLevelSecurity: 'force' as const,
    policies: [{ name: `${table}_tenant`, using: expr, check: expr }],
    filters: tenantFilter(key.property),
  };
}
