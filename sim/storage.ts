// Azure Storage of the simulator: Azurite's blob service (npm azurite) as a child process, over HTTPS with a
// certificate from the simulator's CA, OAuth in Azurite's basic mode (it checks a bearer token's issuer, audience and
// lifetime, not its signature: the simulator's Entra issues Storage's v1 tokens that pass), its data in the state
// directory. The account is Azurite's `devstoreaccount1`, path style: https://<host>:<port>/devstoreaccount1.
// Azurite listens on 127.0.0.1 only; the public endpoint is the simulator's proxy (storage-proxy.ts), where the fault
// rules of service 'storage' apply.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FaultInjector } from './arm/faults.js';
import { httpsRequest } from './http.js';
import { startStorageProxy, type StorageProxy } from './storage-proxy.js';
import type { CertFiles } from './tls.js';

export const STORAGE_ACCOUNT = 'devstoreaccount1';
/** Where Azurite itself listens (only the proxy reaches it). */
const AZURITE_HOST = '127.0.0.1';
/** The container of the trading leases (one prefix per app). */
export const TRADING_CONTAINER = 'trading';
/** The x-ms-version the simulator's own requests send. */
const API_VERSION = '2025-01-05';

export interface StorageOptions {
  /** Azurite's workspace (its data and metadata). */
  dataDir: string;
  /** The address of the public endpoint (the proxy): the Docker network's gateway IP, or 127.0.0.1. */
  host: string;
  /** The public endpoint's port; 0 (default): a free port. Azurite itself takes a free port on 127.0.0.1. */
  port?: number;
  /** The fault rules the proxy applies (service 'storage'); default: its own, empty. */
  faults?: FaultInjector;
  cert: CertFiles;
  /** The CA that signed `cert` (the simulator's own requests trust it). */
  ca: string;
  /** A bearer token Azurite accepts (the simulator's Entra token for https://storage.azure.com). */
  token: () => string;
  /** Containers to create (default: `trading`). */
  containers?: string[];
  log?: (message: string) => void;
  /** How long Azurite may take to listen (default 30 s). */
  startTimeoutMs?: number;
}

export interface StorageHandle {
  /** The blob service URL, path style: `https://<host>:<port>/devstoreaccount1` (the proxy). */
  url: string;
  host: string;
  port: number;
  account: string;
  /** Azurite's process id. */
  pid: number;
  /** Azurite itself, behind the proxy: 127.0.0.1, its port, its service URL (no faults there). */
  azurite: { host: string; port: number; url: string };
  /** The public endpoint: its counters. */
  proxy: StorageProxy;
  /** Ends the proxy and Azurite (SIGTERM to its pid, SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** Azurite's command line for the blob service. Pure. */
export function azuriteArgs(o: {
  host: string;
  port: number;
  dataDir: string;
  certPath: string;
  keyPath: string;
}): string[] {
  return [
    ...['--blobHost', o.host, '--blobPort', String(o.port), '--location', o.dataDir],
    ...['--cert', o.certPath, '--key', o.keyPath, '--oauth', 'basic'],
    ...['--skipApiVersionCheck', '--disableTelemetry', '--silent'],
  ];
}

/** The port in Azurite's `... successfully listens on https://host:port` line, if this is that line. Pure. */
export function listeningPort(line: string): number | undefined {
  const m = /successfully listens on https?:\/\/\[?[^\]\s]*\]?:(\d+)/.exec(line);
  return m ? Number(m[1]) : undefined;
}

/**
 * Node code run with `-e`: it exits when the simulator's process (its parent) is gone, so that a simulator killed
 * without its stop() leaves no Azurite behind, then runs Azurite's blob main with the arguments after `--`.
 */
const WATCHED_MAIN = [
  'const parent = process.ppid;',
  'setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(0); } }, 1000).unref();',
  'const main = process.env.ALC_SIM_AZURITE_MAIN;',
  'process.argv.splice(1, 0, main);',
  'require(main);',
].join('\n');

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Azurite's blob service and creates the containers; rejects with Azurite's own words when it cannot. */
export async function startStorage(o: StorageOptions): Promise<StorageHandle> {
  mkdirSync(o.dataDir, { recursive: true });
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
  const args = azuriteArgs({
    host: AZURITE_HOST,
    port: 0,
    dataDir: o.dataDir,
    certPath: o.cert.certPath,
    keyPath: o.cert.keyPath,
  });
  const child = spawn(process.execPath, ['-e', WATCHED_MAIN, '--', ...args], {
    env: { ...process.env, ALC_SIM_AZURITE_MAIN: main, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  const output: string[] = [];
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Azurite did not listen within ${o.startTimeoutMs ?? 90_000} ms`)),
        o.startTimeoutMs ?? 90_000,
      );
      const onLine = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          output.push(line);
          const p = listeningPort(line);
          if (p !== undefined) {
            clearTimeout(timer);
            resolve(p);
          }
        }
      };
      child.stdout?.on('data', onLine);
      child.stderr?.on('data', onLine);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited (${signal ?? `code ${code}`}): ${output.slice(-5).join(' | ')}`));
      });
    });
  } catch (e) {
    process.removeListener('exit', onExit);
    await stopChild(child);
    throw new Error(
      `the simulator's storage (Azurite) did not start: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  // Azurite's output after the start (a crash's reason) goes to the log.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.on('data', (d: Buffer) => o.log?.(`azurite: ${d.toString('utf8').trim()}`));
  child.stderr?.on('data', (d: Buffer) => o.log?.(`azurite: ${d.toString('utf8').trim()}`));
  const azuriteUrl = `https://${AZURITE_HOST}:${port}/${STORAGE_ACCOUNT}`;
  const stopAzurite = async () => {
    process.removeListener('exit', onExit);
    await stopChild(child);
  };
  let proxy: StorageProxy;
  try {
    proxy = await startStorageProxy({
      host: o.host,
      port: o.port ?? 0,
      tls: o.cert,
      upstream: { host: AZURITE_HOST, port },
      ca: o.ca,
      faults: o.faults ?? new FaultInjector(),
      log: o.log,
    });
  } catch (e) {
    await stopAzurite();
    throw new Error(
      `the simulator's storage endpoint could not listen on ${o.host}:${o.port ?? 0}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  const url = `https://${o.host}:${proxy.port}/${STORAGE_ACCOUNT}`;
  const handle: StorageHandle = {
    url,
    host: o.host,
    port: proxy.port,
    account: STORAGE_ACCOUNT,
    pid: child.pid as number,
    azurite: { host: AZURITE_HOST, port, url: azuriteUrl },
    proxy,
    async stop() {
      await proxy.stop();
      await stopAzurite();
    },
  };
  try {
    for (const name of o.containers ?? [TRADING_CONTAINER])
      await createContainer(azuriteUrl, name, o.ca, o.token());
  } catch (e) {
    await handle.stop();
    throw e;
  }
  o.log?.(`storage ${url} (proxy; Azurite ${azuriteUrl}, pid ${handle.pid})`);
  return handle;
}

/** Creates a blob container unless it exists (201 or 409 ContainerAlreadyExists). */
async function createContainer(serviceUrl: string, name: string, ca: string, token: string): Promise<void> {
  const res = await httpsRequest(`${serviceUrl}/${name}?restype=container`, {
    ca,
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'x-ms-version': API_VERSION,
      'x-ms-date': new Date().toUTCString(),
      'content-length': 0,
    },
  });
  if (res.status !== 201 && !(res.status === 409 && /ContainerAlreadyExists/.test(res.body))) {
    throw new Error(`the storage container ${name} could not be created: HTTP ${res.status} ${res.body}`);
  }
}
