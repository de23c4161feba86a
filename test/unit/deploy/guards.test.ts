import { describe, expect, it } from '@jest/globals';
import type { EnvironmentVar } from '@azure/arm-appcontainers';
import {
  GuardError,
  assertPreviewTarget,
  guardPreview,
  previewEnv,
  refuseLivePort,
} from '../../../src/deploy/guards.js';
import { InputError } from '../../../src/core/inputs.js';
import { PREVIEW, PROD, prod, preview } from '../../support/deploy-inputs.js';

const SPEC = { file: PREVIEW, path: 'properties.template.containers[0].env' };

const env = (...pairs: string[]): EnvironmentVar[] =>
  pairs.map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) }));
const asMap = (list: readonly EnvironmentVar[]) => Object.fromEntries(list.map((e) => [e.name, e.value]));

describe('refuseLivePort', () => {
  it.each(['IBKR_PORT=7496', 'TWS_ADDR=gw:7496', 'GATEWAY=http://ib-gw:7496/api', 'X= 7496 '])(
    'refuses %p from the spec, naming file and path',
    (entry) => {
      const fn = () => refuseLivePort(env('A=1', entry), SPEC);
      expect(fn).toThrow(GuardError);
      expect(fn).toThrow(`${PREVIEW}: properties.template.containers[0].env[1]: ${entry}`);
      expect(fn).toThrow(/refuse the live trading port 7496/);
    },
  );
  it('refuses 7496 from the env-vars input with an InputError naming the input', () => {
    const fn = () => refuseLivePort(env('IBKR_PORT=7496'), { input: 'env-vars' });
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(/^Input 'env-vars' has the invalid value 'IBKR_PORT=7496'/);
  });
  it.each(['IBKR_PORT=7497', 'ORDER_ID=17496', 'X=74960', 'Y=gw:74961', 'Z=7496a'])('accepts %p', (entry) =>
    expect(() => refuseLivePort(env(entry), SPEC)).not.toThrow(),
  );
});

describe('previewEnv', () => {
  it.each([
    [['LOG_LEVEL=DEBUG'], [], { LOG_LEVEL: 'DEBUG', ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497' }, 2],
    [
      ['ALC_ENVIRONMENT=preview', 'IBKR_PORT=7497'],
      ['A=1'],
      { ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497', A: '1' },
      0,
    ],
    [
      ['ALC_ENVIRONMENT=production', 'IBKR_PORT=4002'],
      [],
      { ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497' },
      2,
    ],
    [
      ['ALC_ENVIRONMENT=preview', 'IBKR_PORT=7497'],
      ['ALC_ENVIRONMENT=staging'],
      { ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497' },
      1,
    ],
  ])('spec %p + input %p -> %p (%p forced)', (spec, input, want, forcedCount) => {
    const r = previewEnv(env(...spec), SPEC, env(...input));
    expect(asMap(r.env)).toEqual(want);
    expect(r.forced).toHaveLength(forcedCount);
  });
  it('keeps order: spec entries in place, new input entries appended', () =>
    expect(previewEnv(env('IBKR_PORT=7497', 'B=2'), SPEC, env('C=3', 'B=9')).env.map((e) => e.name)).toEqual([
      'IBKR_PORT',
      'B',
      'C',
      'ALC_ENVIRONMENT',
    ]));
  it('says what forcing changed', () =>
    expect(
      previewEnv([{ name: 'IBKR_PORT', secretRef: 'port' }], SPEC, env('ALC_ENVIRONMENT=production')).forced,
    ).toEqual(['ALC_ENVIRONMENT: production -> preview', 'IBKR_PORT: secretRef port -> 7497']));
  it('refuses, never rewrites, a 7496 in either source', () => {
    expect(() => previewEnv(env('IBKR_PORT=7496'), SPEC, [])).toThrow(GuardError);
    expect(() => previewEnv(env('IBKR_PORT=7497'), SPEC, env('IBKR_PORT=7496'), 'env-vars')).toThrow(
      /'env-vars'/,
    );
  });
});

describe('preview target and guardPreview', () => {
  const options = {
    targetApp: 'alc-algo-agents-preview',
    specFile: PREVIEW,
    productionApp: prod.name,
    productionFile: PROD,
  };
  it.each(['alc-algo-agents', 'ALC-Algo-Agents '])(
    'refuses to preview into the production app %p',
    (target) => {
      expect(() => assertPreviewTarget(target, 'alc-algo-agents', PROD)).toThrow(GuardError);
      expect(() => assertPreviewTarget(target, 'alc-algo-agents', PROD)).toThrow(
        /production app of deploy\/containerapp\.yaml/,
      );
    },
  );
  it('guards the preview spec: env forced on a copy', () => {
    const r = guardPreview(preview, { ...options, envVars: env('FEATURE=x') });
    expect(asMap(r.spec.template!.containers![0].env!)).toEqual({
      ALC_ENVIRONMENT: 'preview',
      IBKR_PORT: '7497',
      LOG_LEVEL: 'DEBUG',
      FEATURE: 'x',
    });
    expect(r.forced).toEqual([]);
    expect(preview.template!.containers![0].env).toHaveLength(3);
  });
  it('refuses the production spec as a preview source, naming its file and the env entry', () =>
    expect(() => guardPreview(prod, { ...options, specFile: PROD })).toThrow(
      `${PROD}: properties.template.containers[0].env[2]: IBKR_PORT=7496`,
    ));
  it('refuses a live port in a sidecar container too', () => {
    const s = structuredClone(preview);
    s.template!.containers!.push({ name: 'gw', image: 'gw', env: env('PORT=7496') });
    expect(() => guardPreview(s, options)).toThrow('properties.template.containers[1].env[0]: PORT=7496');
  });
  it('refuses a preview targeting the production app', () =>
    expect(() => guardPreview(preview, { ...options, targetApp: prod.name })).toThrow(
      /refuses to write to 'alc-algo-agents'/,
    ));
});
