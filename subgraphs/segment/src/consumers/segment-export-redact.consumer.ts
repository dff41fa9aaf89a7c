import { isUuid, type EventHandler, type SubgraphRuntime } from '@loyalnest/kit';
import type { SegmentExportBatchService } from '../services/segment-export-batch.service.js';

/**
 * `customer.redacted {customerId}`: the customer domain erased the customer (its part of a
 * customers/redact). Every export of the merchant whose snapshot holds them expires at once and
 * its file goes, so no file can still be downloaded with their email and name.
 */
export function exportCustomerRedactedConsumer(batches: (runtime: SubgraphRuntime) => SegmentExportBatchService): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (!isUuid(customerId)) throw new Error('customer.redacted without a customerId');
    await batches(runtime).forgetCustomers(ctx, [customerId]);
  };
}
