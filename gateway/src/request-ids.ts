import { correlationIdOf } from '@loyalnest/kit';
import type { RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

export interface RequestIds {
  /** The gateway's own UUID for the request: the only id events and the audit trail record as `requestId`. */
  requestId: string;
  /** What the client sent as `X-Request-Id`, when it is a valid correlation id (see `correlationIdOf`). */
  correlationId: string | null;
}

/**
 * Gives every request a server id, whatever the client sent: a client's `X-Request-Id` could
 * otherwise name another request (or be 10 KB of control characters) in the append-only audit
 * trail. The client's id is kept apart as a correlation id, and both are echoed in the response.
 */
export const assignRequestIds: RequestHandler = (req, res, next) => {
  const ids: RequestIds = { requestId: randomUUID(), correlationId: correlationIdOf(req.headers[REQUEST_ID_HEADER]) };
  res.locals.requestIds = ids;
  res.setHeader(REQUEST_ID_HEADER, ids.requestId);
  if (ids.correlationId) res.setHeader(CORRELATION_ID_HEADER, ids.correlationId);
  next();
};

/** The ids `assignRequestIds` gave this response's request. */
export function requestIdsOf(res: Response): RequestIds {
  return res.locals.requestIds as RequestIds;
}
