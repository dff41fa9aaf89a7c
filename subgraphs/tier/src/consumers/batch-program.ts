import type { EventHandler } from '@loyalnest/kit';
import type { LoadedProgram, TierMemberService } from '../services/tier-member.service.js';

/**
 * Hands each event the program its batch read once (`prepareMerchantEvents`), so re-placing the
 * customer reads no program per event. A handler called without it (the preparation failed)
 * reads the program itself.
 */
export function withBatchProgram(members: TierMemberService, handlers: Record<string, EventHandler>): Record<string, EventHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([topic, handler]) => [
      topic,
      ((ctx, event, runtime, prepared) => {
        if (prepared) members.adopt(ctx, prepared as LoadedProgram);
        return handler(ctx, event, runtime);
      }) satisfies EventHandler,
    ]),
  );
}
