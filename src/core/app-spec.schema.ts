// The rules of an app spec as a zod schema over the YAML document's shape (name, location, identity, properties),
// so that each issue's path is the field's path in the YAML: the shape of each field (types, names, ports, ranges)
// in the schema, the rules between fields (secret references, identities, duplicates, the Consumption pair) in one
// refinement that runs whatever the shape found. Every problem is one issue; src/core/app-spec.ts adds the file
// and the line.
import * as z from 'zod';
import { REQUEST_PATH_ALLOWED, requestPathProblem } from './request-path.js';
import { appNameProblem, environmentIdParts, isEnvironmentName } from './naming.js';
import { assertValidTraffic } from '../revisions/traffic.js';
import { isRecord } from './json.js';

/** Consumption plan CPU/memory pairs: 0.25 vCPU / 0.5Gi steps at 1:2 up to 2 vCPU / 4Gi. */
export const CONSUMPTION_PAIRS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].map((cpu) => ({
  cpu,
  memoryGi: cpu * 2,
}));
const PAIRS_TEXT = CONSUMPTION_PAIRS.map((p) => `${p.cpu}/${p.memoryGi}Gi`).join(', ');

const SECRET_NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const CONTAINER_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const KEY_VAULT_SECRET = /^https:\/\/[^/]+\/secrets\/[^/]+(\/[^/]*)?$/;
const IDENTITY_TYPES = ['none', 'systemassigned', 'userassigned', 'systemassigned,userassigned'];

const M = {
  list: 'must be a list of mappings',
  mapping: 'must be a mapping',
  port: 'allowed: a port from 1 to 65535',
  location: 'required: an Azure region',
  environment:
    'required: a managed environment name or its full resource ID (/subscriptions/.../managedEnvironments/<name>)',
  identityType: 'allowed: None, SystemAssigned, UserAssigned, SystemAssigned,UserAssigned',
  configuration: 'required: activeRevisionsMode, ingress, registries, secrets',
  multiple: 'must be Multiple: blue-green keeps two revisions active',
  ingress: 'required: blue-green routes traffic through ingress',
  transport: 'allowed: auto, http, http2, tcp',
  secretName: "allowed: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
  secretValue: 'a committed spec never holds secret values: reference Key Vault (keyVaultUrl + identity)',
  keyVaultUrl: 'required: a Key Vault secret URL, https://<vault>.vault.azure.net/secrets/<NAME>',
  server: 'required: the registry host',
  containers: 'required: at least one container',
  containerName: "required: lower-case letters, digits and '-', starting and ending with a letter or digit",
  image: 'required: an image reference',
  cpu: 'required: vCPUs as a number, e.g. 0.5',
  memory: "required: memory in Gi, e.g. '1Gi' or '4.0Gi'",
  probeType: 'allowed: Liveness, Readiness, Startup',
  minReplicas: 'allowed: a whole number from 0 to 1000',
  maxReplicas: 'allowed: a whole number from 1 to 1000',
  ruleName: "required: lower-case letters, digits and '-'",
};

type Json = Record<string, unknown>;
const lower = (s: unknown) => String(s).toLowerCase();
const error = (message: string) => ({ error: message });
/** The mappings of a list (what the schema judged, read again by the rules between fields). */
const maps = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** A mapping whose fields are those of `shape`, all optional unless they say otherwise; other keys pass. */
const mapping = (shape: z.ZodRawShape, message = M.mapping) => z.looseObject(shape, error(message));
/** An optional list of mappings. */
const listOf = (item: z.ZodRawShape) => z.array(mapping(item, M.list), error(M.list)).optional();
/** A missing mapping read as an empty one, so that its required fields are named. */
const orEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? {}, schema);
/** A string that is not empty (nor only blanks, with `trim`). */
const text = (message: string, { trim = false } = {}) =>
  (trim ? z.string(error(message)).trim() : z.string(error(message))).min(1, error(message));
// Not .int(): its issue stops every later refinement, the rules between fields too.
const whole = (min: number, max: number, message: string) =>
  z
    .number(error(message))
    .refine(Number.isInteger, error(message))
    .refine((n) => n >= min && n <= max, error(message));
/** A string one of `allowed`, in any case. */
const oneOf = (allowed: readonly string[], message: string) =>
  z.string(error(message)).refine((v) => allowed.includes(v.toLowerCase()), error(message));
const matching = (pattern: RegExp, message: string) =>
  z.string(error(message)).regex(pattern, error(message));

const gibibytes = (memory: unknown): number => {
  const m = typeof memory === 'string' ? /^(\d+(?:\.\d+)?)Gi$/.exec(memory) : null;
  return m ? Number(m[1]) : NaN;
};

