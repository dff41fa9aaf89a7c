import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type ContainerType, type NonEmptyArray } from 'type-graphql';
import type { RequestContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';
import { deadLetterResolver } from './events/dead-letter.resolver.js';
import { auditMutations } from './events/mutation-audit.js';
import { guardArguments, StrictDateTimeISO } from './input-guard.js';

/** Federation 2 directives any subgraph may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible", "@external", "@requires", "@provides"])';

/**
 * Descriptions of the root types, which type-graphql cannot describe. Every subgraph carries the
 * same text so composition, which merges a type's descriptions across subgraphs, keeps it as is.
 */
const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query:
    "Reads, scoped to the caller's merchant: its program, customers, balances, rewards, redemptions and audit trail. Each field names the scope it needs; a shopper sees only themselves.",
  Mutation:
    "Changes, scoped to the caller's merchant. Expected business outcomes (a missing customer, too few points) come back as typed errors in each result union, never as GraphQL errors; every change is audited.",
};

/**
 * `@Authorized(scope)`: the caller needs every listed scope. It throws instead of returning false
 * so the error carries our stable codes rather than type-graphql's generic "Access denied".
 */
const scopeChecker: AuthChecker<RequestContext> = ({ context }, scopes) => {
  if (!context?.actor) throw unauthenticated();
  const missing = scopes.filter((s) => !context.scopes.includes(s));
  if (missing.length) throw forbidden(`Missing scope: ${missing.join(', ')}`);
  return true;
};

/** Resolves one entity reference; `ctx.loaders` batches the calls made in one tick. */
export type ReferenceResolver = (reference: { id: string }, ctx: RequestContext) => unknown;

export interface FederatedSchemaOptions {
  /** The subgraph's name; the kit adds the fields every subgraph serves (dead letters) under it. */
  subgraph: string;
  // type-graphql identifies resolvers and types by class.
  resolvers: NonEmptyArray<Function>;
  /**
   * Types not reachable from the resolvers. Given per build because type-graphql's metadata is
   * global: several subgraphs in one process each name the types they own.
   */
  orphanedTypes?: Function[];
  container: ContainerType;
  /** `__resolveReference` per entity type name. */
  references?: Record<string, ReferenceResolver>;
  /**
   * Enums to mark `@inaccessible`: type-graphql puts directives on classes and fields but not on
   * enums, and an enum only internal fields use must stay out of the public API like them.
   */
  inaccessibleEnums?: string[];
}

/**
 * type-graphql classes → SDL with their directives → Federation 2 `@link` → `buildSubgraphSchema`.
 * The resolvers come from the type-graphql schema, plus the reference resolvers. Every argument is
 * checked for what no store can hold before any resolver runs (`guardArguments`, with dates read
 * strictly), and every mutation leaves an audit event (`auditMutations`), refused ones included.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const deadLetters = deadLetterResolver(options.subgraph);
  const schema = await buildSchema({
    resolvers: [...options.resolvers, deadLetters.resolver],
    orphanedTypes: options.orphanedTypes,
    container: {
      get: (someClass, resolverData) => (someClass === deadLetters.resolver ? deadLetters.instance : options.container.get(someClass, resolverData)),
    },
    authChecker: scopeChecker,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    skipCheck: true,
  });
  const typeDefs = describeRoots(markInaccessible(parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`), new Set(options.inaccessibleEnums ?? [])));
  const resolvers: Record<string, object> = { ...createResolversMap(schema) };
  if (schema.getType(StrictDateTimeISO.name)) resolvers[StrictDateTimeISO.name] = StrictDateTimeISO;
  for (const [typeName, resolve] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolve };
  }
  return auditMutations(guardArguments(buildSubgraphSchema({ typeDefs, resolvers: resolvers as never })), options.subgraph);
}

function markInaccessible(document: DocumentNode, enums: Set<string>): DocumentNode {
  if (!enums.size) return document;
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.ENUM_TYPE_DEFINITION && enums.has(definition.name.value)
        ? { ...definition, directives: [...(definition.directives ?? []), { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' } }] }
        : definition,
    ),
  };
}

function describeRoots(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && ROOT_DESCRIPTIONS[definition.name.value] && !definition.description
        ? { ...definition, description: { kind: Kind.STRING, value: ROOT_DESCRIPTIONS[definition.name.value]!, block: true } }
        : definition,
    ),
  };
}

/** A type-graphql container that hands out resolver instances built with their services. */
export function containerOf(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((i) => [i.constructor, i]));
  return {
    get(someClass: unknown) {
      const instance = byClass.get(someClass);
      if (!instance) throw new Error(`no instance registered for ${(someClass as { name?: string }).name}`);
      return instance;
    },
  };
}
