// deploy-app and the trading lease: the settings (a live spec without a lease refused, unmanaged warned, previews
// never naming a lease, the handover bound's floor), ALC_TRADING_LEASE in every production container, the lease
// check after ready and the first deploy's designation, over an in-memory app and trading store.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ContainerApp, Template } from '@azure/arm-appcontainers';
import { InputError, withEnvironmentFallbacks } from '../../../src/core/inputs.js';
import { revisionTemplate } from '../../../src/deploy/plan.js';
import { runDeploy } from '../../../src/deploy/run.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { deployFailureOutputs, deployOutputs, deploySummary } from '../../../src/deploy/summary.js';
import { deployFailureSummary } from '../../../src/deploy/entry.js';
import { withTradingLease, holdsUndesignated } from '../../../src/deploy/trading.js';
import { checkPlace } from '../../../src/deploy/verify.js';
import { newAcaFixture } from '../../support/aca-fixture.js';
import { PREVIEW_INPUTS, prod, readPreviewSettings } from '../../support/deploy-inputs.js';
import {
  agentsFollow,
  held,
  MemoryTradingStore,
  NOT_LEASED,
  URL_OF_TEST_LEASE,
  type AgentTimings,
} from '../../support/trading-store.js';

const ROOT = resolve('.');
const DIGEST = `sha256:${'b'.repeat(64)}`;
const IMAGE = `alcalgoregistry.azurecr.io/alc-algo-agents@${DIGEST}`;
const APP = prod.name;
const rev = (s: string) => `${APP}--${s}`;
const BASE: Record<string, string> = {
  'subscription-id': '00000000-0000-0000-0000-000000000001',
  'resource-group': 'alc-algo-production',
  image: IMAGE,
  'revision-suffix': 'v1-2-3',
  version: '1.2.3',
};
/** The seed trading paper: a spec that does not trade live. */
const FILES: Record<string, string> = {
  'paper.yaml': readFileSync('deploy/containerapp.yaml', 'utf8').replace("value: '7496'", "value: '7497'"),
};
const read = (values: Record<string, string>, env: Record<string, string> = {}) =>
  readDeploySettings(
    withEnvironmentFallbacks((n) => ({ ...BASE, ...values })[n] ?? '', env),
    {
      env: { GITHUB_WORKSPACE: ROOT },
      readFile: (p) => FILES[p.slice(ROOT.length + 1)] ?? readFileSync(p, 'utf8'),
      fileExists: (p) => p.slice(ROOT.length + 1) in FILES || p.startsWith(join(ROOT, 'deploy/')),
    },
  );
const inputError = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no InputError');
};

