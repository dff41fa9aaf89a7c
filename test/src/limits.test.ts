import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, getIntrospectionQuery, Kind, parse, print, specifiedRules, validate, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type TypeNode } from 'graphql';

import { parseBounded } from '../../gateway/src/document-guard.js';
import {
  aliasLimitRule,
  defaultLimits,
  depthLimitRule,
  operationCost,
  queryLimitRules,
  type QueryLimits,
  type VariableValues,
} from '../../gateway/src/limits.js';

/**
 * A client's operations as it sends them: one request per operation, carrying the fragments it
 * spreads. The operations live in every .graphql file under the client's src/ (the dashboard keeps
 * one beside each page).
 */
function clientOperations(client: string): { name: string; document: DocumentNode; operation: OperationDefinitionNode }[] {
  const src = fileURLToPath(new URL(`../../clients/${client}/src/`, import.meta.url));
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
  const all = parse(files.map((file) => readFileSync(join(src, file), 'utf8')).join('\n'));
  const fragments = new Map(all.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const spreadIn = (node: OperationDefinitionNode | FragmentDefinitionNode, into: Set<string>) =>
    visit(node, {
      FragmentSpread(spread) {
        if (into.has(spread.name.value)) return;
        into.add(spread.name.value);
        spreadIn(fragments.get(spread.name.value)!, into);
      },
    });
  return all.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Set<string>();
      spreadIn(operation, used);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...[...used].map((name) => fragments.get(name)!)] };
      return { name: operation.name?.value ?? '(anonymous)', document, operation };
    });
}


// `friends` and `customers` are pages without a default in the schema; `Merchant.customers` declares one.
const schema = buildSchema(`
  type Query { customers(first: Int, last: Int): [Customer] }
  type Customer { id: ID, friends(first: Int): [Customer], merchant: Merchant }
  type Merchant { id: ID, name: String, customers(first: Int = 50): [Customer] }
`);

function check(doc: string, limits: QueryLimits = defaultLimits): readonly GraphQLError[] {
  return validate(schema, parse(doc), [...specifiedRules, ...queryLimitRules(limits)]);
}

function limitErrors(errors: readonly GraphQLError[], limit: string): GraphQLError[] {
  return errors.filter((e) => e.extensions?.limit === limit);
}

