// The plan's actions as steps of a run (ready, redeploy, shift, pause, analyze, gate, deactivate): every
// traffic write checked against the list this run read or wrote last, and read back; checks through the
// smoke-test core.
import type { ContainerApp } from '@azure/arm-appcontainers';
import { analyzePhase, type AnalysisContext } from '../analysis/run.js';
import type { Sample } from '../analysis/verdict.js';
import type { Aca, RevisionInfo } from '../azure/aca.js';
import { sameTraffic, trafficOf } from '../revisions/traffic.js';
import { writeTraffic } from '../revisions/traffic-write.js';
import { appUrl, labelUrl, revisionUrl, suffixOf } from '../core/naming.js';
import { revisionTemplate } from '../deploy/plan.js';
import { readyAndServing } from '../revisions/lifecycle.js';
import { describeTraffic, type TrafficEntry } from '../revisions/traffic.js';
import { runSmoke } from '../smoke/run.js';
import {
  AnalysisFailedError,
  GateFailedError,
  TrafficChangedError,
  type BlueGreenDeps,
  type RunContext,
  type Step,
  type StepName,
} from './context.js';
import { assertPromoteAllowed } from './change-control.js';
import { analysisMeasuring, gatePassed, trafficChanged } from './messages.js';
import type { Action } from './plan.js';
import type { BlueGreenSettings } from './settings.js';
import { designate, handover, leaseCheck } from './trading.js';

const ACTION_STEPS: { [K in Action['kind']]: StepName } = {
  ready: 'ready',
  redeploy: 'redeploy',
  traffic: 'shift',
  pause: 'pause',
  analyze: 'analyze',
  gate: 'gate',
  deactivate: 'deactivate',
  'lease-check': 'lease-check',
  designate: 'designate',
  handover: 'handover',
};

/**
 * A plan's action as a step (every traffic write checked against the list last read or written, and read
 * back).
 */
export function actionStep(action: Action): Step {
  return {
    name: ACTION_STEPS[action.kind],
    async run(ctx) {
      ctx.failing = action;
      await runAction(ctx, action);
    },
  };
}

async function runAction(ctx: RunContext, action: Action): Promise<void> {
  const { s, deps, aca, note } = ctx;
  const domain = ctx.domain!;
  switch (action.kind) {
    case 'ready':
      if (action.activate) {
        ctx.prepared.push(action.revision);
        await aca.activate(s.app, action.revision);
        note(`activated ${action.revision}`);
      }
      await makeReady(s, deps, action, domain, ctx.deadline, note, {
        // A revision this run did not activate or create is as the list showed it: ready there, not polled.
        listed: ctx.prepared.includes(action.revision)
          ? undefined
          : ctx.revisions.find((r) => r.name === action.revision),
        // One this run activated is kept active while it waits (it may have been Deprovisioning).
        activated: action.activate
          ? { from: ctx.revisions.find((r) => r.name === action.revision) }
          : undefined,
      });
      return;
    case 'redeploy':
      note(`redeploying ${action.image} as ${action.revision}`);
      ctx.prepared.push(action.revision);
      ctx.latest = await redeployRevision(aca, ctx.app, s.app, action.revision, action.image);
      return;
    case 'traffic':
      // A refusal here restores the traffic (the recovery path).
      if (s.command === 'promote') assertPromoteAllowed(s, new Date(ctx.now()));
      await assertUnchanged(aca, s, ctx.current);
      ctx.moved = true;
      ctx.current = await writeTraffic(aca, ctx.named, action.traffic);
      note(`traffic: ${action.note} [${describeTraffic(ctx.current)}]`);
      return;
    case 'pause':
      note(`watching for ${action.ms / 1000}s`);
      await ctx.sleep(action.ms);
      return;
    case 'analyze': {
      const config = s.analysis!;
      const analysis: AnalysisContext = {
        config,
        mode: s.analysisMode,
        monitor: deps.monitor!,
        probe: probeOf(s, deps, labelUrl(s.app, action.label, domain)),
        rounds: ctx.rounds,
        now: ctx.now,
        sleep: ctx.sleep,
        log: note,
      };
      const dryRun = s.analysisMode === 'dry-run';
      note(analysisMeasuring(action.phase, action.candidate, config.intervalMs, action.ms, dryRun));
      const decision = await analyzePhase(analysis, {
        name: action.phase,
        durationMs: action.ms,
        candidate: action.candidate,
        stable: action.stable,
        previous: action.previous,
      });
      if (decision.kind !== 'continue') throw new AnalysisFailedError(decision, action.watch);
      return;
    }
    case 'gate':
      await gate(s, deps, [labelUrl(s.app, action.label, domain), appUrl(s.app, domain)], action.note, note);
      return;
    case 'deactivate':
      for (const r of action.revisions) await aca.deactivate(s.app, r);
      ctx.deactivated.push(...action.revisions);
      note(`deactivated ${action.revisions.join(', ')} (${action.note})`);
      return;
    case 'lease-check':
      await leaseCheck(ctx, action.revision);
      return;
    case 'designate':
      await designate(ctx, action.to);
      return;
    case 'handover':
      if (s.command === 'promote') assertPromoteAllowed(s, new Date(ctx.now()));
      await handover(ctx, action.to, action.from);
      return;
  }
}

