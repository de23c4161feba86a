// Validation of container app writes, as ARM and the Container Apps resource provider answer them.
// Table-driven: each rule looks at the write and returns the first error it finds.
import { ArmError, invalid } from './errors.js';
import { type Json, type Revision, type TrafficEntry, arr, obj, str } from './model.js';

export interface WriteCheck {
  appName: string;
  /** The app's properties after this write (PUT body, or the merge of a PATCH). */
  props: Json;
  identity?: Json;
  /** The revision this write creates, if any. */
  newRevisionName?: string;
  /**
   * The simulator named that revision itself (no revisionSuffix in the template): ACA's own names may start with a
   * digit (`<app>--0000001`, `--0jfo06b`), so the user-suffix rules do not apply to them.
   */
  generatedName?: boolean;
  /** Revisions the app has before this write. */
  revisions: Pick<Revision, 'name' | 'active'>[];
}

type Rule = (w: WriteCheck) => ArmError | undefined;

export const configuration = (w: Pick<WriteCheck, 'props'>) => obj(w.props.configuration);
export const template = (w: Pick<WriteCheck, 'props'>) => obj(w.props.template);
export const traffic = (w: Pick<WriteCheck, 'props'>) =>
  arr(obj(configuration(w).ingress).traffic) as TrafficEntry[];
export const revisionsMode = (w: Pick<WriteCheck, 'props'>) =>
  str(configuration(w).activeRevisionsMode)?.toLowerCase() === 'multiple' ? 'Multiple' : 'Single';

const DNS_NAME = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
export const MAX_REVISION_NAME = 54;

export function isValidRevisionName(appName: string, revisionName: string): boolean {
  const prefix = `${appName}--`;
  if (!revisionName.startsWith(prefix)) return false;
  const suffix = revisionName.slice(prefix.length);
  return DNS_NAME.test(suffix) && !suffix.includes('--') && revisionName.length <= MAX_REVISION_NAME;
}

const badRevisionName = (name: string) =>
  invalid(
    `Revision name has an invalid value '${name}'. A revision name must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character. The length of the revision name must not be more than a combined ${MAX_REVISION_NAME} characters with the container app name.`,
    'ContainerAppInvalidRevisionName',
  );

/** Consumption profile: 0.25 vCPU / 0.5Gi steps at 1:2 up to 2 vCPU / 4Gi. */
export const RESOURCE_PAIRS = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ cpu: n * 0.25, memoryGi: n * 0.5 }));

