import type { SubgraphRuntime } from '@loyalnest/kit';

/**
 * Records the SQL a subgraph's store runs while `fn` does, through MikroORM's own query logger
 * (the queries still go to the real database). For asserting how many queries a batch costs.
 */
export async function recordSql<T>(runtime: SubgraphRuntime, fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const logger = runtime.orm.config.getLogger();
  const queries: string[] = [];
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (context) => {
    if (context.query) queries.push(context.query);
  };
  try {
    return { result: await fn(), queries };
  } finally {
    logger.logQuery = logQuery;
  }
}
