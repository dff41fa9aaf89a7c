import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { RequestContext } from './context.js';
import { unauthenticated, withHttpStatus } from './errors.js';
import { formatError, logUnexpected } from './format-error.js';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from './internal-token.js';
import type { SubgraphRuntime } from './subgraph.js';
import { logger } from './logger.js';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin.js';
import { httpMetrics, metricsRoute } from './metrics/metrics-http.js';

/** Liveness and readiness, the same on every service. Readiness means the store answers. */
export function healthRoutes(app: Express, isReady: () => Promise<void>): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await isReady();
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
}

/**
 * Express's own error page carries a stack trace outside production; answer body errors (bad JSON,
 * too large) the way GraphQL errors are answered instead, and anything else as INTERNAL.
 */
export const httpErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  } else if (error.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is too large', extensions: { code: 'BAD_REQUEST' } }] });
  } else {
    logger('http').error({ err: error }, 'unexpected HTTP error');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }] });
  }
};

/**
 * A subgraph as its own HTTP service (networked mode). Every operation, `_service` and
 * `_entities` included, needs a valid internal token from the gateway: the context function
 * refuses before anything executes.
 */
export async function createSubgraphHttpApp(runtime: SubgraphRuntime): Promise<{ app: Express; stop: () => Promise<void> }> {
  const stackTraces = runtime.config.errorStackTraces;
  const apollo = new ApolloServer<RequestContext>({
    schema: runtime.schema,
    introspection: runtime.config.development,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: stackTraces,
    formatError: (formatted, error) => {
      logUnexpected(runtime.name, error);
      return formatError(formatted, stackTraces);
    },
    // Inline traces are for Apollo's hosted studio; we send none, so skip their cost.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), graphqlMetricsPlugin()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetrics);
  app.use(metricsRoute(runtime.config.metrics, runtime.config.development));
  healthRoutes(app, async () => {
    await runtime.orm.em.fork().execute('select 1');
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const token = req.headers[INTERNAL_TOKEN_HEADER];
        if (typeof token !== 'string' || !token) {
          throw withHttpStatus(unauthenticated('Missing internal token: subgraphs are reached through the gateway'), 401);
        }
        try {
          const caller = await verifyInternalToken(runtime.config.internalTokenSecret, token);
          return runtime.createContext(caller);
        } catch {
          throw withHttpStatus(unauthenticated('Invalid or expired internal token'), 401);
        }
      },
    }),
  );
  app.use(httpErrorHandler);
  return { app, stop: () => apollo.stop() };
}

