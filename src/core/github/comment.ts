// The sticky pull-request comment (pure): its body for each state of a preview, and which comment is ours. The
// reporter (reporter.ts) creates or updates it.
import { stopTheLineNotice } from '../stop-the-line.js';

/** The hidden first line of the sticky comment: with its author, how a run finds the comment again. */
export const STICKY_MARKER = '<!-- alc-deploy:preview -->';

/** Who wrote the comments of a GITHUB_TOKEN (whose token cannot read GET /user). */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

export type PreviewReport = (
  | {
      kind: 'up';
      label: string;
      sha: string;
      url: string;
      revision: string;
      image: string;
      runUrl: string;
      /** What the preview runs with, from the app's trading rules (e.g. `Paper trading only ...`); none if empty. */
      note?: string;
    }
  | { kind: 'failed'; label: string; sha: string; error: string; runUrl: string }
  | { kind: 'torn-down'; label: string; runUrl: string }
  | { kind: 'teardown-failed'; label: string; error: string; runUrl: string }
) & {
  /** The reason the line is stopped (stop-the-line), when it is: said under every state. */
  stopTheLine?: string;
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sticky comment's body: the marker, then what the preview is now. */
export function stickyCommentBody(r: PreviewReport): string {
  const run = `([run](${r.runUrl}))`;
  const lines: string[] = (() => {
    switch (r.kind) {
      case 'up':
        return [
          `### Preview \`${r.label}\` is up at ${r.sha.slice(0, 7)}`,
          '',
          '| | |',
          '|---|---|',
          `| URL | ${r.url} |`,
          `| revision | \`${r.revision}\` |`,
          `| image | \`${r.image}\` |`,
          '',
          [r.note, `Smoke test and details in the run summary ${run}.`].filter(Boolean).join(' '),
        ];
      case 'failed':
        return [
          `### Preview \`${r.label}\` failed at ${r.sha.slice(0, 7)}`,
          '',
          `deploy-app: ${oneLine(r.error)} ${run}`,
        ];
      case 'torn-down':
        return [
          `### Preview \`${r.label}\` torn down`,
          '',
          `The label was removed and its revisions deactivated ${run}.`,
        ];
      case 'teardown-failed':
        return [`### Preview \`${r.label}\`: teardown failed`, '', `${oneLine(r.error)} ${run}; re-run it.`];
    }
  })();
  const stopped = r.stopTheLine ? ['', `> ${stopTheLineNotice(r.stopTheLine)}`] : [];
  return [STICKY_MARKER, ...lines, ...stopped].join('\n');
}

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
}

/** Our earlier comment: the first with the marker written by `author`; another author's copy is never ours. */
export function findStickyComment(comments: readonly IssueComment[], author: string): number | undefined {
  return comments.find((c) => c.user?.login === author && (c.body ?? '').includes(STICKY_MARKER))?.id;
}
