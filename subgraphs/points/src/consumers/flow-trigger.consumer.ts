import type { DomainEvent, EventHandler, SubgraphRuntime } from '@loyalnest/kit';
import { FLOW_TRIGGERS, type FlowTriggerService } from '../services/flow-trigger.service.js';
import type { RewardReach } from '../services/reward-reach.js';

/** What `points_post_entry` writes in a `points.*` event. */
interface EntryEvent {
  customerId: string;
  source: string;
  status: 'posted' | 'pending';
  points: number;
  balance: number;
  pending: number;
}

/** The event the rewards domain emits when a redemption has debited the points. */
interface RedemptionEvent {
  redemptionId: string;
  customerId: string;
  rewardId: string;
  points: number;
}

/** Recorded when a rise in balance put a reward within reach, so its trigger is sent once, apart from the rise's own. */
export const REWARD_AFFORDABLE_TOPIC = 'points.reward_affordable';

interface AffordableEvent {
  customerId: string;
  rewardId: string;
  pointsCost: number;
  balance: number;
}

type Services = (runtime: SubgraphRuntime) => { triggers: FlowTriggerService; reach: RewardReach };

function payloadOf<T>(event: DomainEvent, required: (keyof T & string)[]): T {
  const payload = event.payload as Partial<T>;
  const missing = required.find((key) => payload[key] === undefined || payload[key] === null);
  if (missing) throw new Error(`${event.topic} ${event.id} has no ${missing}`);
  return payload as T;
}

/**
 * Shopify Flow triggers from the points store's own events. Each handler sends at most one
 * trigger, at most once per event (`FlowTriggerService.sendOnce`): a redelivered event, even one
 * whose earlier delivery sent the trigger and then failed to commit, sends nothing again. A rise in
 * balance that also reaches a reward records `points.reward_affordable`, whose own delivery sends
 * that second trigger.
 */
export function flowTriggerConsumers(services: Services): Record<string, EventHandler> {
  // Earned points, and points an admin or partner awarded by hand. Not Flow's own awards: a
  // workflow that awards points when points are earned would otherwise start itself for ever.
  const onRise: EventHandler = async (ctx, event, runtime) => {
    const entry = payloadOf<EntryEvent>(event, ['customerId', 'points', 'balance', 'pending', 'status']);
    if (entry.points <= 0) return;
    const { triggers, reach } = services(runtime);
    if (entry.source !== 'flow') {
      await triggers.sendOnce(ctx, runtime, {
        handle: FLOW_TRIGGERS.pointsEarned,
        eventId: event.id,
        customerId: entry.customerId,
        fields: { points: entry.points, balance: entry.balance, pending: entry.pending },
      });
    }
    if (entry.status !== 'posted') return;
    const reached = await reach.reached(ctx, entry.balance - entry.points, entry.balance);
    if (!reached) return;
    ctx.emit(REWARD_AFFORDABLE_TOPIC, { customerId: entry.customerId, rewardId: reached.rewardId, pointsCost: reached.pointsCost, balance: entry.balance });
    await ctx.em.flush();
  };

  const onAffordable: EventHandler = async (ctx, event, runtime) => {
    const reached = payloadOf<AffordableEvent>(event, ['customerId', 'rewardId', 'pointsCost', 'balance']);
    await services(runtime).triggers.sendOnce(ctx, runtime, {
      handle: FLOW_TRIGGERS.enoughPointsForReward,
      eventId: event.id,
      customerId: reached.customerId,
      fields: { reward_id: reached.rewardId, points_cost: reached.pointsCost, balance: reached.balance },
    });
  };

  const onRedeemed: EventHandler = async (ctx, event, runtime) => {
    const redemption = payloadOf<RedemptionEvent>(event, ['redemptionId', 'customerId', 'rewardId', 'points']);
    await services(runtime).triggers.sendOnce(ctx, runtime, {
      handle: FLOW_TRIGGERS.rewardRedeemed,
      eventId: event.id,
      customerId: redemption.customerId,
      fields: { redemption_id: redemption.redemptionId, reward_id: redemption.rewardId, points: redemption.points },
    });
  };

  return {
    'points.earned': onRise,
    'points.adjusted': onRise,
    [REWARD_AFFORDABLE_TOPIC]: onAffordable,
    'reward.redeemed': onRedeemed,
  };
}
