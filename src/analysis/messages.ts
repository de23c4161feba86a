// The analysis's long messages (the config's allowed values, the decisions a run fails with), built from
// values so that the control flow stays short. Pure: text only.

/**
 * What a message says of a measurement (verdict.ts's Measurement; written out here so this module is a leaf).
 */
interface Measured {
  metric: string;
  phase: string;
  window: { start: string; end: string };
  value: number | null;
  threshold: string;
  reason?: string;
}

export const CONFIG_ALLOWED =
  'allowed: YAML (or the path of a YAML file) with interval, failure-limit, inconclusive-limit and metrics ' +
  '(name, metric Requests|RestartCount or provider probe, max or relative); see actions/blue-green/README.md';

/** One measurement as a person reads it: metric, value, threshold, window, phase, and why. */
const describeMeasurement = (m: Measured): string =>
  `${m.metric} = ${m.value ?? 'no value'} (threshold ${m.threshold}) ` +
  `over ${m.window.start}/${m.window.end} during ${m.phase}${m.reason ? `: ${m.reason}` : ''}`;

export const analysisFailed = (m: Measured, failed: number, failureLimit: number): string =>
  `analysis failed: ${describeMeasurement(m)} (${failed} failed measurement${failed === 1 ? '' : 's'}, ` +
  `failure-limit ${failureLimit})`;

export const analysisInconclusive = (m: Measured, unknown: number, inconclusiveLimit: number): string =>
  `analysis inconclusive past the limit: ${describeMeasurement(m)} (${unknown} inconclusive measurements, ` +
  `inconclusive-limit ${inconclusiveLimit}); halting: a release never passes on missing data`;
