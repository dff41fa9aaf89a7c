/**
 * A statement written with `$name` parameters, as MikroORM's `execute` takes it (`?` in order):
 * the scoring statements use some values many times, and names keep them readable.
 */
export function namedSql(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/\$([a-z_]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`namedSql: no value for $${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}
