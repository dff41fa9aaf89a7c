import type { GraphQLResponse } from './gateway.js';

/**
 * The schema-wide fuzz test's machinery: the API schema as introspection gives it, every argument
 * of every root field down to its scalar leaves, hostile values per scalar, operations that send
 * one hostile value at a time among otherwise valid arguments, and what no answer may contain.
 */

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

export interface InputValue {
  name: string;
  type: TypeRef;
}

interface FieldDef {
  name: string;
  args: InputValue[];
  type: TypeRef;
}

interface FullType {
  kind: string;
  name: string;
  fields: FieldDef[] | null;
  inputFields: InputValue[] | null;
  possibleTypes: { name: string }[] | null;
  interfaces: { name: string }[] | null;
  enumValues: { name: string }[] | null;
}

export interface ApiSchema {
  types: Map<string, FullType>;
  query: FieldDef[];
  mutation: FieldDef[];
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

export const INTROSPECTION = `{
  __schema {
    queryType { name }
    mutationType { name }
    types {
      kind name
      fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } }
      inputFields { name type { ${TYPE_REF} } }
      possibleTypes { name }
      interfaces { name }
      enumValues { name }
    }
  }
}`;

export function readSchema(data: { __schema: { queryType: { name: string }; mutationType: { name: string }; types: FullType[] } }): ApiSchema {
  const types = new Map(data.__schema.types.map((t) => [t.name, t]));
  return { types, query: types.get(data.__schema.queryType.name)!.fields ?? [], mutation: types.get(data.__schema.mutationType.name)!.fields ?? [] };
}

function named(type: TypeRef): TypeRef {
  return type.ofType ? named(type.ofType) : type;
}

const required = (type: TypeRef) => type.kind === 'NON_NULL';

/** `[String!]!` and the like, for variable definitions. */
export function typeString(type: TypeRef): string {
  if (type.kind === 'NON_NULL') return `${typeString(type.ofType!)}!`;
  if (type.kind === 'LIST') return `[${typeString(type.ofType!)}]`;
  return type.name!;
}

/** A scalar an argument reaches: its path from the argument (`input.names.en`, `input.tags.0`). */
export interface Leaf {
  path: string[];
  scalar: string;
}

/** Every scalar leaf under a field's arguments, through input objects and lists. */
export function leavesOf(schema: ApiSchema, field: FieldDef): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (type: TypeRef, path: string[], seen: string[]) => {
    if (type.kind === 'NON_NULL') return walk(type.ofType!, path, seen);
    if (type.kind === 'LIST') return walk(type.ofType!, [...path, '0'], seen);
    const full = schema.types.get(type.name!)!;
    if (full.kind === 'INPUT_OBJECT') {
      if (seen.includes(full.name)) return;
      for (const f of full.inputFields ?? []) walk(f.type, [...path, f.name], [...seen, full.name]);
    } else if (full.kind === 'SCALAR') {
      leaves.push({ path, scalar: full.name });
    }
  };
  for (const arg of field.args) walk(arg.type, [arg.name], []);
  return leaves;
}

/** Valid values the fuzz builds its otherwise-valid arguments from. */
export interface Fixture {
  /** By `field.path` (`cancelRedemption.input.redemptionId`) or by leaf name (`customerId`). */
  values: Record<string, unknown>;
  /** Optional input fields to add per root field, e.g. a reward's kind and value. */
  extras: (field: string, target: Leaf | null) => Record<string, unknown>;
}

const SCALAR_DEFAULTS: Record<string, unknown> = {
  String: 'fuzz',
  ID: '00000000-0000-7000-8000-000000000000',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTimeISO: '2030-01-01T00:00:00.000Z',
  JSONObject: {},
};

function leafValue(schema: ApiSchema, fixture: Fixture, field: string, path: string[], type: TypeRef): unknown {
  const key = path.filter((p) => p !== '0');
  const byPath = fixture.values[`${field}.${key.join('.')}`];
  if (byPath !== undefined) return typeof byPath === 'function' ? byPath() : byPath;
  const byName = fixture.values[key[key.length - 1]];
  if (byName !== undefined) return typeof byName === 'function' ? byName() : byName;
  const full = schema.types.get(type.name!)!;
  if (full.kind === 'ENUM') return full.enumValues?.[0]?.name;
  return SCALAR_DEFAULTS[full.name];
}

