// What a simulator starts with: resource groups, managed environments, app registrations with their federated
// credentials, and the job the stand-alone GitHub OIDC request token speaks for. From a YAML or JSON file
// (`npm run sim -- --seed FILE`), from flags, or as an object (`startSimulator({ seed })`); parsed and checked by
// pure functions that name the key, its value and what is allowed. Without any, the default seed: ALC-Algo's
// production environment and a simulator app that any GitHub repository may sign in as (today's behaviour).
import { parse as parseYaml } from 'yaml';
import {
  ASSERTION_AUDIENCE,
  type FederatedCredential,
  RUNNER_JOB_CLAIMS,
  type RunnerJob,
  parseClaimsExpression,
} from './identity.js';

export interface SeedResourceGroup {
  name: string;
  location: string;
}

/** A managed environment of a seed (the file's keys). */
export interface SeedManagedEnvironment {
  resourceGroup: string;
  name: string;
  location: string;
  /** An Application Insights component to create beside the environment (e.g. `alc-algo-insights`). */
  appInsights?: string;
}

/** A managed environment in the list form of startSimulator's `seed` (environments only, identities by default). */
export interface SeedEnvironment {
  resourceGroup: string;
  environment: string;
  location: string;
  /** An Application Insights component to create beside the environment (e.g. `alc-algo-insights`). */
  appInsights?: string;
}

/** An app registration: without clientId, the simulator's own app (AZURE_CLIENT_ID of its env). */
export interface SeedApplication {
  clientId?: string;
  /** The repository variable its client id is written under in the env file (the simulator's own: AZURE_CLIENT_ID). */
  var?: string;
  federatedCredentials: FederatedCredential[];
}

/**
 * A seed, checked: resource groups (those of the environments included), environments, identities; the file's
 * structure with every default filled in (parseSeed of a Seed is that Seed).
 */
export interface Seed {
  resourceGroups: SeedResourceGroup[];
  environments: SeedManagedEnvironment[];
  applications: SeedApplication[];
  /** The job the stand-alone request token (ACTIONS_ID_TOKEN_REQUEST_TOKEN) speaks for; none: it only registers jobs. */
  githubJob?: RunnerJob;
}

/** A seed as written (a file's structure, or startSimulator's `seed`): what parseSeed checks. */
export interface SeedInput {
  resourceGroups?: Array<{ name: string; location?: string }>;
  environments?: Array<{ resourceGroup: string; name: string; location?: string; appInsights?: string }>;
  applications?: Array<{ clientId?: string; var?: string; federatedCredentials?: FederatedCredential[] }>;
  githubJob?: Partial<RunnerJob> & { repository: string; ref: string };
}

export const DEFAULT_LOCATION = 'eastus';

/** Today's seed of `npm run sim`: ALC-Algo's production environment (identities: the permissive default). */
export const DEFAULT_SEED_ENVIRONMENTS: SeedEnvironment[] = [
  {
    resourceGroup: 'alc-algo-production',
    environment: 'alc-algo-env',
    location: DEFAULT_LOCATION,
    appInsights: 'alc-algo-insights',
  },
];

/** A seed that is wrong: which key (or flag), its value, and what is allowed. */
export class SeedError extends Error {
  constructor(
    readonly key: string,
    readonly value: string,
    readonly allowed: string,
  ) {
    super(`seed: '${key}' has the invalid value '${value}': ${allowed}`);
    this.name = 'SeedError';
  }
}

type Raw = Record<string, unknown>;

const show = (v: unknown): string =>
  v === undefined ? '(missing)' : typeof v === 'string' ? v : JSON.stringify(v);

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, key: string, keys: string[]): Raw {
  if (!isObject(v)) throw new SeedError(key, show(v), `a mapping with the keys ${keys.join(', ')}`);
  const unknown = Object.keys(v).find((k) => !keys.includes(k));
  if (unknown !== undefined)
    throw new SeedError(`${key}.${unknown}`, show(v[unknown]), `an unknown key; allowed: ${keys.join(', ')}`);
  return v;
}

function list(v: unknown, key: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SeedError(key, show(v), 'a list');
  return v;
}

function text(v: unknown, key: string, rule: RegExp, allowed: string): string {
  if (typeof v !== 'string' || !rule.test(v)) throw new SeedError(key, show(v), allowed);
  return v;
}

function optionalText(v: unknown, key: string, rule: RegExp, allowed: string): string | undefined {
  return v === undefined ? undefined : text(v, key, rule, allowed);
}

// Azure's naming rules: resource groups 1-90 of letters, digits, '-', '_', '.', '(', ')', not ending in '.';
// managed environments 2-60 lower-case letters, digits and '-', starting with a letter, ending alphanumeric.
const GROUP = /^[-\w.()]{0,89}[-\w()]$/;
const GROUP_RULE = "1-90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'";
const ENVIRONMENT = /^[a-z](?!.*--)[a-z0-9-]{0,58}[a-z0-9]$/;
const ENVIRONMENT_RULE =
  "2-60 lower-case letters, digits or '-', starting with a letter, ending with a letter or digit, no '--'";
