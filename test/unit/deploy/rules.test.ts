// The trading rules as configuration: the inputs that carry them (ALC-Algo's defaults when empty, `none` to turn
// one off), and what the preview guards and the production lease guard do with them.
import { describe, expect, it } from '@jest/globals';
import type { EnvironmentVar, Template } from '@azure/arm-appcontainers';
import {
  ALC_ALGO_RULES,
  namesLivePort,
  previewNoteOf,
  readTradingRules,
  type TradingRules,
} from '../../../src/deploy/rules.js';
import { GuardError, guardPreview, previewTemplate } from '../../../src/deploy/guards.js';
import { guardLiveTrading } from '../../../src/deploy/trading.js';
import { InputError } from '../../../src/core/inputs.js';
import {
  PROD,
  preview,
  previewGuardOptions,
  prod,
  readPreviewSettings,
} from '../../support/deploy-inputs.js';

const rulesOf = (values: Record<string, string>): TradingRules => readTradingRules((n) => values[n] ?? '');
const env = (...pairs: string[]): EnvironmentVar[] =>
  pairs.map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) }));
const asMap = (list: readonly EnvironmentVar[] | undefined) =>
  Object.fromEntries((list ?? []).map((e) => [e.name, e.value]));
const template = (e: EnvironmentVar[], args: string[] = []): Template => ({
  containers: [{ name: 'svc', image: 'r/svc:1', env: e, args }],
});

describe('readTradingRules', () => {
  it('gives ALC-Algo rules when every input is empty', () => {
    expect(rulesOf({})).toEqual(ALC_ALGO_RULES);
    expect(rulesOf({}).previewNote).toBe('Paper trading only (IBKR port 7497).');
  });

  it.each<[string, Record<string, string>, Partial<TradingRules>]>([
    [
      'none turns every rule off',
      { 'preview-env': 'none', 'live-port': 'none' },
      { previewEnv: [], livePort: undefined, livePortAllow: [], previewNote: '' },
    ],
    [
      "another service's forced values and port",
      { 'preview-env': 'APP_ENV=preview\nBROKER=paper', 'live-port': '9001' },
      {
        previewEnv: env('APP_ENV=preview', 'BROKER=paper'),
        livePort: 9001,
        previewNote: 'Preview runs with APP_ENV=preview, BROKER=paper.',
      },
    ],
    [
      'an allow list, one per line or by commas',
      { 'live-port-allow': 'QUOTES_CACHE_TTL_MS, ORDER_SEQ\nRETRY_MS' },
      { livePort: 7496, livePortAllow: ['QUOTES_CACHE_TTL_MS', 'ORDER_SEQ', 'RETRY_MS'] },
    ],
    [
      'a note of its own (one line)',
      { 'preview-note': 'Sandbox  data only.\n' },
      { previewNote: 'Sandbox data only.', previewEnv: ALC_ALGO_RULES.previewEnv },
    ],
    ['none for the note alone', { 'preview-note': 'NONE' }, { previewNote: '', livePort: 7496 }],
  ])('%s', (_name, values, expected) => expect(rulesOf(values)).toMatchObject(expected));

  it.each<[Record<string, string>, string, RegExp]>([
    [{ 'live-port': '0' }, 'live-port', /a port from 1 to 65535, or none/],
    [{ 'live-port': '65536' }, 'live-port', /a port from 1 to 65535/],
    [{ 'live-port': '74 96' }, 'live-port', /a port from 1 to 65535/],
    [{ 'live-port': 'off' }, 'live-port', /or none \(the app does not trade\)/],
    [{ 'preview-env': 'A=1\nA=2' }, 'preview-env', /each variable once \(A is given twice\)/],
    [{ 'preview-env': 'no equals sign' }, 'preview-env', /one KEY=value entry per line/],
    [
      { 'preview-env': 'IBKR_PORT=07496' },
      'preview-env',
      /other than the live port 7496 \(input live-port\)/,
    ],
    [{ 'preview-env': 'P=9001', 'live-port': '9001' }, 'preview-env', /live port 9001/],
    [{ 'live-port-allow': 'GOOD, bad name' }, 'live-port-allow', /environment variable names/],
  ])('refuses %o naming %s', (values, input, allowed) => {
    const fn = () => rulesOf(values);
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(new RegExp(`^Input '${input}' has the invalid value`));
    expect(fn).toThrow(allowed);
  });

  it('takes a preview-env that forces the live port when there is no live port', () =>
    expect(rulesOf({ 'preview-env': 'PORT=7496', 'live-port': 'none' }).previewEnv).toEqual(
      env('PORT=7496'),
    ));
});

describe('previewNoteOf', () => {
  it.each<[string, readonly EnvironmentVar[], string]>([
    ['', ALC_ALGO_RULES.previewEnv, 'Paper trading only (IBKR port 7497).'],
    [
      '',
      env('IBKR_PORT=7497', 'ALC_ENVIRONMENT=preview'),
      'Preview runs with IBKR_PORT=7497, ALC_ENVIRONMENT=preview.',
    ],
    ['', [], ''],
    ['none', ALC_ALGO_RULES.previewEnv, ''],
    ['Test data.', [], 'Test data.'],
  ])('%p with %o is %p', (raw, forced, note) => expect(previewNoteOf(raw, forced)).toBe(note));
});

