import type { WebhookEndpointPolicy } from '@loyalnest/kit';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { addressAllowed, hostOf, schemeAllowed, systemResolver } from '../domain/webhook-endpoint.js';

/** One attempt's request: the subscription's URL, the headers of this attempt, the delivery's exact body. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * What became of one attempt. `success`: a 2xx answer within the timeout. `failure`: any other
 * answer (3xx included: redirects are never followed), or none (`statusCode` null: timeout,
 * refused address, connection error), with a short text saying why. `aborted`: the process is
 * shutting down; the attempt counts for nothing and is made again later.
 */
export type WebhookAttemptOutcome =
  | { kind: 'success'; statusCode: number; excerpt: string; durationMs: number }
  | { kind: 'failure'; statusCode: number | null; error: string; excerpt: string | null; durationMs: number; refusedAddress?: string }
  | { kind: 'aborted' };

export interface WebhookHttpOptions {
  policy: WebhookEndpointPolicy;
  /** The whole attempt's deadline: connection, answer and the part of its body that is read. */
  timeoutMs: number;
  /** How much of an answer's body is read and kept; the socket is destroyed past it. */
  responseLimitBytes: number;
}

/** What the merchant is told of a refused address: never the address (the dispatcher logs it). */
const REFUSED = 'resolves to an address that is not public';

/** A connection the endpoint policy refuses; raised before any connection is opened. */
class RefusedAddressError extends Error {
  constructor(readonly address: string) {
    super(REFUSED);
  }
}

/**
 * Resolves the host like the system does, but refuses (before any connection) when any address
 * the name resolves to is not allowed: the check is on the very addresses the socket connects to,
 * so a name that resolved to a public address when the subscription was made and to a private one
 * now (DNS rebinding) is refused. Answers both lookup shapes (`all`, which happy eyeballs uses, or one).
 */
function guardedLookup(policy: WebhookEndpointPolicy): LookupFunction {
  return (hostname, options, callback) => {
    systemResolver(hostname).then(
      (resolved) => {
        const refused = resolved.find((a) => !addressAllowed(policy, a.address));
        if (refused) return callback(new RefusedAddressError(refused.address), '', 0);
        const usable = options.family === 4 || options.family === 6 ? resolved.filter((a) => a.family === options.family) : resolved;
        if (!usable.length) return callback(Object.assign(new Error(`host ${hostname} does not resolve`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return callback(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** A short text for a request that got no answer: what the delivery's `lastError` shows. */
function describeError(error: NodeJS.ErrnoException, host: string): string {
  if (error instanceof RefusedAddressError) return error.message;
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${host} does not resolve`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
  }
  return (error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT') ? `TLS: ${error.message}` : error.message || String(error.code)).slice(0, 300);
}

/** The start of an answer's body as text, never more than `limit` bytes once stored (no partial character, no NUL, which PostgreSQL's text refuses). */
function excerptOf(chunks: Buffer[], limit: number): string {
  let text = new StringDecoder('utf8').write(Buffer.concat(chunks)).replaceAll('\u0000', '');
  // Invalid bytes decode to U+FFFD, three bytes each: cut again to the limit.
  while (Buffer.byteLength(text) > limit) text = text.slice(0, -1);
  return text;
}

/**
 * Sends one webhook attempt with node's own HTTP client: no redirects followed, a fresh connection
 * each time (the address check runs on every connect), one deadline for the whole attempt, at most
 * `responseLimitBytes` of the answer read.
 */
export class WebhookHttpClient {
  private readonly lookup: LookupFunction;

  constructor(private readonly options: WebhookHttpOptions) {
    this.lookup = guardedLookup(options.policy);
  }

  send(request: WebhookRequest, signal: AbortSignal): Promise<WebhookAttemptOutcome> {
    const started = Date.now();
    const failure = (error: string, statusCode: number | null = null, excerpt: string | null = null, refusedAddress?: string): WebhookAttemptOutcome => ({
      kind: 'failure',
      statusCode,
      error,
      excerpt,
      durationMs: Date.now() - started,
      ...(refusedAddress ? { refusedAddress } : {}),
    });
    if (signal.aborted) return Promise.resolve({ kind: 'aborted' });
    if (!URL.canParse(request.url)) return Promise.resolve(failure('malformed URL'));
    const url = new URL(request.url);
    if (!schemeAllowed(this.options.policy, url.protocol)) return Promise.resolve(failure(`${url.protocol} URLs are refused: https only`));
    // Node connects to an IP literal without a lookup: check it here.
    const host = hostOf(url);
    if (isIP(host) && !addressAllowed(this.options.policy, host)) return Promise.resolve(failure(REFUSED, null, null, host));

    const { timeoutMs, responseLimitBytes } = this.options;
    const body = Buffer.from(request.body, 'utf8');
    return new Promise<WebhookAttemptOutcome>((resolve) => {
      let settled = false;
      let statusCode: number | null = null;
      const chunks: Buffer[] = [];
      let read = 0;
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, {
        method: 'POST',
        headers: { ...request.headers, 'Content-Length': String(body.length) },
        lookup: this.lookup,
        agent: false,
      });
      const settle = (outcome: WebhookAttemptOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        req.destroy();
        resolve(outcome);
      };
      const answered = () => {
        const excerpt = excerptOf(chunks, responseLimitBytes);
        if (statusCode !== null && statusCode >= 200 && statusCode < 300) settle({ kind: 'success', statusCode, excerpt, durationMs: Date.now() - started });
        else settle(failure(`HTTP ${statusCode}`, statusCode, excerpt));
      };
      const onAbort = () => settle({ kind: 'aborted' });
      const timer = setTimeout(() => settle(failure(`timeout after ${timeoutMs} ms`, statusCode)), timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A connection cut after the answer's status line still answered; before it, nothing did.
        if (statusCode !== null) answered();
        else settle(failure(describeError(error, host), null, null, error instanceof RefusedAddressError ? error.address : undefined));
      });
      req.on('response', (res) => {
        statusCode = res.statusCode ?? 0;
        res.on('data', (chunk: Buffer) => {
          const take = Math.min(chunk.length, responseLimitBytes - read);
          if (take > 0) chunks.push(chunk.subarray(0, take));
          read += take;
          // The rest is never read: `answered` destroys the socket.
          if (read >= responseLimitBytes) answered();
        });
        res.on('end', answered);
        res.on('error', answered);
        res.on('close', answered);
      });
      req.end(body);
    });
  }
}
