import { describe, it, expect } from '@jest/globals';
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate, type GraphQLError } from 'graphql';

import {
  aliasLimitRule,
  costLimitRule,
  defaultLimits,
  depthLimitRule,
  queryLimitRules,
  type QueryLimits,
} from '../../gateway/src/limits.js';

const schema = buildSchema(`
  type Query { customers(first: Int, last: Int): [Customer] }
  type Customer { id: ID, friends(first: Int): [Customer], merchant: Merchant }
  type Merchant { id: ID, name: String }
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
  it('exports the documented defaults and three rules', () => {
    expect(defaultLimits).toEqual({ depth: 10, aliases: 30, cost: 5000 });
    expect(queryLimitRules()).toHaveLength(3);
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
    it('accepts a small page', () => {
      expect(check(`{ customers(first: 10) { id } }`)).toEqual([]);
    });

    it('rejects nested large pages', () => {
      const errors = check(`{ customers(first: 100) { friends(first: 100) { id } } }`);
      // 1 + 100 * (1 + 100 * 1)
      expect(errors.map((e) => e.message)).toEqual(['Query cost 10101 exceeds the limit of 5000']);
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'cost',
        value: 10101,
        max: 5000,
      });
    });

    it('treats a variable page size as 20 and follows fragments', () => {
      const doc = `
        query Q($n: Int) { customers(last: $n) { ...F } }
        fragment F on Customer { id friends(first: 3) { id name: id } }
      `;
      // 1 + 20 * (1 + (1 + 3 * 2)) = 161
      expect(validate(schema, parse(doc), [...specifiedRules, costLimitRule(161)])).toEqual([]);
      const errors = validate(schema, parse(doc), [...specifiedRules, costLimitRule(160)]);
      expect(errors.map((e) => e.message)).toEqual(['Query cost 161 exceeds the limit of 160']);
    });
  });
});
