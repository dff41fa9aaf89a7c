import { DriverException } from '@mikro-orm/core';
import { Writable } from 'node:stream';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { LogSettings } from './config.js';

export type { Logger } from 'pino';

/**
 * Fields never written, wherever they sit (one level deep too): credentials, and the customer PII
 * the customer subgraph keeps encrypted at rest. Messages are our own text and name ids only; the
 * email scrubber below catches an address that a third party's error message carries.
 */
const REDACTED_FIELDS = ['authorization', 'cookie', 'token', 'accessToken', 'secret', 'password', 'email', 'firstName', 'lastName', 'fullName', 'displayName', 'phone', 'address', 'address1', 'address2', 'addresses'];
const REDACT_PATHS = [...REDACTED_FIELDS, ...REDACTED_FIELDS.map((field) => `*.${field}`), 'headers.authorization', '*.headers.authorization', '*.headers.cookie'];

// Domain labels without `_` or `/`, so a package path such as `dataloader@2.2.3/node_modules` is no match.
const EMAIL = /[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;

function scrub(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/**
 * A database error's message can quote the row (`Key (x)=(value)`, a trigger's text, the SQL with
 * its parameters): only its class, SQLSTATE and frames are written, as the dead letters do.
 */
function serializeError(error: Error) {
  const serialized = stdSerializers.err(error);
  // MikroORM's exceptions, and pg's own (which alone carry a severity)
  if (error instanceof DriverException || typeof (error as { severity?: unknown }).severity === 'string') {
    const { sqlState, code } = error as { sqlState?: string; code?: string };
    const frames = (serialized.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
    const message = `${error.name} (SQLSTATE ${sqlState ?? code ?? 'unknown'})`;
    return { type: serialized.type, message, stack: [message, ...frames].join('\n') };
  }
  return { ...serialized, message: scrub(serialized.message), stack: serialized.stack && scrub(serialized.stack) };
}

function createRoot(settings: LogSettings, development: boolean, destination?: DestinationStream): Logger {
  return pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? (settings.file ? pino.destination({ dest: settings.file, sync: true, mkdir: true }) : development ? readableLines() : pino.destination({ sync: false })),
  );
}

/**
 * Development's readable lines (`12:00:00.000 WARN [points] message key=value`), formatted here
 * rather than by pino-pretty so production carries no pretty-printer at runtime.
 */
function readableLines(): DestinationStream {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const { level, time, msg, subgraph, err, pid: _pid, ...fields } = JSON.parse(chunk.toString()) as Record<string, unknown>;
      const extra = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
      const name = pino.levels.labels[level as number]?.toUpperCase() ?? String(level);
      const stack = err ? `\n${(err as { stack?: string }).stack ?? (err as { message?: string }).message}` : '';
      const line = `${new Date(time as number).toISOString().slice(11, 23)} ${name} [${subgraph ?? '-'}] ${msg ?? ''}${extra.length ? ` ${extra.join(' ')}` : ''}${stack}\n`;
      (level as number) >= 40 ? process.stderr.write(line) : process.stdout.write(line);
      done();
    },
  });
  return stream;
}

// JSON on standard output until a runtime's configuration says otherwise.
let root: Logger = createRoot({ level: 'info', file: null }, false);
let applied = '';
let captured = false;

/**
 * Points every logger at the configured level and destination. Called by each runtime as it
 * starts with its configuration; the same settings again change nothing, so the loggers already
 * handed out keep writing where they did.
 */
export function configureLogs(settings: LogSettings, development: boolean): void {
  const key = JSON.stringify([settings, development]);
  if (key === applied || captured) return;
  applied = key;
  root = createRoot(settings, development);
}

/**
 * Sends every log line to `destination` (a test capturing a run's logs), with every setting but the
 * destination kept; `null` ends the capture (standard output until a runtime configures the logs again).
 */
export function captureLogs(destination: DestinationStream | null, settings: LogSettings = { level: 'info', file: null }): void {
  captured = destination !== null;
  applied = '';
  root = createRoot(settings, false, destination ?? undefined);
}

/**
 * A logger whose every line names its subgraph (`gateway` for the gateway itself). Taken at the
 * time of logging, not kept in a module constant, so lines follow `configureLogs`.
 */
export function logger(subgraph: string, fields: Record<string, unknown> = {}): Logger {
  return root.child({ subgraph, ...fields });
}
