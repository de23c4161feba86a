// The runner's command line: `workflow <file>` runs a workflow of a repository checkout as GitHub runs it
// (runner/local.ts, the demo's path too), `action <dir>` runs one action (runner/action.ts). `--help` at each level
// (runner/cli-args.ts holds the flags and their help).
//
//   npx tsx runner/cli.ts workflow .github/workflows/release.yml --workspace ../quotes-svc \
//     --repository acme/quotes-svc --event push --ref refs/tags/v1.0.0 --sim-env .sim/env
//   npx tsx runner/cli.ts action actions/deploy-app --event push --ref refs/tags/v1.0.0 name=value ...
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGitHubApi } from '../demo/github-api.js';
import { runAction } from './action.js';
import { eventOf, HELP, parseCommandLine, UsageError, type Flags } from './cli-args.js';
import { pullRequestEvent, pushEvent } from './events.js';
import { readSimEnv, runLocalWorkflow, simJobRegistrar, withDefaultActionRepos } from './local.js';
import { flatJobs, runSummary, type WorkflowRun } from './workflow.js';

/** The commit a checkout is at, if it is a git one. */
function headOf(dir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function printRun(run: WorkflowRun, out: string): void {
  mkdirSync(out, { recursive: true });
  const all = join(out, 'summary.md');
  writeFileSync(all, runSummary(run));
  writeFileSync(join(out, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  console.log(`\n${run.workflow} (${run.event}): ${run.result} in ${(run.durationMs / 1000).toFixed(1)} s`);
  for (const job of flatJobs(run.jobs)) {
    const outputs = Object.entries(job.outputs).filter(([, v]) => v !== '');
    console.log(`  ${job.id}: ${job.result}${job.environment?.url ? ` (${job.environment.url})` : ''}`);
    for (const [k, v] of outputs) console.log(`    ${k} = ${v}`);
    const summaries = job.steps.filter((s) => s.summary.trim());
    if (summaries.length) {
      const file = join(out, `${job.id.replace(/\//g, '--')}.md`);
      writeFileSync(file, summaries.map((s) => s.summary.trim()).join('\n\n') + '\n');
      console.log(`    summary: ${file}`);
    }
  }
  console.log(`  run summary: ${all} (the run as JSON: ${join(out, 'run.json')})`);
}

async function runWorkflowCommand(file: string, flags: Flags): Promise<number> {
  const v = flags.values;
  const workspace = resolve(v.workspace ?? '.');
  if (v.repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(v.repository)) {
    throw new UsageError(`--repository ${v.repository}: owner/name`);
  }
  const event = eventOf(flags, headOf(workspace), v.repository);
  const sim = v['sim-env'] ? readSimEnv(v['sim-env']) : { vars: {}, env: {} };
  const env = { ...sim.env, ...flags.lists.env };
  const actionRepos = Object.fromEntries(
    Object.entries(flags.lists['action-repo'] ?? {}).map(([k, path]) => {
      if (!/^[\w.*-]+\/[\w.-]+$/.test(k)) throw new UsageError(`--action-repo ${k}=${path}: owner/name=DIR`);
      return [k, resolve(path)];
    }),
  );
  const repos = withDefaultActionRepos(actionRepos);
  if (repos['*/alc-deploy']) {
    console.log(
      `runner: uses: <owner>/alc-deploy/...@<ref> is this checkout (${repos['*/alc-deploy']}); --action-repo <owner>/alc-deploy=DIR maps another`,
    );
  }
  const oidcUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const oidc = oidcUrl
    ? {
        url: oidcUrl,
        token: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
      }
    : undefined;
  // GitHub's API stood in for (deployments, pull request comments), as the demo does.
  const github = await startGitHubApi({ repository: v.repository ?? 'local/repository' });
  try {
    console.log(`runner: ${file} on ${event.name} ${event.ref} (${event.sha.slice(0, 12)}) in ${workspace}`);
    const run = await runLocalWorkflow({
      workflow: file,
      workspace,
      event,
      vars: { ...sim.vars, ...flags.lists.var },
      secrets: flags.lists.secret,
      env,
      repository: v.repository,
      actor: v.actor,
      actionRepos: repos,
      oidc,
      registerJob: simJobRegistrar(env),
      github: { apiUrl: github.url, token: `ghs_local${randomBytes(8).toString('hex')}` },
      source: flags.bools.has('src') ? 'src' : 'dist',
      verbose: flags.bools.has('verbose'),
      log: (line) => console.log(line),
    });
    printRun(run, v.out ? resolve(v.out) : mkdtempSync(join(tmpdir(), 'alc-run-')));
    for (const c of github.comments)
      console.log(`  comment on #${c.issue} by ${c.user.login}:\n${c.body.replace(/^/gm, '    ')}`);
    if (flags.bools.has('json')) console.log(JSON.stringify(run, null, 2));
    return run.result === 'success' ? 0 : 1;
  } finally {
    await github.close();
  }
}

async function runActionCommand(dir: string, flags: Flags, inputs: Record<string, string>): Promise<number> {
  const v = flags.values;
  const event =
    v.event === 'pull_request'
      ? pullRequestEvent({ number: Number(v.pr ?? 1), headSha: v['head-sha'], repository: v.repository })
      : pushEvent(v.ref ?? 'refs/heads/main', undefined, v.repository);
  const oidc = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    ? {
        url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
      }
    : undefined;
  const result = await runAction({
    action: dir,
    inputs,
    event,
    oidc,
    repository: v.repository,
    actor: v.actor,
    ...(v.workspace ? { workspace: resolve(v.workspace) } : {}),
    source: flags.bools.has('src') ? 'src' : 'dist',
    onLine: (line) => console.log(line),
  });
  console.log(
    JSON.stringify({ exitCode: result.exitCode, outputs: result.outputs, errors: result.errors }, null, 2),
  );
  return result.exitCode;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`runner/cli.ts: ${e.message}`);
    return 2;
  }
  try {
    if (parsed.command === 'help') {
      console.log(HELP[parsed.topic]);
      return 0;
    }
    return parsed.command === 'workflow'
      ? await runWorkflowCommand(parsed.file, parsed.flags)
      : await runActionCommand(parsed.dir, parsed.flags, parsed.inputs);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`runner/cli.ts: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`::error::${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
