// The app spec: a container app in ACA's own YAML (what `az containerapp create --yaml` takes), loaded into the
// @azure/arm-appcontainers ContainerApp model (properties flattened, camelCase as REST), validated against the
// rules ACA and the blue-green model impose, and adjusted for a deploy by pure helpers.

import type { ContainerApp, Container, EnvironmentVar, TrafficWeight } from '@azure/arm-appcontainers';
import { LineCounter, isMap as isYamlMap, isScalar, isSeq, parseDocument } from 'yaml';
import { InputError, type InputSource } from './inputs.js';
import { isRecord } from './json.js';
import { workspacePath } from './workspace.js';
import { REQUEST_PATH_ALLOWED, requestPathProblem } from './request-path.js';
import { appNameProblem, environmentIdParts, isEnvironmentName } from './naming.js';
import { assertValidTraffic } from '../revisions/traffic.js';

/** A container app as the SDK models it, plus the fields of the YAML that are not part of the resource body. */
export interface AppSpec extends ContainerApp {
  name: string;
  /** `resourceGroup` of the YAML; the `resource-group` input overrides it. */
  resourceGroup?: string;
}

export type YamlPath = ReadonlyArray<string | number>;

export interface SpecIssue {
  /** Path of the field in the YAML (`properties.template.containers[0].env[2]`). */
  path: YamlPath;
  message: string;
  /** 1-based line in the file, when the spec came from text. */
  line?: number;
}

export class SpecError extends Error {
  override name = 'SpecError';
  constructor(
    readonly source: string,
    readonly issues: readonly SpecIssue[],
  ) {
    super(
      issues
        .map((i) => `${source}${i.line ? `:${i.line}` : ''}: ${formatPath(i.path)}: ${i.message}`)
        .join('\n'),
    );
  }
}

export function formatPath(path: YamlPath): string {
  const text = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
  return text === '' ? '(document)' : text.replace(/^\./, '');
}

const TOP_KEYS = ['name', 'location', 'type', 'resourceGroup', 'tags', 'identity', 'properties', 'kind'];
const TOP_READONLY = ['id', 'systemData', 'extendedLocation', 'managedBy'];
const PROPERTY_KEYS = [
  'managedEnvironmentId',
  'environmentId',
  'networking',
  'workloadProfileName',
  'configuration',
  'template',
  // read-only fields an exported spec (az containerapp show -o yaml) carries; ARM ignores them
  'provisioningState',
  'runningStatus',
  'latestRevisionName',
  'latestReadyRevisionName',
  'latestRevisionFqdn',
  'customDomainVerificationId',
  'outboundIpAddresses',
  'eventStreamEndpoint',
];

type Json = Record<string, unknown>;

/** YAML scalars ACA wants as strings (env values, scale rule metadata) may be written unquoted: 7496, 70. */
function stringify(v: unknown): unknown {
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
}

function normalise(spec: Json): void {
  const template = isRecord(spec.template) ? spec.template : {};
  const lists = [template.containers, template.initContainers].filter(Array.isArray);
  for (const c of lists.flat().filter(isRecord)) {
    for (const e of Array.isArray(c.env) ? c.env : []) if (isRecord(e)) e.value = stringify(e.value);
    for (const k of ['args', 'command']) if (Array.isArray(c[k])) c[k] = (c[k] as unknown[]).map(stringify);
  }
  const rules = isRecord(template.scale) && Array.isArray(template.scale.rules) ? template.scale.rules : [];
  for (const rule of rules.filter(isRecord)) {
    for (const kind of Object.values(rule).filter(isRecord)) {
      if (!isRecord(kind.metadata)) continue;
      for (const k of Object.keys(kind.metadata)) kind.metadata[k] = stringify(kind.metadata[k]);
    }
  }
}

