// The traffic picture of the job summaries (pure): an app's traffic as a Markdown table, and before/after as a
// mermaid flowchart (app URL -> revisions, edges labelled with their weights).
import { markdownTable } from '../core/markdown.js';
import type { TrafficEntry } from './traffic.js';

/** One entry of an app's traffic as the pictures show it. */
export type TrafficRow = Pick<TrafficEntry, 'revisionName' | 'latestRevision' | 'label' | 'weight'>;

/** The traffic as a Markdown table: revision, label, weight. */
export function trafficTable(traffic: TrafficRow[]): string {
  if (traffic.length === 0) return '_no traffic entries_';
  return markdownTable(
    ['revision', 'label', 'weight'],
    traffic.map((t) => [
      t.revisionName ?? (t.latestRevision ? '(latest revision)' : ''),
      t.label,
      `${t.weight ?? 0}%`,
    ]),
  );
}

function nodeId(prefix: string, i: number): string {
  return `${prefix}${i}`;
}

function mermaidText(text: string): string {
  return text.replace(/["<>]/g, '');
}

/** A mermaid picture of traffic before and after: app URL -> revisions, edges labelled with weights. */
export function trafficMermaid(before: TrafficRow[], after: TrafficRow[]): string {
  const lines = ['```mermaid', 'flowchart LR'];
  const side = (title: string, prefix: string, traffic: TrafficRow[]) => {
    lines.push(`  subgraph ${prefix}[${title}]`, `    direction LR`, `    ${prefix}app((app URL))`);
    traffic.forEach((t, i) => {
      const name = mermaidText(t.revisionName ?? (t.latestRevision ? 'latest revision' : '?'));
      const label = t.label ? `<br/>label ${mermaidText(t.label)}` : '';
      lines.push(`    ${nodeId(prefix, i)}["${name}${label}"]`);
      const weight = t.weight ?? 0;
      lines.push(
        weight > 0
          ? `    ${prefix}app -- ${weight}% --> ${nodeId(prefix, i)}`
          : `    ${prefix}app -. 0% .-> ${nodeId(prefix, i)}`,
      );
    });
    lines.push('  end');
  };
  side('before', 'b', before);
  side('after', 'a', after);
  lines.push('  b --> a', '```');
  return lines.join('\n');
}
