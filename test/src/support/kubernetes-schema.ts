import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { KubeObject, RenderedObject } from './kustomize-render.js';

/**
 * Checks Kubernetes objects against the API schemas of one Kubernetes version, offline. The
 * schemas come from `kubernetes-models` (pinned in the pnpm catalog; its 5.x releases are generated
 * from Kubernetes v1.36's OpenAPI definitions), in two forms made from the same definitions:
 * - its ajv validators: types, required fields, enums and formats (int32…);
 * - its TypeScript declarations, which TypeScript checks each object against as an object literal:
 *   that refuses a field the schema does not have, at any depth (a misspelt `replica`, a probe's
 *   `httpGet.paht`), as `kubectl apply`'s strict field validation does; the OpenAPI definitions
 *   alone allow unknown fields.
 * An apiVersion/kind that version does not serve (a removed beta API) is refused too.
 */
export const KUBERNETES_VERSION = 'v1.36';

/**
 * kubernetes-models also keeps the definitions of APIs that Kubernetes has since removed
 * (extensions/v1beta1, autoscaling/v2beta2, policy/v1beta1…), so the group versions are checked
 * apart: these stable ones are served by v1.36 and have no removal announced.
 */
const SERVED_API_VERSIONS = new Set(['v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1', 'discovery.k8s.io/v1', 'coordination.k8s.io/v1']);

const HERE = dirname(fileURLToPath(import.meta.url));

/** What is wrong with one object; an object with no problems has none. */
export interface SchemaProblem {
  source: string;
  object: string;
  message: string;
}

interface ModelPath {
  /** `kubernetes-models/<path>`: the module of the kind's declarations. */
  module: string;
  /** `kubernetes-models/_schemas/<id>`: its compiled validator. */
  schemaId: string;
}

/** Where kubernetes-models keeps an apiVersion/kind: `apps/v1` + Deployment → apps/v1/Deployment. */
function modelPath(apiVersion: string, kind: string): ModelPath {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupId = group === '' ? 'Core' : group.split('.')[0].replace(/^./, (c) => c.toUpperCase());
  return {
    module: `${group ? `${group}/` : ''}${version}/${kind}`,
    schemaId: `IoK8sApi${groupId}${version.replace(/^./, (c) => c.toUpperCase())}${kind}`,
  };
}

interface ErrorObject {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The compiled validators carry no messages (ajv's are added by a localizer): say it from the keyword. */
function explain({ keyword, params }: ErrorObject): string {
  if (keyword === 'type') return `must be ${String(params.type)}`;
  if (keyword === 'required') return `must have required property '${String(params.missingProperty)}'`;
  if (keyword === 'enum') return `must be one of ${JSON.stringify(params.allowedValues)}`;
  if (keyword === 'format') return `must match format "${String(params.format)}"`;
  return `fails ${keyword} ${JSON.stringify(params)}`;
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

async function loadValidator(schemaId: string): Promise<Validator | null> {
  try {
    const module = (await import(`kubernetes-models/_schemas/${schemaId}`)) as { validate: Validator };
    return module.validate;
  } catch {
    return null;
  }
}

/** Every problem of every object: schema violations first, then unknown fields. */
export async function checkAgainstSchemas(objects: RenderedObject[]): Promise<SchemaProblem[]> {
  const problems: SchemaProblem[] = [];
  const typed: { rendered: RenderedObject; path: ModelPath }[] = [];
  for (const rendered of objects) {
    const { object, source } = rendered;
    const name = identify(object);
    const path = modelPath(object.apiVersion, object.kind);
    const validate = SERVED_API_VERSIONS.has(object.apiVersion) ? await loadValidator(path.schemaId) : null;
    if (!validate) {
      problems.push({ source, object: name, message: `${object.apiVersion} ${object.kind} is not served by Kubernetes ${KUBERNETES_VERSION}` });
      continue;
    }
    if (!validate(object)) {
      for (const error of validate.errors ?? []) problems.push({ source, object: name, message: `${error.instancePath || '/'} ${explain(error)}` });
    }
    typed.push({ rendered, path });
  }
  problems.push(...unknownFields(typed));
  return problems;
}

/**
 * One TypeScript program whose only file assigns each object, as a literal, to its kind's
 * interface; excess-property and type errors name what the schema lacks. Each object is one line,
 * so an error's line says which object it is.
 */
function unknownFields(typed: { rendered: RenderedObject; path: ModelPath }[]): SchemaProblem[] {
  if (!typed.length) return [];
  const fileName = join(HERE, '__kubernetes_objects__.ts');
  const imports = [...new Set(typed.map(({ path }) => path.module))].map((module, i) => `import type { I${module.split('/').pop()} as T${i} } from 'kubernetes-models/${module}';`);
  const aliasOf = new Map([...new Set(typed.map(({ path }) => path.module))].map((module, i) => [module, `T${i}`]));
  const lines = typed.map(({ rendered, path }, i) => `export const o${i}: ${aliasOf.get(path.module)} = ${JSON.stringify(rendered.object)};`);
  const text = [...imports, ...lines].join('\n');
  const firstObjectLine = imports.length;

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === fileName ? text : readFile(f));
  host.fileExists = (f) => f === fileName || fileExists(f);
  host.getSourceFile = (f, languageVersion, ...rest) => (f === fileName ? ts.createSourceFile(f, text, languageVersion, true) : getSourceFile(f, languageVersion, ...rest));
  const program = ts.createProgram([fileName], options, host);
  const source = program.getSourceFile(fileName)!;
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];

  return diagnostics.map((diagnostic) => {
    const line = diagnostic.start === undefined ? -1 : source.getLineAndCharacterOfPosition(diagnostic.start).line;
    const entry = typed[line - firstObjectLine];
    // The literal's keys are JSON strings, which TypeScript quotes twice ('"replica"').
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/'"([^"']+)"'/g, "'$1'");
    return entry
      ? { source: entry.rendered.source, object: identify(entry.rendered.object), message }
      : { source: 'kubernetes-models', object: '(declarations)', message };
  });
}

function identify(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.name}`;
}