/** Parses and validates a spec; issues carry the file, the YAML path and the line. */
export function parseSpec(text: string, sourceName: string): AppSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      path: [],
      message: e.message.split('\n')[0],
      line: e.linePos?.[0].line,
    }));
    throw new SpecError(sourceName, issues);
  }
  const raw: unknown = doc.toJS();
  if (!isRecord(raw)) {
    throw new SpecError(sourceName, [
      { path: [], message: 'the spec must be a YAML mapping (name, location, properties)' },
    ]);
  }
  /** Line of the key (in a mapping) or item (in a sequence) at `path`, or of its nearest existing ancestor. */
  const lineOf = (path: YamlPath): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      const last = path[n - 1];
      const node = isYamlMap(parent)
        ? parent.items.find((p) => isScalar(p.key) && p.key.value === last)?.key
        : isSeq(parent) && typeof last === 'number'
          ? parent.items[last]
          : undefined;
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };
  const unknown = [
    ...Object.keys(raw)
      .filter((k) => !TOP_KEYS.includes(k) && !TOP_READONLY.includes(k))
      .map((k) => [k]),
    ...Object.keys(isRecord(raw.properties) ? raw.properties : {})
      .filter((k) => !PROPERTY_KEYS.includes(k))
      .map((k) => ['properties', k]),
  ].map((path) => ({ path, message: 'unknown field (check the spelling; ACA field names are camelCase)' }));
  const { properties, ...top } = raw;
  const flat: Json = { ...top, ...(isRecord(properties) ? properties : {}) };
  normalise(flat);
  const spec = flat as unknown as AppSpec;
  const issues = [...unknown, ...specIssues(spec)];
  if (issues.length > 0)
    throw new SpecError(
      sourceName,
      issues.map((i) => ({ ...i, line: lineOf(i.path) })),
    );
  return spec;
}

/** The app spec of deploy-app and blue-green when the `spec` input is empty. */
export const DEFAULT_SPEC = 'deploy/containerapp.yaml';
/** deploy-app's preview spec when the `preview-spec` input is empty. */
export const DEFAULT_PREVIEW_SPEC = 'deploy/containerapp.preview.yaml';

export interface SpecFiles {
  env: NodeJS.ProcessEnv;
  readFile: (path: string) => string;
  fileExists: (path: string) => boolean;
}

/**
 * The app spec that input `input` names (`file`, a path in the workspace), parsed and validated: the one way both
 * actions load a spec and word its errors. A missing file is an InputError, or undefined with `ifMissing`
 * 'undefined'; a file that does not parse or validate is an InputError with every problem of the spec.
 */
export function readSpecInput(input: string, file: string, files: SpecFiles): AppSpec;
export function readSpecInput(
  input: string,
  file: string,
  files: SpecFiles,
  ifMissing: 'undefined',
): AppSpec | undefined;
export function readSpecInput(
  input: string,
  file: string,
  files: SpecFiles,
  ifMissing?: 'undefined',
): AppSpec | undefined {
  const path = workspacePath(input, file, { env: files.env, what: 'an app spec' });
  if (!files.fileExists(path)) {
    if (ifMissing) return undefined;
    throw new InputError(input, file, 'allowed: the path of an existing app spec (ACA YAML)');
  }
  try {
    return parseSpec(files.readFile(path), file);
  } catch (error) {
    throw new InputError(input, file, `allowed: a valid app spec; ${(error as Error).message}`);
  }
}

/**
 * The app an action works on, by the one rule of blue-green and build-push: the `app` input, else the name in the
 * spec. A spec named by the `spec` input must exist and parse whether or not its name is used; the default spec
 * (DEFAULT_SPEC, empty or as the runner fills the action.yml default in) is read only when the name is wanted
 * (`app` empty and `wanted`), and may be absent. `name` is undefined when nothing names the app; `specFile` is the
 * spec that was (or would have been) read.
 */
export function appFromInputs(
  get: InputSource,
  files: SpecFiles,
  wanted = true,
): { name?: string; specFile: string } {
  const specRaw = get('spec');
  const specFile = specRaw || DEFAULT_SPEC;
  const appInput = get('app');
  let specName: string | undefined;
  if (specFile !== DEFAULT_SPEC) specName = readSpecInput('spec', specFile, files).name;
  else if (!appInput && wanted) specName = readSpecInput('spec', specFile, files, 'undefined')?.name;
  return { name: appInput || specName, specFile };
}

/** Throws SpecError listing every problem (file, YAML path, what is allowed). */
export function validateSpec(spec: AppSpec, sourceName: string): AppSpec {
  const issues = specIssues(spec);
  if (issues.length > 0) throw new SpecError(sourceName, issues);
  return spec;
}