/** A value of `type` with its required parts, and the hostile value at `target` when the target lies below. */
function build(schema: ApiSchema, fixture: Fixture, field: string, type: TypeRef, path: string[], target: { path: string[]; value: unknown } | null): unknown {
  if (target && target.path.join('.') === path.join('.')) return target.value;
  if (type.kind === 'NON_NULL') return build(schema, fixture, field, type.ofType!, path, target);
  if (type.kind === 'LIST') return [build(schema, fixture, field, type.ofType!, [...path, '0'], target)];
  const full = schema.types.get(type.name!)!;
  if (full.kind !== 'INPUT_OBJECT') return leafValue(schema, fixture, field, path, type);
  const object: Record<string, unknown> = {};
  const extras = path.length === 1 ? ((fixture.extras(field, null)[path[0]] ?? {}) as Record<string, unknown>) : {};
  for (const f of full.inputFields ?? []) {
    const sub = [...path, f.name];
    const below = target && target.path.slice(0, sub.length).join('.') === sub.join('.');
    if (below || required(f.type)) object[f.name] = build(schema, fixture, field, f.type, sub, target);
    else if (f.name in extras) object[f.name] = extras[f.name];
  }
  return object;
}

/** The field's arguments: valid everywhere, except `value` at `target` when given. */
export function argumentsFor(schema: ApiSchema, fixture: Fixture, field: FieldDef, target: { leaf: Leaf; value: unknown } | null): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const extras = fixture.extras(field.name, target?.leaf ?? null);
  for (const arg of field.args) {
    const hit = target && target.leaf.path[0] === arg.name ? { path: target.leaf.path, value: target.value } : null;
    if (hit || required(arg.type)) {
      const value = build(schema, fixture, field.name, arg.type, [arg.name], hit);
      args[arg.name] = value && typeof value === 'object' && !Array.isArray(value) && extras[arg.name] ? mergeExtras(value as Record<string, unknown>, extras[arg.name] as Record<string, unknown>, hit) : value;
    } else if (arg.name in extras) {
      args[arg.name] = extras[arg.name];
    }
  }
  return args;
}

