// Job summaries a person reads at a glance: pure markdown builders (the entry writes them with core.summary).

/** Escapes text for a markdown table cell. */
export function cell(value: unknown): string {
  const text = value === undefined || value === null || value === '' ? '—' : String(value);
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function markdownTable(headers: string[], rows: unknown[][]): string {
  const line = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A key/value table (two columns). */
export function factsTable(facts: Array<[string, unknown]>): string {
  return markdownTable(
    ['', ''],
    facts.map(([k, v]) => [`**${k}**`, v]),
  );
}

export interface TrafficRow {
  revisionName?: string;
  latestRevision?: boolean;
  label?: string;
  weight?: number;
}

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
