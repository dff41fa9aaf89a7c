import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The one switch into development: demo secrets, dev tokens, stack traces in error responses.
 * Exactly "1"; NODE_ENV never decides it, so a deployment that forgets or misspells NODE_ENV
 * (unset, `prod`, `staging`) is a production deployment and refuses to start without its secrets.
 */
export const DEV_OPT_IN = 'LOYALNEST_DEV';

export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[DEV_OPT_IN] === '1';
}

/** Every problem of a configuration, in one message an operator can fix in one go. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`LoyalNest configuration is invalid: ${problems.join('; ')}`);
  }
}

const DEV_ONLY = 'loyalnest-development-only';

/** The fixed, public development value of a secret: fine on a laptop, worthless anywhere else. */
export function devSecret(name: string): string {
  return createHash('sha256').update(`${DEV_ONLY}:${name}`).digest('base64');
}

/**
 * The environment being read, with every problem found so far. Settings are read one at a time
 * (each stays one line beside the field it fills) and `check` reports them all together, so an
 * operator never fixes one variable only to be told of the next.
 */
export class Settings {
  readonly development: boolean;
  private readonly problems: string[] = [];

  constructor(readonly env: NodeJS.ProcessEnv) {
    this.development = isDevelopment(env);
  }

  /** The variable's value; empty counts as unset, as shells and compose files leave it. */
  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  /** `schema` parses the raw string; a failure is recorded (value quoted) and `fallback` stands in. */
  read<T>(name: string, schema: z.ZodType<T, string>, fallback: T): T {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.problem(`${name} ${parsed.error.issues[0].message}, got '${preview(raw)}'`);
    return fallback;
  }

  /**
   * A secret: `devFallback` in development, required everywhere else. Its value never appears in
   * a message, only what is wrong with it.
   */
  secret(name: string, schema: z.ZodType<string, string>, devFallback: string): string {
    const raw = this.raw(name);
    if (raw === undefined) {
      if (this.development) return devFallback;
      this.problem(`${name} is required outside development (set ${DEV_OPT_IN}=1 for development)`);
      return '';
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.problem(`${name} ${parsed.error.issues[0].message}`);
    return '';
  }

  /** Throws one `ConfigError` naming every problem recorded. */
  check(): void {
    if (this.problems.length) throw new ConfigError(this.problems);
  }
}

function preview(raw: string): string {
  const printable = raw.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}

export const positiveIntSchema = z.string().regex(/^\d+$/, 'must be a positive integer').transform(Number).pipe(z.number().int().min(1, 'must be a positive integer').max(Number.MAX_SAFE_INTEGER, 'is too large'));

/** A positive integer setting with its default (durations in ms, counts). */
export function positiveInt(env: Settings, name: string, fallback: number): number {
  return env.read(name, positiveIntSchema, fallback);
}

/** A free-form string setting with its default. */
export function stringSetting(env: Settings, name: string, fallback: string): string {
  return env.read(name, z.string(), fallback);
}

/** A URL setting whose scheme is one of `protocols` (e.g. `['postgres:', 'postgresql:']`). */
export function urlSetting(env: Settings, name: string, fallback: string, protocols: string[]): string {
  const schema = z.string().refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return env.read(name, schema, fallback);
}

/** A generated secret: long enough that guessing it is hopeless. */
export function secretOfLength(min: number): z.ZodType<string, string> {
  return z.string().min(min, `must be at least ${min} characters (generate one with: openssl rand -base64 32)`);
}

/** A secret with its development fallback; see `Settings.secret`. */
export function secretSetting(env: Settings, name: string, devFallback: string, schema: z.ZodType<string, string> = secretOfLength(32)): string {
  return env.secret(name, schema, devFallback);
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `ENCRYPTION_KEYS`: `id:base64(32 bytes)` pairs, comma separated, ids unique. */
export const encryptionKeysSchema: z.ZodType<string, string> = z.string().superRefine((spec, ctx) => {
  const ids = new Set<string>();
  for (const [n, entry] of spec.split(',').map((s) => s.trim()).entries()) {
    const sep = entry.indexOf(':');
    const id = sep > 0 ? entry.slice(0, sep) : '';
    const key = sep > 0 ? entry.slice(sep + 1) : '';
    // The entry's position, never its text: it holds the key.
    if (!KEY_ID.test(id) || !BASE64.test(key) || Buffer.from(key, 'base64').length !== 32) {
      ctx.addIssue({ code: 'custom', message: `entry ${n + 1} must be keyId:base64 of 32 bytes (generate one with: echo "k1:$(openssl rand -base64 32)")` });
      return;
    }
    if (ids.has(id)) {
      ctx.addIssue({ code: 'custom', message: `names key id '${id}' twice` });
      return;
    }
    ids.add(id);
  }
});
