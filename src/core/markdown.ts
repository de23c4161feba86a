// Job summaries a person reads at a glance: pure Markdown table builders (the entry writes them with
// core.summary). The traffic picture is src/revisions/traffic-picture.ts.

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
