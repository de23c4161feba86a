// The analysis in a job summary and in the `analysis` output (pure).
import { markdownTable } from '../core/markdown.js';
import type { Measurement } from './verdict.js';

const ICON = { pass: '✅ pass', fail: '❌ fail', inconclusive: '❔ inconclusive' } as const;

/** The `analysis` output: a JSON array of measurements (metric, phase, window, value, threshold, verdict). */
export function analysisJson(measurements: readonly Measurement[]): string {
  return JSON.stringify(measurements);
}

const time = (iso: string) => iso.slice(11, 19);

/** One row per measurement; empty without measurements. */
export function analysisTable(measurements: readonly Measurement[]): string {
  if (measurements.length === 0) return '';
  return markdownTable(
    ['phase', 'window (UTC)', 'metric', 'value', 'threshold', 'verdict', 'why'],
    measurements.map((m) => [
      m.phase,
      `${time(m.window.start)}–${time(m.window.end)}`,
      m.metric,
      m.value ?? 'no data',
      m.threshold + (m.stable !== undefined ? ` (stable ${m.stable ?? 'no data'})` : ''),
      ICON[m.verdict],
      m.reason ?? '',
    ]),
  );
}

/** The section of a job summary: the table, or nothing without measurements. */
export function analysisSection(measurements: readonly Measurement[], mode: string): string {
  if (measurements.length === 0) return '';
  return [
    `### Analysis${mode === 'dry-run' ? ' (dry-run: measured, never acted on)' : ''}`,
    '',
    analysisTable(measurements),
    '',
  ].join('\n');
}
