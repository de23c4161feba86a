// What blue-green records on GitHub with its optional `github-token` (actions/blue-green/README.md, "GitHub
// reporting"):
//   promote:  the pending production deployment of the app (its newest, queued/in_progress) becomes success
//             (environment_url = app URL) and the one that was active inactive; a failed promote makes the pending
//             one failure.
//   rollback: a new production deployment of the revision rolled back to: success; the one that was active becomes
//             inactive.
//   teardown: every deployment of `preview/pr-<N>` becomes inactive; the sticky comment says torn down (or that the
//             teardown failed).
import { stickyCommentBody, type PreviewReport } from '../core/github/comment.js';
import {
  PRODUCTION_ENVIRONMENT,
  PRODUCTION_SCAN,
  previewEnvironment,
  previewWrites,
  productionWrites,
  type NewDeployment,
} from '../core/github/deployments.js';
import type { GitHubReporter } from '../core/github/reporter.js';

export interface BlueGreenFacts {
  command: string;
  app: string;
  /** teardown: pr-<N>. */
  label?: string;
  prNumber?: number;
  /** The reason the line is stopped, for the pull request's comment. */
  stopTheLine?: string;
}

/** blue-green's reports: promote, rollback and teardown record; the other commands record nothing. */
export function blueGreenReporting(r: GitHubReporter, b: BlueGreenFacts) {
  const production = () => r.deployments(PRODUCTION_ENVIRONMENT, b.app, PRODUCTION_SCAN);
  const label = b.label ?? '';
  const comment = async (report: PreviewReport) => {
    if (b.prNumber !== undefined)
      await r.upsertStickyComment(
        b.prNumber,
        stickyCommentBody(b.stopTheLine ? { ...report, stopTheLine: b.stopTheLine } : report),
      );
  };
  return {
    succeeded: async (result: { appUrl?: string; productionRevision?: string }) => {
      const appUrl = result.appUrl ?? '';
      const create: NewDeployment = {
        environment: PRODUCTION_ENVIRONMENT,
        ref: r.settings.sha,
        description: `${b.command} to ${result.productionRevision ?? b.app}`,
        payload: { app: b.app, revision: result.productionRevision ?? '' },
        production: true,
      };
      if (b.command === 'promote')
        await r.write(productionWrites({ kind: 'promoted', appUrl }, await production()), create);
      else if (b.command === 'rollback')
        await r.write(productionWrites({ kind: 'rolled-back', appUrl }, await production()), create);
      else if (b.command === 'teardown') {
        await r.write(previewWrites('torn-down', await r.deployments(previewEnvironment(label))));
        await comment({ kind: 'torn-down', label, runUrl: r.settings.runUrl });
      }
    },
    failed: async (error: string) => {
      if (b.command === 'promote')
        await r.write(productionWrites({ kind: 'promote-failed' }, await production()));
      else if (b.command === 'teardown')
        await comment({ kind: 'teardown-failed', label, error, runUrl: r.settings.runUrl });
    },
  };
}
