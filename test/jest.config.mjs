/**
 * Tests run as native ESM (MikroORM 7 is ESM-only) with swc, which also emits the decorator
 * metadata type-graphql reads. They talk to the real PostgreSQL and Redis; `jest.global-setup.mjs`
 * migrates the test databases once per run.
 */
export default {
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  setupFiles: ['<rootDir>/jest.env.mjs'],
  globalSetup: '<rootDir>/jest.global-setup.mjs',
  testTimeout: 60_000,
};
