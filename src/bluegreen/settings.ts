// blue-green's inputs: every one read and checked before anything is read or written in Azure.
import { existsSync, readFileSync } from 'node:fs';
import {
  appInsightsId,
  parseAnalysisConfig,
  readsAppInsights,
  type AnalysisConfig,
} from '../analysis/config.js';
import type { AnalysisMode } from '../analysis/run.js';
import { readAzureSettings, type AzureSettings } from '../azure/connection.js';
import type { Command, RollbackTarget } from './plan.js';
import { parseFreeze, type FreezeWindow } from './freeze.js';
import { CALENDAR_ALLOWED, parseCalendar, type Calendar } from './calendar.js';
import { parseStopTheLine } from '../core/stop-the-line.js';
import {
  InputError,
  parseBoolean,
  parseChoice,
  parseDuration,
  parseWaitTimeout,
  required,
  type InputSource,
} from '../core/inputs.js';
import { workspaceOf, workspacePath } from '../core/workspace.js';
import {
  parsePreviewLabel,
  revisionName,
  revisionNameProblem,
  suffixFromVersion,
  suffixProblem,
  validateAppName,
  validateResourceGroup,
} from '../core/naming.js';
import { appFromInputs } from '../core/app-spec.js';
import { readCheckSettings, type CheckSettings } from '../smoke/settings.js';
import { ANALYSIS_FILE_ALLOWED, TO_ALLOWED, WATCH_ALLOWED } from './messages.js';
import { parseSteps, validateSlotLabel } from '../revisions/traffic.js';
import { parseSemver } from '../core/versions.js';
import { readTradingInputs, type TradingInputs } from '../core/trading-inputs.js';

export const COMMANDS = [
  'promote',
  'rollback',
  'abort',
  'status',
  'teardown',
] as const satisfies readonly Command[];

export interface BlueGreenSettings {
  azure: AzureSettings;
  resourceGroup: string;
  command: Command;
  app: string;
  /** promote: the candidate slot; rollback: the slot to return to; teardown: pr-<N>. */
  label?: string;
  prNumber?: number;
  to: RollbackTarget;
  /** The candidate's weight at each stage of a promote, ending at 100 (the `steps` input). */
  stages: number[];
  /** The wait after each stage's traffic write (the `step-wait` input). */
  stageWaitMs: number;
  /** The gates: the smoke-test core's checks (checks, resolve, CA); each gate gives its URL. */
  smoke: CheckSettings;
  checksGiven: boolean;
  freeze: FreezeWindow[];
  overrideFreeze: string;
  /** The market calendar (the `calendar` input); undefined without it. */
  calendar?: Calendar;
  /** The reason the line is stopped (`stop-the-line`, env ALC_DEPLOY_STOP_THE_LINE); empty: it runs. */
  stopTheLine: string;
  keepPreviousActive: boolean;
  waitTimeoutMs: number;
  /** Metric analysis during each promote stage (and the watch); undefined without the `analysis` input. */
  analysis?: AnalysisConfig;
  /**
   * The Application Insights component's resource id (the `app-insights` input, else the analysis config's
   * `app-insights:`); undefined when the analysis reads no Application Insights metric and names none.
   */
  appInsightsId?: string;
  /** How long to keep measuring after 100% (0: no watch). */
  watchMs: number;
  analysisMode: AnalysisMode;
  /**
   * trading-lease and handover-timeout: with a managed lease, trading follows the commands (the handover bound is
   * checked against the app's terminationGracePeriodSeconds once the app is read, before any write).
   */
  trading: TradingInputs;
}

export interface BlueGreenSettingsDeps {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  fileExists?: (path: string) => boolean;
  /** Masks a secret in the job log (core.setSecret), before any parsing of the checks can fail. */
  mask?: (secret: string) => void;
}

/** The `to` input. */
export function parseTarget(input: string, raw: string, app: string): RollbackTarget {
  const v = raw.trim();
  if (v === '' || v.toLowerCase() === 'previous') return { kind: 'previous' };
  if (v.includes('--')) {
    // A revision ACA named itself is as good as one of ours: `<app>--0000001` is a revision name.
    const problem = revisionNameProblem(v, app);
    if (problem) throw new InputError(input, raw, `${TO_ALLOWED}; a revision name must be ${problem}`);
    return { kind: 'revision', revision: v };
  }
  if (parseSemver(v)) {
    const suffix = suffixFromVersion(v.startsWith('v') || v.startsWith('V') ? v : `v${v}`);
    if (suffixProblem(suffix, app))
      throw new InputError(input, raw, `${TO_ALLOWED}; ${suffixProblem(suffix, app)}`);
    return { kind: 'version', version: v, revision: revisionName(app, suffix) };
  }
  throw new InputError(input, raw, TO_ALLOWED);
}

