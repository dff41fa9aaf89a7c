// A codegen plugin (CommonJS: graphql-codegen loads plugins with require) for the partner SDK:
// emits, per operation, the variables whose input type has an `idempotencyKey` field, so that the
// client can fill in one key per call, reused across its retries, without parsing documents at run
// time or guessing from names.
const { Kind, getNamedType, isInputObjectType, typeFromAST } = require('graphql');

module.exports = {
  plugin(schema, documents) {
    const entries = [];
    for (const { document } of documents) {
      for (const definition of document?.definitions ?? []) {
        if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
        const variables = (definition.variableDefinitions ?? []).filter((variable) => {
          const type = typeFromAST(schema, variable.type);
          const named = type && getNamedType(type);
          return isInputObjectType(named) && 'idempotencyKey' in named.getFields();
        });
        if (variables.length) entries.push(`  ${definition.name.value}: [${variables.map((v) => `'${v.variable.name.value}'`).join(', ')}],`);
      }
    }
    return [
      '/** Per operation, the variables whose input takes an `idempotencyKey`: the client fills one in when the caller gives none. */',
      'export const idempotentInputs: Readonly<Record<string, readonly string[]>> = {',
      ...entries,
      '};',
    ].join('\n');
  },
};
