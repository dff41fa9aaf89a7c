/** What every benchmark shares: its progress lines, and its knobs read from the environment. */

export const log = (line: string) => console.log(`[bench] ${line}`);

/** An integer setting of a bench from `process.env`, 1 to `max`; unset or empty takes `fallback`. */
export function positiveInt(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be an integer from 1 to ${max}, got "${raw}"`);
  return value;
}
