// GitHub Actions OIDC as Entra ID sees it, in pure functions: the subject GitHub puts in a job's token, the
// claims of a presented token (decoded for the message, never verified, never printed whole), and the
// doctor's message when Entra refuses the token because no federated credential of the app matches it.
// The credential (src/azure/connection.ts) and the simulator's token services (sim/identity.ts) share these rules.

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

/** Where the federated credentials of the pipeline are listed (one per subject), relative to the repository. */
export const FEDERATED_CREDENTIALS_DOCS = 'docs/pipeline.md#federated-credentials';

/** What of a job decides its token's subject (GitHub's default subject template). */
export interface GithubJob {
  /** owner/name */
  repository: string;
  eventName: string;
  /** refs/heads/<branch> or refs/tags/<tag> */
  ref: string;
  /** The GitHub environment the job references. */
  environment?: string;
  /** The workflow file that defines the job (owner/repo/.github/workflows/<file>@<ref>). */
  jobWorkflowRef?: string;
  /** The workflow the run started from; differs from jobWorkflowRef in a reusable workflow. */
  workflowRef?: string;
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/**
 * The `sub` claim GitHub issues for a job: `repo:O/R:environment:<name>` when the job references an
 * environment, else `repo:O/R:pull_request` for pull request events, else `repo:O/R:ref:<ref>`. A job of a
 * reusable workflow gets the caller's subject (the job_workflow_ref claim names the reusable file).
 */
export function githubSubject(
  job: Pick<GithubJob, 'repository' | 'eventName' | 'ref' | 'environment'>,
): string {
  if (job.environment) return `repo:${job.repository}:environment:${job.environment}`;
  if (PULL_REQUEST_EVENTS.includes(job.eventName)) return `repo:${job.repository}:pull_request`;
  return `repo:${job.repository}:ref:${job.ref}`;
}

/** The claims of a GitHub OIDC token for a job, as GitHub's token service sets them (without iss, aud, times). */
export function githubJobClaims(job: GithubJob): Record<string, string> {
  const [owner] = job.repository.split('/');
  const workflowRef = job.workflowRef ?? `${job.repository}/.github/workflows/local.yml@${job.ref}`;
  const refType = job.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  return {
    sub: githubSubject(job),
    repository: job.repository,
    repository_owner: owner,
    ref: job.ref,
    ref_type: refType,
    event_name: job.eventName,
    workflow_ref: workflowRef,
    job_workflow_ref: job.jobWorkflowRef ?? workflowRef,
    ...(job.environment ? { environment: job.environment } : {}),
  };
}

/** The payload of a JWT, decoded without verification ({} when it is not one). */
export function jwtClaims(token: string): Record<string, unknown> {
  const body = token.split('.')[1];
  if (!body) return {};
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : '');

/** The job a token was issued for: its claims, then the runner's GITHUB_* variables for what they lack. */
export function jobOfToken(claims: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): GithubJob {
  return {
    repository: text(claims.repository) || env.GITHUB_REPOSITORY || '<owner>/<repo>',
    eventName: text(claims.event_name) || env.GITHUB_EVENT_NAME || '',
    ref: text(claims.ref) || env.GITHUB_REF || '',
    environment: text(claims.environment) || undefined,
    jobWorkflowRef: text(claims.job_workflow_ref) || undefined,
    workflowRef: text(claims.workflow_ref) || env.GITHUB_WORKFLOW_REF || undefined,
  };
}

/** In words, why the job has the subject it has. */
export function describeJob(job: GithubJob): string {
  let what: string;
  if (job.environment) what = `a job in the environment '${job.environment}'`;
  else if (PULL_REQUEST_EVENTS.includes(job.eventName))
    what = `a ${job.eventName} event outside any environment (every pull request shares this subject)`;
  else if (job.ref.startsWith('refs/tags/'))
    what = `a ${job.eventName || 'run'} of the tag ${job.ref.slice('refs/tags/'.length)} outside any environment`;
  else what = `a ${job.eventName || 'run'} of ${job.ref || 'an unknown ref'} outside any environment`;
  const reusable =
    job.jobWorkflowRef && job.workflowRef && job.jobWorkflowRef !== job.workflowRef
      ? `, in the reusable workflow ${job.jobWorkflowRef} called from ${job.workflowRef} (the subject is the caller's)`
      : '';
  return `${what}${reusable}`;
}

/**
 * Why the subject of a job outside any environment is code nobody has reviewed (a pull request, a pushed branch
 * or tag), or undefined for a job in an environment (whose protection rules decide). Pure.
 */
export function unreviewedSubject(job: GithubJob): string | undefined {
  if (job.environment) return undefined;
  if (PULL_REQUEST_EVENTS.includes(job.eventName))
    return 'this subject is every pull request: the code and workflow file of any pull request';
  if (job.ref.startsWith('refs/tags/'))
    return 'this subject is a pushed tag: whatever commit anyone with push access tags';
  if (job.ref.startsWith('refs/heads/'))
    return `this subject is the branch ${JSON.stringify(job.ref.slice('refs/heads/'.length))}: whatever anyone with push access puts on it, unless its protection lets nothing in unreviewed`;
  return 'this subject names no environment';
}

/** One value as one POSIX shell word: single-quoted, each `'` written as `'\''`. Pure. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** Entra's codes for an assertion that matches no federated credential of the app. */
export const FEDERATION_MISMATCH_CODES = [70021, 700211, 700212, 700213, 7002137, 7002138];

/** The AADSTS codes an error's message carries. */
export function aadstsCodes(message: string): number[] {
  return [...message.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1]));
}