/** Consumption plan CPU/memory pairs: 0.25 vCPU / 0.5Gi steps at 1:2 up to 2 vCPU / 4Gi. */
export const CONSUMPTION_PAIRS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].map((cpu) => ({
  cpu,
  memoryGi: cpu * 2,
}));
const PAIRS_TEXT = CONSUMPTION_PAIRS.map((p) => `${p.cpu}/${p.memoryGi}Gi`).join(', ');

const SECRET_NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const CONTAINER_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const P = 'properties';

const isPort = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;
const lower = (s: unknown) => String(s).toLowerCase();

function specIssues(spec: AppSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const at = (path: YamlPath, message: string) => issues.push({ path, message });
  const list = listReader(at);

  const nameProblem = typeof spec.name === 'string' ? appNameProblem(spec.name) : 'a string';
  if (nameProblem) at(['name'], `'${spec.name}' is not a container app name; allowed: ${nameProblem}`);
  if (typeof spec.location !== 'string' || spec.location.trim() === '')
    at(['location'], 'required: an Azure region');
  const env = spec.environmentId ?? spec.managedEnvironmentId;
  if (typeof env !== 'string' || !(environmentIdParts(env) || isEnvironmentName(env))) {
    at(
      [P, spec.environmentId === undefined ? 'managedEnvironmentId' : 'environmentId'],
      'required: a managed environment name or its full resource ID (/subscriptions/.../managedEnvironments/<name>)',
    );
  }

  const identityType = lower(spec.identity?.type ?? 'none');
  if (!['none', 'systemassigned', 'userassigned', 'systemassigned,userassigned'].includes(identityType)) {
    at(['identity', 'type'], 'allowed: None, SystemAssigned, UserAssigned, SystemAssigned,UserAssigned');
  }
  const userIds = Object.keys(spec.identity?.userAssignedIdentities ?? {}).map(lower);
  const identityProblem = (ref: unknown): string | undefined => {
    if (typeof ref !== 'string' || ref === '')
      return "an identity ('system' or a user-assigned identity's resource ID)";
    if (lower(ref) === 'system') {
      return identityType.includes('systemassigned')
        ? undefined
        : "identity 'system' needs identity.type SystemAssigned on the app";
    }
    return userIds.includes(lower(ref))
      ? undefined
      : `identity '${ref}' must be listed in identity.userAssignedIdentities`;
  };

  const config = spec.configuration;
  const cfg = [P, 'configuration'];
  if (!config) at(cfg, 'required: activeRevisionsMode, ingress, registries, secrets');
  if (lower(config?.activeRevisionsMode ?? '') !== 'multiple') {
    at([...cfg, 'activeRevisionsMode'], 'must be Multiple: blue-green keeps two revisions active');
  }
  const ingress = config?.ingress;
  if (!ingress) at([...cfg, 'ingress'], 'required: blue-green routes traffic through ingress');
  if (ingress && !isPort(ingress.targetPort))
    at([...cfg, 'ingress', 'targetPort'], 'allowed: a port from 1 to 65535');
  if (
    ingress?.transport !== undefined &&
    !['auto', 'http', 'http2', 'tcp'].includes(lower(ingress.transport))
  ) {
    at([...cfg, 'ingress', 'transport'], 'allowed: auto, http, http2, tcp');
  }
  if (ingress?.traffic !== undefined) {
    try {
      assertValidTraffic(ingress.traffic);
    } catch (e) {
      at([...cfg, 'ingress', 'traffic'], (e as Error).message);
    }
  }

  const secretNames = new Set<string>();
  list(config?.secrets, [...cfg, 'secrets']).forEach((s, i) => {
    const path = [...cfg, 'secrets', i];
    if (typeof s.name !== 'string' || !SECRET_NAME.test(s.name)) {
      at(
        [...path, 'name'],
        "allowed: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
      );
    } else if (secretNames.has(s.name)) at([...path, 'name'], `secret '${s.name}' is declared twice`);
    secretNames.add(String(s.name));
    if (s.value !== undefined) {
      at(
        [...path, 'value'],
        'a committed spec never holds secret values: reference Key Vault (keyVaultUrl + identity)',
      );
    }
    if (
      typeof s.keyVaultUrl !== 'string' ||
      !/^https:\/\/[^/]+\/secrets\/[^/]+(\/[^/]*)?$/.test(s.keyVaultUrl)
    ) {
      at(
        [...path, 'keyVaultUrl'],
        'required: a Key Vault secret URL, https://<vault>.vault.azure.net/secrets/<NAME>',
      );
    }
    const problem = identityProblem(s.identity);
    if (problem) at([...path, 'identity'], `a Key Vault reference needs ${problem}`);
  });

  list(config?.registries, [...cfg, 'registries']).forEach((r, i) => {
    const path = [...cfg, 'registries', i];
    if (typeof r.server !== 'string' || r.server === '')
      at([...path, 'server'], 'required: the registry host');
    if (r.passwordSecretRef !== undefined) {
      if (!secretNames.has(r.passwordSecretRef))
        at([...path, 'passwordSecretRef'], `names no declared secret`);
      if (!r.username) at([...path, 'username'], 'required with passwordSecretRef');
    } else {
      const problem = identityProblem(r.identity);
      if (problem) at([...path, 'identity'], `pulling through a managed identity needs ${problem}`);
    }
  });

  const tpl = [P, 'template'];
  const containers = list(spec.template?.containers, [...tpl, 'containers']);
  if (containers.length === 0) at([...tpl, 'containers'], 'required: at least one container');
  containers.forEach((c, i) => containerIssues(c, [...tpl, 'containers', i], secretNames, at));
  const cpu = containers.reduce((n, c) => n + (c.resources?.cpu ?? 0), 0);
  const memoryGi = containers.reduce((n, c) => n + gibibytes(c.resources?.memory), 0);
  if (containers.length > 0 && !CONSUMPTION_PAIRS.some((p) => p.cpu === cpu && p.memoryGi === memoryGi)) {
    const where = containers.length === 1 ? [...tpl, 'containers', 0, 'resources'] : [...tpl, 'containers'];
    at(
      where,
      `cpu ${cpu} with memory ${memoryGi}Gi (all containers together) is not a Consumption pair; allowed: ${PAIRS_TEXT}`,
    );
  }

  const scale = spec.template?.scale;
  const sc = [...tpl, 'scale'];
  const min = scale?.minReplicas ?? 0;
  const max = scale?.maxReplicas ?? 10;
  if (!Number.isInteger(min) || min < 0 || min > 1000)
    at([...sc, 'minReplicas'], 'allowed: a whole number from 0 to 1000');
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    at([...sc, 'maxReplicas'], 'allowed: a whole number from 1 to 1000');
  if (min > max) at([...sc, 'minReplicas'], `minReplicas ${min} exceeds maxReplicas ${max}`);
  list(scale?.rules, [...sc, 'rules']).forEach((r, i) => {
    if (typeof r.name !== 'string' || !CONTAINER_NAME.test(r.name)) {
      at([...sc, 'rules', i, 'name'], "required: lower-case letters, digits and '-'");
    }
  });
  return issues;
}

