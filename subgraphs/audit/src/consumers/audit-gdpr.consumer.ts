import { blindIndex, purgeMerchantRows, type GdprParticipant, type KitConfig, type RequestContext } from '@loyalnest/kit';
import type { AuditService } from '../services/audit.service.js';

/** The keyed hash under which a purged merchant is remembered; the id itself is not kept. */
export function purgedMerchantHash(config: KitConfig, merchantId: string): string {
  return blindIndex(config.blindIndexKey, merchantId, 'audit:purged-merchant');
}

export async function isPurged(ctx: Pick<RequestContext, 'em' | 'merchantId'>, config: KitConfig): Promise<boolean> {
  const rows = await ctx.em.execute('select 1 from purged_merchant where merchant_hash = ?', [purgedMerchantHash(config, ctx.merchantId!)]);
  return rows.length > 0;
}

/**
 * The audit subgraph's part in GDPR: shop/redact only. Its entries hold ids, actions and field
 * names, never a customer's personal data, so it takes no part in customer requests. A shop
 * redaction deletes the merchant's trail through the one function the append-only trigger lets
 * through, clears the merchant's rows in the store's event tables, and remembers the merchant (as
 * a keyed hash) so its events still in flight start no new trail.
 */
export function auditGdpr(audit: AuditService, config: KitConfig): GdprParticipant {
  return {
    async redactShop(ctx) {
      await audit.holdAgainstPurge(ctx, true);
      await audit.lockChain(ctx);
      await ctx.em.execute('insert into purged_merchant (merchant_hash, purged_at) values (?, now()) on conflict do nothing', [purgedMerchantHash(config, ctx.merchantId!)]);
      await audit.purgeMerchant(ctx);
      await ctx.em.execute('delete from audit_pending where merchant_id = ?', [ctx.merchantId!]);
      await purgeMerchantRows(ctx, { except: ['AuditEntry'] });
    },
  };
}
