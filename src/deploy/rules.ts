// The trading rules of an app, as configuration (docs/app-contract.md, "Trading rules"): what every preview runs
// with, the live port a preview never reaches (and that makes a production spec trade live), the variables allowed
// to carry that number for another meaning, and the pull request comment's line. The defaults are ALC-Algo's. Pure.
import type { EnvironmentVar } from '@azure/arm-appcontainers';
import { InputError, parseKeyValues, parseList, type InputSource } from '../core/inputs.js';

export interface TradingRules {
  /** Forced on every container and init container of a preview, whatever the spec or env-vars say. */
  previewEnv: readonly EnvironmentVar[];
  /** The live trading port: refused in previews; a production spec carrying it trades live. Undefined: none. */
  livePort?: number;
  /** Variables whose values may carry the live port's number on purpose (it means something else there). */
  livePortAllow: readonly string[];
  /** The pull request comment's line under a preview that is up ('' for none). */
  previewNote: string;
}

/** ALC-Algo's rules: previews trade paper on IBKR port 7497, the live port 7496 is refused anywhere. */
export const ALC_ALGO_RULES: TradingRules = Object.freeze({
  previewEnv: Object.freeze([
    { name: 'ALC_ENVIRONMENT', value: 'preview' },
    { name: 'IBKR_PORT', value: '7497' },
  ]),
  livePort: 7496,
  livePortAllow: Object.freeze([]),
  previewNote: 'Paper trading only (IBKR port 7497).',
});

/** The value of a Unicode decimal digit (any script: full-width, Arabic-Indic, ...); digit blocks run 0-9. */
function digitValue(ch: string): string {
  if (ch >= '0' && ch <= '9') return ch;
  let cp = ch.codePointAt(0)!;
  let run = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    run += 1;
  }
  return String(run % 10);
}

/**
 * Numbers standing alone in a text (not glued to letters or digits): 07496, +7496, 7_496, 7496.0, 7.496e3, 0x1d48,
 * 0o16510, 0b1110101001000 (what Number() and most languages' literals read as 7496).
 */
const NUMBER =
  /(?<![\p{L}\p{N}_.])(0x[0-9a-f](?:_?[0-9a-f])*|0o[0-7](?:_?[0-7])*|0b[01](?:_?[01])*|\d(?:_?\d)*(?:\.\d*)?(?:e[+-]?\d+)?)(?![\p{L}\p{N}_])/giu;

/**
 * Whether a text names the rules' live port (ALC-Algo's 7496) in any spelling a program would parse as that number: `7496`,
 * `07496`, `+7496`, `7_496`, `7496.0`, `7.496e3`, `0o16510`, `0b1110101001000`, full-width or other Unicode digits, `0x1d48`, host:port and URL forms
 * (`gw:07496`, `http://gw:7496/api`). Numbers glued to other digits or letters (`17496`, `74960`, `7496a`)
 * are not it. Without a live port, nothing is.
 */
export function namesLivePort(
  value: string | number | undefined,
  rules: Pick<TradingRules, 'livePort'> = ALC_ALGO_RULES,
): boolean {
  const port = rules.livePort;
  if (port === undefined) return false;
  const text = String(value ?? '')
    .normalize('NFKC')
    .replace(/\p{Nd}/gu, digitValue);
  for (const m of text.matchAll(NUMBER)) {
    if (Number(m[1].replace(/_/g, '')) === port) return true;
  }
  return false;
}

/** The word that turns a rule off: `none`. */
const NONE = 'none';
const isNone = (raw: string) => raw.trim().toLowerCase() === NONE;

/** The inputs that carry the rules (deploy-app, and the reusable preview and release workflows). */
export const RULE_INPUTS = {
  previewEnv: 'preview-env',
  livePort: 'live-port',
  livePortAllow: 'live-port-allow',
  previewNote: 'preview-note',
} as const;

/** `preview-env`: NAME=value lines; empty: ALC-Algo's; `none`: nothing forced. */
export function parsePreviewEnv(name: string, raw: string): readonly EnvironmentVar[] {
  if (raw.trim() === '') return ALC_ALGO_RULES.previewEnv;
  if (isNone(raw)) return [];
  const entries = parseKeyValues(name, raw);
  const names = entries.map((e) => e.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new InputError(name, raw, `allowed: each variable once (${twice} is given twice)`);
  return entries;
}

/** `live-port`: a port number; empty: 7496; `none`: no live port (the app does not trade). */
export function parseLivePort(name: string, raw: string): number | undefined {
  const v = raw.trim();
  if (v === '') return ALC_ALGO_RULES.livePort;
  if (isNone(v)) return undefined;
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535)
    throw new InputError(name, raw, `allowed: a port from 1 to 65535, or ${NONE} (the app does not trade)`);
  return Number(v);
}

/** `live-port-allow`: variable names, one per line or comma-separated. */
export function parseLivePortAllow(name: string, raw: string): string[] {
  const list = parseList(raw, { commas: true });
  const bad = list.find((n) => !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(n));
  if (bad !== undefined)
    throw new InputError(name, bad, 'allowed: environment variable names (letters, digits, _ . -)');
  return list;
}

/**
 * The comment's line: the input (`none`: no line); empty, ALC-Algo's line with ALC-Algo's forced values, else
 * the forced values themselves (`Preview runs with A=1, B=2.`), else none.
 */
export function previewNoteOf(raw: string, previewEnv: readonly EnvironmentVar[]): string {
  const v = raw.replace(/\s+/g, ' ').trim();
  if (isNone(v)) return '';
  if (v !== '') return v;
  if (previewEnv === ALC_ALGO_RULES.previewEnv) return ALC_ALGO_RULES.previewNote;
  return previewEnv.length
    ? `Preview runs with ${previewEnv.map((e) => `${e.name}=${e.value}`).join(', ')}.`
    : '';
}

/** Reads the four rule inputs (each checked, used or not, before anything is written). */
export function readTradingRules(get: InputSource): TradingRules {
  const previewEnv = parsePreviewEnv(RULE_INPUTS.previewEnv, get(RULE_INPUTS.previewEnv));
  const livePort = parseLivePort(RULE_INPUTS.livePort, get(RULE_INPUTS.livePort));
  const livePortAllow = parseLivePortAllow(RULE_INPUTS.livePortAllow, get(RULE_INPUTS.livePortAllow));
  if (livePort !== undefined) {
    const forcedLive = previewEnv.find((e) => namesLivePort(e.value, { livePort }));
    if (forcedLive)
      throw new InputError(
        RULE_INPUTS.previewEnv,
        `${forcedLive.name}=${forcedLive.value}`,
        `allowed: values other than the live port ${livePort} (input live-port): a preview never runs it`,
      );
  }
  return {
    previewEnv,
    livePort,
    livePortAllow,
    previewNote: previewNoteOf(get(RULE_INPUTS.previewNote), previewEnv),
  };
}