describe('settings: trading-lease and handover-timeout', () => {
  it('refuses a production spec that trades live without trading-lease, naming where it trades', () => {
    const e = inputError(() => read({}));
    expect(e.input).toBe('trading-lease');
    expect(e.message).toMatch(/required in mode production when the app trades live/);
    expect(e.message).toMatch(
      /deploy\/containerapp\.yaml: properties\.template\.containers\[0\]\.env\[2\]: IBKR_PORT=7496/,
    );
  });
  it('refuses the live port given through env-vars on a spec that does not trade live', () => {
    expect(read({ spec: 'paper.yaml' }).trading.lease.kind).toBe('none');
    const e = inputError(() => read({ spec: 'paper.yaml', 'env-vars': 'IBKR_PORT=07496' }));
    expect(e.input).toBe('trading-lease');
  });
  it('unmanaged: allowed on purpose, with a warning for the summary', () => {
    const s = read({ 'trading-lease': 'unmanaged' });
    expect(s.trading.lease).toEqual({ kind: 'unmanaged' });
    expect(s.tradingWarning).toMatch(/trading-lease is 'unmanaged': deploy\/containerapp\.yaml trades live/);
  });
  it('reads the lease from ALC_DEPLOY_TRADING_LEASE when the input is empty (the input wins)', () => {
    expect(read({}, { ALC_DEPLOY_TRADING_LEASE: URL_OF_TEST_LEASE }).trading.lease).toMatchObject({
      kind: 'managed',
      url: URL_OF_TEST_LEASE,
    });
    expect(
      read({ 'trading-lease': 'unmanaged' }, { ALC_DEPLOY_TRADING_LEASE: URL_OF_TEST_LEASE }).trading.lease,
    ).toEqual({ kind: 'unmanaged' });
  });
  it.each([
    ['10s', /at least 25s/],
    ['54s', /at least 55s \(25s plus the app's terminationGracePeriodSeconds, 30s/],
    ['soon', /allowed: a duration/],
  ])('refuses handover-timeout %p below its floor (the seed: ACA default grace 30 s)', (raw, message) => {
    const e = inputError(() => read({ 'trading-lease': URL_OF_TEST_LEASE, 'handover-timeout': raw }));
    expect(e.input).toBe('handover-timeout');
    expect(e.message).toMatch(message);
  });
  it('accepts handover-timeout at the floor; empty is the default', () => {
    expect(
      read({ 'trading-lease': URL_OF_TEST_LEASE, 'handover-timeout': '55s' }).trading.handoverTimeoutMs,
    ).toBe(55_000);
    expect(read({ 'trading-lease': URL_OF_TEST_LEASE }).trading.handoverTimeoutMs).toBeUndefined();
  });
  it('preview: refuses any lease URL (previews never name one), accepts empty and unmanaged', () => {
    const e = inputError(() => readPreviewSettings({ 'trading-lease': URL_OF_TEST_LEASE }));
    expect(e.input).toBe('trading-lease');
    expect(e.message).toMatch(/allowed in mode preview: empty or unmanaged/);
    expect(readPreviewSettings({ 'trading-lease': 'unmanaged' }).trading.lease.kind).toBe('unmanaged');
    expect(readPreviewSettings().trading.lease.kind).toBe('none');
  });
  it('preview: refuses ALC_TRADING_LEASE in env-vars', () => {
    const e = inputError(() => readPreviewSettings({ 'env-vars': `ALC_TRADING_LEASE=${URL_OF_TEST_LEASE}` }));
    expect(e.input).toBe('env-vars');
    expect(PREVIEW_INPUTS.mode).toBe('preview');
  });
});

describe('ALC_TRADING_LEASE in every production container', () => {
  const template: Template = {
    containers: [
      { name: 'app', image: 'a', env: [{ name: 'ALC_TRADING_LEASE', value: 'https://old/x/y' }] },
      { name: 'sidecar', image: 'b' },
    ],
    initContainers: [{ name: 'init', image: 'c', env: [{ name: 'X', value: '1' }] }],
  };
  it('sets it in every container and init container, replacing another value', () => {
    const t = withTradingLease(template, URL_OF_TEST_LEASE);
    for (const c of [...t.containers!, ...t.initContainers!])
      expect(c.env?.filter((e) => e.name === 'ALC_TRADING_LEASE')).toEqual([
        { name: 'ALC_TRADING_LEASE', value: URL_OF_TEST_LEASE },
      ]);
    expect(t.initContainers![0].env).toContainEqual({ name: 'X', value: '1' });
    expect(template.containers![0].env![0].value).toBe('https://old/x/y');
  });
  it('a new revision gets it in production mode, never in preview mode', () => {
    const o = { image: 'i', suffix: 'v2', envVars: [], liveSource: 'app x', leaseUrl: URL_OF_TEST_LEASE };
    const production = revisionTemplate(template, { ...o, mode: 'production' }).template;
    expect(production.containers![1].env).toEqual([{ name: 'ALC_TRADING_LEASE', value: URL_OF_TEST_LEASE }]);
    const sidecarOnly: Template = { containers: [{ name: 'app', image: 'a' }] };
    const preview = revisionTemplate(sidecarOnly, { ...o, mode: 'preview' }).template;
    expect(preview.containers![0].env?.some((e) => e.name === 'ALC_TRADING_LEASE')).toBe(false);
  });
  it('holdsUndesignated: only the revision itself holding the lease while another is designated', () => {
    const d = (revision: string) => ({ revision, epoch: 3, etag: '"1"' });
    expect(holdsUndesignated(rev('v2'), held(rev('v2'), 3, 'acquired'), d(rev('v1')))).toBe(true);
    expect(holdsUndesignated(rev('v2'), held(rev('v2'), 3, 'trading'), undefined)).toBe(true);
    expect(holdsUndesignated(rev('v2'), held(rev('v2'), 3, 'trading'), d(rev('v2')))).toBe(false);
    expect(holdsUndesignated(rev('v2'), held(rev('v1'), 3, 'trading'), d(rev('v1')))).toBe(false);
    expect(holdsUndesignated(rev('v2'), NOT_LEASED, d(rev('v1')))).toBe(false);
  });
});

/** The production app as ARM returns it (the seed, v1 serving on blue), or none (a first deploy). */
function world(o: { exists?: boolean; designated?: string | null; timings?: AgentTimings } = {}) {
  let clock = Date.UTC(2026, 11, 7, 23, 0, 0);
  const now = () => clock;
  const live = structuredClone(prod) as ContainerApp;
  live.environmentId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env';
  live.configuration!.ingress!.traffic = [{ revisionName: rev('v1-0-0'), label: 'blue', weight: 100 }];
  live.template!.containers![0].image = IMAGE;
  const fx = newAcaFixture({
    name: APP,
    app: o.exists === false ? null : live,
    revisions: o.exists === false ? [] : [{ name: rev('v1-0-0'), template: live.template }],
    environment: {
      id: live.environmentId,
      name: 'alc-algo-env',
      defaultDomain: 'example.test',
      location: 'eastus',
    } as never,
  });
  const designated = o.designated === undefined ? rev('v1-0-0') : o.designated;
  const store = new MemoryTradingStore(designated ? { revision: designated, epoch: 4 } : undefined, now);
  const agents = agentsFollow(store, now, {
    ...(designated ? { initial: { revision: designated, epoch: 4 } } : {}),
    ...o.timings,
  });
  fx.on('restartRevision', async (c) => agents.restart(c.args[1] as string));
  const deps = {
    aca: fx.aca,
    prove: async () => 'answered 200',
    verifyImage: checkPlace,
    now,
    sleep: async (ms: number) => {
      clock += ms;
    },
    trading: store,
  };
  return { fx, store, deps };
}
const leased = (values: Record<string, string> = {}) =>
  read({ 'trading-lease': URL_OF_TEST_LEASE, ...values });
const writesOf = (store: MemoryTradingStore) => store.calls.filter((c) => !c.startsWith('read'));

describe('runDeploy with a trading lease', () => {
  it('a production deploy sets the lease in the new revision, checks it after ready, designates nothing', async () => {
    const w = world();
    const result = await runDeploy(leased(), w.deps);
    const env = w.fx.revision(rev('v1-2-3'))!.template!.containers![0].env!;
    expect(env).toContainEqual({ name: 'ALC_TRADING_LEASE', value: URL_OF_TEST_LEASE });
    expect(writesOf(w.store)).toEqual([]);
    expect(deployOutputs(result)).toMatchObject({
      'trading-revision': rev('v1-0-0'),
      'trading-epoch': '4',
      handover: '',
    });
    expect(deploySummary(result)).toContain(`| **designation** | ${rev('v1-0-0')} |`);
  });

  it('a new revision that holds the lease undesignated fails the deploy and is retired, without traffic', async () => {
    const w = world();
    w.store.lease = () => held(rev('v1-2-3'), 4, 'trading');
    const run = runDeploy(leased(), w.deps);
    await expect(run).rejects.toThrow(
      /alc-algo-agents--v1-2-3 holds the trading lease \(holder .*\) but the designation names 'alc-algo-agents--v1-0-0' \(epoch 4\)/,
    );
    expect(w.fx.argsOf('deactivate')).toEqual([[APP, rev('v1-2-3')]]);
    expect(w.fx.count('patchTraffic')).toBe(0);
    const error = await run.catch((e) => e);
    expect(deployFailureOutputs(error)).toEqual({
      'trading-revision': rev('v1-0-0'),
      'trading-epoch': '4',
      handover: '',
    });
    expect(deployFailureSummary(error, leased())).toMatch(
      /### Trading[\s\S]*\| \*\*holder\*\* \| alc-algo-agents--v1-2-3-replica-1 of alc-algo-agents--v1-2-3/,
    );
  });

  it('a first deploy (the app created) makes both blobs, designates the new revision and waits until it trades', async () => {
    const w = world({ exists: false, designated: null });
    const result = await runDeploy(leased(), w.deps);
    expect(result.created).toBe(true);
    expect(writesOf(w.store)).toEqual(['ensure-lease', `write ${rev('v1-2-3')}@1 if-none-match *`]);
    expect(result.trading?.handover).toMatchObject({ to: rev('v1-2-3'), epoch: 1 });
    const body = w.fx.argsOf('putApp')[0][1] as ContainerApp;
    expect(body.template!.containers![0].env).toContainEqual({
      name: 'ALC_TRADING_LEASE',
      value: URL_OF_TEST_LEASE,
    });
    expect(deployOutputs(result)).toMatchObject({ 'trading-revision': rev('v1-2-3'), 'trading-epoch': '1' });
    expect(JSON.parse(deployOutputs(result).handover)).toMatchObject({ to: rev('v1-2-3'), epoch: 1 });
  });

  it('a first deploy whose handover does not complete still outputs the designation and the handover it made', async () => {
    const w = world({ exists: false, designated: null, timings: { neverAcquire: [rev('v1-2-3')] } });
    const error = await runDeploy(leased(), w.deps).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/did not complete within 60 s/);
    const out = deployFailureOutputs(error);
    expect(out).toMatchObject({ 'trading-revision': rev('v1-2-3'), 'trading-epoch': '1' });
    expect(JSON.parse(out.handover)).toEqual({ from: '', to: rev('v1-2-3'), epoch: 1 });
  });

  it('a failed deploy without a managed lease writes the trading outputs empty', () => {
    expect(deployFailureOutputs(new Error('refused'))).toEqual({
      'trading-revision': '',
      'trading-epoch': '',
      handover: '',
    });
  });

  it('a recreated app takes an existing designation over with If-Match', async () => {
    const w = world({ exists: false, designated: rev('v0-9-0') });
    const result = await runDeploy(leased(), w.deps);
    expect(writesOf(w.store)).toEqual(['ensure-lease', `write ${rev('v1-2-3')}@5 if-match "1"`]);
    expect(result.trading?.designation).toMatchObject({ revision: rev('v1-2-3'), epoch: 5 });
  });

  it('an existing app without a designation blob (a half-done first deploy) designates the new revision', async () => {
    const w = world({ designated: null });
    const result = await runDeploy(leased(), w.deps);
    expect(writesOf(w.store)).toEqual(['ensure-lease', `write ${rev('v1-2-3')}@1 if-none-match *`]);
    expect(result.trading?.designation?.revision).toBe(rev('v1-2-3'));
  });

  it('a designation created by another writer after the lease check: the run stops naming it, writes nothing', async () => {
    const w = world({ designated: null });
    w.store.beforeWrite = (n, store) => {
      if (n === 1) store.put({ revision: rev('v9-9-9'), epoch: 1 });
    };
    const error = await runDeploy(leased(), w.deps).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /created by another writer meanwhile \(HTTP 409\): it now designates alc-algo-agents--v9-9-9 \(epoch 1\); nothing was written\. This run touches nothing more/,
    );
    expect(w.store.writes).toEqual([]);
    expect(w.fx.count('restartRevision')).toBe(0);
    expect(deployFailureOutputs(error)).toMatchObject({
      'trading-revision': rev('v9-9-9'),
      'trading-epoch': '1',
    });
  });

  it('unmanaged on a live app: deployed, the warning in the summary, no store touched', async () => {
    const w = world();
    const result = await runDeploy(read({ 'trading-lease': 'unmanaged' }), w.deps);
    expect(w.store.calls).toEqual([]);
    expect(deploySummary(result)).toMatch(/### Trading[\s\S]*⚠️ trading-lease is 'unmanaged'/);
  });
});

it('the seed spec declares no ALC_TRADING_LEASE of its own (deploy-app sets it from the input)', () => {
  expect(readFileSync('deploy/containerapp.yaml', 'utf8')).not.toMatch(/ALC_TRADING_LEASE/);
});