// Application Insights components: 1-255 letters, digits, '-', '_', '.', '(' or ')'.
const COMPONENT = /^[-\w.()]{1,255}$/;
const COMPONENT_RULE =
  "an Application Insights component name: 1-255 letters, digits, '-', '_', '.', '(' or ')'";
const LOCATION = /^[a-z][a-z0-9]*$/;
const LOCATION_RULE = 'an Azure region name such as eastus or westeurope (lower-case letters and digits)';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_RULE = 'an application (client) id: a GUID such as 11111111-2222-3333-4444-555555555555';
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;
const REF = /^refs\/(heads|tags|pull)\/\S+$/;
const EVENT = /^[a-z_]+$/;
const ANY = /^[\s\S]*\S[\s\S]*$/;
const URL_RULE = /^https:\/\/\S+$/;

function resourceGroup(v: unknown, key: string): SeedResourceGroup {
  const o = object(v, key, ['name', 'location']);
  return {
    name: text(o.name, `${key}.name`, GROUP, GROUP_RULE),
    location: optionalText(o.location, `${key}.location`, LOCATION, LOCATION_RULE) ?? DEFAULT_LOCATION,
  };
}

function environment(v: unknown, key: string): SeedManagedEnvironment & { locationGiven: boolean } {
  const o = object(v, key, ['resourceGroup', 'name', 'location', 'appInsights']);
  const location = optionalText(o.location, `${key}.location`, LOCATION, LOCATION_RULE);
  const appInsights = optionalText(o.appInsights, `${key}.appInsights`, COMPONENT, COMPONENT_RULE);
  return {
    resourceGroup: text(o.resourceGroup, `${key}.resourceGroup`, GROUP, GROUP_RULE),
    name: text(o.name, `${key}.name`, ENVIRONMENT, ENVIRONMENT_RULE),
    location: location ?? DEFAULT_LOCATION,
    ...(appInsights ? { appInsights } : {}),
    locationGiven: location !== undefined,
  };
}

/** A federated credential: exactly one of subject and claimsMatchingExpression; issuer and audiences optional. */
export function federatedCredential(v: unknown, key: string): FederatedCredential {
  const o = object(v, key, ['name', 'issuer', 'subject', 'claimsMatchingExpression', 'audiences']);
  const subject = optionalText(
    o.subject,
    `${key}.subject`,
    ANY,
    'a subject such as repo:<owner>/<repo>:environment:<name>',
  );
  const expression = optionalText(
    o.claimsMatchingExpression,
    `${key}.claimsMatchingExpression`,
    ANY,
    "an expression such as claims['sub'] matches 'repo:<owner>/<repo>:ref:refs/tags/v*'",
  );
  if ((subject === undefined) === (expression === undefined))
    throw new SeedError(
      key,
      show(v),
      'a credential with exactly one of subject (exact match) and claimsMatchingExpression (flexible)',
    );
  if (expression !== undefined && !parseClaimsExpression(expression))
    throw new SeedError(
      `${key}.claimsMatchingExpression`,
      expression,
      "claims['sub'] matches '<pattern with * and ?>' or claims['sub'] eq '<subject>'",
    );
  const audiences = list(o.audiences, `${key}.audiences`).map((a, i) =>
    text(a, `${key}.audiences[${i}]`, ANY, `an audience such as ${ASSERTION_AUDIENCE}`),
  );
  return {
    ...(o.name !== undefined ? { name: text(o.name, `${key}.name`, ANY, 'a name') } : {}),
    ...(o.issuer !== undefined
      ? {
          issuer: text(
            o.issuer,
            `${key}.issuer`,
            URL_RULE,
            "an https URL (default: the simulator's GitHub OIDC issuer)",
          ),
        }
      : {}),
    ...(subject !== undefined ? { subject } : { claimsMatchingExpression: expression }),
    ...(audiences.length ? { audiences } : {}),
  };
}

function application(v: unknown, key: string): SeedApplication {
  const o = object(v, key, ['clientId', 'var', 'federatedCredentials']);
  return {
    ...(o.clientId !== undefined ? { clientId: text(o.clientId, `${key}.clientId`, GUID, GUID_RULE) } : {}),
    ...(o.var !== undefined
      ? {
          var: text(
            o.var,
            `${key}.var`,
            /^[A-Z][A-Z0-9_]*$/,
            'a variable name such as AZURE_BUILD_CLIENT_ID',
          ),
        }
      : {}),
    federatedCredentials: list(o.federatedCredentials, `${key}.federatedCredentials`).map((c, i) =>
      federatedCredential(c, `${key}.federatedCredentials[${i}]`),
    ),
  };
}

