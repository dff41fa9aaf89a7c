import type { EventHandler } from '@loyalnest/kit';
import type { TierCustomerKeyService } from '../services/tier-customer-key.service.js';
import type { TierBatchService } from '../services/tier-batch.service.js';

/**
 * `customer.created {customerId}`: every customer is a member, placed at once (a first tier at
 * threshold 0 takes everyone; in a batch, with the batch's other customers), and the tier store
 * records which Shopify customer it is, for GDPR requests. A customer the customer domain no
 * longer knows was redacted before this event arrived: it becomes no member, so nothing is kept
 * about an erased person (which is why its batch does not lock it up front: a lock makes the row).
 */
export function customerCreatedConsumer(batches: TierBatchService, keys: (blindIndexKey: string) => TierCustomerKeyService): EventHandler {
  return async (ctx, event, runtime, prepared) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.created without a customerId');
    const batch = batches.batchOf(ctx, prepared);
    if (!(await keys(runtime.config.blindIndexKey).record(ctx, customerId))) return;
    await batches.placeAfter(ctx, batch, event, customerId);
  };
}
