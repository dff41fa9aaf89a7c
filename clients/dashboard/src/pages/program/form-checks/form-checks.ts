/**
 * Client-side checks the program's forms share. They mirror the rules the subgraphs apply to the
 * same inputs, so a merchant sees a problem next to its field before anything is sent; a problem is
 * a message key and its values, put into words in the merchant's language by `useProblemText`.
 */
export type ProblemKey = 'required' | 'wholeNumber' | 'decimal' | 'multiplierDecimals' | 'numberRange' | 'increasing' | 'textLength' | 'tooMany' | 'capOrder' | 'minAboveMax' | 'thresholdList' | 'thresholdAscending' | 'handle' | 'handleTaken';

export interface Problem {
  key: ProblemKey;
  values?: Record<string, string | number>;
}

/** Problems by the form's field key (`tiers.2.threshold`), the same keys server errors map to. */
export type Problems = Record<string, Problem>;

const WHOLE = /^\d+$/;
/** A plain decimal with at most two places, as the API takes amounts ("5.00"). */
const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'key' in value;
}

/** A whole number from `min` to `max`, written without sign or decimals. */
export function wholeNumberIn(text: string, min: number, max: number): number | Problem {
  const trimmed = text.trim();
  if (!trimmed) return { key: 'required' };
  if (!WHOLE.test(trimmed)) return { key: 'wholeNumber', values: { min, max } };
  const value = Number(trimmed);
  return value < min || value > max ? { key: 'wholeNumber', values: { min, max } } : value;
}

/** Like `wholeNumberIn`, but an empty field means "none" (null). */
export function optionalWholeNumberIn(text: string, min: number, max: number): number | null | Problem {
  return text.trim() === '' ? null : wholeNumberIn(text, min, max);
}

/** A decimal string with at most two places, more than `above` (exclusive) and at most `max`. */
export function decimalIn(text: string, above: number, max: number, min = above): string | Problem {
  const trimmed = text.trim();
  if (!trimmed) return { key: 'required' };
  if (!DECIMAL.test(trimmed)) return { key: 'decimal' };
  const value = Number(trimmed);
  if (value <= above || value < min || value > max) return { key: 'numberRange', values: { min, max } };
  return trimmed;
}

/** Characters as shoppers count them (code points, as the API does), once trimmed. */
export function textLengthProblem(text: string, max: number): Problem | null {
  const length = [...text.trim()].length;
  return length < 1 || length > max ? { key: 'textLength', values: { max } } : null;
}

/** Records a problem under `key` unless `value` is fine; returns the value when it is. */
export function collect<T>(problems: Problems, key: string, value: T | Problem): T | undefined {
  if (isProblem(value)) {
    problems[key] ??= value;
    return undefined;
  }
  return value;
}