/**
 * Every traffic write is planned from the list this run read or wrote last; when the app's list is no longer
 * that one, writing (or restoring) would silently undo someone else's change: stop, and touch nothing.
 */
async function assertUnchanged(
  aca: Aca,
  s: BlueGreenSettings,
  expected: readonly TrafficEntry[],
): Promise<void> {
  const app = await aca.getApp(s.app);
  const live = app ? trafficOf(app) : [];
  if (sameTraffic(live, expected)) return;
  throw new TrafficChangedError(trafficChanged(s.command, s.app, expected, live));
}

/**
 * A revision from the live template (the app as this run read it) with another image (rollback to a version
 * whose revision is gone). Resolves to the app as the write left it.
 */
async function redeployRevision(
  aca: Aca,
  app: ContainerApp,
  appName: string,
  revision: string,
  image: string,
): Promise<ContainerApp> {
  if (!app.template) throw new Error(`App ${appName} has no template to redeploy ${image} from`);
  const { template } = revisionTemplate(app.template, {
    image,
    suffix: suffixOf(revision),
    envVars: [],
    mode: 'production',
    liveSource: `app ${appName}`,
  });
  return aca.patchTemplate({ ...app, name: appName }, template);
}

/**
 * Latency from the gates' synthetic probe (Azure Monitor documents no per-revision response-time metric for
 * container apps): the checks run against the candidate's label URL at the end of the window, and their
 * average.
 */
function probeOf(s: BlueGreenSettings, deps: BlueGreenDeps, url: string): AnalysisContext['probe'] {
  if (!s.analysis?.metrics.some((m) => m.provider === 'probe')) return undefined;
  const smoke = deps.smoke ?? runSmoke;
  return async (): Promise<Sample> => {
    try {
      const report = await smoke({ ...s.smoke, url: new URL(url) }, {});
      const ms = report.checks.map((c) => c.latencyMs).filter((l): l is number => l !== undefined);
      if (ms.length === 0) return { kind: 'no-data', why: `the probe got no answer from ${url}` };
      return { kind: 'value', value: ms.reduce((a, b) => a + b, 0) / ms.length };
    } catch (e) {
      return { kind: 'error', why: `the probe failed: ${(e as Error).message}` };
    }
  };
}

async function makeReady(
  s: BlueGreenSettings,
  deps: BlueGreenDeps,
  { revision, checks }: { revision: string; checks: boolean },
  domain: string,
  deadline: number,
  note: (line: string) => void,
  { listed, activated }: { listed?: RevisionInfo; activated?: { from?: RevisionInfo } },
): Promise<void> {
  const { proof } = await readyAndServing(deps.aca, {
    app: s.app,
    revision,
    domain,
    deadline,
    resolve: s.smoke.resolve,
    caFile: s.smoke.caFile,
    prove: deps.prove,
    now: deps.now,
    listed,
    activated,
  });
  note(proof);
  if (checks && s.checksGiven)
    await gate(s, deps, [revisionUrl(s.app, revision, domain)], `checks on ${revision}`, note);
}

/** Runs the checks against each URL; throws GateFailedError naming every failure. */
async function gate(
  s: BlueGreenSettings,
  deps: BlueGreenDeps,
  urls: string[],
  what: string,
  note: (line: string) => void,
): Promise<void> {
  const smoke = deps.smoke ?? runSmoke;
  for (const url of urls) {
    const report = await smoke({ ...s.smoke, url: new URL(url) }, { log: deps.log });
    if (!report.passed) throw new GateFailedError(`${what} failed on ${url}: ${report.failures.join('; ')}`);
    note(gatePassed(what, url, report.checks.length));
  }
}
