// `npm run sim`: starts the whole simulator (Docker engine when installed and not running, registry,
// runtime, ingress, ARM and identity) with its seed, prints the endpoints and the `export` lines a client needs,
// writes the variables of a local workflow run (--sim-env), and stops cleanly on Ctrl-C or SIGTERM, leaving no
// container or process behind. `npm run sim -- --help` lists the flags.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envFileText } from './env-file.js';
import { DEFAULT_STATE_DIR, type Simulator, startSimulator } from './index.js';
import { DEFAULT_SEED_ENVIRONMENTS, type Flag, SEED_FLAGS, type Seed, SeedError, seedOf } from './seed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INSTALL = 'apt-get install -y docker.io docker-registry busybox-static';

interface CliOptions {
  docker: boolean;
  stateDir: string;
  armPort: number;
  ingressPort: number;
  registryPort: number;
  storagePort: number;
  identityPort: number;
  lroDelayMs: number;
  pullDelayMs?: number;
  pullBandwidth?: number;
  activationTimeoutMs?: number;
  deprovisionMs?: number;
  lroStyle?: 'location';
  revisionSuffixes?: 'sequence';
  trace: boolean;
  /** The seed file (--seed) and the seed flags, in order. */
  seedFile?: string;
  seedFlags: Flag[];
  envFile?: string;
}

const USAGE = `Usage: npm run sim -- [options]

Seed (default: resource group alc-algo-production with environment alc-algo-env, eastus; the simulator app
accepts any GitHub repository's token). Any seed option replaces the default: Entra then accepts only the
federated credentials the seed lists. Flags add to the file; repeat a flag for more.
  --seed FILE                      a YAML or JSON seed file (see sim/README.md, sim/seed.example.yaml)
  --resource-group NAME[@LOCATION]
  --environment RG/NAME[@LOCATION]  a managed environment (its resource group is created too)
  --federated-credential [client-id=GUID,]subject=S|claims=EXPR[,issuer=URL][,audience=A][,name=N]
                                   without client-id: of the simulator's app (AZURE_CLIENT_ID)
  --github-job repository=O/R,ref=REF[,event=E][,environment=ENV]
                                   the job of the default OIDC request token (else runners register each job)
Output:
  --sim-env PATH                   write the variables of a local workflow run (NAME=value lines)
Simulator:
  --no-docker --state-dir DIR --arm-port N --ingress-port N --registry-port N --storage-port N --identity-port N
  --lro-delay-ms N --pull-delay-ms N --pull-bandwidth BYTES_PER_S --activation-timeout-ms N --deprovision-ms N
  --lro-location-only --sequential-revision-names --trace --help`;

