import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { LoaderRegistry } from './loaders.js';
import { TENANT_FILTER, TENANT_SETTING } from './tenancy.js';

export const ACTOR_KINDS = ['admin', 'shopper', 'partner', 'flow', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Actor {
  kind: ActorKind;
  id: string;
}

/**
 * Who is calling, as established by the gateway. It travels to subgraphs in-process (embedded)
 * or inside the signed internal token (networked); subgraphs never build it from client input.
 */
export interface Caller {
  merchantId: string | null;
  actor: Actor;
  customerId?: string;
  scopes: string[];
  requestId: string;
}

/** What every resolver and service method receives first. */
export interface RequestContext extends Caller {
  /** A fork scoped to this request: tenant filter on, and the RLS setting sent with every query. */
  em: EntityManager;
  loaders: LoaderRegistry;
}

export function systemCaller(scopes: string[], merchantId: string | null = null): Caller {
  return { merchantId, actor: { kind: 'system', id: 'loyalnest' }, scopes, requestId: randomUUID() };
}

/**
 * Forks the subgraph's EntityManager for one request. Without a merchant the tenant filter has no
 * parameters, so any query on a tenant-owned entity throws, and RLS sees no tenant and returns
 * nothing: both layers fail closed.
 */
export function createRequestContext(rootEm: EntityManager, caller: Caller): RequestContext {
  const em = rootEm.fork({
    session: { variables: { [TENANT_SETTING]: caller.merchantId ?? '' } },
  }) as EntityManager;
  if (caller.merchantId) em.setFilterParams(TENANT_FILTER, { merchantId: caller.merchantId });
  return { ...caller, em, loaders: new LoaderRegistry() };
}
