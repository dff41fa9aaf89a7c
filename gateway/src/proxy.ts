import { INTERNAL_TOKEN_HEADER } from '@loyalnest/kit';
import { Router, type Request, type Response } from 'express';
import { Readable } from 'node:stream';

/** Credentials for the GraphQL API never travel to a subgraph's HTTP routes from outside. */
const DROPPED_HEADERS = new Set(['host', 'connection', 'authorization', INTERNAL_TOKEN_HEADER]);

/**
 * Forwards a subgraph's own HTTP routes (OAuth install, later webhooks) from the gateway's port to
 * the subgraph's service in networked mode, method, query, headers and body unchanged.
 */
export function proxyRoutes(prefixes: string[], origin: string): Router {
  const router = Router();
  const forward = async (req: Request, res: Response, prefix: string) => {
    // Resolve dot segments the way the upstream will, then insist the result is still under the
    // prefix: "/auth/../graphql" must not reach the subgraph's GraphQL endpoint.
    const target = new URL(req.originalUrl, origin);
    if (target.origin !== origin || (target.pathname !== prefix && !target.pathname.startsWith(`${prefix}/`))) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !DROPPED_HEADERS.has(name)) headers.set(name, value);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const upstream = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      redirect: 'manual',
      ...(hasBody && { duplex: 'half' }),
    } as RequestInit);
    res.status(upstream.status);
    upstream.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection') res.setHeader(name, value);
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  };
  for (const prefix of prefixes) {
    router.use(prefix, (req, res) => {
      forward(req, res, prefix).catch(() => res.status(502).json({ error: 'upstream subgraph unavailable' }));
    });
  }
  return router;
}