const JOB_TEXTS = ['environment', 'jobWorkflowRef', 'workflowRef', ...Object.keys(RUNNER_JOB_CLAIMS)];

/**
 * A job (the seed's default job, or one a runner registers): repository, ref, eventName (default push), the
 * optional environment, workflow refs, sha, actor and run. Pure.
 */
export function githubJob(v: unknown, key: string): RunnerJob {
  const o = object(v, key, ['repository', 'ref', 'eventName', ...JOB_TEXTS]);
  const optional: Record<string, string> = {};
  for (const k of JOB_TEXTS) {
    const t = optionalText(
      typeof o[k] === 'number' ? String(o[k]) : o[k],
      `${key}.${k}`,
      k === 'sha' ? /^[0-9a-f]{40}$/ : ANY,
      k === 'sha' ? 'a commit sha: 40 lower-case hex digits' : 'a non-empty string',
    );
    if (t) optional[k] = t;
  }
  return {
    repository: text(o.repository, `${key}.repository`, REPOSITORY, 'owner/name of a GitHub repository'),
    ref: text(o.ref, `${key}.ref`, REF, 'refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge'),
    eventName:
      optionalText(
        o.eventName,
        `${key}.eventName`,
        EVENT,
        'an event name such as push, pull_request or workflow_dispatch',
      ) ?? 'push',
    ...optional,
  };
}

const SEED_KEYS = ['resourceGroups', 'environments', 'applications', 'githubJob'];

/**
 * A seed from its raw form (a parsed file, or flags' objects): every resource group named by an environment is
 * created (in the environment's location when the group is not listed); one app entry at most without clientId
 * (the simulator's own app); no client id twice. Pure.
 */
export function parseSeed(raw: unknown, where = 'seed'): Seed {
  const o = object(raw ?? {}, where, SEED_KEYS);
  const at = (k: string) => (where === 'seed' ? k : `${where}.${k}`);
  const groups = list(o.resourceGroups, at('resourceGroups')).map((g, i) =>
    resourceGroup(g, `${at('resourceGroups')}[${i}]`),
  );
  const environments = list(o.environments, at('environments')).map((e, i) =>
    environment(e, `${at('environments')}[${i}]`),
  );
  const byName = new Map<string, SeedResourceGroup>();
  for (const g of groups) byName.set(g.name.toLowerCase(), g);
  for (const e of environments) {
    const group = byName.get(e.resourceGroup.toLowerCase());
    if (group && !e.locationGiven) e.location = group.location;
    if (!group) byName.set(e.resourceGroup.toLowerCase(), { name: e.resourceGroup, location: e.location });
  }
  const applications = list(o.applications, at('applications')).map((a, i) =>
    application(a, `${at('applications')}[${i}]`),
  );
  const seen = new Set<string>();
  applications.forEach((a, i) => {
    const id = a.clientId?.toLowerCase() ?? '(the simulator app)';
    if (seen.has(id))
      throw new SeedError(
        `${at('applications')}[${i}].clientId`,
        a.clientId ?? '(missing)',
        a.clientId
          ? 'a client id not listed before (one entry per app registration)'
          : "one entry at most without clientId (the simulator's own app)",
      );
    seen.add(id);
  });
  return {
    resourceGroups: [...byName.values()],
    environments: environments.map(({ locationGiven: _, ...e }) => e),
    applications,
    ...(o.githubJob !== undefined ? { githubJob: githubJob(o.githubJob, at('githubJob')) } : {}),
  };
}

/** A seed file's text, YAML or JSON (JSON is YAML), as its raw form; text that is neither names the file. Pure. */
function readSeedText(text: string, file: string): unknown {
  try {
    return parseYaml(text) ?? {};
  } catch (e) {
    throw new SeedError(
      file,
      (e instanceof Error ? e.message : String(e)).split('\n')[0],
      'a YAML or JSON seed file',
    );
  }
}

/** A seed file's text as a seed. Pure. */
export function parseSeedText(text: string, file: string): Seed {
  return parseSeed(readSeedText(text, file));
}

/**
 * The seed of a file and flags together: lists joined (the file's first), the entries of one app registration as
 * one, the flags' job over the file's; each checked where it was written (the file's keys, the flags). Pure.
 */
export function seedOf(o: { file?: { text: string; path: string }; flags?: Flag[] }): Seed {
  const fromFile = o.file ? readSeedText(o.file.text, o.file.path) : {};
  parseSeed(fromFile);
  const a = fromFile as Raw;
  const b = rawSeedOfFlags(o.flags ?? []);
  const joined = (k: string) => [...((a[k] as unknown[] | undefined) ?? []), ...((b[k] as unknown[]) ?? [])];
  return parseSeed({
    resourceGroups: joined('resourceGroups'),
    environments: joined('environments'),
    applications: joinApplications(joined('applications') as SeedApplication[]),
    ...((b.githubJob ?? a.githubJob) ? { githubJob: b.githubJob ?? a.githubJob } : {}),
  });
}

