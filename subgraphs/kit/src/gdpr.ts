import { systemCaller, type RequestContext } from './context.js';
import type { DomainEvent, EventHandler } from './events/domain-event.js';
import { Scope } from './scopes.js';
import type { SubgraphRuntime } from './subgraph.js';
import { TENANT_FILTER } from './tenancy.js';

/**
 * GDPR across the supergraph. The merchant subgraph receives Shopify's compliance webhooks and
 * keeps each request (`gdpr_request`, with its subject encrypted); every subgraph holding shopper
 * data takes part by consuming the request topics below through `gdprConsumers`, and reports its
 * part done with `gdpr.part_completed` in the same transaction as its effect, so a request is
 * complete only when every part has committed. `gdprRequests` shows each part's status.
 */
export const GDPR_TOPICS = {
  redactCustomer: 'gdpr.customer_redact_requested',
  exportCustomer: 'gdpr.customer_export_requested',
  redactShop: 'gdpr.shop_redact_requested',
  partCompleted: 'gdpr.part_completed',
} as const;

/** Whom a customer request is about, as Shopify named them; read from the merchant subgraph, never carried in events. */
export interface GdprSubject {
  requestId: string;
  shopifyCustomerId: string;
  email: string | null;
  /** Shopify order ids Shopify asks to redact with the customer. */
  ordersToRedact: string[];
}

/** What a subgraph holding shopper data does for each kind of request, in the handler's transaction. */
export interface GdprParticipant {
  /**
   * Removes every row of the merchant from this store (Shopify's shop/redact). Defaults to
   * `purgeMerchantRows`; a store whose tables refuse deletes (audit) brings its own way.
   */
  redactShop?(ctx: RequestContext): Promise<void>;
  /**
   * Deletes (or makes unreadable) the customer's personal data; non-personal aggregates may stay.
   * A subgraph that holds no personal data of customers leaves this and `exportCustomer` out, and
   * takes no part in customer requests.
   */
  redactCustomer?(ctx: RequestContext, subject: GdprSubject): Promise<void>;
  /** Everything this subgraph holds about the customer, as plain JSON for the merchant's export. */
  exportCustomer?(ctx: RequestContext, subject: GdprSubject): Promise<Record<string, unknown>>;
}

const SUBJECT = /* GraphQL */ `
  query GdprSubject($id: ID!) {
    _gdprSubject(requestId: $id) { requestId shopifyCustomerId email ordersToRedact }
  }
`;

const COMPLETE_PART = /* GraphQL */ `
  mutation CompleteGdprPart($id: ID!, $subgraph: String!) {
    _completeGdprPart(requestId: $id, subgraph: $subgraph)
  }
`;

const SUBMIT_EXPORT = /* GraphQL */ `
  mutation SubmitGdprExport($id: ID!, $subgraph: String!, $data: JSONObject!) {
    _submitGdprExport(requestId: $id, subgraph: $subgraph, data: $data)
  }
`;

async function subjectOf(runtime: SubgraphRuntime, event: DomainEvent): Promise<GdprSubject | null> {
  const { requestId } = event.payload as { requestId: string };
  const answer = await runtime.peers.query<{ _gdprSubject: GdprSubject | null }>('merchant', SUBJECT, { id: requestId }, systemCaller([Scope.GDPR_EXECUTE], event.merchantId));
  return answer._gdprSubject;
}

/**
 * The handlers a participating subgraph adds to its `consumes`. Redaction and export run in the
 * consumer's transaction and report completion with an outbox event of that same transaction.
 * An export's data goes to the merchant subgraph through its internal mutation (idempotent: the
 * part is replaced), never through an event. A subject already erased (the request completed and
 * this is a late redelivery) means there is nothing left to do.
 *
 * Shop redaction cannot report through an event: the purge removes this store's event tables
 * too, and a completion row left in the outbox would be a row of the merchant. It reports through
 * the merchant subgraph's internal mutation instead, before its transaction commits; if the commit
 * then fails, the event is redelivered and the (idempotent) purge runs again.
 */
export function gdprConsumers(participantOf: (runtime: SubgraphRuntime) => GdprParticipant, takes: { customerRequests: boolean } = { customerRequests: true }): Record<string, EventHandler> {
  const complete = (ctx: RequestContext, event: DomainEvent, runtime: SubgraphRuntime) => {
    const { requestId } = event.payload as { requestId: string };
    ctx.emit(GDPR_TOPICS.partCompleted, { requestId, subgraph: runtime.name });
    return ctx.em.flush();
  };
  const redactShop: EventHandler = async (ctx, event, runtime) => {
    const { requestId } = event.payload as { requestId: string };
    const participant = participantOf(runtime);
    await (participant.redactShop ? participant.redactShop(ctx) : purgeMerchantRows(ctx));
    await runtime.peers.query('merchant', COMPLETE_PART, { id: requestId, subgraph: runtime.name }, systemCaller([Scope.GDPR_EXECUTE], event.merchantId));
  };
  if (!takes.customerRequests) return { [GDPR_TOPICS.redactShop]: redactShop };
  return {
    [GDPR_TOPICS.redactShop]: redactShop,
    [GDPR_TOPICS.redactCustomer]: async (ctx, event, runtime) => {
      const subject = await subjectOf(runtime, event);
      if (subject) await participantOf(runtime).redactCustomer?.(ctx, subject);
      await complete(ctx, event, runtime);
    },
    [GDPR_TOPICS.exportCustomer]: async (ctx, event, runtime) => {
      const subject = await subjectOf(runtime, event);
      if (subject) {
        const data = (await participantOf(runtime).exportCustomer?.(ctx, subject)) ?? {};
        await runtime.peers.query('merchant', SUBMIT_EXPORT, { id: subject.requestId, subgraph: runtime.name, data }, systemCaller([Scope.GDPR_EXECUTE], event.merchantId));
      }
      await complete(ctx, event, runtime);
    },
  };
}

/**
 * Deletes every row of the context's merchant from this store: every tenant-owned table, the
 * event tables included. Generic on purpose, so a table added later cannot be forgotten by shop
 * redaction. Runs in the caller's transaction; the tenant filter and RLS keep it to one merchant.
 */
export async function purgeMerchantRows(ctx: RequestContext, options: { except?: string[] } = {}): Promise<number> {
  const merchantId = ctx.merchantId;
  if (!merchantId) throw new Error('purgeMerchantRows needs a merchant context');
  let deleted = 0;
  for (const meta of ctx.em.getMetadata().getAll().values()) {
    if (!meta.filters?.[TENANT_FILTER] || meta.embeddable || meta.virtual || options.except?.includes(meta.className)) continue;
    const column = meta.properties.merchantId ? 'merchantId' : 'id';
    deleted += await ctx.em.nativeDelete(meta.class, { [column]: merchantId });
  }
  return deleted;
}
