import type { GdprParticipant } from '@loyalnest/kit';
import type { CustomerService } from '../services/customer.service.js';
import { CustomerPrivacyService } from '../services/customer-privacy.service.js';

/** The customer domain's part in GDPR requests: its customers, orders and refunds. */
export function customerGdpr(services: { customers: CustomerService }): GdprParticipant {
  const privacy = new CustomerPrivacyService(services.customers);
  return {
    redactCustomer: (ctx, subject) => privacy.redact(ctx, subject),
    exportCustomer: (ctx, subject) => privacy.export(ctx, subject),
  };
}
