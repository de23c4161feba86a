// deploy-app's outputs and job summary: pure functions of the deploy result.
import type { DeployResult } from './run.js';
import { factsTable } from '../core/markdown.js';
import { stopTheLineNotice } from '../core/stop-the-line.js';
import { trafficMermaid, trafficTable } from '../revisions/traffic-picture.js';
import { tradingOutputs, tradingSection, type TradingFacts } from '../core/trading-summary.js';

export function deployOutputs(r: DeployResult): Record<string, string> {
  return {
    revision: r.revision,
    label: r.label,
    'label-url': r.labelUrl,
    'revision-url': r.revisionUrl,
    'app-url': r.appUrl,
    'production-revision': r.productionRevision ?? '',
    created: String(r.created),
    ...tradingOutputs(r.trading),
  };
}

/** What a failed deploy knew of trading (attached by runDeploy). */
const tradingOf = (error: unknown): TradingFacts | undefined =>
  (error as { trading?: TradingFacts } | undefined)?.trading;

/** A failed deploy's trading section (what it saw of the designation and the lease), '' without. */
export function deployFailureTrading(error: unknown): string {
  return tradingSection(tradingOf(error));
}

/**
 * A failed deploy still outputs the designation it read or wrote and the handover it made (even one that did not
 * complete); all three are written, '' where unknown or without a managed lease.
 */
export function deployFailureOutputs(error: unknown): Record<string, string> {
  return tradingOutputs(tradingOf(error));
}

export function deploySummary(r: DeployResult, stopTheLine = ''): string {
  const outcome = r.created ? 'created the app with' : r.reused ? 'converged on' : 'deployed';
  return [
    `## deploy-app: ${outcome} ${r.revision}`,
    '',
    ...(stopTheLine ? [`> ${stopTheLineNotice(stopTheLine)}`, ''] : []),
    factsTable([
      ['app', r.app],
      ['revision', r.revision],
      ['image', `\`${r.image}\``],
      ['image verified', r.verified],
      ['label', r.label],
      ['label URL', r.labelUrl],
      ['revision URL', r.revisionUrl],
      ['app URL', r.appUrl],
      ['production revision', r.productionRevision],
      ['created the app', r.created ? 'yes' : 'no'],
      ['readiness proof', r.proof],
      ['deactivated (no label, no traffic)', r.deactivated.join(', ')],
      ['preview values forced', r.forced.join('; ')],
    ]),
    '',
    tradingSection(
      r.trading || r.tradingWarning
        ? { ...r.trading, ...(r.tradingWarning ? { warning: r.tradingWarning } : {}) }
        : undefined,
    ),
    '### Traffic before',
    '',
    trafficTable(r.trafficBefore),
    '',
    '### Traffic after',
    '',
    trafficTable(r.trafficAfter),
    '',
    trafficMermaid(r.trafficBefore, r.trafficAfter),
    '',
  ].join('\n');
}
