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

/** Scalars as the clients receive them over JSON. */
const scalars = { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' };

/**
 * The dashboard gets named React hooks over urql (`useDashboardOverviewQuery`, …) beside its typed
 * documents, in one file. The documents are emitted as parsed ASTs, so the app ships no GraphQL
 * parser. urql's document cache keeps a result as the server sent it, fields selected through
 * `... on ErrorResult` included, so it needs no possible-types map (Apollo Client's cache would).
 */
const DASHBOARD = 'dashboard';

/**
 * The storefront widget posts its documents as they are: `documentMode: 'string'` emits each as a
 * typed string, so neither the launcher nor the panel ships a GraphQL parser or printer (the
 * launcher must stay under theme check's 10 KB).
 */
const WIDGET = 'widget';

/**
 * The partner SDK gets one typed function per operation (`getSdk(requester).customers(…)`, the
 * generic SDK plugin) and, from our own plugin, which operations take an idempotency key, for the
 * client to fill in. Documents are parsed ASTs the client prints once each: the generic SDK plugin's
 * string mode emits `new TypedDocumentString(…)` without declaring it, and passes it where its own
 * requester type wants a `string`.
 */
const PARTNER_SDK = 'partner-sdk';

const config: CodegenConfig = {
  schema: './api-schema.graphql',
  // Relative imports with a .js extension, as NodeNext resolution requires.
  emitLegacyCommonJSImports: false,
  generates: Object.fromEntries(
    clients.map((client) =>
      client === PARTNER_SDK
        ? [
            `../clients/${client}/src/generated/sdk.ts`,
            {
              documents: [`../clients/${client}/src/**/*.graphql`],
              // typescript-operations 6 emits the input types and enums the operations use itself.
              plugins: ['typescript-operations', 'typescript-generic-sdk', './src/idempotent-inputs.plugin.cjs'],
              config: { useTypeImports: true, strictScalars: true, scalars, enumsAsTypes: true, documentMode: 'documentNode' },
            },
          ]
        : client === DASHBOARD
        ? [
            `../clients/${client}/src/generated/graphql.ts`,
            {
              documents: [`../clients/${client}/src/**/*.graphql`],
              plugins: ['typescript-operations', 'typescript-urql'],
              config: {
                useTypeImports: true,
                strictScalars: true,
                scalars,
                enumsAsTypes: true,
                onlyOperationTypes: true,
                documentMode: 'documentNode',
                withHooks: true,
                urqlImportFrom: 'urql',
              },
            },
          ]
        : [
            `../clients/${client}/src/generated/`,
            {
              preset: 'client',
              documents: [`../clients/${client}/src/**/*.graphql`],
              // SDK and app code read results directly; masked fragments would force an unwrap call.
              presetConfig: { fragmentMasking: false },
              config: { useTypeImports: true, strictScalars: true, scalars, ...(client === WIDGET && { documentMode: 'string' }) },
            },
          ],
    ),
  ),
};

export default config;
