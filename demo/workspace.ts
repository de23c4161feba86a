// The checkouts the demo's runs work in: the repository at the commit being released, as a runner checks it out,
// good, broken (never turns healthy) or degraded (fails half its real requests after a while); and the stand-ins of
// the third-party actions the workflows use (checkout, setup-buildx).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../runner/action.js';
import type { ActionHandler } from '../runner/workflow.js';

export interface Workspaces {
  good: string;
  broken: string;
  /** Bad as soon as it carries traffic. */
  degradedAtOnce: string;
  /** Bad only once it has served far more than every step of a promote gives it. */
  degradedLater: string;
  /** Healthy, but its trading agent never takes the lease (the sample app's AGENT_NEVER_ACQUIRE hook). */
  neverTrades: string;
  /** Healthy HTTP, but once it trades its agents throw and its orders are rejected (AGENT_FAIL=throw,reject). */
  agentsFail: string;
}

export type WorkspaceName = keyof Workspaces;

export function prepareWorkspaces(): Workspaces {
  return {
    // The releases of the good checkout are the ones a scenario hangs: no liveness probe (demoSpec).
    good: prepareWorkspace(undefined, { liveness: false }),
    broken: prepareWorkspace({ from: 'ARG BROKEN=false', to: 'ARG BROKEN=true' }),
    degradedAtOnce: degraded(5),
    degradedLater: degraded(800),
    neverTrades: prepareWorkspace({
      from: 'ARG AGENT_NEVER_ACQUIRE=false',
      to: 'ARG AGENT_NEVER_ACQUIRE=true',
    }),
    agentsFail: prepareWorkspace({ from: 'ARG AGENT_FAIL=\n', to: 'ARG AGENT_FAIL=throw,reject\n' }),
  };
}

export function removeWorkspaces(workspaces: Workspaces): void {
  for (const ws of Object.values(workspaces)) rmSync(ws, { recursive: true, force: true });
}

/** A checkout whose sample app fails half its real requests once it has served `after` (DEGRADE_AFTER). */
const degraded = (after: number) =>
  prepareWorkspace({ from: 'ARG DEGRADE_AFTER=\n', to: `ARG DEGRADE_AFTER=${after}\n` });

/** A checkout of the repository; `change` rewrites a line of sample-app/Dockerfile (which must hold it). */
function prepareWorkspace(change?: { from: string; to: string }, spec = { liveness: true }): string {
  const ws = mkdtempSync(join(tmpdir(), 'alc-demo-ws-'));
  for (const entry of ['.github', 'actions', 'src', 'node_modules', 'package.json', 'scripts']) {
    symlinkSync(join(REPO_ROOT, entry), join(ws, entry));
  }
  // Files the actions read as path inputs are copied, as a checkout has them: a path input is confined to the
  // workspace, symlinks that lead out of it included.
  for (const entry of ['sample-app', 'deploy']) {
    cpSync(join(REPO_ROOT, entry), join(ws, entry), { recursive: true });
  }
  if (change) {
    const file = join(ws, 'sample-app', 'Dockerfile');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(change.from))
      throw new Error(`sample-app/Dockerfile has no ${change.from.trim()} to change`);
    writeFileSync(file, text.replace(change.from, change.to));
  }
  demoSpec(join(ws, 'deploy', 'containerapp.yaml'), spec.liveness);
  commitOnMain(ws);
  return ws;
}

/**
 * The demo's app spec: a short terminationGracePeriodSeconds (the handover bound's floor is 25 s plus it, and a
 * revision restart kills a hung replica after it); without `liveness`, no liveness probe. A hung revision (the
 * simulator pauses its containers) answers no probe: the simulator's fast fixed probes (1 s, 3 failures) would
 * restart it within seconds, before its lease can even expire, where ACA's (10 s x 3 here) leave the pipeline's own
 * escalation, the revision restart, to end it. The broken release keeps its probe: it shows a crash loop.
 */
function demoSpec(file: string, liveness: boolean): void {
  const text = readFileSync(file, 'utf8');
  const probe = /\n {10}- type: Liveness\n(?: {12}.*\n)+/;
  const template = '\n  template:\n';
  if (!probe.test(text) || !text.includes(template))
    throw new Error(`deploy/containerapp.yaml: no liveness probe or template to change for the demo`);
  const graced = text.replace(template, `${template}    terminationGracePeriodSeconds: ${GRACE_SECONDS}\n`);
  writeFileSync(file, liveness ? graced : graced.replace(probe, '\n'));
}

/** The demo spec's terminationGracePeriodSeconds. */
export const GRACE_SECONDS = 5;

/**
 * The checkout as a git repository whose default branch `main` holds it, with origin's main fetched as
 * actions/checkout with fetch-depth: 0 leaves it (origin is the checkout itself): the release's check that the
 * tag's commit is on the default branch (scripts/check-on-branch.sh) runs for real.
 */
function commitOnMain(ws: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: ws,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'alc-demo',
        GIT_AUTHOR_EMAIL: 'demo@alc-deploy.invalid',
        GIT_COMMITTER_NAME: 'alc-demo',
        GIT_COMMITTER_EMAIL: 'demo@alc-deploy.invalid',
      },
    });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--no-gpg-sign', '-m', 'the commit being released');
  git('remote', 'add', 'origin', ws);
  git('fetch', '--quiet', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main');
}

/** The commit the checkout's main is at: what a release of it tags. */
export function headOf(ws: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws, encoding: 'utf8' }).trim();
}

/** The third-party actions of the workflows, stood in for. */
export const STAND_INS: Record<string, ActionHandler> = {
  // The workspace is the checkout; a checkout into a path (alc-deploy beside the caller's tree, as the
  // reusable workflows do) is this repository, linked there.
  'actions/checkout': async (ctx) => {
    const path = ctx.with.path?.replace(/^\.\//, '');
    if (path && !existsSync(join(ctx.workspace, path))) symlinkSync(REPO_ROOT, join(ctx.workspace, path));
    return { outcome: 'success' };
  },
  'docker/setup-buildx-action': async () => ({ outcome: 'success' }),
};