/** Extras never overwrite the hostile value, and `undefined` in extras removes a field. */
function mergeExtras(value: Record<string, unknown>, extras: Record<string, unknown>, hit: { path: string[] } | null): Record<string, unknown> {
  const merged = { ...value };
  for (const [k, v] of Object.entries(extras)) {
    if (hit && hit.path[1] === k) continue;
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

/** A selection for the field's result: `__typename`, and the code of an expected error. */
export function selectionFor(schema: ApiSchema, field: FieldDef): string {
  const type = schema.types.get(named(field.type).name!)!;
  if (type.kind === 'SCALAR' || type.kind === 'ENUM') return '';
  const errorResult = type.kind === 'UNION' && (type.possibleTypes ?? []).some((p) => schema.types.get(p.name)?.interfaces?.some((i) => i.name === 'ErrorResult'));
  return errorResult ? '{ __typename ... on ErrorResult { code } }' : '{ __typename }';
}

/** The operation sending `args` as variables. */
export function operationFor(schema: ApiSchema, kind: 'query' | 'mutation', field: FieldDef, args: Record<string, unknown>): string {
  const given = field.args.filter((a) => a.name in args);
  const variables = given.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
  const passed = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionFor(schema, field)} }`;
}

/** The same operation with every argument written inline as a literal. */
export function literalOperationFor(schema: ApiSchema, kind: 'query' | 'mutation', field: FieldDef, args: Record<string, unknown>): string {
  const given = field.args.filter((a) => a.name in args);
  const passed = given.map((a) => `${a.name}: ${literal(schema, a.type, args[a.name])}`).join(', ');
  return `${kind} { ${field.name}${passed ? `(${passed})` : ''} ${selectionFor(schema, field)} }`;
}

function literal(schema: ApiSchema, type: TypeRef, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (type.kind === 'NON_NULL') return literal(schema, type.ofType!, value);
  if (type.kind === 'LIST') return `[${(value as unknown[]).map((v) => literal(schema, type.ofType!, v)).join(', ')}]`;
  const full = schema.types.get(type.name!)!;
  if (full.kind === 'ENUM') return String(value);
  if (full.kind === 'INPUT_OBJECT') {
    const fields = new Map((full.inputFields ?? []).map((f) => [f.name, f.type]));
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(schema, fields.get(k)!, v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** A hostile value of one kind. `refused`: the edge must answer BAD_USER_INPUT naming the leaf. */
export interface Hostile {
  kind: string;
  value: unknown;
  refused: boolean;
}

export const NUL = 'fuzz\u0000value';
export const LONE_SURROGATE = 'fuzz\ud800value';
export const IMPOSSIBLE_DATES = ['2025-02-30T00:00:00.000Z', '2025-13-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z'];

/** What to send at a leaf of this scalar; `wrongMerchant` is another merchant's id of the same kind, when known. */
export function hostileValues(scalar: string, wrongMerchant: string | undefined, every: boolean): Hostile[] {
  if (scalar === 'String' || scalar === 'ID') {
    const values: Hostile[] = [
      { kind: 'NUL', value: NUL, refused: true },
      { kind: 'lone surrogate', value: LONE_SURROGATE, refused: true },
    ];
    if (!every) return values;
    values.push(
      { kind: '10k characters', value: 'x'.repeat(10_000), refused: false },
      { kind: 'empty', value: '', refused: false },
      { kind: 'just past bigint', value: '9223372036854775808', refused: false },
    );
    if (wrongMerchant) values.push({ kind: 'wrong merchant', value: wrongMerchant, refused: false });
    return values;
  }
  if (scalar === 'DateTimeISO') return IMPOSSIBLE_DATES.map((value) => ({ kind: `impossible date ${value.slice(0, 10)}`, value, refused: true }));
  if (!every) return [];
  if (scalar === 'Int') return [2147483647, -2147483648, -1, 0].map((value) => ({ kind: `Int ${value}`, value, refused: false }));
  if (scalar === 'Float') return [1e300, -1, 0.001, 1.1].map((value) => ({ kind: `Float ${value}`, value, refused: false }));
  if (scalar === 'JSONObject') return [{ kind: 'NUL in JSON', value: { key: NUL }, refused: true }];
  return [];
}

/** A stack frame, a source path, or words that only SQL and PostgreSQL's messages use. */
const LEAKS = /stacktrace|\bat .+:\d+:\d+|node_modules|\.ts:\d+|\b(select|insert|update|delete)\b.+\b(from|into|set|where)\b|violates|invalid input syntax|relation "|column "|pg_|syntax error at/i;

/** Why an answer breaks the rules every answer keeps, or null: no 5xx, no INTERNAL, no stack or SQL. */
export function brokenRule(response: GraphQLResponse): string | null {
  if (response.status >= 500) return `HTTP ${response.status}`;
  const internal = response.errors?.find((e) => e.extensions?.code === 'INTERNAL' || !e.extensions?.code);
  if (internal) return `error ${internal.extensions?.code ?? 'without code'}: ${internal.message}`;
  const text = JSON.stringify(response).replaceAll(NUL, '').replaceAll(LONE_SURROGATE, '');
  const leak = LEAKS.exec(text);
  return leak ? `leaks "${leak[0]}"` : null;
}

/** Why a refused answer is not the edge's BAD_USER_INPUT naming `path`, or null. */
export function notRefusedAt(response: GraphQLResponse, path: string): string | null {
  const error = response.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (!error) return `expected BAD_USER_INPUT, got ${JSON.stringify(response.errors ?? response.data).slice(0, 300)}`;
  const fields = (error.extensions?.fields ?? []) as string[];
  return fields.includes(path) && error.message.includes(path) ? null : `BAD_USER_INPUT does not name ${path}: ${error.message.slice(0, 300)} ${JSON.stringify(fields)}`;
}

/** Runs `jobs` with at most `width` at a time, results in order. */
export async function inBatches<T, R>(jobs: T[], width: number, run: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await run(jobs[i]);
      }
    }),
  );
  return results;
}