type At = (path: YamlPath, message: string) => void;

/** Reads a YAML sequence: undefined is empty; anything else but a list of mappings is an issue. */
function listReader(at: At) {
  return <T>(value: T[] | undefined, path: YamlPath): T[] => {
    if (value === undefined) return [];
    if (Array.isArray(value) && value.every(isRecord)) return value;
    at(path, 'must be a list of mappings');
    return [];
  };
}

function gibibytes(memory: unknown): number {
  const m = typeof memory === 'string' ? /^(\d+(?:\.\d+)?)Gi$/.exec(memory) : null;
  return m ? Number(m[1]) : NaN;
}

function containerIssues(c: Container, path: YamlPath, secretNames: ReadonlySet<string>, at: At): void {
  const list = listReader(at);
  if (typeof c.name !== 'string' || !CONTAINER_NAME.test(c.name)) {
    at(
      [...path, 'name'],
      "required: lower-case letters, digits and '-', starting and ending with a letter or digit",
    );
  }
  if (typeof c.image !== 'string' || c.image.trim() === '')
    at([...path, 'image'], 'required: an image reference');
  if (typeof c.resources?.cpu !== 'number')
    at([...path, 'resources', 'cpu'], 'required: vCPUs as a number, e.g. 0.5');
  if (Number.isNaN(gibibytes(c.resources?.memory))) {
    at([...path, 'resources', 'memory'], "required: memory in Gi, e.g. '1Gi' or '4.0Gi'");
  }
  const names = new Set<string>();
  list(c.env, [...path, 'env']).forEach((e, i) => {
    const ep = [...path, 'env', i];
    if (typeof e.name !== 'string' || e.name === '') at([...ep, 'name'], 'required');
    else if (names.has(e.name)) at([...ep, 'name'], `${e.name} is set twice`);
    names.add(String(e.name));
    if ((e.value === undefined) === (e.secretRef === undefined))
      at(ep, 'set exactly one of value and secretRef');
    if (e.secretRef !== undefined && !secretNames.has(e.secretRef)) {
      at([...ep, 'secretRef'], `'${e.secretRef}' names no secret in properties.configuration.secrets`);
    }
  });
  const types = new Set<string>();
  list(c.probes, [...path, 'probes']).forEach((p, i) => {
    const pp = [...path, 'probes', i];
    const type = lower(p.type ?? '');
    if (!['liveness', 'readiness', 'startup'].includes(type))
      at([...pp, 'type'], 'allowed: Liveness, Readiness, Startup');
    else if (types.has(type)) at([...pp, 'type'], `a second ${p.type} probe; allowed: one of each type`);
    types.add(type);
    if (p.httpGet && !isPort(p.httpGet.port))
      at([...pp, 'httpGet', 'port'], 'allowed: a port from 1 to 65535');
    const pathProblem = p.httpGet ? requestPathProblem(String(p.httpGet.path)) : undefined;
    if (pathProblem) at([...pp, 'httpGet', 'path'], `${pathProblem}; ${REQUEST_PATH_ALLOWED}`);
  });
}

