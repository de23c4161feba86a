// build-push as a runner runs it: the Docker CLI, the registry API over the runner's fetch, and (with the Azure
// inputs) the Entra credential and the Container Apps read of the app's revisions. The only place build-push's
// clients are built.
import { createContainerAppsClient, createCredential } from '../azure/connection.js';
import { RegistryClient } from '../registry/client.js';
import { type DockerCli, execDocker } from './docker.js';
import { runningImages } from './retention.js';
import { type BuildPushResult, type Logger, runBuildPush } from './run.js';
import type { BuildPushSettings } from './settings.js';

/** Builds and pushes with this machine's Docker engine (or `docker`, e.g. a quiet one in a bench). */
export function buildPushOnRunner(
  s: BuildPushSettings,
  log: Logger,
  docker: DockerCli = execDocker(),
): Promise<BuildPushResult> {
  // One credential for the registry exchange and the revision reads: one Entra token, one GitHub OIDC token.
  const azure = s.azure;
  const credential = azure ? createCredential(azure) : undefined;
  return runBuildPush(s, {
    docker,
    registry: (credentials) => new RegistryClient(s.registry, credentials),
    log,
    credential,
    listRunningImages: azure
      ? (app) => runningImages(createContainerAppsClient(azure, credential), app)
      : undefined,
  });
}