/**
 * The schema, built on its first use: zod builds every schema object when it is declared, and an action that reads
 * no spec (blue-green or build-push with an app named) should not pay for it at start.
 */
let built: z.ZodType | undefined;
function documentSchema(): z.ZodType {
  return (built ??= buildDocumentSchema());
}

function buildDocumentSchema(): z.ZodType {
  const port = whole(1, 65535, M.port);
  const container = {
    name: matching(CONTAINER_NAME, M.containerName),
    image: text(M.image, { trim: true }),
    resources: orEmpty(
      mapping({
        cpu: z.number(error(M.cpu)),
        memory: z.unknown().refine((v) => !Number.isNaN(gibibytes(v)), error(M.memory)),
      }),
    ),
    env: listOf({ name: text('required') }),
    probes: listOf({
      type: oneOf(['liveness', 'readiness', 'startup'], M.probeType),
      httpGet: mapping({
        port,
        path: z.unknown().superRefine((path, ctx) => {
          const problem = requestPathProblem(String(path));
          if (problem) ctx.addIssue(`${problem}; ${REQUEST_PATH_ALLOWED}`);
        }),
      }).optional(),
    }),
  };

  return mapping({
    name: z.unknown().superRefine((name, ctx) => {
      const problem = typeof name === 'string' ? appNameProblem(name) : 'a string';
      if (problem) ctx.addIssue(`'${String(name)}' is not a container app name; allowed: ${problem}`);
    }),
    location: text(M.location, { trim: true }),
    identity: mapping({ type: oneOf(IDENTITY_TYPES, M.identityType).optional() }).optional(),
    properties: mapping({
      configuration: mapping(
        {
          activeRevisionsMode: oneOf(['multiple'], M.multiple),
          ingress: mapping(
            {
              targetPort: port,
              transport: oneOf(['auto', 'http', 'http2', 'tcp'], M.transport).optional(),
              traffic: z
                .unknown()
                .optional()
                .superRefine((traffic, ctx) => {
                  try {
                    if (traffic !== undefined) assertValidTraffic(traffic as never);
                  } catch (e) {
                    ctx.addIssue((e as Error).message);
                  }
                }),
            },
            M.ingress,
          ),
          secrets: listOf({
            name: matching(SECRET_NAME, M.secretName),
            value: z.undefined(error(M.secretValue)).optional(),
            keyVaultUrl: matching(KEY_VAULT_SECRET, M.keyVaultUrl),
          }),
          registries: listOf({ server: text(M.server) }),
        },
        M.configuration,
      ),
      template: orEmpty(
        mapping({
          containers: z
            .array(mapping(container, M.list), {
              error: (issue) => (issue.input === undefined ? M.containers : M.list),
            })
            .min(1, error(M.containers)),
          scale: mapping({
            minReplicas: whole(0, 1000, M.minReplicas).optional(),
            maxReplicas: whole(1, 1000, M.maxReplicas).optional(),
            rules: listOf({ name: matching(CONTAINER_NAME, M.ruleName) }),
          }).optional(),
        }),
      ),
    }),
  }).superRefine(crossFieldRules, { when: () => true });
}

type Ctx = z.core.$RefinementCtx<unknown>;

