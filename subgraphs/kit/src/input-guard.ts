import {
  defaultFieldResolver,
  GraphQLError,
  GraphQLScalarType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/**
 * One rule at the edge of every subgraph for what no store can hold, whatever the field: text
 * with NUL characters (PostgreSQL refuses them in text and jsonb) or unpaired UTF-16 surrogates
 * (refused in jsonb, silently turned into U+FFFD in text), and date-times no calendar has. Without it each surfaces as a database error, INTERNAL to the
 * client, after irreversible work may already have happened (a discount code deleted in Shopify).
 */

/** Why `text` cannot be stored, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
/** Date.UTC reads years 0–99 as 1900–1999; this does not. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

const MIN_INSTANT = utc(1, 1, 1);
const MAX_INSTANT = utc(9999, 12, 31, 23, 59, 59, 999);

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * An RFC 3339 date-time that exists (no 30 February, no month 13, no 24:00) at an instant in
 * years 0001–9999 UTC, the range PostgreSQL's timestamptz reads back as written; null otherwise.
 */
export function parseDateTime(text: string): Date | null {
  const m = RFC_3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  const instant = utc(year, month, day, hour, minute, second, m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0) - offsetMinutes * 60_000;
  return instant >= MIN_INSTANT && instant <= MAX_INSTANT ? new Date(instant) : null;
}

const UNREADABLE = () => new Date(Number.NaN);

/**
 * `DateTimeISO` read strictly. A value that is no real date-time becomes an invalid Date rather
 * than a parse error: a parse error happens before any resolver, where embedded mode gives it no
 * code (INTERNAL) and networked mode answers HTTP 400 that the gateway can only report as
 * INTERNAL. The argument check below then refuses it as BAD_USER_INPUT naming the field.
 */
export const StrictDateTimeISO = new GraphQLScalarType({
  name: 'DateTimeISO',
  description: GraphQLDateTimeISO.description,
  serialize: GraphQLDateTimeISO.serialize,
  parseValue: (value) => {
    if (value instanceof Date) return value;
    return (typeof value === 'string' && parseDateTime(value)) || UNREADABLE();
  },
  parseLiteral: (ast) => (ast.kind === Kind.STRING && parseDateTime(ast.value)) || UNREADABLE(),
  extensions: GraphQLDateTimeISO.extensions,
});

/** An argument value the stores cannot hold: where (`input.reason`) and why. */
interface InputProblem {
  field: string;
  message: string;
}

/** Every problem in `value`, a value of `type` at `path`. */
function problemsIn(value: unknown, type: GraphQLInputType, path: string, into: InputProblem[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return problemsIn(value, type.ofType, path, into);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => problemsIn(item, type.ofType, `${path}.${i}`, into));
    else problemsIn(value, type.ofType, path, into);
    return;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) problemsIn((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, into);
    return;
  }
  anyProblem(value, path, into);
}

/** Scalars: strings anywhere inside (JSON included, keys too), and dates the strict scalar could not read. */
function anyProblem(value: unknown, path: string, into: InputProblem[]): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) into.push({ field: path, message: problem });
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) into.push({ field: path, message: 'must be a real date-time such as 2026-12-04T15:00:00Z, in years 0001–9999' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => anyProblem(item, `${path}.${i}`, into));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) into.push({ field: path, message: `a key ${problem}` });
      else anyProblem(item, `${path}.${key}`, into);
    }
  }
}

/** BAD_USER_INPUT naming every field, the same shape as input validation errors. */
function refusedInput(problems: InputProblem[]): GraphQLError {
  return new GraphQLError(problems.map((p) => `${p.field}: ${p.message}`).join('\n'), {
    extensions: { code: 'BAD_USER_INPUT', fields: problems.map((p) => p.field) },
  });
}

/**
 * Wraps every field that takes arguments, on every object type, so that its arguments are checked
 * before its resolver (and so before authorization, class-validator and any outside call) runs.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      field.resolve = (root, values, ctx, info) => {
        const problems: InputProblem[] = [];
        for (const arg of args) problemsIn(values[arg.name], arg.type, arg.name, problems);
        if (problems.length) throw refusedInput(problems);
        return resolve(root, values, ctx, info);
      };
    }
  }
  return schema;
}
