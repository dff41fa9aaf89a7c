// A LoyalNest webhook receiver on the fetch API's Request and Response: Deno, Bun, edge functions,
// or Node behind an adapter. test/src/partner-sdk-webhooks.test.ts runs it with signed deliveries.
import { parseWebhook, WebhookVerificationError, type WebhookEvent } from '@loyalnest/partner-sdk';

export interface WebhookHandlerOptions {
  /** The subscription's signing secret (`whsec_…`). */
  secret: string;
  /** Stands for your job queue. */
  work: (event: WebhookEvent) => void;
  /** Stands for your store of handled delivery ids (a table, written with the work's effects in one transaction). */
  seen?: Set<string>;
  log?: (message: string) => void;
}

/** The endpoint: verifies each delivery on its raw bytes, answers at once, and hands every delivery to `work` once. */
export function loyalNestWebhookHandler({ secret, work, seen = new Set(), log = console.warn }: WebhookHandlerOptions) {
  return async (request: Request): Promise<Response> => {
    let event: WebhookEvent;
    try {
      event = await parseWebhook({ body: await request.arrayBuffer(), signature: request.headers.get('x-loyalnest-signature'), secret });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      // Not from LoyalNest as it is: refuse. Signed but unreadable here (a topic newer than this SDK):
      // accept, or LoyalNest retries it for days; look into it from your logs.
      const signedButUnreadable = error.reason === 'malformed_body' || error.reason === 'unknown_topic';
      log(`LoyalNest webhook ${signedButUnreadable ? 'accepted unread' : 'refused'}: ${error.reason}`);
      return new Response(null, { status: signedButUnreadable ? 202 : 401 });
    }
    // Retries and replays carry the same id: the work happens once.
    if (!seen.has(event.id)) {
      seen.add(event.id);
      queueMicrotask(() => work(event));
    }
    // Within 15 s, or the attempt counts as failed: the work runs after the answer.
    return new Response(null, { status: 204 });
  };
}

/** One line per event: `event.topic` narrows `event.data` to that topic's fields. */
export function describeEvent(event: WebhookEvent): string {
  switch (event.topic) {
    case 'points.earned':
    case 'points.redeemed':
    case 'points.adjusted':
    case 'points.expired':
    case 'points.reversed':
      return `${event.data.customerId}: ${event.data.points} points (${event.data.source}), balance ${event.data.balance}`;
    case 'reward.redeemed':
      return `${event.data.customerId} redeemed reward ${event.data.rewardId} for ${event.data.points} points`;
    case 'redemption.updated':
      return `redemption ${event.data.redemptionId} ${event.data.status}${event.data.pointsReturned ? `, ${event.data.pointsReturned} points back` : ''}`;
    case 'tier.changed':
      return `${event.data.customerId}: tier ${event.data.fromTierId ?? 'none'} → ${event.data.toTierId ?? 'none'} (${event.data.reason})`;
    case 'referral.completed':
      return `referral ${event.data.referralId}: ${event.data.advocateId} earned ${event.data.points} points`;
    case 'segment.changed':
      return `${event.data.customerId}: segment ${event.data.from ?? 'none'} → ${event.data.to ?? 'none'}`;
    case 'customer.created':
      return `customer ${event.data.customerId} joined`;
  }
}
