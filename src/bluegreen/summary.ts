// blue-green's outputs and job summary: pure functions of the command's result.
import { analysisJson, analysisSection } from '../analysis/report.js';
import type { BlueGreenResult } from './context.js';
import { factsTable } from '../core/markdown.js';
import { stopTheLineNotice } from '../core/stop-the-line.js';
import { trafficMermaid, trafficTable } from '../revisions/traffic-picture.js';
import { normalizeTraffic, type TrafficEntry } from '../revisions/traffic.js';
import { tradingOutputs, tradingSection } from '../core/trading-summary.js';
import { auditTable } from '../audit/record.js';

/**
 * `{revisionName, label, weight}` per entry (`latestRevision: true` instead of a name where the list has it).
 */
export function trafficJson(traffic: readonly TrafficEntry[]): string {
  return JSON.stringify(normalizeTraffic(traffic));
}

export function blueGreenOutputs(r: BlueGreenResult): Record<string, string> {
  return {
    'production-revision': r.productionRevision ?? '',
    'previous-revision': r.previousRevision ?? '',
    traffic: trafficJson(r.after),
    analysis: analysisJson(r.analysis ?? []),
    ...tradingOutputs(r.trading),
  };
}

export function blueGreenSummary(r: BlueGreenResult, analysisMode = 'enforce'): string {
  const moved = trafficJson(r.before) !== trafficJson(r.after);
  return [
    `## blue-green: ✅ ${r.command} on ${r.app}`,
    '',
    ...(r.stopTheLine ? [`> ${stopTheLineNotice(r.stopTheLine)}`, ''] : []),
    factsTable([
      ['app', r.app],
      ['app URL', r.appUrl],
      ['production revision', r.productionRevision],
      ['previous revision', r.previousRevision],
      ['freeze', r.freeze?.message],
      ['next allowed window', r.nextWindow],
      ['deactivated', r.deactivated.join(', ')],
    ]),
    '',
    ...(r.log.length ? ['### Steps', '', ...r.log.map((l) => `1. ${l}`), ''] : []),
    analysisSection(r.analysis ?? [], analysisMode),
    tradingSection(r.trading),
    ...(r.audit
      ? ['### Audit trail (last records)', '', r.audit.length ? auditTable(r.audit) : '_No records yet._', '']
      : []),
    '### Traffic before',
    '',
    trafficTable(r.before),
    '',
    ...(moved ? ['### Traffic after', '', trafficTable(r.after), ''] : ['_Traffic unchanged._', '']),
    trafficMermaid(r.before, r.after),
    '',
  ].join('\n');
}