/** Reads and checks every blue-green input; throws InputError before anything is read or written in Azure. */
export function readBlueGreenSettings(get: InputSource, deps: BlueGreenSettingsDeps = {}): BlueGreenSettings {
  const env = deps.env ?? process.env;
  const readFile = deps.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const fileExists = deps.fileExists ?? existsSync;
  const command = parseChoice(
    'command',
    required('command', get('command'), `allowed: ${COMMANDS.join(', ')}`),
    COMMANDS,
  );
  const azure = readAzureSettings(get);
  const resourceGroup = validateResourceGroup(
    'resource-group',
    required('resource-group', get('resource-group'), 'required: the resource group of the app'),
  );
  // A spec named by the input is checked whether or not the app input makes it unused: it must exist and
  // parse. The default spec is read only for the app's name, when the app input is empty (then it must
  // exist).
  const { name: appRaw, specFile } = appFromInputs(get, { env, readFile, fileExists });
  if (appRaw === undefined)
    throw new InputError('app', '', `required when the spec '${specFile}' does not exist`);
  const app = validateAppName('app', appRaw);
  const labelRaw = get('label');
  let label: string | undefined;
  let prNumber: number | undefined;
  if (command === 'teardown') {
    prNumber = parsePreviewLabel(labelRaw);
    if (prNumber === undefined)
      throw new InputError('label', labelRaw, 'required for teardown: pr-<N>, the pull request label');
    label = labelRaw;
  } else if (labelRaw !== '') {
    label = validateSlotLabel('label', labelRaw, app, `for ${command}`);
  }
  const smoke = readCheckSettings(get, { env, readFile, fileExists, mask: deps.mask });
  const freezeRaw = get('freeze');
  const analysis = readAnalysis(get('analysis'), workspaceOf(env), readFile, fileExists);
  const watchMs = parseDuration('watch', get('watch'), 0);
  if (watchMs > 0 && !analysis) throw new InputError('watch', get('watch'), WATCH_ALLOWED);
  const insights = readAppInsights(get('app-insights'), analysis, azure.subscriptionId, resourceGroup);
  return {
    azure,
    resourceGroup,
    command,
    app,
    label,
    prNumber,
    to: parseTarget('to', get('to'), app),
    stages: parseSteps('steps', get('steps')),
    stageWaitMs: parseDuration('step-wait', get('step-wait'), 0),
    smoke,
    checksGiven: get('checks').trim() !== '',
    freeze: parseFreeze('freeze', freezeRaw),
    overrideFreeze: get('override-freeze'),
    calendar: readCalendar(get('calendar'), workspaceOf(env), readFile, fileExists),
    stopTheLine: parseStopTheLine('stop-the-line', get('stop-the-line')),
    keepPreviousActive: parseBoolean('keep-previous-active', get('keep-previous-active'), true),
    waitTimeoutMs: parseWaitTimeout(get('wait-timeout')),
    analysis,
    ...(insights ? { appInsightsId: insights } : {}),
    watchMs,
    analysisMode: parseChoice(
      'analysis-mode',
      get('analysis-mode'),
      ['enforce', 'dry-run'] as const,
      'enforce',
    ),
    trading: readTradingInputs(get),
  };
}

/**
 * The Application Insights component: the `app-insights` input overrides the config's `app-insights:` key. A
 * config with Application Insights metrics and no component is refused; the input without analysis too.
 */
export function readAppInsights(
  raw: string,
  analysis: AnalysisConfig | undefined,
  subscriptionId: string,
  resourceGroup: string,
): string | undefined {
  const input = raw.trim();
  if (input && !analysis)
    throw new InputError(
      'app-insights',
      raw,
      'allowed only with analysis: the component its metrics are read from',
    );
  if (!analysis) return undefined;
  const value = input || analysis.appInsights;
  if (!value) {
    if (!readsAppInsights(analysis)) return undefined;
    const names = analysis.metrics.filter((m) => m.provider === 'app-insights').map((m) => m.name);
    throw new InputError(
      'app-insights',
      '',
      `required by the analysis's Application Insights metrics (${names.join(', ')}): a component name in the ` +
        "resource group or its resource id, as the input or the analysis config's app-insights key",
    );
  }
  return appInsightsId(input ? 'app-insights' : 'analysis', value, subscriptionId, resourceGroup);
}

/**
 * The `analysis` input: inline YAML, or (one line without ':') the path of a YAML file in the workspace.
 * Empty: no analysis.
 */
export function readAnalysis(
  raw: string,
  workspace: string,
  readFile: (path: string) => string,
  fileExists: (path: string) => boolean,
): AnalysisConfig | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (!v.includes('\n') && !v.includes(':') && !v.startsWith('{')) {
    const path = workspacePath('analysis', v, { workspace, what: 'an analysis file' });
    if (!fileExists(path)) throw new InputError('analysis', raw, ANALYSIS_FILE_ALLOWED);
    return parseAnalysisConfig('analysis', readFile(path));
  }
  return parseAnalysisConfig('analysis', v);
}

/**
 * The `calendar` input: inline YAML, or (one line without ':') the path of a YAML file in the workspace; the
 * files it names (exchange, events) are paths in the workspace too. Empty or `none`: no calendar.
 */
export function readCalendar(
  raw: string,
  workspace: string,
  readFile: (path: string) => string,
  fileExists: (path: string) => boolean,
): Calendar | undefined {
  const v = raw.trim();
  if (v === '' || v.toLowerCase() === 'none') return undefined;
  const file = (input: string, path: string): string => {
    const full = workspacePath(input, path, { workspace, what: 'a calendar file' });
    if (!fileExists(full))
      throw new InputError(input, path, `no such file in the workspace; ${CALENDAR_ALLOWED}`);
    return readFile(full);
  };
  const text = !v.includes('\n') && !v.includes(':') && !v.startsWith('{') ? file('calendar', v) : v;
  return parseCalendar('calendar', text, (key, path) => file(`calendar ${key}`, path));
}