describe('namesLivePort follows the configured port', () => {
  it.each<[string, number | undefined, boolean]>([
    ['7496', 7496, true],
    ['gw:9001', 9001, true],
    ['7496', 9001, false],
    ['0x2329', 9001, true],
    ['7496', undefined, false],
    ['IBKR_PORT=7.496e3', 7496, true],
    ['7496e0', 7496, true],
    ['0o16510', 7496, true],
    ['0b1110101001000', 7496, true],
    ['0O16_510', 7496, true],
    ['7.496e2', 7496, false],
    ['0o16510x', 7496, false],
  ])('%p with port %p: %p', (text, port, hit) => expect(namesLivePort(text, { livePort: port })).toBe(hit));
});

describe('the preview guards with the rules', () => {
  const QUOTES = ['QUOTES_CACHE_TTL_MS=7496'];
  const base = { source: 'deploy/quotes.preview.yaml', prefix: ['properties', 'template'], envVars: [] };

  it.each<[string, Record<string, string>, Template, RegExp | Record<string, string>]>([
    [
      'ALC-Algo defaults refuse 7496 in any variable',
      {},
      template(env(...QUOTES)),
      /properties\.template\.containers\[0\]\.env\[0\]: QUOTES_CACHE_TTL_MS=7496: .*refuse the live trading port 7496/,
    ],
    [
      'an allowed variable keeps its value; the forced values still apply',
      { 'live-port-allow': 'QUOTES_CACHE_TTL_MS' },
      template(env(...QUOTES)),
      { QUOTES_CACHE_TTL_MS: '7496', ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497' },
    ],
    [
      'the allow list names variables: an argument is still refused',
      { 'live-port-allow': 'QUOTES_CACHE_TTL_MS' },
      template(env(...QUOTES), ['--broker', 'gw:7496']),
      /containers\[0\]\.args\[1\]: gw:7496: .*\(outside QUOTES_CACHE_TTL_MS, input live-port-allow\)/,
    ],
    [
      'no live port and nothing forced: the template as it is',
      { 'live-port': 'none', 'preview-env': 'none' },
      template(env(...QUOTES), ['--port', '7496']),
      { QUOTES_CACHE_TTL_MS: '7496' },
    ],
    [
      'another port is refused, 7496 is not',
      { 'live-port': '9001', 'preview-env': 'APP_ENV=preview' },
      template(env('UPSTREAM=feed:9001', ...QUOTES)),
      /UPSTREAM=feed:9001: preview deploys run with APP_ENV=preview and refuse the live trading port 9001/,
    ],
    [
      "another service's forced values replace the spec's",
      { 'live-port': '9001', 'preview-env': 'APP_ENV=preview' },
      template(env('APP_ENV=production', ...QUOTES)),
      { APP_ENV: 'preview', QUOTES_CACHE_TTL_MS: '7496' },
    ],
  ])('%s', (_name, values, t, expected) => {
    const rules = rulesOf(values);
    const fn = () => previewTemplate(t, { ...base, rules });
    if (expected instanceof RegExp) {
      expect(fn).toThrow(GuardError);
      expect(fn).toThrow(expected);
    } else expect(asMap(fn().template.containers?.[0].env)).toEqual(expected);
  });

  it('refuses the env-vars input by the same rules, and allows what they allow', () => {
    const rules = rulesOf({ 'live-port-allow': 'QUOTES_CACHE_TTL_MS' });
    const o = { ...previewGuardOptions, envVars: env('QUOTES_CACHE_TTL_MS=7496') };
    expect(() => guardPreview(preview, o)).toThrow(
      /^Input 'env-vars' has the invalid value 'QUOTES_CACHE_TTL_MS=7496'/,
    );
    const r = guardPreview(preview, { ...o, rules });
    expect(asMap(r.spec.template?.containers?.[0].env)).toMatchObject({ QUOTES_CACHE_TTL_MS: '7496' });
  });

  it('deploy-app reads the rule inputs in mode preview', () => {
    const s = readPreviewSettings({
      'env-vars': 'QUOTES_CACHE_TTL_MS=7496',
      'live-port': 'none',
      'preview-env': 'APP_ENV=preview',
    });
    expect(asMap(s.spec.template?.containers?.[0].env)).toMatchObject({
      APP_ENV: 'preview',
      QUOTES_CACHE_TTL_MS: '7496',
      IBKR_PORT: '7497', // the shipped preview spec's own value, no longer forced nor refused
    });
    expect(s.rules.previewNote).toBe('Preview runs with APP_ENV=preview.');
  });
});

describe('the production lease guard with the rules', () => {
  const lease = { kind: 'none' } as const;
  it('a spec carrying the live port is refused without a trading lease (ALC-Algo)', () =>
    expect(() => guardLiveTrading(lease, prod.template, PROD, ['properties', 'template'])).toThrow(
      /^Input 'trading-lease' has the invalid value '': required in mode production when the app trades live/,
    ));
  it.each<[string, Record<string, string>]>([
    ['no live port', { 'live-port': 'none' }],
    ['the value allowed by name', { 'live-port-allow': 'IBKR_PORT' }],
    ['another live port', { 'live-port': '9001' }],
  ])('does not trade live with %s', (_name, values) =>
    expect(
      guardLiveTrading(lease, prod.template, PROD, ['properties', 'template'], rulesOf(values)),
    ).toBeUndefined(),
  );
});