/** The rules between fields, on whatever the document holds (the schema has named what is malformed). */
function crossFieldRules(doc: unknown, ctx: Ctx): void {
  const at = (path: Array<string | number>, message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (!isRecord(doc)) return;
  const properties = isRecord(doc.properties) ? doc.properties : {};
  const env = properties.environmentId ?? properties.managedEnvironmentId;
  if (typeof env !== 'string' || !(environmentIdParts(env) || isEnvironmentName(env))) {
    const field = properties.environmentId === undefined ? 'managedEnvironmentId' : 'environmentId';
    at(['properties', field], M.environment);
  }

  const identity = isRecord(doc.identity) ? doc.identity : {};
  const identityType = lower(identity.type ?? 'none');
  const userIds = Object.keys(
    isRecord(identity.userAssignedIdentities) ? identity.userAssignedIdentities : {},
  );
  const identityProblem = (ref: unknown): string | undefined => {
    if (typeof ref !== 'string' || ref === '')
      return "an identity ('system' or a user-assigned identity's resource ID)";
    if (lower(ref) === 'system') {
      return identityType.includes('systemassigned')
        ? undefined
        : "identity 'system' needs identity.type SystemAssigned on the app";
    }
    return userIds.map(lower).includes(lower(ref))
      ? undefined
      : `identity '${ref}' must be listed in identity.userAssignedIdentities`;
  };

  const cfg = ['properties', 'configuration'];
  const config = isRecord(properties.configuration) ? properties.configuration : {};
  const secretNames = new Set<string>();
  maps(config.secrets).forEach((s, i) => {
    const path = [...cfg, 'secrets', i];
    if (typeof s.name === 'string' && SECRET_NAME.test(s.name) && secretNames.has(s.name))
      at([...path, 'name'], `secret '${s.name}' is declared twice`);
    secretNames.add(String(s.name));
    const problem = identityProblem(s.identity);
    if (problem) at([...path, 'identity'], `a Key Vault reference needs ${problem}`);
  });
  maps(config.registries).forEach((r, i) => {
    const path = [...cfg, 'registries', i];
    if (r.passwordSecretRef !== undefined) {
      if (!secretNames.has(r.passwordSecretRef as string))
        at([...path, 'passwordSecretRef'], 'names no declared secret');
      if (!r.username) at([...path, 'username'], 'required with passwordSecretRef');
    } else {
      const problem = identityProblem(r.identity);
      if (problem) at([...path, 'identity'], `pulling through a managed identity needs ${problem}`);
    }
  });

  const tpl = ['properties', 'template'];
  const template = isRecord(properties.template) ? properties.template : {};
  const containers = maps(template.containers);
  containers.forEach((c, i) => containerRules(c, [...tpl, 'containers', i], secretNames, at));
  const resources = containers.map((c) => (isRecord(c.resources) ? c.resources : {}));
  const cpu = resources.reduce((n, r) => n + ((r.cpu as number | undefined) ?? 0), 0);
  const memoryGi = resources.reduce((n, r) => n + gibibytes(r.memory), 0);
  // A cpu or memory the schema refused is named there, not again as a pair.
  const judged = resources.every((r) => typeof r.cpu === 'number') && !Number.isNaN(memoryGi);
  if (
    judged &&
    containers.length > 0 &&
    !CONSUMPTION_PAIRS.some((p) => p.cpu === cpu && p.memoryGi === memoryGi)
  ) {
    const where = containers.length === 1 ? [...tpl, 'containers', 0, 'resources'] : [...tpl, 'containers'];
    at(
      where,
      `cpu ${cpu} with memory ${memoryGi}Gi (all containers together) is not a Consumption pair; allowed: ${PAIRS_TEXT}`,
    );
  }

  const scale = isRecord(template.scale) ? template.scale : {};
  const min = scale.minReplicas ?? 0;
  const max = scale.maxReplicas ?? 10;
  if ((min as number) > (max as number))
    at([...tpl, 'scale', 'minReplicas'], `minReplicas ${String(min)} exceeds maxReplicas ${String(max)}`);
}

function containerRules(
  c: Json,
  path: Array<string | number>,
  secretNames: ReadonlySet<string>,
  at: (path: Array<string | number>, message: string) => void,
): void {
  const names = new Set<string>();
  maps(c.env).forEach((e, i) => {
    const ep = [...path, 'env', i];
    if (typeof e.name === 'string' && e.name !== '' && names.has(e.name))
      at([...ep, 'name'], `${e.name} is set twice`);
    names.add(String(e.name));
    if ((e.value === undefined) === (e.secretRef === undefined))
      at(ep, 'set exactly one of value and secretRef');
    if (e.secretRef !== undefined && !secretNames.has(e.secretRef as string))
      at(
        [...ep, 'secretRef'],
        `'${String(e.secretRef)}' names no secret in properties.configuration.secrets`,
      );
  });
  const types = new Set<string>();
  maps(c.probes).forEach((p, i) => {
    const type = lower(p.type ?? '');
    if (types.has(type) && ['liveness', 'readiness', 'startup'].includes(type))
      at([...path, 'probes', i, 'type'], `a second ${String(p.type)} probe; allowed: one of each type`);
    types.add(type);
  });
}

/** Every problem of the spec (its YAML document shape), each with its path in the YAML, in the document's order. */
export function appSpecIssues(doc: unknown): Array<{ path: Array<string | number>; message: string }> {
  const result = documentSchema().safeParse(doc);
  if (result.success) return [];
  const issues = result.error.issues.map((i) => ({
    path: i.path as Array<string | number>,
    message: i.message,
    at: position(doc, i.path as Array<string | number>),
  }));
  return issues.sort((a, b) => compare(a.at, b.at)).map(({ path, message }) => ({ path, message }));
}

/** Where a path falls in the document: each key's place among its mapping's keys (a missing key first: -1). */
function position(doc: unknown, path: ReadonlyArray<string | number>): number[] {
  let node = doc;
  return path.map((key) => {
    const place = Array.isArray(node)
      ? Number(key)
      : isRecord(node)
        ? Object.keys(node).indexOf(String(key))
        : -1;
    node = isRecord(node) || Array.isArray(node) ? (node as Json)[key] : undefined;
    return place;
  });
}

/** Document order: the first place that differs; a field before the fields inside it. */
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
