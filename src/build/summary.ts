// The job summary of a build-push run: what was built and pushed, and what retention removed.
import { factsTable, markdownTable } from '../core/markdown.js';
import type { BuildPushResult } from './run.js';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function sizeText(result: BuildPushResult): string {
  if (result.sizes.length === 1 && !result.sizes[0].platform)
    return `${formatBytes(result.sizes[0].bytes)} (compressed)`;
  if (result.sizes.length)
    return result.sizes.map((s) => `${s.platform}: ${formatBytes(s.bytes)}`).join(', ');
  if (result.localBytes !== undefined) return `${formatBytes(result.localBytes)} (local, uncompressed)`;
  return 'unknown';
}

function retentionSection(result: BuildPushResult): string {
  const r = result.retention;
  if (!r.ran)
    return r.warning
      ? `### Retention\n\n> [!WARNING]\n> Did not run: ${r.reason}.`
      : `### Retention\n\nDid not run: ${r.reason}.`;
  const lines = [`### Retention (keep the newest ${r.keep} releases)`, ''];
  const rows = [
    ...r.deleted.map((i) => ['deleted', i.version ?? '', i.tags.join(', '), `\`${i.digest.slice(0, 19)}\``]),
    ...r.failed.map((f) => [
      'delete failed',
      f.image.version ?? '',
      f.error,
      `\`${f.image.digest.slice(0, 19)}\``,
    ]),
    ...r.plan.spared.map((s) => [
      'kept',
      s.image.version ?? '',
      s.reason,
      `\`${s.image.digest.slice(0, 19)}\``,
    ]),
  ];
  lines.push(`Releases kept: ${r.plan.kept.map((i) => i.version).join(', ') || 'none'}.`, '');
  lines.push(
    rows.length
      ? markdownTable(['action', 'release', 'tags / reason', 'digest'], rows)
      : 'Nothing to remove.',
  );
  return lines.join('\n');
}

/** build-push's outputs. */
/** The action's last line: what the run did with the image (pure). */
export function buildDoneLine(r: BuildPushResult): string {
  if (r.reused) return `Reused the locked release ${r.image}: nothing was built or pushed`;
  return r.image ? `Pushed ${r.image}` : `Built ${r.refs.join(', ')} (not pushed)`;
}

export function buildOutputs(r: BuildPushResult): Record<string, string> {
  return { image: r.image, digest: r.digest, tags: r.refs.join('\n'), version: r.version };
}

/** The build's rows: its times, builder and cache; or, for a reused release, that nothing was built. */
function buildRows(result: BuildPushResult): Array<[string, string]> {
  if (result.reused)
    return [
      ['Build', `none: the release's locked tag ${result.reused} was reused, nothing was built or pushed`],
    ];
  const rows: Array<[string, string]> = [
    ['Size', sizeText(result)],
    [
      'Build time',
      formatMs(result.buildMs) + (result.builder === 'buildx' && result.pushed ? ' (build and push)' : ''),
    ],
  ];
  if (result.pushMs) rows.push(['Push time', formatMs(result.pushMs)]);
  rows.push(
    ['Builder', result.builder === 'buildx' ? 'docker buildx' : 'docker build (classic)'],
    ['Cache', result.cache],
  );
  return rows;
}

export function buildSummary(result: BuildPushResult): string {
  const rows: Array<[string, string]> = [
    ['Image', result.image ? `\`${result.image}\`` : 'not pushed'],
    ['Digest', result.digest ? `\`${result.digest}\`` : 'none (not pushed)'],
    ['Version', result.version],
    ['Tags', result.refs.map((r) => `\`${r}\``).join('<br>') || 'none'],
    ...buildRows(result),
  ];
  return [`## build-push: ${result.version}`, '', factsTable(rows), '', retentionSection(result), ''].join(
    '\n',
  );
}
