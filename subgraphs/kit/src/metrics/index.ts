export * from './graphql-metrics.plugin.js';
export * from './metrics-collectors.js';
export * from './metrics-http.js';
export * from './metrics-registry.js';
