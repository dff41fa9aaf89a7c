/**
 * OpenTelemetry traces, loaded before the application: `node --import <this file> <entry>` (the
 * image sets it in NODE_OPTIONS; see README "Traces"). Off unless an OTLP endpoint is configured,
 * and then nothing else is loaded: no SDK, no instrumentation, no hook, so a process without traces
 * pays one environment lookup. It must run before the application imports `pg`, `ioredis` and
 * `http`, which is why it is an `--import` module and not a call from the entry points.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  const { startTracing } = await import('./tracing-sdk.js');
  startTracing(process.env);
}

export {};
