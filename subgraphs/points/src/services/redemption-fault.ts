import type { RedemptionFaultPoint } from '@loyalnest/kit';

/**
 * The development-only fault injection (`REDEMPTION_FAULT_KILL`, refused by the configuration
 * outside `LOYALNEST_DEV=1`): the process dies here as a crash would, with SIGKILL, so nothing
 * after this point runs, no handler, no flush, no answer.
 */
export function faultKill(configured: RedemptionFaultPoint | null, point: RedemptionFaultPoint): void {
  if (configured === point) process.kill(process.pid, 'SIGKILL');
}
