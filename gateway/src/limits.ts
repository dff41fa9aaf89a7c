// Query limits for the public API.
//
// Why: the gateway is reachable by any caller, and a single GraphQL document can
// ask for an unbounded amount of work (deeply nested relations, hundreds of
// aliased copies of an expensive field, nested `first: 100` pages that multiply).
// Depth and aliases depend on the document alone: they are graphql-js
// ValidationRules, so an abusive query is refused before the query planner runs
// and before any subgraph (or database behind it) is called. Cost depends on the
// variables too (`first: $n`), which validation never sees (and Apollo caches a
// document's validation across requests): `operationCost` measures one operation
// with the request's variables and the API schema (which fields are pages, and
// their default page size), after validation and before execution.
// What must be bounded before validation even starts (tokens, selection width)
// is in document-guard.ts.
import { DEFAULT_PAGE_SIZE } from '@loyalnest/kit';
import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  /** Maximum selection depth (introspection `__` fields are not counted). */
  depth: number;
  /** Maximum number of aliased fields in an operation, fragments expanded. */
  aliases: number;
  /** Maximum cost of one operation with its variables (see operationCost). */
  cost: number;
  /** Maximum lexical tokens in a document; the parser stops there (see document-guard.ts). */
  tokens: number;
  /** Maximum selections in one selection set, fragments expanded (see document-guard.ts). */
  selections: number;
}

export const defaultLimits: QueryLimits = { depth: 10, aliases: 30, cost: 5000, tokens: 1000, selections: 100 };

type LimitKind = 'depth' | 'aliases';

/** The fragment definitions of `document`, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return fragments;
}

/** A field's definition in the schema, known when the walk is given one. */
export type FieldDefinition = GraphQLField<unknown, unknown>;

/**
 * Builds a function that folds a selection set into a number: `fieldValue` gives
 * a field's value (calling `inner()` for its sub-selection), `combine` folds
 * sibling values. Fragment spreads are followed and memoised per document; a
 * spread of a fragment already being expanded (a cycle, which NoFragmentCycles
 * reports separately) counts as 0 so that the walk always terminates. Given a
 * `schema` and the selection set's type, the walk follows types through fields
 * and fragments' type conditions and hands `fieldValue` each field's definition
 * (undefined without a schema, and for `__` fields).
 */
export function makeMeasure(
  getFragment: (name: string) => FragmentDefinitionNode | undefined | null,
  fieldValue: (field: FieldNode, inner: () => number, definition: FieldDefinition | undefined) => number,
  combine: (acc: number, value: number) => number,
  schema?: GraphQLSchema,
): (set: SelectionSetNode, type?: GraphQLNamedType | null) => number {
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const typeNamed = (name: string | undefined): GraphQLNamedType | undefined => (name === undefined ? undefined : schema?.getType(name));

  const fragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (inProgress.has(name)) return 0;
    const def = getFragment(name);
    if (!def) return 0; // unknown fragment: KnownFragmentNames reports it
    inProgress.add(name);
    const value = measure(def.selectionSet, typeNamed(def.typeCondition.name.value));
    inProgress.delete(name);
    memo.set(name, value);
    return value;
  };

  const measure = (set: SelectionSetNode, type?: GraphQLNamedType | null): number => {
    let acc = 0;
    for (const sel of set.selections) {
      let value: number;
      if (sel.kind === Kind.FIELD) {
        const sub = sel.selectionSet;
        const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
        value = fieldValue(sel, () => (sub ? measure(sub, definition && getNamedType(definition.type)) : 0), definition);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        value = measure(sel.selectionSet, sel.typeCondition ? typeNamed(sel.typeCondition.name.value) : type);
      } else {
        value = fragment(sel.name.value);
      }
      acc = combine(acc, value);
    }
    return acc;
  };

  return measure;
}

function limitRule(
  limit: LimitKind,
  max: number,
  fieldValue: (field: FieldNode, inner: () => number) => number,
  combine: (acc: number, value: number) => number,
  message: (value: number, max: number) => string,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const measure = makeMeasure((name) => context.getFragment(name), fieldValue, combine);
    return {
      // Only one operation of a document executes per request, so each
      // operation is measured (with its fragments) on its own.
      OperationDefinition(node: OperationDefinitionNode) {
        const value = measure(node.selectionSet);
        if (value > max) {
          context.reportError(
            new GraphQLError(message(value, max), {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, value, max },
            }),
          );
        }
        return false; // nothing below the operation needs visiting
      },
    };
  };
}

const sum = (a: number, b: number): number => a + b;

