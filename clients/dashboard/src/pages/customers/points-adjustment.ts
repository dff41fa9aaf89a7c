/** Limits the points API enforces (AwardPointsInput / DeductPointsInput), checked before sending. */
export const MAX_POINTS = 1_000_000;
export const MAX_REASON_LENGTH = 255;

export type AdjustmentDirection = 'award' | 'deduct';

/** What the merchant typed. */
export interface AdjustmentDraft {
  amount: string;
  reason: string;
}

export type AmountProblem = 'amountRequired' | 'amountWhole' | 'amountRange';
export type ReasonProblem = 'reasonRequired' | 'reasonTooLong';

export type ParsedAdjustment =
  | { ok: true; points: number; reason: string }
  | { ok: false; problems: { points?: AmountProblem; reason?: ReasonProblem } };

/**
 * The draft as the mutation's `points` and `reason`, or what is wrong with each, keyed like the
 * API's own field errors (`input.points` → `points`) so both show in the same place. A reason is
 * required here although the API takes none: it is what the customer reads in their history.
 */
export function parseAdjustment(draft: AdjustmentDraft): ParsedAdjustment {
  const problems: { points?: AmountProblem; reason?: ReasonProblem } = {};
  const amount = draft.amount.trim();
  let points = 0;
  if (amount === '') problems.points = 'amountRequired';
  else if (!/^\d+$/.test(amount)) problems.points = 'amountWhole';
  else {
    points = Number(amount);
    if (points < 1 || points > MAX_POINTS) problems.points = 'amountRange';
  }
  const reason = draft.reason.trim();
  if (reason === '') problems.reason = 'reasonRequired';
  else if (reason.length > MAX_REASON_LENGTH) problems.reason = 'reasonTooLong';
  return problems.points || problems.reason ? { ok: false, problems } : { ok: true, points, reason };
}
