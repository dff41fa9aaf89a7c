// type-graphql reads decorator metadata through this polyfill; it must load before any decorated class.
import 'reflect-metadata';
export * from './config.js';
export * from './context.js';
export * from './crypto.js';
export * from './errors.js';
export * from './format-error.js';
export * from './ids.js';
export * from './internal-token.js';
export * from './loaders.js';
export * from './pagination.js';
export * from './schema.js';
export * from './server.js';
export * from './store.js';
export * from './subgraph.js';
export * from './tenancy.js';
export * from './shopify.js';
export * from './scopes.js';
export * from './demo.js';
