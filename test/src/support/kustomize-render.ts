import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

/**
 * Renders a kustomization the way `kubectl kustomize` does, for the few kustomize features
 * deploy/kubernetes uses, so CI can check the rendered objects without the kustomize binary (CI
 * reaches only the npm registry). Anything else in a kustomization is refused rather than ignored,
 * so the manifests cannot come to depend on a feature this rendering would get wrong. Supported:
 * - `resources`: YAML files (one or more documents) and directories holding a kustomization;
 * - `namespace`: set on every object;
 * - `images`: `name` → `newName`, `newTag` or `digest`, on every container and init container;
 * - `patches`: JSON 6902 patches (`patch` inline or `path` to a file) with a `target` of `kind`
 *   and/or `name`, the name an anchored regular expression as kustomize reads it.
 */

/** A rendered Kubernetes object, with where it came from for messages. */
export interface RenderedObject {
  source: string;
  object: KubeObject;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  images?: ImageOverride[];
  patches?: PatchSpec[];
}

interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

interface PatchSpec {
  path?: string;
  patch?: string;
  target: { kind?: string; name?: string };
}

interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

const SUPPORTED_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches']);

export class KustomizeError extends Error {
  override name = 'KustomizeError';
}

/** The objects `kubectl kustomize <dir>` would print (kustomize sorts them by kind; these keep file order). */
export function renderKustomization(dir: string, root = dir): RenderedObject[] {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new KustomizeError(`${relative(root, dir) || '.'}: no kustomization.yaml`);
  const where = relative(root, file) || file;
  const k = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Kustomization;
  const unsupported = Object.keys(k).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length) throw new KustomizeError(`${where}: ${unsupported.join(', ')} not supported by this rendering (see kustomize-render.ts)`);
  if (k.kind !== 'Kustomization') throw new KustomizeError(`${where}: kind must be Kustomization`);

  const objects = (k.resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    if (!existsSync(path)) throw new KustomizeError(`${where}: resource ${entry} does not exist`);
    return statSync(path).isDirectory() ? renderKustomization(path, root) : readObjects(path, root);
  });
  for (const spec of k.patches ?? []) applyPatch(objects, spec, dir, where);
  for (const image of k.images ?? []) for (const { object } of objects) overrideImage(object, image);
  if (k.namespace) for (const { object } of objects) object.metadata.namespace = k.namespace;
  return objects;
}

/** Every document of a manifest file, refusing empty documents and objects without identity. */
export function readObjects(file: string, root = dirname(file)): RenderedObject[] {
  const source = relative(root, file) || file;
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc, i) => {
    if (doc.errors.length) throw new KustomizeError(`${source} document ${i + 1}: ${doc.errors[0].message}`);
    const object = doc.toJS() as KubeObject | null;
    if (!object || typeof object !== 'object' || !object.apiVersion || !object.kind || !object.metadata?.name) {
      throw new KustomizeError(`${source} document ${i + 1}: apiVersion, kind and metadata.name are required`);
    }
    return { source, object };
  });
}

function applyPatch(objects: RenderedObject[], spec: PatchSpec, dir: string, where: string): void {
  if (!spec.target || (!spec.target.kind && !spec.target.name)) throw new KustomizeError(`${where}: every patch needs a target (kind and/or name)`);
  if (!spec.patch === !spec.path) throw new KustomizeError(`${where}: a patch has either patch or path`);
  const text = spec.patch ?? readFileSync(resolve(dir, spec.path!), 'utf8');
  const operations = parseYaml(text) as PatchOperation[];
  if (!Array.isArray(operations)) throw new KustomizeError(`${where}: only JSON 6902 patches (a list of operations) are supported`);
  const name = spec.target.name === undefined ? undefined : new RegExp(`^(?:${spec.target.name})$`);
  const matched = objects.filter(({ object }) => (!spec.target.kind || object.kind === spec.target.kind) && (!name || name.test(object.metadata.name)));
  if (!matched.length) throw new KustomizeError(`${where}: patch target ${JSON.stringify(spec.target)} matches no object`);
  for (const { object, source } of matched) {
    for (const operation of operations) applyOperation(object, operation, `${where} → ${source} ${object.kind}/${object.metadata.name}`);
  }
}

/** RFC 6902 add, replace and remove (the operations kustomize's patches here use). */
function applyOperation(object: KubeObject, operation: PatchOperation, where: string): void {
  const tokens = operation.path.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = tokens.pop();
  if (last === undefined) throw new KustomizeError(`${where}: the patch path must not be the root`);
  let parent: unknown = object;
  for (const token of tokens) {
    parent = child(parent, token);
    if (parent === undefined) throw new KustomizeError(`${where}: ${operation.path} does not exist`);
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length || (operation.op !== 'add' && index === parent.length)) {
      throw new KustomizeError(`${where}: ${operation.path} is out of range`);
    }
    if (operation.op === 'add') parent.splice(index, 0, structuredClone(operation.value));
    else if (operation.op === 'replace') parent[index] = structuredClone(operation.value);
    else parent.splice(index, 1);
    return;
  }
  if (!parent || typeof parent !== 'object') throw new KustomizeError(`${where}: ${operation.path} does not lead into an object`);
  const record = parent as Record<string, unknown>;
  if (operation.op !== 'add' && !(last in record)) throw new KustomizeError(`${where}: ${operation.path} does not exist`);
  if (operation.op === 'remove') delete record[last];
  else if (operation.op === 'add' || operation.op === 'replace') record[last] = structuredClone(operation.value);
  else throw new KustomizeError(`${where}: unsupported patch operation ${String(operation.op)}`);
}

function child(parent: unknown, token: string): unknown {
  if (Array.isArray(parent)) return parent[Number(token)];
  if (parent && typeof parent === 'object') return (parent as Record<string, unknown>)[token];
  return undefined;
}

/** kustomize's image transformer: an image whose name (before any tag or digest) is `name`. */
function overrideImage(object: KubeObject, image: ImageOverride): void {
  const spec = (object.spec as { template?: { spec?: PodSpecLike } } | undefined)?.template?.spec;
  if (!spec) return;
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const { name, tag, digest } = splitImage(container.image);
    if (name !== image.name) continue;
    const newName = image.newName ?? name;
    if (image.digest) container.image = `${newName}@${image.digest}`;
    else if (image.newTag) container.image = `${newName}:${image.newTag}`;
    else container.image = `${newName}${digest ? `@${digest}` : tag ? `:${tag}` : ''}`;
  }
}

interface PodSpecLike {
  containers?: { image: string }[];
  initContainers?: { image: string }[];
}

function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { name: image.slice(0, at), digest: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  // A colon before the last slash is a registry's port, not a tag.
  if (colon > image.lastIndexOf('/')) return { name: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { name: image };
}
