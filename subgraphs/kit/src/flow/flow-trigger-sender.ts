import type { RequestContext } from '../context.js';
import { systemCaller } from '../context.js';
import { PeerQueryError } from '../peers.js';
import { Scope } from '../scopes.js';
import type { SubgraphRuntime } from '../subgraph.js';
import { FlowTriggerClaims } from './flow-trigger-claims.js';

const SEND = /* GraphQL */ `
  mutation FlowTrigger($handle: String!, $payload: JSONObject!) { _sendFlowTrigger(handle: $handle, payload: $payload) }
`;

/** One trigger an event asks for, naming its customer by Shopify id. */
export interface FlowTrigger {
  /** The trigger's handle, as in its `extensions/flow-trigger-<handle>` definition. */
  handle: string;
  /** The event asking for it: an event sends each trigger at most once. */
  eventId: string;
  /** The customer's Shopify id, sent as the trigger's `customer_reference` field (`customer_id`). */
  shopifyCustomerId: string;
  /** The trigger's other fields: ids, names and numbers, never PII. */
  fields: Record<string, string | number>;
}

/**
 * Starts the merchant's Flow workflows through `flowTriggerReceive`, which the merchant subgraph
 * sends with the shop's token; shared by every subgraph whose events start workflows, each with
 * its own `flow_trigger_sent` table.
 *
 * At most once per event and trigger: Shopify cannot tell a trigger sent twice from two triggers,
 * and a merchant's workflow ("points earned → add a bonus") would run twice. So the trigger is
 * recorded (`flow_trigger_sent`) in a transaction of its own (`FlowTriggerClaims`) before it is sent, and a recorded one
 * is never sent again, whatever becomes of the send or of the consumer's transaction. Only a send
 * that certainly did not reach Shopify (SHOPIFY_UNAVAILABLE: no attempt got through) takes its
 * record back and throws, so the event is retried with the consumer's backoff. Anything else that
 * may have reached Shopify (SHOPIFY_OUTCOME_UNKNOWN, the merchant subgraph not answering) is
 * logged and left: the workflow ran once or not at all. A refusal (the app uninstalled, no token,
 * a trigger Shopify does not know) would be refused again, so it is dropped too, logged once per
 * merchant and reason in a process: a shop without a token (the demo shop) would otherwise log
 * every trigger.
 */
export class FlowTriggerSender {
  private readonly reported = new Set<string>();
  private readonly claims = new FlowTriggerClaims();

  /** Sends the trigger unless its event has sent (or begun to send) it before; false when nothing was sent. */
  async sendOnce(ctx: RequestContext, runtime: SubgraphRuntime, trigger: FlowTrigger): Promise<boolean> {
    const merchantId = ctx.merchantId!;
    const key = { merchantId, eventId: trigger.eventId, handle: trigger.handle };
    if (!(await this.claims.claim(runtime, key))) return false;
    const payload = { customer_id: customerReference(trigger.shopifyCustomerId), ...trigger.fields };
    try {
      await ctx.peers.query('merchant', SEND, { handle: trigger.handle, payload }, { ...systemCaller([Scope.SHOPIFY_ADMIN], merchantId), requestId: ctx.requestId });
      return true;
    } catch (error) {
      const codes = error instanceof PeerQueryError ? error.codes : [];
      if (codes.includes('SHOPIFY_UNAVAILABLE')) {
        await this.claims.release(runtime, key);
        throw error;
      }
      if (codes.includes('SHOPIFY_REJECTED')) {
        this.reportDropped(ctx, trigger.handle, (error as Error).message);
      } else {
        ctx.log.warn({ err: error, handle: trigger.handle, eventId: trigger.eventId }, `Flow trigger ${trigger.handle} of event ${trigger.eventId} may or may not have reached Shopify; not sent again`);
      }
      return false;
    }
  }

  private reportDropped(ctx: RequestContext, handle: string, reason: string): void {
    const key = `${ctx.merchantId} ${reason}`;
    if (this.reported.has(key)) return;
    // Bounded: a deployment with many uninstalled shops says it again now and then.
    if (this.reported.size >= 1000) this.reported.clear();
    this.reported.add(key);
    ctx.log.warn({ handle, reason }, `Flow trigger ${handle} dropped, and later ones for the same reason will be too (not logged again)`);
  }
}

/** Shopify ids fit a JSON number (they are below 2^53); a larger one stays exact as text. */
function customerReference(shopifyCustomerId: string): number | string {
  const id = Number(shopifyCustomerId);
  return Number.isSafeInteger(id) ? id : shopifyCustomerId;
}
