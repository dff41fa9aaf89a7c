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
 * fails. Callers acting for no merchant leave no record: the audit log is per merchant. A resolver
 * on a hot path can instead commit the record with its own final change (`auditWithChange`): one
 * transaction less, and no window in which a crash loses it.
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
      const running: MutationUnderway = { subgraph, mutation: info.fieldName, args, recorded: false };
      // Mutation fields run one after another, so a context has at most one mutation underway.
      if (ctx && typeof ctx === 'object') underway.set(ctx, running);
      let result: unknown;
      try {
        result = await resolve(root, args, ctx, info);
      } catch (error) {
        const code = thrownCode(error);
        if (!running.recorded) await record(ctx, mutationExecuted(subgraph, info.fieldName, args, code, code));
        throw error;
      } finally {
        if (ctx && typeof ctx === 'object') underway.delete(ctx);
      }
      if (!running.recorded) await record(ctx, mutationExecuted(subgraph, info.fieldName, args, await typenameOf(result, ctx, info), errorResultCode(result)));
      return result;
    };
  }
  return schema;
}

interface MutationUnderway {
  subgraph: string;
  mutation: string;
  args: Record<string, unknown>;
  /** Set once the resolver's own transaction committed the record: the wrapper then writes none. */
  recorded: boolean;
}

const underway = new WeakMap<object, MutationUnderway>();

/**
 * The record of the mutation the caller is resolving, written by the caller's next flush in the
 * transaction of its final change rather than after the resolver in a transaction of its own: the
 * change and its record commit together or not at all. `outcome` and `errorCode` are what the
 * resolver is about to answer (its result's typename and `ErrorResult` code). Once that
 * transaction commits (`afterCommit`), the wrapper records nothing more; if it rolls back, the
 * wrapper records the mutation as usual. False, and nothing emitted, when no mutation of this
 * context is underway (a job, a consumer) or it is already recorded.
 */
export function auditWithChange(ctx: RequestContext, outcome: string, errorCode: string | null): boolean {
  const running = underway.get(ctx);
  if (!running || running.recorded || !ctx.merchantId) return false;
  ctx.emit(MUTATION_EXECUTED, mutationExecuted(running.subgraph, running.mutation, running.args, outcome, errorCode));
  ctx.afterCommit(async () => {
    running.recorded = true;
  });
  return true;
}

/** The record of a call of `mutation` with `args` that answered `outcome` (a typename, or a thrown error's code). */
export function mutationExecuted(subgraph: string, mutation: string, args: Record<string, unknown>, outcome: string, errorCode: string | null): MutationExecutedPayload {
  return { subgraph, mutation, outcome, errorCode, ok: errorCode === null, arguments: argumentNames(args) };
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