// ---- helpers for a deploy: each returns a new spec and leaves its argument untouched ----

/** The managed environment the spec names: `{ name }` for a bare name, `{ name, id }` for a resource ID. */
export function specEnvironment(spec: AppSpec): { name: string; id?: string } {
  const ref = spec.environmentId ?? spec.managedEnvironmentId ?? '';
  const id = environmentIdParts(ref);
  return id ? { name: id.name, id: ref } : { name: ref };
}

function update(spec: AppSpec, change: (copy: AppSpec) => void): AppSpec {
  const copy = structuredClone(spec);
  change(copy);
  return copy;
}

function container(spec: AppSpec, name?: string): Container {
  const list = spec.template?.containers ?? [];
  const c = name === undefined ? list[0] : list.find((x) => x.name === name);
  if (!c)
    throw new Error(
      `The spec of ${spec.name} has no container${name === undefined ? '' : ` named '${name}'`}`,
    );
  return c;
}

/** Sets the image of the app container (the first, or the one named `containerName`). */
export function withImage(spec: AppSpec, image: string, containerName?: string): AppSpec {
  return update(spec, (s) => {
    container(s, containerName).image = image;
  });
}

/** `base` with `extra` merged by name: existing names change in place, new ones are appended in order. */
export function mergeEnv(
  base: readonly EnvironmentVar[],
  extra: readonly EnvironmentVar[],
): EnvironmentVar[] {
  const merged = base.map((e) => ({ ...e }));
  for (const e of extra) {
    const at = merged.findIndex((m) => m.name === e.name);
    if (at < 0) merged.push({ ...e });
    else merged[at] = { ...e };
  }
  return merged;
}

/** Merges env vars into the app container (the first, or the one named `containerName`). */
export function withEnv(spec: AppSpec, envVars: readonly EnvironmentVar[], containerName?: string): AppSpec {
  return update(spec, (s) => {
    const c = container(s, containerName);
    c.env = mergeEnv(c.env ?? [], envVars);
  });
}

export function withRevisionSuffix(spec: AppSpec, suffix: string): AppSpec {
  return update(spec, (s) => {
    s.template = { ...s.template, revisionSuffix: suffix };
  });
}

export function withTraffic(spec: AppSpec, traffic: readonly TrafficWeight[]): AppSpec {
  return update(spec, (s) => {
    s.configuration = {
      ...s.configuration,
      ingress: { ...s.configuration?.ingress, traffic: structuredClone([...traffic]) },
    };
  });
}

/** Points the spec at an environment's full resource ID (deploy-app resolves a bare name to it). */
export function withEnvironmentId(spec: AppSpec, id: string): AppSpec {
  return update(spec, (s) => {
    s.environmentId = id;
    delete s.managedEnvironmentId;
  });
}

/** The same spec under another app name (e.g. the `app` input). */
export function withAppName(spec: AppSpec, name: string): AppSpec {
  return update(spec, (s) => {
    s.name = name;
  });
}
