import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { positiveInt, Settings, stringSetting, urlSetting } from '../settings.js';

/** Probes and scrapes are answered many times a minute and say nothing about a request's path. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface TracingConfig {
  /** Where spans are posted (OTLP over HTTP, JSON): `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  url: string;
  serviceName: string;
  /** Share of new traces recorded (`OTEL_TRACES_SAMPLER_ARG`); a request arriving with a trace follows its caller's decision. */
  sampleRatio: number;
  /** How long spans wait to be sent in one batch (`OTEL_BSP_SCHEDULE_DELAY`, ms). */
  batchDelayMs: number;
}

/**
 * The process's service name when `OTEL_SERVICE_NAME` is unset: its entry point, and the subgraph
 * it serves (`serve-subgraph --name points` is `loyalnest-points`, `serve-gateway` `loyalnest-gateway`).
 */
function defaultServiceName(argv: string[]): string {
  const { values } = parseArgs({ args: argv.slice(2), options: { name: { type: 'string' } }, strict: false });
  if (typeof values.name === 'string') return `loyalnest-${values.name}`;
  return `loyalnest-${basename(argv[1] ?? 'node').replace(/\.[cm]?[jt]s$/, '').replace(/^serve-/, '')}`;
}

export function readTracingConfig(source: NodeJS.ProcessEnv, argv: string[] = process.argv): TracingConfig {
  const env = new Settings(source);
  const protocols = ['http:', 'https:'];
  const traces = urlSetting(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '', protocols);
  const base = urlSetting(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', '', protocols);
  const ratio = z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1').transform(Number);
  const config: TracingConfig = {
    url: traces || `${base.replace(/\/+$/, '')}/v1/traces`,
    serviceName: stringSetting(env, 'OTEL_SERVICE_NAME', defaultServiceName(argv)),
    sampleRatio: env.read('OTEL_TRACES_SAMPLER_ARG', ratio, 1),
    batchDelayMs: positiveInt(env, 'OTEL_BSP_SCHEDULE_DELAY', 1000),
  };
  env.check();
  return config;
}

/**
 * SQL as a span may keep it: MikroORM sends many statements with their values inlined, and a
 * literal can be a shop domain or a customer's name, so every string and number literal becomes `?`.
 */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, '?').replace(/(?<![\w$.])-?\d+(?:\.\d+)?(?![\w.])/g, '?');
}

/**
 * Registers the tracer provider, W3C `traceparent` propagation and the instrumentations: incoming
 * and outgoing HTTP (node:http; the gateway's subgraph fetches go through undici, whose
 * diagnostics channels the undici instrumentation reads, injecting `traceparent` into each),
 * PostgreSQL (node-pg, beneath MikroORM) and Redis (ioredis, beneath BullMQ and the live hub).
 * @apollo/gateway's own spans (plan, fetch) join the same traces through the global API.
 *
 * Recorded spans never carry values: SQL is kept without its literals (`withoutLiterals`) and bind
 * values are never recorded; a Redis span names its command only.
 */
export function startTracing(source: NodeJS.ProcessEnv): TracerProvider {
  const config = readTracingConfig(source);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.url }), scheduledDelayMillis: config.batchDelayMs })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]) }),
      new UndiciInstrumentation(),
      new PgInstrumentation({ requestHook: (span, { query }) => span.setAttribute('db.query.text', withoutLiterals(query.text)) }),
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  // The application imports these CommonJS packages from ES modules, which the instrumentations'
  // require hook does not see. Required here first, they are patched in place, and Node hands the
  // same patched modules to every later import (one version of each in the workspace).
  const require = createRequire(import.meta.url);
  for (const name of ['pg', 'ioredis', 'node:http', 'node:https']) require(name);
  return provider;
}
