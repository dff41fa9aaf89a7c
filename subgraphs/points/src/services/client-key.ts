import type { RequestContext } from '@loyalnest/kit';

/**
 * The ledger key of an idempotency key a client sent. Keys live in their own namespace per kind of
 * caller, so no client can take a key the product uses (`order:…:earn`); partner keys and shoppers
 * also per caller, so two partner apps of one merchant (or two shoppers) that happen to pick the
 * same key never collide. Admins and Flow share their kind's namespace: one merchant's team, and
 * Flow's run ids are unique already.
 *
 * The longest namespace is `partner:<uuid>:` (45 characters), so a client key of at most 200 fits
 * a redemption's key column (255); an unlimited activity puts `activity:<key>:<customer id>:`
 * before it too, which the ledger's key column (400) is sized for.
 */
export function clientKey(ctx: RequestContext, key: string): string {
  const own = ctx.actor.kind === 'partner' || ctx.actor.kind === 'shopper';
  return own ? `${ctx.actor.kind}:${ctx.actor.id}:${key}` : `${ctx.actor.kind}:${key}`;
}
