import { defaultFieldResolver, getNamedType, GraphQLError, isAbstractType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context.js';
import { logger } from '../logger.js';

/** The event every mutation leaves behind, whatever its outcome; the audit subgraph records it. */
export const MUTATION_EXECUTED = 'audit.mutation_executed';

/** What `audit.mutation_executed` carries: names and codes only, never an argument's value. */
export interface MutationExecutedPayload extends Record<string, unknown> {
  subgraph: string;
  /** The Mutation field, e.g. `upsertCustomer`. */
  mutation: string;
  /** The result's typename (`UpsertCustomerSuccess`, `CustomerNotFoundError`), or the thrown error's code (`FORBIDDEN`). */
  outcome: string;
  /** The `ErrorResult` code of an error result, or the code of a thrown error; null on success. */
  errorCode: string | null;
  ok: boolean;
  /** Argument names, input fields one level down (`input.email`): what the caller tried to set. */
  arguments: string[];
}

/**
 * Wraps every Mutation field of a built subgraph schema so that, once the resolver has returned or
 * thrown, an `audit.mutation_executed` event is written in a transaction of its own
 * (`ctx.emitDetached`). Wrapping the schema rather than adding a type-graphql middleware sees what
 * middlewares do not: `@Authorized` refusals run before any global middleware. It works the same
 * in embedded mode (the gateway executes the schema directly) and networked mode.
 *
 * The write happens before the response goes back, so a caller that got an answer knows the record
 * is committed; it never fails the mutation: an error writing it is logged and swallowed. A record
 * is lost if the process dies between the mutation's own commit and this write, or if the write
 * fails. Callers acting for no merchant leave no record: the audit log is per merchant.
 */
export function auditMutations(schema: GraphQLSchema, subgraph: string): GraphQLSchema {
  const mutationType = schema.getMutationType();
  for (const field of Object.values(mutationType?.getFields() ?? {})) {
    // `_`-prefixed mutations are internal plumbing between subgraphs (system callers only, never
    // in the public API); what they change is audited through the domain events they emit. Shop
    // redaction also depends on it: its last steps must leave no new row of the merchant.
    if (field.name.startsWith('_')) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (root, args, ctx: RequestContext, info) => {
      let result: unknown;
      try {
        result = await resolve(root, args, ctx, info);
      } catch (error) {
        const code = thrownCode(error);
        await record(ctx, { subgraph, mutation: info.fieldName, outcome: code, errorCode: code, ok: false, arguments: argumentNames(args) });
        throw error;
      }
      const outcome = await typenameOf(result, ctx, info);
      const errorCode = errorResultCode(result);
      await record(ctx, { subgraph, mutation: info.fieldName, outcome, errorCode, ok: errorCode === null, arguments: argumentNames(args) });
      return result;
    };
  }
  return schema;
}

async function record(ctx: RequestContext, payload: MutationExecutedPayload): Promise<void> {
  if (!ctx?.merchantId || typeof ctx.emitDetached !== 'function') return;
  try {
    await ctx.emitDetached(MUTATION_EXECUTED, payload);
  } catch (error) {
    logger(payload.subgraph, { requestId: ctx.requestId, merchantId: ctx.merchantId }).error({ err: error, mutation: payload.mutation }, `could not record mutation ${payload.mutation}`);
  }
}

function thrownCode(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : 'INTERNAL';
}

function errorResultCode(result: unknown): string | null {
  const code = result && typeof result === 'object' ? (result as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

/** The result's GraphQL typename, resolved the way execution will resolve it. */
async function typenameOf(result: unknown, ctx: RequestContext, info: GraphQLResolveInfo): Promise<string> {
  if (result == null) return 'null';
  const type = getNamedType(info.returnType);
  if (!isAbstractType(type)) return type.name;
  try {
    return (await type.resolveType?.(result, ctx, info, type)) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function argumentNames(args: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(args ?? {})) {
    names.push(name);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, fieldValue] of Object.entries(value)) if (fieldValue !== undefined) names.push(`${name}.${field}`);
    }
  }
  return names.sort();
}
