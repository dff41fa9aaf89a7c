/**
 * Checks of the program's form fields against the API's own bounds, before anything is sent. Form
 * fields hold text as typed; a check turns it into the value the API takes, or into a problem the
 * form shows next to the field in the merchant's language (form-checks.messages.ts).
 * Plain TypeScript, no React: the forms' conversions are unit-tested on their own.
 */

export type ProblemKey =
  | 'required'
  | 'wholeNumber'
  | 'wholeNumberRange'
  | 'number'
  | 'range'
  | 'numberRange'
  | 'moreThan'
  | 'atLeast'
  | 'decimals'
  | 'twoDecimals'
  | 'multiplierDecimals'
  | 'length'
  | 'textLength'
  | 'keyFormat'
  | 'duplicateKey'
  | 'nameNeeded'
  | 'variantId'
  | 'date'
  | 'endsBeforeStart'
  | 'increasing'
  | 'tooMany'
  | 'capOrder'
  | 'minAboveMax'
  | 'thresholdList'
  | 'thresholdAscending'
  | 'handle'
  | 'handleTaken';

/** Why a field's text is refused; `values` fill the message's placeholders. */
export interface Problem {
  key: ProblemKey;
  values?: Record<string, number>;
}

/** Problems by field key, the same paths the API names in its errors (`activities.0.points`, `tiers.2.threshold`). */
export type Problems = Record<string, Problem>;

/** The outcome of checking one field: its value for the API, or why there is none. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refused = (key: ProblemKey, values?: Record<string, number>): Checked<never> => ({ ok: false, problem: values ? { key, values } : { key } });

/**
 * A decimal as typed, in the API's dotted form: a lone comma is the decimal separator in Spanish
 * and French ("1,5"), so it reads as one.
 */
function decimalText(text: string): string {
  const trimmed = text.trim();
  return trimmed.includes(',') && !trimmed.includes('.') ? trimmed.replace(',', '.') : trimmed;
}

/** A whole number in [min, max]; a sign or decimals and a value out of range are told apart. */
export function wholeNumber(text: string, min: number, max: number): Checked<number> {
  const trimmed = text.trim();
  if (!trimmed) return refused('required');
  if (!/^-?\d+$/.test(trimmed)) return refused('wholeNumber');
  const value = Number(trimmed);
  return value < min || value > max ? refused('range', { min, max }) : ok(value);
}

/** Like `wholeNumber`, but an empty field means null (no limit, no expiry). */
export function optionalWholeNumber(text: string, min: number, max: number): Checked<number | null> {
  return text.trim() ? wholeNumber(text, min, max) : ok(null);
}

/**
 * A whole number from `min` to `max`, written without sign or decimals; whatever is wrong with it,
 * the problem says the whole rule at once.
 */
export function wholeNumberIn(text: string, min: number, max: number): Checked<number> {
  const trimmed = text.trim();
  if (!trimmed) return refused('required');
  const value = Number(trimmed);
  return /^\d+$/.test(trimmed) && value >= min && value <= max ? ok(value) : refused('wholeNumberRange', { min, max });
}

/** Like `wholeNumberIn`, but an empty field means null ("none"). */
export function optionalWholeNumberIn(text: string, min: number, max: number): Checked<number | null> {
  return text.trim() ? wholeNumberIn(text, min, max) : ok(null);
}

export interface DecimalBounds {
  /** The smallest value allowed, itself included unless `exclusiveMin`. */
  min: number;
  exclusiveMin?: boolean;
  max?: number;
  /** Digits allowed after the point. */
  decimals: number;
  /** Digits allowed before the point. */
  integerDigits?: number;
}

