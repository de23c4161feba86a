// The runner's side door to the GitHub OIDC stand-in: `POST /_sim/github/jobs` (admin token) registers a job with
// its claims and answers the job's own token request endpoint, as GitHub gives each job its own
// ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN. What a runner in another process (`runner/cli.ts workflow`) calls; in process,
// `identity.registerGithubJob(job)` does the same.
import { HttpError, httpsRequest, readBody, sendJson, type Route } from './http.js';
import type { IdentityService, RunnerJob } from './identity.js';
import { SeedError, githubJob } from './seed.js';

export const GITHUB_JOBS_PATH = '/_sim/github/jobs';

/** POST /_sim/github/jobs {repository, eventName, ref, environment?, jobWorkflowRef?, sha?...} -> {url, token}. */
export function githubJobsRoute(identity: IdentityService): Route {
  return async ({ method, url, req, res }) => {
    if (url.pathname !== GITHUB_JOBS_PATH) return false;
    if (method !== 'POST') throw new HttpError(405, `${GITHUB_JOBS_PATH} takes POST`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req));
    } catch {
      throw new HttpError(400, 'the body must be a JSON object: the job (repository, eventName, ref, ...)');
    }
    try {
      sendJson(res, 200, identity.registerGithubJob(githubJob(raw, 'job')));
    } catch (e) {
      if (e instanceof SeedError) throw new HttpError(400, e.message.replace(/^seed: /, ''));
      throw e;
    }
    return true;
  };
}

/**
 * A runner's call, from another process: registers `job` at the simulator of an env file (ALC_SIM_ADMIN_URL and
 * _TOKEN), trusting `ca`; answers that job's ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, or throws the simulator's word.
 */
export async function registerGithubJobAt(
  env: Record<string, string | undefined>,
  ca: string,
  job: RunnerJob,
): Promise<{ url: string; token: string }> {
  if (!env.ALC_SIM_ADMIN_URL || !env.ALC_SIM_ADMIN_TOKEN)
    throw new Error(
      'the simulator env names no ALC_SIM_ADMIN_URL and ALC_SIM_ADMIN_TOKEN: no job can be registered',
    );
  const res = await httpsRequest(`${env.ALC_SIM_ADMIN_URL}${GITHUB_JOBS_PATH.slice('/_sim'.length)}`, {
    ca,
    method: 'POST',
    headers: { authorization: `Bearer ${env.ALC_SIM_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(job),
  });
  if (res.status !== 200) {
    let message = res.body;
    try {
      message = (JSON.parse(res.body) as { error: { message: string } }).error.message;
    } catch {
      // not the control plane's envelope: its body as it is
    }
    throw new Error(`the simulator refused to register the job (${res.status}): ${message}`);
  }
  return JSON.parse(res.body) as { url: string; token: string };
}
