// build-push's retention step: after a release push, delete the releases beyond `keep`, never one the app's
// active revisions run (planRetention decides; this module reads what it needs and deletes what it planned).
import type { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import type { RegistryClient } from '../registry/client.js';
import { planRetention, type RepositoryImage, type RetentionPlan } from '../registry/retention.js';
import { isReleaseBuild } from '../core/versions.js';
import * as m from './messages.js';
import type { BuildPushSettings } from './settings.js';

interface RunningImage {
  revision: string;
  image: string;
}

/** The images the active revisions of an app run. */
export type ListRunningImages = (app: { resourceGroup: string; name: string }) => Promise<RunningImage[]>;

export type RetentionReport =
  /** `warning`: retention was due and did not run, to delete nothing it could not prove unused. */
  | { ran: false; reason: string; warning?: boolean }
  | {
      ran: true;
      keep: number;
      plan: RetentionPlan;
      deleted: RepositoryImage[];
      failed: Array<{ image: RepositoryImage; error: string }>;
    };

interface RetentionLog {
  info(message: string): void;
  warning(message: string): void;
}

/** The images the active revisions of the app run, read from the Container Apps API (none: no such app). */
export async function runningImages(
  client: ContainerAppsAPIClient,
  app: { resourceGroup: string; name: string },
): Promise<RunningImage[]> {
  const images: RunningImage[] = [];
  try {
    for await (const revision of client.containerAppsRevisions.listRevisions(app.resourceGroup, app.name)) {
      if (!revision.active) continue;
      const containers = [
        ...(revision.template?.containers ?? []),
        ...(revision.template?.initContainers ?? []),
      ];
      for (const c of containers)
        if (c.image) images.push({ revision: revision.name ?? '?', image: c.image });
    }
  } catch (error) {
    // An app that does not exist yet runs nothing.
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
  return images;
}

/** Retention after a push of `digest`: what it deleted, kept and could not delete, or why it did not run. */
export async function retention(
  settings: BuildPushSettings,
  client: RegistryClient,
  digest: string,
  deps: { log: RetentionLog; listRunningImages?: ListRunningImages },
): Promise<RetentionReport> {
  if (!settings.push) return { ran: false, reason: 'nothing was pushed' };
  if (settings.keep === 0) return { ran: false, reason: 'keep is 0: retention is off' };
  if (!isReleaseBuild(settings.git))
    return { ran: false, reason: 'not a release build (retention runs after a release tag push)' };

  // Retention never deletes what it cannot prove unused: without the app, nothing is deleted.
  if (!settings.app) {
    const reason = m.retentionAppUnknown(settings.appUnknown ?? 'no app input');
    deps.log.warning(`Retention skipped: ${reason}`);
    return { ran: false, reason, warning: true };
  }
  let running: RunningImage[];
  try {
    if (!deps.listRunningImages) throw new Error('no reader of its revisions was given');
    running = await deps.listRunningImages(settings.app);
  } catch (error) {
    const reason = m.revisionsUnreadable(settings.app.name, (error as Error).message);
    deps.log.warning(`Retention skipped: ${reason}`);
    return { ran: false, reason, warning: true };
  }

  const tags = await client.listTags(settings.repository);
  const plan = planRetention({
    tags,
    keep: settings.keep,
    registry: settings.registry,
    repository: settings.repository,
    running,
    protect: [{ digest, reason: 'the image this run pushed' }],
  });
  const deleted: RepositoryImage[] = [];
  const failed: Array<{ image: RepositoryImage; error: string }> = [];
  for (const image of plan.remove) {
    try {
      // A release tag is locked (writeEnabled=false blocks its delete in ACR): unlock it just before the
      // delete.
      for (const tag of image.tags)
        await client
          .setTagAttributes(settings.repository, tag, { writeEnabled: true })
          .catch(() => undefined);
      await client.deleteManifest(settings.repository, image.digest);
      deleted.push(image);
      deps.log.info(`Retention: deleted ${image.version} (${image.digest}; tags ${image.tags.join(', ')})`);
    } catch (error) {
      failed.push({ image, error: (error as Error).message });
      deps.log.warning(
        `Retention: could not delete ${image.version} (${image.digest}): ${(error as Error).message}`,
      );
    }
  }
  for (const s of plan.spared)
    deps.log.info(`Retention: kept ${s.image.version} beyond keep=${settings.keep}: ${s.reason}`);
  return { ran: true, keep: settings.keep, plan, deleted, failed };
}
