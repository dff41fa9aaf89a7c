import { decodeCursor, isUuid, OutboxEventEntity, pageSize, SEALED_BODY_KEY, toPage, webhookBodyAad, type FieldCipher, type PageInfo, type RequestContext } from '@loyalnest/kit';
import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import { WebhookDeliveryEntity, type DeliveryStatus, type WebhookDelivery } from '../entities/webhook-delivery.entity.js';

/** A delivery as the merchant's list shows it: everything but the body, which is never read for it. */
export type ListedDelivery = Pick<WebhookDelivery, (typeof LISTED_FIELDS)[number]>;

const LISTED_FIELDS = ['id', 'merchantId', 'eventId', 'topic', 'status', 'triggeredAt', 'receivedAt', 'processedAt', 'appliedBy', 'sweepCount'] as const;

export interface StoredDelivery {
  id: string;
  topic: string;
  status: string;
  triggeredAt: Date | null;
  body: Record<string, unknown> | null;
}

/** The inbox after ingress: hands a delivery's body to the domains that act on it. */
export class WebhookInboxService {
  constructor(private readonly cipher: FieldCipher) {}

  /** Scoped to the caller's merchant by the tenant filter and RLS: another merchant's id finds nothing. */
  async read(ctx: RequestContext, id: string): Promise<StoredDelivery | null> {
    if (!isUuid(id)) return null;
    const delivery = await ctx.em.findOne(WebhookDeliveryEntity, { id });
    if (!delivery) return null;
    const text = this.bodyText(delivery);
    const parsed = text === null ? null : safeParse(text);
    return {
      id: delivery.id,
      topic: delivery.topic,
      status: delivery.status,
      triggeredAt: delivery.triggeredAt ?? null,
      body: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null,
    };
  }

  /**
   * The merchant's deliveries, newest first (ids are time-ordered UUIDv7), without their bodies:
   * the tenant filter and RLS keep it to the caller's merchant.
   */
  async list(
    ctx: RequestContext,
    args: { first?: number | null; after?: string | null; topic?: string | null; status?: DeliveryStatus | null },
  ): Promise<{ nodes: ListedDelivery[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const where: FilterQuery<WebhookDelivery> = {};
    if (after) where.id = { $lt: after };
    if (args.topic != null) where.topic = args.topic;
    if (args.status != null) where.status = args.status;
    const rows = await ctx.em.find(WebhookDeliveryEntity, where, {
      orderBy: { id: 'desc' },
      limit: size + 1,
      fields: LISTED_FIELDS,
      disableIdentityMap: true,
    });
    return toPage(rows, size);
  }

  /** A stored delivery's body as Shopify sent it, or null once erased. */
  bodyText(delivery: Pick<WebhookDelivery, 'id' | 'merchantId' | 'payloadEncrypted'>): string | null {
    return delivery.payloadEncrypted ? this.cipher.decrypt(delivery.payloadEncrypted, webhookBodyAad(delivery.merchantId, delivery.id)) : null;
  }

  /**
   * Erases the copy of each delivery's body that its event carries to the consuming domains (the
   * event shares the delivery's id): every erasure of an inbox body calls it, in the same
   * transaction, so no body outlives its erasure in the outbox. Events without a copy (the inbox
   * sweeper's, older ones) are not touched.
   */
  async eraseEventCopies(ctx: RequestContext, deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await ctx.em.nativeUpdate(
      OutboxEventEntity,
      { id: { $in: deliveryIds }, topic: { $like: 'shopify.webhook.%' } },
      { payload: raw(`payload - '${SEALED_BODY_KEY}'`) as unknown as Record<string, unknown> },
    );
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
