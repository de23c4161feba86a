// Build cache figures for build-push: a cold build (nothing cached anywhere), a rebuild with nothing
// changed (local cache), and a fresh machine (no local images) with and without the registry cache.
// Every run builds the same commit and version through the action's core (runBuildPush) against a local registry.
// Run: npx tsx bench/build-cache.ts [rounds=3]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPushOnRunner } from '../src/build/entry.js';
import type { BuildPushResult } from '../src/build/run.js';
import {
  gitFor,
  quietDocker,
  removeRepositories,
  settingsFor,
  startPlainRegistry,
} from '../test/support/build-push.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 3);
process.env.DOCKER_HOST ??= 'unix:///run/alc-deploy/docker.sock';
// A fixed source date, as a re-run of the same commit has: the image's labels do not change.
process.env.SOURCE_DATE_EPOCH = '1767225600';
const root = join(import.meta.dirname, '..');
execFileSync(join(root, 'scripts/docker-up.sh'), { stdio: 'ignore' });
execFileSync(join(root, 'sample-app/prepare.sh'), { stdio: 'ignore' });

const registry = await startPlainRegistry();
const work = mkdtempSync(join(tmpdir(), 'bench-build-cache-'));
const docker = quietDocker();
const quiet = { info: () => undefined, warning: (m: string) => console.warn(m), setSecret: () => undefined };
const rows: Array<{ scenario: string; build: number[]; push: number[]; total: number[] }> = [];

/** The sample app with a fresh first layer, so that no earlier build on this engine can serve it from cache. */
function freshContext(): string {
  const dir = join(work, randomBytes(4).toString('hex'));
  cpSync(join(root, 'sample-app'), dir, { recursive: true });
  const dockerfile = join(dir, 'Dockerfile');
  const text = readFileSync(dockerfile, 'utf8').replace(
    /^FROM scratch$/m,
    `FROM scratch\nLABEL alc.bench.nonce=${randomBytes(8).toString('hex')}`,
  );
  writeFileSync(dockerfile, text);
  return dir;
}

async function run(
  context: string,
  repository: string,
  cache: 'registry' | 'none',
  version: string,
): Promise<BuildPushResult> {
  const settings = settingsFor(
    {
      registry: registry.server,
      repository,
      context,
      auth: 'none',
      cache,
      keep: '0',
      'build-args': 'APP_VERSION={{version}}',
    },
    gitFor(`refs/tags/v${version}`),
    context,
  );
  const start = performance.now();
  const result = await buildPushOnRunner(settings, quiet, docker);
  record(result, performance.now() - start);
  return result;
}

const current = new Map<string, { build: number[]; push: number[]; total: number[] }>();
let scenario = '';
const sameDigest: boolean[] = [];
function record(r: BuildPushResult, total: number) {
  const row = current.get(scenario) ?? { build: [], push: [], total: [] };
  row.build.push(r.buildMs);
  row.push.push(r.pushMs);
  row.total.push(Math.round(total));
  current.set(scenario, row);
}

/** Removes every local image of the repository (and with them their untagged build parents). */
function forget(repository: string) {
  removeRepositories([`${registry.server}/${repository}`]);
}

try {
  for (let i = 0; i < rounds; i++) {
    const context = freshContext();
    const repository = `bench-${randomBytes(3).toString('hex')}/agents`;
    scenario = 'cold (nothing cached)';
    const cold = await run(context, repository, 'registry', `1.${i}.0`);
    scenario = 'rebuild, nothing changed (local cache)';
    const again = await run(context, repository, 'registry', `1.${i}.0`);
    sameDigest.push(cold.digest === again.digest);
    forget(repository);
    scenario = 'fresh machine, cache none';
    await run(context, repository, 'none', `1.${i}.0`);
    forget(repository);
    scenario = 'fresh machine, registry cache';
    await run(context, repository, 'registry', `1.${i}.0`);
    forget(repository);
  }
  for (const [name, row] of current) rows.push({ scenario: name, ...row });
} finally {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`build-push build cache, sample app, classic builder, ${rounds} rounds (median ms; all runs)`);
console.log('| scenario | build | push | total |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) {
  const cell = (xs: number[]) => `${median(xs)} (${xs.join(', ')})`;
  console.log(`| ${r.scenario} | ${cell(r.build)} | ${cell(r.push)} | ${cell(r.total)} |`);
}
console.log(`rebuild with nothing changed gave the same digest: ${sameDigest.join(', ')}`);
// No floor: what a build must do depends on the layers; the figures show what each cache saves.
for (const r of rows)
  benchFigure({
    operation: `build-push, ${r.scenario}: build and push`,
    figure: median(r.total) / 1000,
    unit: 's',
  });
benchFigure({
  operation: 'build-push, rebuild with nothing changed: runs with another digest',
  figure: sameDigest.filter((same) => !same).length,
  unit: '',
  goal: '<= 0',
});
