import {
  decodeCursor,
  fieldAad,
  GDPR_TOPICS,
  isUuid,
  pageSize,
  purgeMerchantRows,
  toPage,
  type FieldCipher,
  type GdprSubject,
  type PageInfo,
  type RequestContext,
} from '@loyalnest/kit';
import { LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { GdprRequestEntity, type GdprRequest, type GdprRequestKind } from '../entities/gdpr-request.entity.js';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';
import type { WebhookInboxService } from './webhook-inbox.service.js';

const KIND_OF_TOPIC: Record<string, GdprRequestKind> = {
  'customers/redact': 'customer_redact',
  'customers/data_request': 'customer_data_request',
  'shop/redact': 'shop_redact',
};

const TOPIC_OF_KIND: Record<GdprRequestKind, string> = {
  customer_redact: GDPR_TOPICS.redactCustomer,
  customer_data_request: GDPR_TOPICS.exportCustomer,
  shop_redact: GDPR_TOPICS.redactShop,
};

type StoredSubject = Omit<GdprSubject, 'requestId'>;

/**
 * Shopify's compliance requests, from the webhook to completion in every subgraph that takes part
 * (those consuming the request's topic). The merchant subgraph's own part is done when the last
 * other part reports: it erases the subject and, for a redaction, every inbox body that still
 * names the customer; for shop/redact it deletes every row of the merchant in its store.
 */
export class GdprService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly inbox: WebhookInboxService,
  ) {}

  /** A stored compliance delivery becomes a request; its body is erased, the subject kept encrypted on the request. */
  async receive(ctx: RequestContext, deliveryId: string, topic: string, participants: (eventTopic: string) => string[]): Promise<void> {
    const kind = KIND_OF_TOPIC[topic];
    if (!kind) throw new Error(`${topic} is not a compliance topic`);
    // Published again by the inbox sweeper after it was taken up: the request exists already.
    if (await ctx.em.count(GdprRequestEntity, { deliveryId })) return;
    const stored = await this.inbox.read(ctx, deliveryId);
    if (!stored) throw new Error(`webhook delivery ${deliveryId} not found`);
    const body = stored.body;
    if (!body) throw new Error(`webhook delivery ${deliveryId} has no body`);

    const id = uuidv7();
    const subject = kind === 'shop_redact' ? null : subjectOf(body, kind);
    const eventTopic = TOPIC_OF_KIND[kind];
    const parts = Object.fromEntries(participants(eventTopic).map((p) => [p, null]));
    const request = ctx.em.create(GdprRequestEntity, {
      id,
      merchantId: ctx.merchantId!,
      kind,
      deliveryId,
      subjectEncrypted: subject && this.cipher.encrypt(JSON.stringify(subject), fieldAad(ctx.merchantId!, 'gdpr_request', id, 'subject')),
      parts,
      exportEncrypted: null,
      status: 'pending',
      completedAt: null,
    });
    await ctx.em.nativeUpdate(WebhookDeliveryEntity, { id: deliveryId }, { status: 'processed', processedAt: new Date(), payloadEncrypted: null });
    await this.inbox.eraseEventCopies(ctx, [deliveryId]);
    ctx.emit(eventTopic, { requestId: id, kind });
    await ctx.em.flush();
    if (!Object.keys(parts).length) await this.finish(ctx, request);
  }

  async subject(ctx: RequestContext, requestId: string): Promise<GdprSubject | null> {
    const request = isUuid(requestId) ? await ctx.em.findOne(GdprRequestEntity, { id: requestId }) : null;
    if (!request?.subjectEncrypted) return null;
    return { requestId, ...(JSON.parse(this.cipher.decrypt(request.subjectEncrypted, fieldAad(request.merchantId, 'gdpr_request', request.id, 'subject'))) as StoredSubject) };
  }

  /** A subgraph's part of a data request's export; a repeat replaces it. */
  async submitExport(ctx: RequestContext, requestId: string, subgraph: string, data: Record<string, unknown>): Promise<boolean> {
    return inTransaction(ctx, async () => {
      const request = await this.lock(ctx, requestId);
      if (!request || request.kind !== 'customer_data_request' || request.status === 'completed') return false;
      const exported = { ...this.readExport(request), [subgraph]: data };
      request.exportEncrypted = this.cipher.encrypt(JSON.stringify(exported), fieldAad(request.merchantId, 'gdpr_request', request.id, 'export'));
      await ctx.em.flush();
      return true;
    });
  }

  /** A subgraph completed its part; the last one completes the request. Repeats change nothing. */
  async completePart(ctx: RequestContext, requestId: string, subgraph: string): Promise<boolean> {
    return inTransaction(ctx, async () => {
      const request = await this.lock(ctx, requestId);
      if (!request || !(subgraph in request.parts)) return false;
      if (request.parts[subgraph]) return true;
      request.parts = { ...request.parts, [subgraph]: new Date().toISOString() };
      await ctx.em.flush();
      if (Object.values(request.parts).every(Boolean)) await this.finish(ctx, request);
      return true;
    });
  }

  /** Parts complete concurrently; each waits for the one before, so the last one sees them all. */
  private async lock(ctx: RequestContext, requestId: string): Promise<GdprRequest | null> {
    if (!isUuid(requestId)) return null;
    return ctx.em.findOne(GdprRequestEntity, { id: requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null }): Promise<{ nodes: GdprRequest[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const where: FilterQuery<GdprRequest> = after ? { id: { $lt: after } } : {};
    const rows = await ctx.em.find(GdprRequestEntity, where, { orderBy: { id: 'desc' }, limit: size + 1, disableIdentityMap: true });
    return toPage(rows, size);
  }

  /** A completed data request's export: every part, keyed by subgraph. Null for anything else. */
  async export(ctx: RequestContext, requestId: string): Promise<Record<string, unknown> | null> {
    const request = isUuid(requestId) ? await ctx.em.findOne(GdprRequestEntity, { id: requestId }) : null;
    if (!request || request.kind !== 'customer_data_request' || request.status !== 'completed') return null;
    return this.readExport(request);
  }

  private readExport(request: GdprRequest): Record<string, unknown> {
    return request.exportEncrypted ? (JSON.parse(this.cipher.decrypt(request.exportEncrypted, fieldAad(request.merchantId, 'gdpr_request', request.id, 'export'))) as Record<string, unknown>) : {};
  }

  private async finish(ctx: RequestContext, request: GdprRequest): Promise<void> {
    if (request.kind === 'shop_redact') {
      // Every other store is empty of the merchant; now this one, the request included. No event
      // is emitted: it would be a row of the merchant, and there is no one left to tell.
      await purgeMerchantRows(ctx);
      return;
    }
    const subject = await this.subject(ctx, request.id);
    if (request.kind === 'customer_redact' && subject) await this.eraseInboxBodies(ctx, subject);
    ctx.em.assign(request, { status: 'completed', completedAt: new Date(), subjectEncrypted: null });
    ctx.emit('gdpr.request_completed', { requestId: request.id, kind: request.kind });
    await ctx.em.flush();
  }

  /**
   * Bodies of processed deliveries are erased when applied; any left (still received, ignored,
   * malformed) that name the customer are erased now, with their copies in the outbox.
   */
  private async eraseInboxBodies(ctx: RequestContext, subject: StoredSubject): Promise<void> {
    const kept = await ctx.em.find(WebhookDeliveryEntity, { payloadEncrypted: { $ne: null } });
    const needles = [subject.shopifyCustomerId, subject.email].filter((n): n is string => !!n);
    const erased = kept.filter((delivery) => needles.some((n) => (this.inbox.bodyText(delivery) ?? '').includes(n)));
    for (const delivery of erased) delivery.payloadEncrypted = null;
    await this.inbox.eraseEventCopies(ctx, erased.map((d) => d.id));
    await ctx.em.flush();
  }
}

/** Joins the caller's transaction (an event handler's) or runs in one of its own (an internal mutation). */
async function inTransaction<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  if (ctx.em.isInTransaction()) return fn();
  await ctx.em.begin();
  try {
    const result = await fn();
    await ctx.em.commit();
    return result;
  } catch (error) {
    await ctx.em.rollback().catch(() => {});
    throw error;
  }
}

function subjectOf(body: Record<string, unknown>, kind: GdprRequestKind): StoredSubject {
  const customer = body.customer as { id?: unknown; email?: unknown } | undefined;
  const id = typeof customer?.id === 'number' ? BigInt(customer.id).toString() : String(customer?.id ?? '');
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new Error(`${kind} webhook body has no valid customer.id`);
  const orders = (kind === 'customer_redact' ? body.orders_to_redact : body.orders_requested) as unknown[] | undefined;
  return {
    shopifyCustomerId: id,
    email: typeof customer?.email === 'string' ? customer.email : null,
    ordersToRedact: kind === 'customer_redact' && Array.isArray(orders) ? orders.map((o) => (typeof o === 'number' ? BigInt(o).toString() : String(o))).filter((o) => /^[0-9]+$/.test(o)) : [],
  };
}
