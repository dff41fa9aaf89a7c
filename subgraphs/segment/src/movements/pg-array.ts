/**
 * A PostgreSQL array literal, for one parameter the statement casts (`?::uuid[]`, `?::text[]`):
 * the driver would spread a JS array into a list of parameters. Every element is quoted and
 * escaped, so any text is safe in it.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
