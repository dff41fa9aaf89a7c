// Query limits for the public API.
//
// Why: the gateway is reachable by any caller, and a single GraphQL document can
// ask for an unbounded amount of work (deeply nested relations, hundreds of
// aliased copies of an expensive field, nested `first: 1000` pages that multiply).
// These rules reject such documents during validation — statically, from the
// document alone — so an abusive query is refused before the query planner runs
// and before any subgraph (or database behind it) is called.
//
// They are plain graphql-js ValidationRules, usable in Apollo Server's
// `validationRules` option or in `validate(schema, doc, rules)`.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
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
  /** Maximum static cost estimate (see costLimitRule). */
  cost: number;
}

export const defaultLimits: QueryLimits = { depth: 10, aliases: 30, cost: 5000 };

/** Page size assumed for `first`/`last` given as a variable (validation cannot see variable values). */
export const DEFAULT_PAGE_SIZE = 20;

type LimitKind = 'depth' | 'aliases' | 'cost';

/**
 * Builds a function that folds a selection set into a number: `fieldValue` gives
 * a field's value (calling `inner()` for its sub-selection), `combine` folds
 * sibling values. Fragment spreads are followed and memoised per document; a
 * spread of a fragment already being expanded (a cycle, which NoFragmentCycles
 * reports separately) counts as 0 so that the walk always terminates.
 */
function makeMeasure(
  context: ValidationContext,
  fieldValue: (field: FieldNode, inner: () => number) => number,
  combine: (acc: number, value: number) => number,
): (set: SelectionSetNode) => number {
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const fragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (inProgress.has(name)) return 0;
    const def = context.getFragment(name);
    if (!def) return 0; // unknown fragment: KnownFragmentNames reports it
    inProgress.add(name);
    const value = measure(def.selectionSet);
    inProgress.delete(name);
    memo.set(name, value);
    return value;
  };

  const measure = (set: SelectionSetNode): number => {
    let acc = 0;
    for (const sel of set.selections) {
      let value: number;
      if (sel.kind === Kind.FIELD) {
        const sub = sel.selectionSet;
        value = fieldValue(sel, () => (sub ? measure(sub) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        value = measure(sel.selectionSet);
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
    const measure = makeMeasure(context, fieldValue, combine);
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

/** The list size a field asks for via `first`/`last`, or undefined if it does not. */
function pageSize(field: FieldNode): number | undefined {
  let size: number | undefined;
  for (const arg of field.arguments ?? []) {
    const name = arg.name.value;
    if (name !== 'first' && name !== 'last') continue;
    let n: number | undefined;
    if (arg.value.kind === Kind.INT) n = Math.max(0, Number.parseInt(arg.value.value, 10));
    else if (arg.value.kind === Kind.VARIABLE) n = DEFAULT_PAGE_SIZE;
    if (n !== undefined) size = Math.max(size ?? 0, n);
  }
  return size;
}

/**
 * Rejects operations whose static cost estimate exceeds `maxCost`. Every field
 * costs 1; a field with an integer `first`/`last` argument returns a list of
 * that many items, so the cost of its sub-selection is multiplied by it
 * (a variable counts as DEFAULT_PAGE_SIZE). E.g.
 * `customers(first: 100) { friends(first: 100) { id } }` costs
 * 1 + 100 * (1 + 100 * 1) = 10101.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return limitRule(
    'cost',
    maxCost,
    (field, inner) => {
      const size = pageSize(field);
      if (!field.selectionSet) return 1;
      return 1 + (size ?? 1) * inner();
    },
    sum,
    (value, max) => `Query cost ${value} exceeds the limit of ${max}`,
  );
}

/** The three limit rules, for `validationRules: queryLimitRules()`. */
export function queryLimitRules(limits: QueryLimits = defaultLimits): ValidationRule[] {
  return [depthLimitRule(limits.depth), aliasLimitRule(limits.aliases), costLimitRule(limits.cost)];
}