function memoryGi(raw: unknown): number {
  if (raw === undefined) return 1;
  const m = /^(\d+(?:\.\d+)?)Gi$/.exec(String(raw));
  return m ? Number(m[1]) : NaN;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function identityHas(identity: Json | undefined, ref: string): boolean {
  const type = String(identity?.type ?? 'None').toLowerCase();
  if (ref.toLowerCase() === 'system') return type.includes('systemassigned');
  return Object.keys(obj(identity?.userAssignedIdentities)).some(
    (id) => id.toLowerCase() === ref.toLowerCase(),
  );
}

/** Azure's answer to a secret with neither a value nor a Key Vault reference with its identity. */
export const secretInvalid = (name: string) =>
  invalid(
    `Invalid Request: Container app secret(s) with name(s) '${name}' are invalid: value or keyVaultUrl and identity should be provided.`,
    'ContainerAppSecretInvalid',
  );

const appName: Rule = ({ appName: name }) =>
  DNS_NAME.test(name) && !name.includes('--') && name.length <= 32
    ? undefined
    : invalid(
        `Invalid ContainerApp name '${name}'. A name must consist of lower case alphanumeric characters or '-', start with a letter, end with an alphanumeric character, cannot have '--', and must be less than 32 characters.`,
        'ContainerAppInvalidName',
      );

const mode: Rule = (w) => {
  const m = configuration(w).activeRevisionsMode;
  return m === undefined || ['single', 'multiple'].includes(String(m).toLowerCase())
    ? undefined
    : invalid(
        `The value '${String(m)}' of configuration.activeRevisionsMode is invalid. Allowed: Single, Multiple.`,
      );
};

const revisionName: Rule = (w) =>
  w.newRevisionName && !w.generatedName && !isValidRevisionName(w.appName, w.newRevisionName)
    ? badRevisionName(w.newRevisionName)
    : undefined;

const containers: Rule = (w) => {
  const list = arr(template(w).containers);
  if (list.length === 0) return invalid('template.containers must hold at least one container.');
  const bad = list.find((c) => !str(c.name) || !str(c.image));
  return bad ? invalid(`Container '${String(bad.name ?? '')}' needs a name and an image.`) : undefined;
};

const resources: Rule = (w) => {
  const list = arr(template(w).containers).concat(arr(template(w).initContainers));
  const cpu = round2(list.reduce((s, c) => s + Number(obj(c.resources).cpu ?? 0.5), 0));
  const mem = round2(list.reduce((s, c) => s + memoryGi(obj(c.resources).memory), 0));
  if (RESOURCE_PAIRS.some((p) => p.cpu === cpu && p.memoryGi === mem)) return undefined;
  const pairs = RESOURCE_PAIRS.map(
    (p) => `[cpu: ${p.cpu.toFixed(2).replace(/0$/, '')}, memory: ${p.memoryGi.toFixed(1)}Gi]`,
  );
  return invalid(
    `The total requested CPU and memory resources for this application (CPU: ${cpu}, memory: ${Number.isNaN(mem) ? 'invalid' : mem}) is invalid. Total CPU and memory for all containers defined in a Container App must add up to one of the following CPU - Memory combinations: ${pairs.join('; ')}`,
    'ContainerAppInvalidResourceTotal',
  );
};

const secrets: Rule = (w) => {
  const declared = arr(configuration(w).secrets);
  const names = declared.map((s) => String(s.name ?? ''));
  const badName = names.find((n) => !/^[a-z0-9]([a-z0-9-.]*[a-z0-9])?$/.test(n) || n.length > 253);
  if (badName !== undefined) {
    return invalid(
      `Invalid secret name '${badName}'. A secret name must consist of lower case alphanumeric characters, '-' or '.', and start and end with an alphanumeric character.`,
      'ContainerAppSecretInvalidName',
    );
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) return invalid(`Secret '${dup}' is declared more than once.`, 'ContainerAppDuplicateSecretName');
  const refs = arr(template(w).containers).flatMap((c) =>
    arr(c.env)
      .filter((e) => str(e.secretRef))
      .map((e) => ({ container: String(c.name), ref: String(e.secretRef) })),
  );
  const regRefs = arr(configuration(w).registries)
    .filter((r) => str(r.passwordSecretRef))
    .map((r) => ({ container: `registry ${String(r.server)}`, ref: String(r.passwordSecretRef) }));
  const missing = refs.concat(regRefs).find((r) => !names.includes(r.ref));
  return missing
    ? invalid(
        `SecretRef '${missing.ref}' defined for container '${missing.container}' not found.`,
        'ContainerAppSecretRefNotFound',
      )
    : undefined;
};

const identities: Rule = (w) => {
  const secrets = arr(configuration(w).secrets);
  const incomplete = secrets.find((s) => str(s.keyVaultUrl) && !str(s.identity));
  if (incomplete) return secretInvalid(String(incomplete.name));
  const foreign = secrets.find((s) => str(s.keyVaultUrl) && !identityHas(w.identity, String(s.identity)));
  if (foreign) {
    return invalid(
      `Secret '${String(foreign.name)}' references Key Vault '${String(foreign.keyVaultUrl)}' with identity '${String(foreign.identity)}', which is not assigned to the container app. A Key Vault reference needs a managed identity of the app ('system' or a user-assigned identity's resource ID).`,
      'ContainerAppSecretKeyVaultIdentityNotFound',
    );
  }
  const reg = arr(configuration(w).registries).find(
    (r) => str(r.identity) && !identityHas(w.identity, String(r.identity)),
  );
  return reg
    ? invalid(
        `Registry '${String(reg.server)}' uses identity '${String(reg.identity)}', which is not assigned to the container app.`,
        'ContainerAppRegistryIdentityNotFound',
      )
    : undefined;
};

const trafficWeights: Rule = (w) => {
  const t = traffic(w);
  const bad = t.find(
    (e) => e.weight !== undefined && (!Number.isInteger(e.weight) || e.weight < 0 || e.weight > 100),
  );
  if (bad)
    return invalid(
      `Traffic weight '${String(bad.weight)}' is invalid: a weight is a whole number from 0 to 100.`,
      'ContainerAppInvalidTrafficWeight',
    );
  const ambiguous = t.find((e) => Boolean(e.latestRevision) === Boolean(e.revisionName));
  if (ambiguous)
    return invalid(
      'Each traffic entry must name either a revisionName or latestRevision: true, not both or neither.',
      'ContainerAppInvalidTrafficWeight',
    );
  const sum = t.reduce((s, e) => s + (e.weight ?? 0), 0);
  return t.length > 0 && sum !== 100
    ? invalid(
        `The sum of the traffic weights must be 100, but it is ${sum}.`,
        'ContainerAppInvalidTrafficWeight',
      )
    : undefined;
};

const labels: Rule = (w) => {
  const list = traffic(w)
    .map((e) => e.label)
    .filter((l): l is string => l !== undefined);
  const bad = list.find((l) => !DNS_NAME.test(l) || l.includes('--') || w.appName.length + 3 + l.length > 63);
  if (bad !== undefined) {
    return invalid(
      `Label '${bad}' is invalid. A label must consist of lower case alphanumeric characters or '-', start with a letter, end with an alphanumeric character, cannot have '--', and '<app>---<label>' must fit in 63 characters.`,
      'ContainerAppInvalidLabelName',
    );
  }
  const dup = list.find((l, i) => list.indexOf(l) !== i);
  return dup
    ? invalid(
        `Label '${dup}' is assigned more than once; labels must be unique.`,
        'ContainerAppDuplicateLabel',
      )
    : undefined;
};

// Traffic may name any revision the app has, whatever its name looks like (ACA names revisions itself with
// digit-first suffixes, e.g. `aca000002--0jfo06b`), active or not: ACA accepts a weight on an inactive revision
// (that share finds no replica) and, in the revision actions, deactivating a revision that has weight.
const trafficTargets: Rule = (w) => {
  for (const e of traffic(w)) {
    const name = e.revisionName;
    if (!name || name === w.newRevisionName) continue;
    if (w.revisions.some((r) => r.name === name)) continue;
    if (!isValidRevisionName(w.appName, name) && !isGeneratedName(w.appName, name))
      return badRevisionName(name);
    return invalid(
      `Revision '${name}' of container app '${w.appName}' was not found; traffic can only go to an existing revision.`,
      'ContainerAppRevisionNotFound',
    );
  }
  return undefined;
};

/** A name of the shape ACA gives revisions itself: `<app>--` and lower-case alphanumerics (digit-first too). */
export function isGeneratedName(appName: string, revisionName: string): boolean {
  const prefix = `${appName}--`;
  return (
    revisionName.startsWith(prefix) &&
    /^[a-z0-9]+$/.test(revisionName.slice(prefix.length)) &&
    revisionName.length <= MAX_REVISION_NAME
  );
}

const singleMode: Rule = (w) =>
  revisionsMode(w) === 'Single' && traffic(w).some((e) => (e.weight ?? 0) > 0 && !e.latestRevision)
    ? invalid(
        'Traffic weights can only be split in Multiple revisions mode; in Single mode the latest revision takes all traffic.',
        'ContainerAppInvalidTrafficForSingleRevisionMode',
      )
    : undefined;

const targetPort: Rule = (w) => {
  const ingress = configuration(w).ingress;
  const port = obj(ingress).targetPort;
  return ingress === undefined ||
    ingress === null ||
    (Number.isInteger(port) && Number(port) >= 1 && Number(port) <= 65535)
    ? undefined
    : invalid(
        `configuration.ingress.targetPort '${String(port)}' is invalid: a port from 1 to 65535 is required.`,
      );
};

export const RULES: Rule[] = [
  appName,
  mode,
  revisionName,
  containers,
  resources,
  secrets,
  identities,
  targetPort,
  trafficWeights,
  labels,
  trafficTargets,
  singleMode,
];

export function validateWrite(w: WriteCheck): ArmError | undefined {
  for (const rule of RULES) {
    const error = rule(w);
    if (error) return error;
  }
  return undefined;
}
