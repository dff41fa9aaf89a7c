import type { KitConfig } from './config.js';
import { systemCaller } from './context.js';
import { fieldAad, FieldCipher } from './crypto.js';
import type { DomainEvent } from './events/domain-event.js';
import { Scope } from './scopes.js';
import type { SubgraphRuntime } from './subgraph.js';

const DELIVERY = /* GraphQL */ `
  query WebhookDelivery($id: ID!) {
    _webhookDelivery(id: $id) { id topic body }
  }
`;

/**
 * The payload key of a `shopify.webhook.<topic>` event that carries the delivery's body, encrypted
 * as the inbox stores it. Whatever keeps an event beyond its delivery to a consumer (dead letters,
 * the audit trail) leaves it out: a copy of a shopper's data there would outlive its erasure.
 */
export const SEALED_BODY_KEY = 'bodyEncrypted';

/** The payload without the delivery's sealed body, for anything that keeps events. */
export function withoutSealedBody<P extends Record<string, unknown>>(payload: P): P {
  if (!(SEALED_BODY_KEY in payload)) return payload;
  const { [SEALED_BODY_KEY]: _sealed, ...rest } = payload;
  return rest as P;
}

/** Associated data of an inbox body: the inbox row's, so its copy in the event is bound to the same merchant and delivery. */
export function webhookBodyAad(merchantId: string, deliveryId: string): string {
  return fieldAad(merchantId, 'webhook_delivery', deliveryId, 'payload');
}

export interface WebhookDeliveryBody {
  deliveryId: string;
  topic: string;
  body: Record<string, unknown>;
}

// One cipher per configuration: it imports its keys once.
const ciphers = new WeakMap<KitConfig, FieldCipher>();

function cipherOf(config: KitConfig): FieldCipher {
  let cipher = ciphers.get(config);
  if (!cipher) ciphers.set(config, (cipher = new FieldCipher(config.encryptionKeys)));
  return cipher;
}

/**
 * The body of the delivery a `shopify.webhook.<topic> {deliveryId, topic, bodyEncrypted}` event
 * names. The event carries it encrypted, bound to the event's merchant and delivery, so a
 * ciphertext moved into another merchant's event fails to decrypt. An event without it (published
 * before events carried it, republished by the inbox sweeper, a dead letter retried, or one whose
 * copy was erased) reads it from the merchant subgraph's inbox, the body's owner. Throws when it
 * is not readable, so the event is retried, then dead-lettered with the reason for an operator.
 */
export async function readWebhookDelivery(runtime: SubgraphRuntime, event: DomainEvent): Promise<WebhookDeliveryBody> {
  const { deliveryId, topic, [SEALED_BODY_KEY]: sealed } = event.payload as { deliveryId: string; topic: string; bodyEncrypted?: unknown };
  if (typeof sealed === 'string') {
    const body = parseObject(cipherOf(runtime.config).decrypt(sealed, webhookBodyAad(event.merchantId, deliveryId)));
    if (body) return { deliveryId, topic, body };
  }
  const answer = await runtime.peers.query<{ _webhookDelivery: { body: Record<string, unknown> | null } | null }>(
    'merchant',
    DELIVERY,
    { id: deliveryId },
    systemCaller([Scope.WEBHOOKS_READ], event.merchantId),
  );
  const body = answer._webhookDelivery?.body;
  if (!body) throw new Error(`webhook delivery ${deliveryId} (${topic}) has no readable body in the merchant inbox`);
  return { deliveryId, topic, body };
}

/**
 * The inbox reads a body that is not a JSON object as none; so does the event. A parse error is
 * never thrown: its message quotes the text, which would reach the logs and the dead letter.
 */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Reports that this subgraph applied the delivery, in the handler's transaction; the inbox row
 * becomes processed once every subgraph consuming its topic has.
 */
export function reportWebhookApplied(ctx: { emit(topic: string, payload: Record<string, unknown>): string }, delivery: Pick<WebhookDeliveryBody, 'deliveryId' | 'topic'>, runtime: SubgraphRuntime): void {
  ctx.emit('shopify.webhook_applied', { deliveryId: delivery.deliveryId, topic: delivery.topic, subgraph: runtime.name });
}
