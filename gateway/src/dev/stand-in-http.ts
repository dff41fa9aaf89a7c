import { Kind, parse, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The HTTP and GraphQL plumbing of the Shopify stand-in (`shopify-stand-in.ts`): bodies in and out. */

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The root field of a GraphQL request, its operation type and its arguments, variables substituted. */
export function rootField(body: unknown): { operation: 'query' | 'mutation'; name: string; args: Record<string, unknown> } | string {
  const { query, variables } = (typeof body === 'object' && body ? body : {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (typeof query !== 'string') return 'Parameter query is required';
  let operation: OperationDefinitionNode | undefined;
  try {
    operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch (error) {
    return (error as Error).message;
  }
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!operation || operation.operation === 'subscription' || !field) return 'the stand-in answers queries and mutations only';
  const args = Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables ?? {})]));
  return { operation: operation.operation, name: field.name.value, args };
}
