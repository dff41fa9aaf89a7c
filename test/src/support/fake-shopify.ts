/** The tests' Shopify is the development stand-in itself (`gateway/src/dev`), so both answer alike. */
export * from '../../../gateway/src/dev/shopify-stand-in.js';
