import type { CodegenConfig } from '@graphql-codegen/cli';
import { readdirSync } from 'node:fs';

/**
 * One output per client package in clients/: the client preset's typed documents, generated from
 * the operations in the client's src/**\/*.graphql and validated against the API schema (written
 * first by src/api-schema.ts). Paths are relative to this package, where `pnpm codegen` runs.
 */
const clients = readdirSync('../clients', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const config: CodegenConfig = {
  schema: './api-schema.graphql',
  // Relative imports with a .js extension, as NodeNext resolution requires.
  emitLegacyCommonJSImports: false,
  generates: Object.fromEntries(
    clients.map((client) => [
      `../clients/${client}/src/generated/`,
      {
        preset: 'client',
        documents: [`../clients/${client}/src/**/*.graphql`],
        // SDK and app code read results directly; masked fragments would force an unwrap call.
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          strictScalars: true,
          scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        },
      },
    ]),
  ),
};

export default config;
