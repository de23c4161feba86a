// The app spec: a container app in ACA's own YAML (what `az containerapp create --yaml` takes), loaded into the
// @azure/arm-appcontainers ContainerApp model (properties flattened, camelCase as REST), validated against the
// rules ACA and the blue-green model impose, and adjusted for a deploy by pure helpers.

import type { ContainerApp, Container, EnvironmentVar, TrafficWeight } from '@azure/arm-appcontainers';
import { LineCounter, isMap as isYamlMap, isScalar, isSeq, parseDocument } from 'yaml';
import { InputError, type InputSource } from './inputs.js';
import { workspacePath } from './workspace.js';
import { environmentIdParts } from './naming.js';
import { appSpecIssues } from './app-spec.schema.js';
import { isRecord } from './json.js';

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

function normalize(spec: Json): void {
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
  normalize(flat);
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

/** The problems of a (flattened) spec, each at its path in the YAML; the rules are in app-spec.schema.ts. */
function specIssues(spec: AppSpec): SpecIssue[] {
  return appSpecIssues({ ...spec, properties: spec });
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