export interface DoctorInput {
  /** The AADSTS code Entra answered with. */
  code: number;
  /** Entra's error description (its first sentence is quoted). */
  entraMessage: string;
  /** The presented token's claims (decoded). */
  claims: Record<string, unknown>;
  clientId: string;
  /** The runner's environment (GITHUB_REPOSITORY, GITHUB_EVENT_NAME, GITHUB_REF...). */
  env?: NodeJS.ProcessEnv;
  /** Where FEDERATED_CREDENTIALS_DOCS lives (default: the path in the alc-deploy repository). */
  docsUrl?: string;
}

const CAUSES: Record<number, string> = {
  70021: 'no federated credential of the app matches its issuer, subject and audience',
  700211: 'no federated credential of the app has its issuer',
  700212: 'no federated credential of the app with its issuer has its audience',
  700213: 'no federated credential of the app matches its subject',
  7002137: 'no federated credential of the app matches its subject',
  7002138: 'no federated credential of the app matches its subject (subjects are case-sensitive)',
};

/** The link to the federated-credential table: in the action's own repository at its ref, when the runner says which. */
export function federatedCredentialsDocs(env: NodeJS.ProcessEnv = {}): string {
  const repo = env.GITHUB_ACTION_REPOSITORY;
  const ref = env.GITHUB_ACTION_REF;
  if (repo && ref)
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repo}/blob/${ref}/${FEDERATED_CREDENTIALS_DOCS}`;
  return `alc-deploy ${FEDERATED_CREDENTIALS_DOCS}`;
}

/**
 * The doctor's message for a refused GitHub assertion: what the token presented (iss, aud, sub; never the
 * token), the subject this job produces and why, and the federated credential that would match it.
 */
export function oidcDoctorMessage(d: DoctorInput): string {
  const job = jobOfToken(d.claims, d.env);
  const iss = text(d.claims.iss);
  const aud = text(d.claims.aud);
  const sub = text(d.claims.sub);
  const expected = githubSubject(job);
  const first = d.entraMessage.split(/(?<=\.)\s|\r?\n/)[0];
  const lines = [
    `Entra ID refused this job's GitHub OIDC token for the app registration ${d.clientId}: ${CAUSES[d.code] ?? 'no federated credential of the app matches it'} (AADSTS${d.code}).`,
    `Presented token: iss '${iss}', aud '${aud}', sub '${sub}'.`,
    `This job produces the subject '${expected}': ${describeJob(job)}.${sub && sub !== expected ? ` The token's subject differs: the repository customises its subject template, so the credential must name '${sub}'.` : ''}`,
    `The federated credential that matches: issuer '${iss}', subject '${sub}', audience '${aud}'. Add it to the app registration with the command below (every value in it shell-quoted), or run the job where an existing credential applies (for example in its environment):`,
    `  az ad app federated-credential create --id ${shellQuote(d.clientId)} --parameters ${shellQuote(JSON.stringify({ name: credentialName(sub), issuer: iss, subject: sub, audiences: [aud] }))}`,
  ];
  const unreviewed = unreviewedSubject(job);
  if (unreviewed)
    lines.push(
      `Warning: ${unreviewed}, outside any protected environment. Federating it to the production identity gives code nobody has reviewed production rights: federate it only to the preview identity (AZURE_PREVIEW_CLIENT_ID, with rights on the preview app and the preview registry only), or run the job in a protected environment (production-build, production) and federate that environment's subject to production.`,
    );
  if (d.code === 700211 && iss !== GITHUB_OIDC_ISSUER)
    lines.push(
      `GitHub's issuer is ${GITHUB_OIDC_ISSUER} (GitHub Enterprise Cloud with a custom issuer adds /<enterprise>).`,
    );
  if (d.code === 700212)
    lines.push(
      `The audience is the action's 'audience' input (default api://AzureADTokenExchange); it must equal the credential's audience.`,
    );
  lines.push(`Entra said: ${first}`);
  lines.push(`The subjects the pipeline needs: ${d.docsUrl ?? federatedCredentialsDocs(d.env)}`);
  return lines.join('\n');
}

/** A federated credential name Entra accepts (letters, digits, - and _, at most 120 characters). */
function credentialName(subject: string): string {
  const tail = subject.replace(/^repo:[^:]+:/, '');
  return `github-${tail}`.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 120);
}