/** `customers { friends { friends { ... { id } } } }` with `levels` nested friends. */
function nested(levels: number): string {
  return `{ customers { ${'friends { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
}

describe('query limits', () => {
  it('exports the documented defaults and the two document-only rules', () => {
    expect(defaultLimits).toEqual({ depth: 10, aliases: 30, cost: 5000, tokens: 1000, selections: 100 });
    expect(queryLimitRules()).toHaveLength(2);
  });

  it('accepts a normal query', () => {
    const errors = check(`
      query Normal {
        customers(first: 10) { id merchant { id name } friends(first: 5) { id __typename } }
      }
    `);
    expect(errors).toEqual([]);
  });

  it('accepts the standard introspection query', () => {
    expect(check(getIntrospectionQuery())).toEqual([]);
  });

  describe('depth', () => {
    it('accepts a query exactly at the limit', () => {
      // customers(1) + 8 friends + id(1) = depth 10
      expect(check(nested(8))).toEqual([]);
    });

    it('rejects a query deeper than the limit', () => {
      const errors = check(nested(10)); // depth 12
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe('Query depth 12 exceeds the limit of 10');
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'depth',
        value: 12,
        max: 10,
      });
      expect(errors[0].nodes?.[0]?.kind).toBe('OperationDefinition');
    });

    it('counts depth through fragment spreads and inline fragments', () => {
      const doc = `
        query Deep { customers { ...F1 } }
        fragment F1 on Customer { friends { ... on Customer { ...F2 } } }
        fragment F2 on Customer { friends { friends { merchant { id } } } }
      `;
      // customers, friends, friends, friends, merchant, id = 6
      expect(check(doc, { ...defaultLimits, depth: 6 })).toEqual([]);
      const errors = check(doc, { ...defaultLimits, depth: 5 });
      expect(errors.map((e) => e.message)).toEqual(['Query depth 6 exceeds the limit of 5']);
    });

    it('terminates on a fragment cycle, leaving it to NoFragmentCycles', () => {
      const doc = parse(`
        query Loop { customers { ...A } }
        fragment A on Customer { friends { ...B } }
        fragment B on Customer { friends { ...A } }
      `);
      const errors = validate(schema, doc, [...specifiedRules, depthLimitRule(1)]);
      expect(errors.some((e) => /Cannot spread fragment "A" within itself/.test(e.message))).toBe(true);
      expect(limitErrors(errors, 'depth')).toHaveLength(1);
    });

    it('ignores introspection fields', () => {
      const errors = check(
        `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }`,
        { ...defaultLimits, depth: 1 },
      );
      expect(errors).toEqual([]);
    });
  });

  describe('aliases', () => {
    const aliased = (n: number): string =>
      `{ ${Array.from({ length: n }, (_, i) => `c${i}: customers(first: 1) { id }`).join(' ')} }`;

    it('accepts 30 aliases', () => {
      expect(check(aliased(30))).toEqual([]);
    });

    it('rejects 31 aliases', () => {
      const errors = check(aliased(31));
      expect(errors.map((e) => e.message)).toEqual(['Query uses 31 aliases; the limit is 30']);
      expect(errors[0].extensions).toMatchObject({ limit: 'aliases', value: 31, max: 30 });
    });

    it('counts aliases inside fragments for every spread', () => {
      const doc = `
        { a: customers(first: 1) { ...F } b: customers(first: 1) { ...F } }
        fragment F on Customer { x: id y: id }
      `;
      const errors = validate(schema, parse(doc), [...specifiedRules, aliasLimitRule(5)]);
      expect(errors.map((e) => e.message)).toEqual(['Query uses 6 aliases; the limit is 5']);
    });
  });

  describe('cost', () => {
    /** The cost of the document's only operation with these variables. */
    const cost = (doc: string, variables: VariableValues = {}, against: GraphQLSchema = schema): number => {
      const parsed = parse(doc);
      const operation = parsed.definitions.find((d) => d.kind === 'OperationDefinition')!;
      return operationCost(against, parsed, operation, variables);
    };

    it('counts a literal page size', () => {
      expect(cost(`{ customers(first: 10) { id } }`)).toBe(11);
      // 1 + 100 * (1 + 100 * 1)
      expect(cost(`{ customers(first: 100) { friends(first: 100) { id } } }`)).toBe(10101);
    });

    it("counts a variable page size with the request's value, not a guess", () => {
      const doc = `query Q($n: Int, $m: Int) { customers(first: $n) { friends(first: $m) { id } } }`;
      expect(cost(doc, { n: 100, m: 100 })).toBe(10101);
      expect(cost(doc, { n: 1, m: 1 })).toBe(3);
    });

    it("counts a variable left out with the operation's default for it, and a null page as the API's default page of 20", () => {
      const doc = `query Q($n: Int = 100, $m: Int) { customers(first: $n) { friends(last: $m) { id } } }`;
      expect(cost(doc)).toBe(1 + 100 * (1 + 20));
      expect(cost(doc, { n: null, m: 3 })).toBe(1 + 20 * (1 + 3));
      expect(cost(`{ customers(first: null) { id } }`)).toBe(21);
    });

    it("prices a page whose `first` is left out at the API's default page of 20, at every level", () => {
      // 1 + 20 * (1 + 20 * 1): the resolvers serve 20 rows per level, not 1
      expect(cost(`{ customers { friends { id } } }`)).toBe(421);
      expect(cost(`{ customers(first: 2) { friends { friends { id } } } }`)).toBe(1 + 2 * (1 + 20 * (1 + 20)));
    });

    it("prices a page left out at its schema default, a variable without a value as left out, and not a field that takes no page size", () => {
      // Merchant.customers defaults to 50; merchant is no page
      expect(cost(`{ customers(first: 2) { merchant { customers { id } } } }`)).toBe(1 + 2 * (1 + 1 + 50));
      expect(cost(`query Q($k: Int) { customers(first: 1) { merchant { customers(first: $k) { id } } } }`)).toBe(1 + 1 * (1 + 1 + 50));
      expect(cost(`query Q($k: Int) { customers(first: 1) { merchant { customers(first: $k) { id } } } }`, { k: 3 })).toBe(1 + 1 * (1 + 1 + 3));
    });

    it('finds a page through fragments and inline fragments by their type conditions', () => {
      const doc = `
        { customers(first: 1) { ...F } }
        fragment F on Customer { merchant { ... on Merchant { customers { id } } } }
      `;
      expect(cost(doc)).toBe(1 + 1 * (1 + 1 + 50));
    });

    it('follows fragments with the variables', () => {
      const doc = `
        query Q($n: Int) { customers(last: $n) { ...F } }
        fragment F on Customer { id friends(first: 3) { id name: id } }
      `;
      // 1 + 50 * (1 + (1 + 3 * 2))
      expect(cost(doc, { n: 50 })).toBe(401);
    });
  });

  describe('the API', () => {
    const api = buildSchema(readFileSync(new URL('../../codegen/api-schema.graphql', import.meta.url), 'utf8'));

    it('declares the default page size on every page, which operationCost prices', () => {
      const doc = parse(`{ customers { nodes { redemptions { nodes { id } } } } }`);
      // customers: 1 + 20 * (nodes: 1 + redemptions: (1 + 20 * (nodes: 1 + id: 1))): two nested pages of the default 20
      expect(operationCost(api, doc, doc.definitions[0] as never)).toBe(1 + 20 * (1 + (1 + 20 * 2)));
    });

    it('prices the introspection query under the cost limit', () => {
      const doc = parse(getIntrospectionQuery());
      expect(operationCost(api, doc, doc.definitions[0] as never)).toBeLessThanOrEqual(defaultLimits.cost);
    });

    // Every Int variable at the largest page: the costliest each operation can be sent.
    it.each(['dashboard', 'widget', 'partner-sdk'])('prices every operation of the %s client under the cost limit, its pages at their largest', (client) => {
      const operations = clientOperations(client);
      expect(operations.length).toBeGreaterThan(0);
      const isInt = (type: TypeNode): boolean => (type.kind === Kind.NON_NULL_TYPE ? isInt(type.type) : type.kind === Kind.NAMED_TYPE && type.name.value === 'Int');
      const costs = operations.map(({ name, document, operation }) => {
        const largest = Object.fromEntries((operation.variableDefinitions ?? []).filter((v) => isInt(v.type)).map((v) => [v.variable.name.value, 100]));
        return [name, operationCost(api, document, operation, largest)] as const;
      });
      expect(costs.filter(([, cost]) => cost > defaultLimits.cost)).toEqual([]);
    });
  });

  describe('before validation', () => {
    const bounds = { tokens: defaultLimits.tokens, selections: defaultLimits.selections };
    const refusal = (doc: string): Record<string, unknown> => {
      try {
        parseBounded(doc, bounds);
      } catch (error) {
        return { message: (error as GraphQLError).message, ...(error as GraphQLError).extensions };
      }
      throw new Error('the document was accepted');
    };

    it('accepts the introspection query and the clients\' shapes', () => {
      expect(() => parseBounded(getIntrospectionQuery(), bounds)).not.toThrow();
      expect(() => parseBounded(`{ customers(first: 10) { id merchant { id name } } }`, bounds)).not.toThrow();
    });

    // Each client sends one operation with its fragments.
    it.each(['dashboard', 'widget', 'partner-sdk'])('accepts every operation of the %s client', (client) => {
      const operations = clientOperations(client);
      expect(operations.length).toBeGreaterThan(0);
      const refused = operations.filter(({ document }) => {
        try {
          parseBounded(print(document), bounds);
          return false;
        } catch {
          return true;
        }
      });
      expect(refused.map(({ name }) => name)).toEqual([]);
    });

    it('stops parsing past the token limit', () => {
      expect(refusal(`{ customers { ${'id '.repeat(2000)}} }`)).toMatchObject({
        code: 'GRAPHQL_PARSE_FAILED',
        // graphql-js's own words ("more that", sic)
        message: expect.stringMatching(/^Syntax Error: Document contains more th.. 1000 tokens\. Parsing aborted\.$/),
      });
    });

    it('refuses a selection set wider than the limit, fragments expanded', () => {
      expect(refusal(`{ customers { ${'id '.repeat(101)}} }`)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'selections', value: 101, max: 100 });
      const spread = `
        { customers { ...A ...B ... on Customer { id } } }
        fragment A on Customer { ${'id '.repeat(60)}}
        fragment B on Customer { ${'id '.repeat(40)}}
      `;
      expect(refusal(spread)).toMatchObject({ limit: 'selections', value: 101 });
      expect(() => parseBounded(`{ customers { ${'id '.repeat(100)}} }`, bounds)).not.toThrow();
    });

    it('terminates on a fragment cycle, leaving it to validation', () => {
      expect(() => parseBounded(`{ customers { ...A } } fragment A on Customer { friends { ...B } } fragment B on Customer { ...A }`, bounds)).not.toThrow();
    });
  });
});
