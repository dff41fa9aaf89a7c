import { Router, type Request, type Response } from 'express';
import { Readable } from 'node:stream';

/**
 * Forwards a subgraph's own HTTP routes (OAuth install, later webhooks) from the gateway's port to
 * the subgraph's service in networked mode, method, query, headers and body unchanged.
 */
export function proxyRoutes(prefixes: string[], origin: string): Router {
  const router = Router();
  const forward = async (req: Request, res: Response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const upstream = await fetch(`${origin}${req.originalUrl}`, {
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
      forward(req, res).catch(() => res.status(502).json({ error: 'upstream subgraph unavailable' }));
    });
  }
  return router;
}
