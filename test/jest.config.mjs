import { swcOptions } from '../swc.config.mjs';

/**
 * Tests run with swc and the same options as the compiled build (swc.config.mjs). They talk to
 * the real PostgreSQL and Redis; `jest.global-setup.mjs` migrates the test databases once per run.
 */
export default {
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions],
  },
  setupFiles: ['<rootDir>/jest.env.mjs'],
  globalSetup: '<rootDir>/jest.global-setup.mjs',
  testTimeout: 60_000,
};
