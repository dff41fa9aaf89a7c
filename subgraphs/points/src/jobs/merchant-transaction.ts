import { ADMIN_SCOPES, inRequestTransaction, systemCaller, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';

/** A job's context for one merchant: a system caller with an admin's scopes, confined to that merchant by the tenant filter and RLS. */
export function merchantContext(runtime: SubgraphRuntime, merchantId: string): RequestContext {
  return runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
}

/**
 * Runs `fn` in one transaction for one merchant, as the event consumer runs a handler: what it
 * emits commits with its change, and its after-commit work (live messages) runs once committed.
 */
export function inMerchantTransaction<T>(runtime: SubgraphRuntime, merchantId: string, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  const ctx = merchantContext(runtime, merchantId);
  return inRequestTransaction(ctx, () => fn(ctx));
}

/** Merchants a scheduled job has work for, read across tenants through the store's SECURITY DEFINER function (ids only). */
export async function scheduledMerchants(runtime: SubgraphRuntime, job: 'birthday' | 'expiry'): Promise<string[]> {
  const claimer = runtime.createContext(systemCaller([], null));
  const rows = await claimer.em.execute<{ merchant_id: string }[]>('select merchant_id from points_scheduled_merchants(?)', [job]);
  return rows.map((r) => r.merchant_id);
}