/** A decimal number as the API's decimal strings carry it ("5.00", "0.0125"), normalized. */
export function decimal(text: string, bounds: DecimalBounds): Checked<string> {
  const typed = decimalText(text);
  if (!typed) return refused('required');
  if (!/^-?\d*\.?\d+$|^-?\d+\.$/.test(typed)) return refused('number');
  const value = Number(typed);
  const { min, max, exclusiveMin } = bounds;
  const tooSmall = exclusiveMin ? value <= min : value < min;
  if (max !== undefined && (value > max || (tooSmall && !exclusiveMin))) return refused('range', { min, max });
  if (tooSmall) return refused(exclusiveMin ? 'moreThan' : 'atLeast', { min });
  const [whole, fraction = ''] = typed.replace(/^-/, '').split('.');
  if (fraction.length > bounds.decimals) return refused('decimals', { decimals: bounds.decimals });
  if (bounds.integerDigits !== undefined && whole.replace(/^0+(?=\d)/, '').length > bounds.integerDigits) return refused('range', { min: bounds.min, max: 10 ** bounds.integerDigits - 1 });
  const normalized = `${whole.replace(/^0+(?=\d)/, '') || '0'}${fraction ? `.${fraction}` : ''}`;
  return ok(normalized);
}

/** Like `decimal`, but an empty field means null (any order). */
export function optionalDecimal(text: string, bounds: DecimalBounds): Checked<string | null> {
  return text.trim() ? decimal(text, bounds) : ok(null);
}

/** A plain decimal with at most two places, as the API takes amounts ("5.00"). */
const TWO_PLACES = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * A decimal string with at most two places, more than `above` (exclusive), at least `min` and at
 * most `max`, sent as typed; a value out of range is refused with the whole range.
 */
export function decimalIn(text: string, above: number, max: number, min = above): Checked<string> {
  const trimmed = text.trim();
  if (!trimmed) return refused('required');
  if (!TWO_PLACES.test(trimmed)) return refused('twoDecimals');
  const value = Number(trimmed);
  return value <= above || value < min || value > max ? refused('numberRange', { min, max }) : ok(trimmed);
}

/** Text of `min`–`max` characters once trimmed. */
export function text(value: string, min: number, max: number): Checked<string> {
  const trimmed = value.trim();
  if (!trimmed && min > 0) return refused('required');
  // Code points, as the API's length checks count: an emoji is one character, not two.
  const length = [...trimmed].length;
  return length < min || length > max ? refused('length', { min, max }) : ok(trimmed);
}

/** Text of 1 to `max` characters once trimmed, counted as shoppers count them (code points, as the API does). */
export function textLength(value: string, max: number): Checked<string> {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  return length < 1 || length > max ? refused('textLength', { max }) : ok(trimmed);
}

const MAX_SHOPIFY_ID = 2n ** 63n - 1n;

/**
 * A Shopify product variant's numeric id. Admin shows variants' ids as GraphQL ids
 * (gid://shopify/ProductVariant/123), which merchants copy as they are: the number is taken from it.
 */
export function shopifyVariantId(value: string): Checked<string> {
  const trimmed = value.trim();
  if (!trimmed) return refused('required');
  const id = /^gid:\/\/shopify\/ProductVariant\/(\d+)$/.exec(trimmed)?.[1] ?? trimmed;
  return /^[1-9][0-9]{0,18}$/.test(id) && BigInt(id) <= MAX_SHOPIFY_ID ? ok(id) : refused('variantId');
}

/** A calendar date as a date field gives it (YYYY-MM-DD); empty means null. */
export function optionalDate(value: string): Checked<string | null> {
  const trimmed = value.trim();
  if (!trimmed) return ok(null);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) return refused('date');
  const date = new Date(`${trimmed}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed ? refused('date') : ok(trimmed);
}

/**
 * Collects problems while a form is checked field by field: `take` records a field's problem (or
 * returns its value), so a form shows every problem at once rather than the first. A field keeps
 * its first problem: a check across fields (an order, a duplicate) runs on values already taken.
 */
export class ProblemCollector {
  readonly problems: Problems = {};

  take<T>(field: string, checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value;
    this.problems[field] ??= checked.problem;
    return undefined;
  }

  add(field: string, key: ProblemKey, values?: Record<string, number>): void {
    this.problems[field] ??= values ? { key, values } : { key };
  }

  get clean(): boolean {
    return Object.keys(this.problems).length === 0;
  }
}
