// What deploy-app records on GitHub with its optional `github-token` (actions/deploy-app/README.md, "GitHub
// reporting"):
//   mode preview:    deployment `preview/pr-<N>` (transient, ref = the pull request's head SHA): in_progress, then
//                    success (environment_url = label URL) or failure; the sticky comment says the preview is up
//                    (URL, revision, image) or failed.
//   mode production: deployment `production` (ref = the commit SHA, payload = app, revision, version): queued, then
//                    in_progress once the revision is running (failure when it is not); success (environment_url =
//                    app URL) when it carries production already (a first deploy), the one that was active becoming
//                    inactive.
import { stickyCommentBody, type PreviewReport } from '../core/github/comment.js';
import {
  PRODUCTION_ENVIRONMENT,
  PRODUCTION_SCAN,
  previewEnvironment,
  previewWrites,
  productionWrites,
  type NewDeployment,
  type ProductionEvent,
} from '../core/github/deployments.js';
import type { GitHubReporter } from '../core/github/reporter.js';
import { ALC_ALGO_RULES, type TradingRules } from './rules.js';

export interface DeployFacts {
  mode: 'production' | 'preview';
  app: string;
  revision: string;
  image: string;
  /** Preview: pr-<N>. */
  label?: string;
  prNumber?: number;
  /** The reason the line is stopped, for the pull request's comment. */
  stopTheLine?: string;
  /** The trading rules' line for the comment of a preview that is up (default ALC-Algo's). */
  rules?: Pick<TradingRules, 'previewNote'>;
}

/** deploy-app's reports: started (after input validation), then succeeded or failed. */
export function deployReporting(r: GitHubReporter, d: DeployFacts) {
  const preview = d.mode === 'preview';
  const label = d.label ?? '';
  const create: NewDeployment = {
    environment: preview ? previewEnvironment(label) : PRODUCTION_ENVIRONMENT,
    ref: r.settings.sha,
    description: preview ? `Preview of pull request #${d.prNumber}` : `${d.revision} (${d.image})`,
    payload: { app: d.app, revision: d.revision, image: d.image },
    production: !preview,
  };
  const comment = async (report: PreviewReport) => {
    if (preview && d.prNumber !== undefined)
      await r.upsertStickyComment(
        d.prNumber,
        stickyCommentBody(d.stopTheLine ? { ...report, stopTheLine: d.stopTheLine } : report),
      );
  };
  return {
    started: () =>
      r.write(preview ? previewWrites('started', []) : [{ deployment: 'new', state: 'queued' }], create),
    succeeded: async (result: {
      labelUrl: string;
      revision: string;
      image: string;
      appUrl: string;
      productionRevision?: string;
    }) => {
      if (!preview) {
        const serving = result.productionRevision === result.revision;
        const event: ProductionEvent = serving
          ? { kind: 'serving', appUrl: result.appUrl }
          : { kind: 'deployed' };
        const known = serving ? await r.deployments(PRODUCTION_ENVIRONMENT, d.app, PRODUCTION_SCAN) : [];
        return r.write(productionWrites(event, known), create);
      }
      await r.write(previewWrites('up', [], result.labelUrl), create);
      await comment({
        kind: 'up',
        label,
        sha: r.settings.sha,
        url: result.labelUrl,
        revision: result.revision,
        image: result.image,
        runUrl: r.settings.runUrl,
        note: (d.rules ?? ALC_ALGO_RULES).previewNote,
      });
    },
    failed: async (error: string) => {
      await r.write(
        preview ? previewWrites('failed', []) : productionWrites({ kind: 'deploy-failed' }, []),
        create,
      );
      await comment({ kind: 'failed', label, sha: r.settings.sha, error, runUrl: r.settings.runUrl });
    },
  };
}
