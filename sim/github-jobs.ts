// The runner's side door to the GitHub OIDC stand-in: `POST /_sim/github/jobs` (admin token) registers a job with
// its claims and answers the job's own token request endpoint, as GitHub gives each job its own
// ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN. What a runner in another process (`runner/cli.ts workflow`) calls; in process,
// `identity.registerGithubJob(job)` does the same.
import { HttpError, readBody, sendJson, type Route } from './http.js';
import type { IdentityService } from './identity.js';
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
