/** Small sums the panel shows; pure, so unit tests pin them. */

/** Points the shopper still lacks for a reward: 0 once affordable. */
export function pointsMissing(balance: number, cost: number): number {
  return Math.max(0, Math.ceil(cost - balance));
}

/**
 * The tier progress bar: how far the shopper's metric is from the current tier's threshold to the
 * next one's, as `{ now, max }` for aria-valuenow/max. Without a next tier (top tier) the bar is full.
 * The metric may be points or spend, so both come from the API's `progress` and the tiers' thresholds.
 */
export function tierProgress(value: number, currentThreshold: number, nextThreshold: number | null): { now: number; max: number } {
  if (nextThreshold === null) return { now: 1, max: 1 };
  const max = Math.max(1, nextThreshold - currentThreshold);
  return { now: Math.min(max, Math.max(0, value - currentThreshold)), max };
}
