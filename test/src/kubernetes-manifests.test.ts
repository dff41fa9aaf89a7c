import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig, readSupergraphConfig, REPO_ROOT } from '../../gateway/src/config.js';
import { checkAgainstSchemas, KUBERNETES_VERSION } from './support/kubernetes-schema.js';
import { readObjects, renderKustomization, type KubeObject, type RenderedObject } from './support/kustomize-render.js';

/**
 * deploy/kubernetes: every overlay is rendered as `kubectl kustomize` would and checked against the
 * Kubernetes API schemas, offline; then against what the services need (probes, ports, settings).
 */
const DEPLOY = join(REPO_ROOT, 'deploy/kubernetes');
const OVERLAYS = ['overlays/staging', 'overlays/production'];

interface Container {
  name: string;
  image: string;
  command: string[];
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
}

interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean; runAsUser?: number } };
}

/** What the gateway's configuration (the kit's and its own: a superset of every process's) finds wrong with `env`. */
function configProblems(env: Record<string, string>): string[] {
  try {
    loadGatewayConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

function render(dir: string): RenderedObject[] {
  return renderKustomization(join(DEPLOY, dir), DEPLOY);
}

function objectsOf(objects: RenderedObject[], kind: string): KubeObject[] {
  return objects.map((r) => r.object).filter((o) => o.kind === kind);
}

function named(objects: RenderedObject[], kind: string, name: string): KubeObject {
  const found = objectsOf(objects, kind).find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in the rendering`);
  return found;
}

function template(workload: KubeObject): PodTemplate {
  return (workload.spec as { template: PodTemplate }).template;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** A Deployment for manifests the tests break on purpose, written to a file of its own. */
function brokenManifest(yaml: string): RenderedObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'loyalnest-k8s-'));
  try {
    writeFileSync(join(dir, 'broken.yaml'), yaml);
    return readObjects(join(dir, 'broken.yaml'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const VALID_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: probe
spec:
  replicas: 2
  selector:
    matchLabels: { app: probe }
  template:
    metadata:
      labels: { app: probe }
    spec:
      containers:
        - name: probe
          image: loyalnest
          ports: [{ name: http, containerPort: 4000 }]
          readinessProbe:
            httpGet: { path: /readyz, port: http }
`;

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it.each(['base', ...OVERLAYS])(`%s renders, and every object it renders matches the Kubernetes ${KUBERNETES_VERSION} API schemas`, async (dir) => {
    const objects = render(dir);

    expect(objects.map((r) => `${r.object.kind}/${r.object.metadata.name}`).sort()).toEqual(
      [
        'ConfigMap/loyalnest-config',
        'Job/loyalnest-migrate',
        ...['gateway', 'merchant', 'customer', 'points', 'referral', 'segment', 'tier', 'audit', 'worker'].flatMap((c) => [`Deployment/loyalnest-${c}`, `PodDisruptionBudget/loyalnest-${c}`]),
        ...['gateway', 'merchant', 'customer', 'points', 'referral', 'segment', 'tier', 'audit'].map((c) => `Service/loyalnest-${c}`),
        'HorizontalPodAutoscaler/loyalnest-gateway',
        'HorizontalPodAutoscaler/loyalnest-worker',
      ].sort(),
    );
    expect(await checkAgainstSchemas(objects)).toEqual([]);
  });

  it('the schema check refuses an unknown field at any depth, a wrong type, a missing required field, a bad enum value and an API version the cluster no longer serves', async () => {
    // given: a valid Deployment, and the same with one mistake each
    expect(await checkAgainstSchemas(brokenManifest(VALID_DEPLOYMENT))).toEqual([]);
    const cases: [string, string, RegExp][] = [
      ['a misspelt spec field', VALID_DEPLOYMENT.replace('  replicas: 2', '  replica: 2'), /'replica' does not exist/],
      ['a misspelt probe field', VALID_DEPLOYMENT.replace('path: /readyz', 'paht: /readyz'), /'paht' does not exist/],
      ['a port as text', VALID_DEPLOYMENT.replace('containerPort: 4000', 'containerPort: "4000"'), /containerPort must be integer/],
      ['no containers', VALID_DEPLOYMENT.replace(/      containers:[\s\S]*$/, '      hostname: probe\n'), /must have required property 'containers'/],
      ['an unknown pull policy', VALID_DEPLOYMENT.replace('image: loyalnest', 'image: loyalnest\n          imagePullPolicy: Sometimes'), /imagePullPolicy must be one of \["Always","IfNotPresent","Never"\]/],
      ['a removed API version', VALID_DEPLOYMENT.replace('apps/v1', 'extensions/v1beta1'), /extensions\/v1beta1 Deployment is not served by Kubernetes/],
    ];
    for (const [what, yaml, expected] of cases) {
      // when
      const problems = await checkAgainstSchemas(brokenManifest(yaml));
      // then
      expect({ what, messages: problems.map((p) => p.message).join('\n') }).toEqual({ what, messages: expect.stringMatching(expected) });
    }
  });

  it('secret.example.yaml is a valid Secret; as it is, it starts nothing; filled in, it and the ConfigMap give every setting a process requires outside development', async () => {
    const [secret] = readObjects(join(DEPLOY, 'secret.example.yaml'), DEPLOY);
    expect(await checkAgainstSchemas([secret])).toEqual([]);
    expect(secret.object.metadata.name).toBe('loyalnest-secrets');
    const example = secret.object.stringData as Record<string, string>;
    const blanks = Object.keys(example).filter((key) => example[key] === '');
    expect(blanks).toEqual(expect.arrayContaining(['INTERNAL_TOKEN_SECRET', 'ENCRYPTION_KEYS', 'SHOPIFY_API_SECRET']));
    // A value generated the way the example's comments say, for each blank.
    const filled = Object.fromEntries(blanks.map((key) => [key, `${key === 'ENCRYPTION_KEYS' ? 'k1:' : ''}${randomBytes(32).toString('base64')}`]));

    for (const overlay of OVERLAYS) {
      const data = named(render(overlay), 'ConfigMap', 'loyalnest-config').data as Record<string, string>;
      // when: the example applied unchanged
      const asIs = configProblems({ ...data, ...example });
      // then: every process refuses, naming each blank secret
      expect({ overlay, refused: blanks.filter((key) => !asIs.some((p) => p.startsWith(`${key} is required`))) }).toEqual({ overlay, refused: [] });
      // when: filled in, nothing is missing
      expect({ overlay, problems: configProblems({ ...data, ...example, ...filled }) }).toEqual({ overlay, problems: [] });
      // Connection strings carry passwords: the Secret's, never the ConfigMap's.
      expect({ overlay, urls: Object.keys(data).filter((key) => ['DATABASE_URL', 'REDIS_URL'].includes(key)) }).toEqual({ overlay, urls: [] });
    }

    expect(Object.keys(secret.object.stringData as object)).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL']));
  });

  it.each(OVERLAYS)('%s: each subgraph of supergraph.yaml serves on its own port without event processing, behind a Service the gateway is routed to', (overlay) => {
    const objects = render(overlay);
    const config = named(objects, 'ConfigMap', 'loyalnest-config').data as Record<string, string>;
    const subgraphs = readSupergraphConfig({});
    expect(subgraphs.length).toBeGreaterThan(0);
    for (const subgraph of subgraphs) {
      const port = Number(new URL(subgraph.routingUrl).port);
      const deployment = named(objects, 'Deployment', `loyalnest-${subgraph.name}`);
      const [container] = template(deployment).spec.containers;
      expect(container.command).toEqual(['node', 'gateway/dist/cli/serve-subgraph.js', '--name', subgraph.name, '--port', String(port), '--host', '0.0.0.0']);
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.env).toEqual(expect.arrayContaining([{ name: 'EVENT_PROCESSING', value: 'off' }]));

      const service = named(objects, 'Service', `loyalnest-${subgraph.name}`);
      const spec = service.spec as { selector: Record<string, string>; ports: { port: number; targetPort: string }[] };
      expect(selects(spec.selector, template(deployment).metadata.labels)).toBe(true);
      expect(spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
      expect(config[`${subgraph.name.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://loyalnest-${subgraph.name}:${port}/graphql`);
    }
  });

  it.each(OVERLAYS)('%s: the gateway, the workers and the migration run the compiled CLIs; every Deployment has its probes, requests, metrics annotations and a locked-down security context', (overlay) => {
    const objects = render(overlay);
    expect(template(named(objects, 'Deployment', 'loyalnest-gateway')).spec.containers[0].command).toEqual(['node', 'gateway/dist/cli/serve-gateway.js']);
    expect(template(named(objects, 'Deployment', 'loyalnest-worker')).spec.containers[0].command).toEqual(['node', 'gateway/dist/cli/serve-worker.js', '--port', '4100']);
    const job = template(named(objects, 'Job', 'loyalnest-migrate'));
    expect(job.spec.containers[0].command).toEqual(['node', 'gateway/dist/cli/migrate.js']);

    for (const workload of [...objectsOf(objects, 'Deployment'), named(objects, 'Job', 'loyalnest-migrate')]) {
      const pod = template(workload);
      const where = `${workload.kind}/${workload.metadata.name}`;
      expect({ where, runAsNonRoot: pod.spec.securityContext?.runAsNonRoot, numericUser: typeof pod.spec.securityContext?.runAsUser }).toEqual({ where, runAsNonRoot: true, numericUser: 'number' });
      for (const container of pod.spec.containers) {
        expect({ where, image: container.image }).toEqual({ where, image: expect.stringMatching(/^registry\.example\.com\/loyalnest[:@]/) });
        expect({ where, envFrom: container.envFrom }).toEqual({ where, envFrom: [{ configMapRef: { name: 'loyalnest-config' } }, { secretRef: { name: 'loyalnest-secrets' } }] });
        expect({ where, requests: Object.keys(container.resources?.requests ?? {}).sort(), memoryLimit: !!container.resources?.limits?.memory }).toEqual({ where, requests: ['cpu', 'memory'], memoryLimit: true });
        expect({ where, securityContext: container.securityContext }).toEqual({ where, securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } });
      }
      if (workload.kind !== 'Deployment') continue;
      const [container] = pod.spec.containers;
      const port = container.ports?.find((p) => p.name === 'http')?.containerPort;
      expect({ where, readiness: container.readinessProbe?.httpGet, liveness: container.livenessProbe?.httpGet }).toEqual({ where, readiness: { path: '/readyz', port: 'http' }, liveness: { path: '/healthz', port: 'http' } });
      expect({ where, annotations: pod.metadata.annotations }).toEqual({ where, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' } });
    }
  });

  it.each(OVERLAYS)('%s: the autoscalers scale the gateway and the workers, which set no replica count of their own; every disruption budget and Service selects the pods of one Deployment', (overlay) => {
    const objects = render(overlay);
    const deployments = objectsOf(objects, 'Deployment');
    const hpas = objectsOf(objects, 'HorizontalPodAutoscaler').map((h) => h.spec as { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number });
    expect(hpas.map((h) => `${h.scaleTargetRef.kind}/${h.scaleTargetRef.name}`).sort()).toEqual(['Deployment/loyalnest-gateway', 'Deployment/loyalnest-worker']);
    for (const hpa of hpas) {
      expect(hpa.minReplicas).toBeLessThanOrEqual(hpa.maxReplicas);
      // A replica count in the manifest would reset the autoscaler's on every apply.
      expect((named(objects, 'Deployment', hpa.scaleTargetRef.name).spec as { replicas?: number }).replicas).toBeUndefined();
    }
    for (const selecting of [...objectsOf(objects, 'PodDisruptionBudget'), ...objectsOf(objects, 'Service')]) {
      const spec = selecting.spec as { selector: { matchLabels?: Record<string, string> } & Record<string, string> };
      const selector = spec.selector.matchLabels ?? spec.selector;
      const matching = deployments.filter((d) => selects(selector, template(d).metadata.labels));
      expect({ selecting: `${selecting.kind}/${selecting.metadata.name}`, matching: matching.map((d) => d.metadata.name) }).toEqual({
        selecting: `${selecting.kind}/${selecting.metadata.name}`,
        matching: [selecting.metadata.name],
      });
    }
  });

  it('the rendering refuses what it does not implement rather than render it wrong: an unknown kustomize field, a strategic-merge patch, a patch that matches nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalnest-kustomize-'));
    try {
      writeFileSync(join(dir, 'deployment.yaml'), VALID_DEPLOYMENT);
      const kustomization = (extra: string) => writeFileSync(join(dir, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n${extra}`);

      kustomization('namespace: elsewhere\nimages: [{ name: loyalnest, newName: r.example/loyalnest, newTag: "2" }]\npatches:\n  - target: { kind: Deployment, name: pro.* }\n    patch: "[{ op: replace, path: /spec/replicas, value: 5 }]"\n');
      const [{ object }] = renderKustomization(dir);
      expect([object.metadata.namespace, (object.spec as { replicas: number }).replicas, template(object).spec.containers[0].image]).toEqual(['elsewhere', 5, 'r.example/loyalnest:2']);

      kustomization('commonLabels: { team: loyalty }\n');
      expect(() => renderKustomization(dir)).toThrow('commonLabels not supported');
      kustomization('patches:\n  - target: { kind: Deployment }\n    patch: "spec: { replicas: 3 }"\n');
      expect(() => renderKustomization(dir)).toThrow('only JSON 6902 patches');
      kustomization('patches:\n  - target: { kind: Deployment, name: prob }\n    patch: "[{ op: replace, path: /spec/replicas, value: 5 }]"\n');
      expect(() => renderKustomization(dir)).toThrow('matches no object');
      kustomization('patches:\n  - target: { kind: Deployment }\n    patch: "[{ op: replace, path: /spec/paused, value: true }]"\n');
      expect(() => renderKustomization(dir)).toThrow('/spec/paused does not exist');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
