// Containers on a running simulator for tests: a FROM scratch image with the static busybox (as the sample app is
// built, offline) pushed to the simulator's registry through ACR's token exchange, with the credentials the runtime
// pulls it with, and `docker exec` into a replica.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACR_USER } from '../../sim/arm/images.js';
import { DockerCli } from '../../sim/docker.js';
import { httpsRequest } from '../../sim/http.js';
import type { Simulator } from '../../sim/index.js';
import { DockerRuntime } from '../../sim/runtime.js';

export interface PushedImage {
  /** `<registry>/<repo>:<tag>` */
  image: string;
  registryAuth: { server: string; username: string; password: string };
  docker: DockerCli;
  cleanup(): Promise<void>;
}

/**
 * A busybox image (sh, wget, httpd; /www/index.html for a readiness probe on `httpd -p 8080 -h /www`) pushed to the
 * simulator's registry as `<repo>:<tag>`.
 */
export async function pushBusybox(sim: Simulator, repo: string, tag = '1'): Promise<PushedImage> {
  const server = sim.endpoints.registry;
  if (!server) throw new Error('the simulator runs no registry');
  const dir = mkdtempSync(join(tmpdir(), 'alc-sim-bb-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'index.html'), 'ok\n');
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      'COPY www /www',
      'ENTRYPOINT ["/bin/sh"]',
    ].join('\n'),
  );
  const docker = new DockerCli({ configDir: join(dir, 'docker-config') });
  const local = `alc-sim-test-${repo}:${tag}`;
  await docker.build(dir, { tag: local });
  const ex = await httpsRequest(`https://${server}/oauth2/exchange`, {
    ca: sim.ca,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'access_token',
      service: server,
      access_token: sim.identity.issueAccessToken('https://containerregistry.azure.net'),
    }).toString(),
  });
  if (ex.status !== 200) throw new Error(`token exchange: ${ex.status} ${ex.body}`);
  const password = (JSON.parse(ex.body) as { refresh_token: string }).refresh_token;
  await docker.login(server, ACR_USER, password);
  const image = `${server}/${repo}:${tag}`;
  await docker.tag(local, image);
  await docker.push(image);
  return {
    image,
    registryAuth: { server, username: ACR_USER, password },
    docker,
    async cleanup() {
      await docker.rmi([local, image]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Docker runtime of a simulator that runs revisions on Docker. */
export function dockerRuntime(sim: Simulator): DockerRuntime {
  if (!(sim.runtime instanceof DockerRuntime)) throw new Error('the simulator runs no containers');
  return sim.runtime;
}

/**
 * `docker exec <container> sh -c <script>`: its stdout, or the failure's exit code and output. Asynchronous: the
 * simulator's servers the container talks to run in this process.
 */
export function execIn(
  container: string,
  script: string,
  timeoutMs = 30_000,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      ['exec', container, 'sh', '-c', script],
      { env: process.env, encoding: 'utf8', timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (!error) resolve({ code: 0, out: stdout });
        else resolve({ code: typeof error.code === 'number' ? error.code : -1, out: `${stdout}${stderr}` });
      },
    );
  });
}
