import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from '@jest/globals';
import { loadKitConfig } from '@loyalnest/kit';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { composeSupergraph } from '../../gateway/src/compose.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';

/**
 * The API schema is the API's documentation (DESIGN.md): what callers see of the supergraph composed
 * from code, without join machinery or anything @inaccessible. Composed here rather than read from
 * supergraph.graphql so a description lost in composition shows up even before `npm run compose`.
 */
async function apiSchema(): Promise<GraphQLSchema> {
  const { supergraphSdl } = await composeSupergraph(subgraphModules, loadKitConfig({ LOYALNEST_DEV: '1' }));
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The API's own types: neither introspection's nor GraphQL's built-in scalars, which document themselves. */
function ownTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
}

/** Every element of the schema that says nothing about itself, as `kind Type.member(arg)`. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (element: { description?: string | null }) => !element.description?.trim();
  for (const type of ownTypes(schema)) {
    if (blank(type)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field)) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field)) missing.push(`input field ${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value)) missing.push(`enum value ${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('API documentation', () => {
  it('describes every type, field, argument, input field, enum value and root type of the composed API schema', async () => {
    const schema = await apiSchema();

    // The roots are checked like any type; named here so losing one in composition cannot go unseen.
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      expect(root?.description?.trim()).toBeTruthy();
    }
    expect(undescribed(schema)).toEqual([]);
  });

  it('spells every enum value in upper case; a lower-case one is a deprecated former name pointing to its replacement', async () => {
    const schema = await apiSchema();
    const lowerCase: string[] = [];
    const danglingRenames: string[] = [];
    for (const type of ownTypes(schema)) {
      if (!isEnumType(type)) continue;
      const current = new Set(type.getValues().filter((v) => !v.deprecationReason).map((v) => v.name));
      for (const value of type.getValues()) {
        if (value.name === value.name.toUpperCase()) continue;
        if (!value.deprecationReason) {
          lowerCase.push(`${type.name}.${value.name}`);
          continue;
        }
        const replacement = /^Use (\w+)\./.exec(value.deprecationReason)?.[1];
        if (!replacement || !current.has(replacement)) danglingRenames.push(`${type.name}.${value.name}`);
      }
    }

    expect(lowerCase).toEqual([]);
    expect(danglingRenames).toEqual([]);
    // The two enums that shipped in lower case keep their old names, deprecated, for existing clients.
    const gdprStatus = schema.getType('GdprStatus');
    expect(isEnumType(gdprStatus) && gdprStatus.getValue('completed')?.deprecationReason).toMatch(/^Use COMPLETED\./);
    const gdprKind = schema.getType('GdprRequestKind');
    expect(isEnumType(gdprKind) && gdprKind.getValue('customer_redact')?.deprecationReason).toMatch(/^Use CUSTOMER_REDACT\./);
  });
});