function parseArgs(argv: string[]): CliOptions {
  const env = process.env;
  const o: CliOptions = {
    docker: true,
    stateDir: env.ALC_SIM_STATE_DIR ?? DEFAULT_STATE_DIR,
    armPort: Number(env.ALC_SIM_ARM_PORT ?? 7443),
    ingressPort: Number(env.ALC_SIM_INGRESS_PORT ?? 7444),
    registryPort: Number(env.ALC_SIM_REGISTRY_PORT ?? 7445),
    storagePort: Number(env.ALC_SIM_STORAGE_PORT ?? 7446),
    identityPort: Number(env.ALC_SIM_IDENTITY_PORT ?? 7447),
    lroDelayMs: Number(env.ALC_SIM_LRO_DELAY_MS ?? 1000),
    trace: false,
    seedFlags: [],
  };
  const numbers: Record<string, keyof CliOptions> = {
    '--arm-port': 'armPort',
    '--ingress-port': 'ingressPort',
    '--registry-port': 'registryPort',
    '--storage-port': 'storagePort',
    '--identity-port': 'identityPort',
    '--lro-delay-ms': 'lroDelayMs',
    '--pull-delay-ms': 'pullDelayMs',
    '--pull-bandwidth': 'pullBandwidth',
    '--activation-timeout-ms': 'activationTimeoutMs',
    '--deprovision-ms': 'deprovisionMs',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = argv[i + 1];
    if (a === '--help' || a === '-h' || a === 'help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--no-docker') o.docker = false;
    else if (a === '--trace') o.trace = true;
    else if (a === '--lro-location-only') o.lroStyle = 'location';
    else if (a === '--sequential-revision-names') o.revisionSuffixes = 'sequence';
    else if (a === '--state-dir' && value !== undefined) o.stateDir = argv[++i];
    else if (a === '--seed' && value !== undefined) o.seedFile = argv[++i];
    else if (a === '--sim-env' && value !== undefined) o.envFile = argv[++i];
    else if (SEED_FLAGS.includes(a) && value !== undefined) o.seedFlags.push({ flag: a, value: argv[++i] });
    else if (numbers[a] && /^\d+$/.test(argv[i + 1] ?? ''))
      Object.assign(o, { [numbers[a]]: Number(argv[++i]) });
    else {
      console.error(`sim: unknown or incomplete argument '${a}'.\n${USAGE}`);
      process.exit(2);
    }
  }
  return o;
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Starts the project's Docker engine when installed and not running; returns its DOCKER_HOST. */
function dockerUp(): string {
  if (!has('docker') || !has('dockerd')) {
    console.error(
      `sim: Docker is not installed. Install it with:\n  sudo ${INSTALL}\nor run the ARM-only mode (no containers): npm run sim -- --no-docker`,
    );
    process.exit(3);
  }
  try {
    return execFileSync(join(ROOT, 'scripts/docker-up.sh'), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop() as string;
  } catch {
    console.error('sim: the Docker engine could not be started (see above).');
    process.exit(3);
  }
}

/** The seed of the options: the file's and the flags', or undefined when neither is given (the default seed). */
function seedOfOptions(o: CliOptions): Seed | undefined {
  if (!o.seedFile && o.seedFlags.length === 0) return undefined;
  let file: { text: string; path: string } | undefined;
  if (o.seedFile) {
    try {
      file = { text: readFileSync(o.seedFile, 'utf8'), path: o.seedFile };
    } catch (e) {
      throw new SeedError(
        '--seed',
        o.seedFile,
        `a readable seed file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      );
    }
  }
  return seedOf({ file, flags: o.seedFlags });
}

/** What the banner says of the seed: one line per environment, and the identities. */
function seedLines(sim: Simulator, seed: Seed | undefined): string[] {
  const environments = seed ? seed.environments : DEFAULT_SEED_ENVIRONMENTS;
  const apps = sim.identity.applications;
  return [
    ...environments.map(
      (e, i) =>
        `  ${i ? '                  ' : 'Environment       '} ${e.resourceGroup}/${'name' in e ? e.name : e.environment} (${e.location}), default domain ${sim.domain}`,
    ),
    ...(environments.length ? [] : ['  Environment        - (none seeded)']),
    ...apps.map(
      (a, i) =>
        `  ${i ? '                  ' : 'App registrations '} ${a.clientId}${i ? (a.var ? ` (${a.var})` : '') : ' (AZURE_CLIENT_ID)'}: ${
          a.federatedCredentials.map((c) => c.subject ?? c.claimsMatchingExpression).join(', ') ||
          'no federated credential'
        }`,
    ),
  ];
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  let seed: Seed | undefined;
  try {
    seed = seedOfOptions(o);
  } catch (e) {
    if (!(e instanceof SeedError)) throw e;
    console.error(`sim: ${e.message}`);
    process.exit(2);
  }
  if (!existsSync('/usr/bin/docker-registry')) {
    console.error(
      `sim: the registry (Debian's docker-registry) is not installed. Install it with:\n  sudo ${INSTALL}`,
    );
    process.exit(3);
  }
  const dockerHost = o.docker ? dockerUp() : undefined;
  const sim = await startSimulator({
    stateDir: o.stateDir,
    armPort: o.armPort,
    ingressPort: o.ingressPort,
    registryPort: o.registryPort,
    storage: o.docker,
    storagePort: o.storagePort,
    identityPort: o.identityPort,
    docker: o.docker,
    ingress: o.docker,
    dockerHost,
    lroDelayMs: o.lroDelayMs,
    pullDelayMs: o.pullDelayMs,
    pullBandwidth: o.pullBandwidth,
    activationTimeoutMs: o.activationTimeoutMs,
    deprovisionMs: o.deprovisionMs,
    lroStyle: o.lroStyle,
    revisionSuffixes: o.revisionSuffixes,
    trace: o.trace,
    seed: seed ?? DEFAULT_SEED_ENVIRONMENTS,
    log: (m) => console.error(`sim: ${m}`),
  });
  const exports = Object.entries(sim.env)
    .map(([k, v]) => `export ${k}=${JSON.stringify(v)}`)
    .join('\n');
  const envFile = join(o.stateDir, 'env.sh');
  writeFileSync(envFile, `${exports}\n`, { mode: 0o600 });
  if (o.envFile) writeFileSync(o.envFile, envFileText(sim.vars, sim.env), { mode: 0o600 });
  console.log(
    [
      'Azure Container Apps simulator (alc-deploy)',
      `  ARM + Entra ID     ${sim.endpoints.arm}  (tenant ${sim.ids.tenantId}, subscription ${sim.ids.subscriptionId})`,
      `  GitHub OIDC        ${sim.endpoints.githubTokenUrl}`,
      `  Registry (ACR)     ${sim.endpoints.registry ?? '-'}`,
      `  Ingress            ${sim.endpoints.ingressPort ? `https://*.${sim.domain}:${sim.endpoints.ingressPort}` : '- (ARM-only mode)'}`,
      `  Admin (faults)     ${sim.endpoints.admin}/faults`,
      `  Broker (IB)        live ${sim.env.ALC_SIM_BROKER_LIVE}, paper ${sim.env.ALC_SIM_BROKER_PAPER} (containers: ib-gateway); logs ${sim.endpoints.admin}/broker/orders, /broker/sessions`,
      `  Storage (Azurite)  ${sim.endpoints.storage ?? '-'}  (container trading; leases at ${sim.endpoints.storage ? sim.tradingLeaseUrl('<app>') : '-'})`,
      `  Managed identity   ${sim.endpoints.managedIdentity ?? '- (ARM-only mode)'}  (IDENTITY_ENDPOINT of every container)`,
      ...(sim.docker
        ? [
            `  Containers         label alc-sim.instance=${sim.docker.instanceId}, network ${sim.docker.network}`,
          ]
        : []),
      ...seedLines(sim, seed),
      `  State              ${o.stateDir}`,
      ...(o.envFile ? [`  Env file           ${o.envFile} (a local workflow run's variables)`] : []),
      '',
      `# The environment a client needs (also in ${envFile}):`,
      exports,
      '',
      'Ctrl-C stops the simulator and removes its containers.',
    ].join('\n'),
  );
  // Ctrl-C reaches this process twice (from the terminal, and relayed by the npm/tsx wrappers): a repeat
  // within a moment is the same keystroke; a later one forces the exit.
  let stoppingSince = 0;
  const shutdown = (signal: string) => {
    if (stoppingSince) {
      if (Date.now() - stoppingSince < 1500) return;
      console.error(`sim: ${signal} again: exiting now`);
      process.exit(130);
    }
    stoppingSince = Date.now();
    console.error(`sim: ${signal}: stopping (containers, ingress, registry)...`);
    sim.stop().then(
      () => {
        console.error('sim: stopped');
        process.exit(0);
      },
      (e: unknown) => {
        console.error(`sim: stop failed: ${String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