/**
 * Rejects operations whose selection depth exceeds `maxDepth`
 * (`{ a { b } }` has depth 2). Fields whose name starts with `__`
 * (`__typename`, `__schema`, `__type`) and their subtrees are not counted,
 * so the standard introspection query is not affected.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return limitRule(
    'depth',
    maxDepth,
    (field, inner) => (field.name.value.startsWith('__') ? 0 : 1 + inner()),
    Math.max,
    (value, max) => `Query depth ${value} exceeds the limit of ${max}`,
  );
}

/**
 * Rejects operations with more than `maxAliases` aliased fields. Fragments are
 * expanded, so a fragment spread twice counts its aliases twice.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return limitRule(
    'aliases',
    maxAliases,
    (field, inner) => (field.alias ? 1 : 0) + inner(),
    sum,
    (value, max) => `Query uses ${value} aliases; the limit is ${max}`,
  );
}

/** A request's variable values, as the client sent them (before coercion). */
export type VariableValues = Readonly<Record<string, unknown>>;

/** The arguments that size a page. */
const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * The list size a field returns, or undefined if it is not a page. A page is a field whose
 * definition takes `first`/`last` (or, unknown to the schema, names one). A variable counts with the
 * value the request gives it, else the operation's default for it; a variable with neither leaves
 * its argument out. An argument left out counts as the schema's default for it, else the API's
 * default page; a null or non-integer one as the API's default page (what the resolvers serve for
 * null; coercion refuses the rest before anything runs).
 */
function pageSize(
  field: FieldNode,
  definition: FieldDefinition | undefined,
  variables: VariableValues,
  defaults: ReadonlyMap<string, unknown>,
): number | undefined {
  let size: number | undefined;
  for (const arg of field.arguments ?? []) {
    const name = arg.name.value;
    if (!PAGE_ARGUMENTS.has(name)) continue;
    let value: unknown;
    if (arg.value.kind === Kind.INT) value = Number.parseInt(arg.value.value, 10);
    else if (arg.value.kind === Kind.VARIABLE) {
      const variable = arg.value.name.value;
      if (Object.hasOwn(variables, variable)) value = variables[variable];
      else if (defaults.has(variable)) value = defaults.get(variable);
      else continue; // left out: the schema's default below
    } else if (arg.value.kind !== Kind.NULL) continue;
    const n = Number.isInteger(value) ? Math.max(0, value as number) : DEFAULT_PAGE_SIZE;
    size = Math.max(size ?? 0, n);
  }
  if (size !== undefined) return size;
  const declared = definition?.args.filter((arg) => PAGE_ARGUMENTS.has(arg.name)) ?? [];
  if (!declared.length) return undefined;
  return Math.max(...declared.map((arg) => (Number.isInteger(arg.defaultValue) ? Math.max(0, arg.defaultValue as number) : DEFAULT_PAGE_SIZE)));
}

/** Integer defaults of an operation's variables (`$n: Int = 100`), by name. */
function variableDefaults(operation: OperationDefinitionNode): Map<string, unknown> {
  const defaults = new Map<string, unknown>();
  for (const def of operation.variableDefinitions ?? []) {
    const value = def.defaultValue;
    if (value?.kind === Kind.INT) defaults.set(def.variable.name.value, Number.parseInt(value.value, 10));
    else if (value?.kind === Kind.NULL) defaults.set(def.variable.name.value, null);
  }
  return defaults;
}

/**
 * The cost of one operation of `document`, with the request's variables, priced against `schema`
 * (the API the operation was validated against). Every field costs 1; a page returns as many items
 * as it asks for with `first`/`last`, or its default page when it names neither, so the cost of its
 * sub-selection is multiplied by that. E.g. `customers(first: 100) { friends(first: 100) { id } }`
 * costs 1 + 100 * (1 + 100 * 1) = 10101, and so do `customers(first: $n) { … }` with `n: 100` and
 * `customers { friends { id } }` where both default to 100. Fragments are expanded (a fragment
 * spread twice counts twice).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: VariableValues = {},
): number {
  const fragments = fragmentsOf(document);
  const defaults = variableDefaults(operation);
  const measure = makeMeasure(
    (name) => fragments.get(name),
    (field, inner, definition) => {
      if (!field.selectionSet) return 1;
      return 1 + (pageSize(field, definition, variables, defaults) ?? 1) * inner();
    },
    sum,
    schema,
  );
  return measure(operation.selectionSet, schema.getRootType(operation.operation));
}

/** Refuses an operation that costs more than `maxCost`, naming both (HTTP 400 when thrown before execution). */
export function costLimitError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: cost, max: maxCost, http: { status: 400 } },
  });
}

/** The two rules that depend on the document alone, for `validationRules: queryLimitRules()`. */
export function queryLimitRules(limits: QueryLimits = defaultLimits): ValidationRule[] {
  return [depthLimitRule(limits.depth), aliasLimitRule(limits.aliases)];
}
