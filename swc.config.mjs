/**
 * The one TypeScript transform: the tests (test/jest.config.mjs) and `npm run build`
 * (scripts/build.mjs) both compile with it, so a decorator whose metadata swc cannot emit fails
 * the tests the same way it would fail the compiled service. Native ESM (MikroORM 7 is ESM-only);
 * decorator metadata is what type-graphql reads.
 */
export const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
};