/** Entries of the same app registration as one, their credentials joined. */
function joinApplications(apps: SeedApplication[]): SeedApplication[] {
  const byId = new Map<string, SeedApplication>();
  for (const a of apps) {
    const id = a.clientId?.toLowerCase() ?? '';
    const seen = byId.get(id);
    if (seen)
      seen.federatedCredentials = [...(seen.federatedCredentials ?? []), ...(a.federatedCredentials ?? [])];
    else byId.set(id, { ...a, federatedCredentials: [...(a.federatedCredentials ?? [])] });
  }
  return [...byId.values()];
}

// -----------------------------------------------------------------------------------------------
// Flags

/** `k=v,k=v` pairs of a flag, by key; keys outside `allowed` are refused. Pure. */
function pairs(flag: string, value: string, allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const k = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!allowed.includes(k))
      throw new SeedError(flag, value, `comma-separated key=value pairs with the keys ${allowed.join(', ')}`);
    out[k] = part.slice(eq + 1).trim();
  }
  return out;
}

/** `name[@location]` -> a resource group; `rg/name[@location]` -> an environment. */
function nameAt(value: string): { name: string; location?: string } {
  const at = value.lastIndexOf('@');
  return at < 0 ? { name: value } : { name: value.slice(0, at), location: value.slice(at + 1) };
}

/** A seed flag as given: `--environment` and its value. */
export interface Flag {
  flag: string;
  value: string;
}

export const SEED_FLAGS = ['--resource-group', '--environment', '--federated-credential', '--github-job'];

/**
 * The raw seed of the seed flags (`--resource-group NAME[@LOCATION]`, `--environment RG/NAME[@LOCATION]`,
 * `--federated-credential [client-id=GUID,]subject=S|claims=EXPR[,issuer=URL][,audience=A][,name=N]`,
 * `--github-job repository=O/R,ref=REF[,event=E][,environment=ENV]`), each checked, its error naming its flag. Pure.
 */
function rawSeedOfFlags(flags: Flag[]): Raw {
  const raw = { resourceGroups: [] as Raw[], environments: [] as Raw[], applications: [] as Raw[] };
  let job: Raw | undefined;
  for (const { flag, value } of flags) {
    /** Checks `entry` with `check`, a failure naming the flag (and the part of its value). */
    const checked = (entry: Raw, check: (v: unknown, key: string) => unknown): Raw => {
      try {
        check(entry, 'x');
        return entry;
      } catch (e) {
        if (!(e instanceof SeedError)) throw e;
        const part = e.key === 'x' ? '' : ` (${e.key.replace(/^.*\./, '')})`;
        throw new SeedError(`${flag}${part}`, e.value, e.allowed);
      }
    };
    const { name, location } = nameAt(value);
    const at = location !== undefined ? { location } : {};
    if (flag === '--resource-group') {
      raw.resourceGroups.push(checked({ name, ...at }, resourceGroup));
    } else if (flag === '--environment') {
      const slash = name.indexOf('/');
      if (slash < 0)
        throw new SeedError(flag, value, 'RESOURCE_GROUP/NAME[@LOCATION], e.g. quotes-rg/quotes-env@eastus');
      const e = { resourceGroup: name.slice(0, slash), name: name.slice(slash + 1), ...at };
      raw.environments.push(checked(e, environment));
    } else if (flag === '--federated-credential') {
      const p = pairs(flag, value, ['client-id', 'subject', 'claims', 'issuer', 'audience', 'name']);
      const credential = {
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.subject !== undefined ? { subject: p.subject } : {}),
        ...(p.claims !== undefined ? { claimsMatchingExpression: p.claims } : {}),
        ...(p.issuer !== undefined ? { issuer: p.issuer } : {}),
        ...(p.audience !== undefined ? { audiences: [p.audience] } : {}),
      };
      const app = {
        ...(p['client-id'] !== undefined ? { clientId: p['client-id'] } : {}),
        federatedCredentials: [credential],
      };
      raw.applications.push(checked(app, application));
    } else if (flag === '--github-job') {
      const p = pairs(flag, value, ['repository', 'ref', 'event', 'environment']);
      job = checked(
        {
          repository: p.repository,
          ref: p.ref,
          ...(p.event !== undefined ? { eventName: p.event } : {}),
          ...(p.environment !== undefined ? { environment: p.environment } : {}),
        },
        githubJob,
      );
    } else throw new SeedError(flag, value, `a seed flag: ${SEED_FLAGS.join(', ')}`);
  }
  return { ...raw, ...(job ? { githubJob: job } : {}) };
}
