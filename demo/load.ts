// The load on the app URL, from the first deploy to the end of the demo: a few loops asking GET /version through
// the simulator's ingress with the project's HTTP client (src/smoke/http-client.ts: resolve entries, TLS checked for the app's
// name), counting every request by scenario (its phase) and by the version that answered, and every failure.
import { performance } from 'node:perf_hooks';
import { createHttpClient, type HttpClient } from '../src/smoke/http-client.js';
import { parseResolve } from '../src/core/inputs.js';
import { percentile } from '../src/smoke/stats.js';
import type { LoadSample } from './report-html.js';

export interface LoadFigures {
  requests: number;
  failed: number;
  byVersion: Record<string, number>;
  failures: Array<{ at: string; phase: string; error: string }>;
  phases: Array<{ phase: string; requests: number; failed: number; versions: string[] }>;
  p50Ms: number;
  p99Ms: number;
  /** Every request: when it ended and the version that answered (none: it failed), for the page's chart. */
  samples: LoadSample[];
}

export function emptyFigures(): LoadFigures {
  return { requests: 0, failed: 0, byVersion: {}, failures: [], phases: [], p50Ms: 0, p99Ms: 0, samples: [] };
}

/** Where the apps of the simulator answer: its resolve entry (`*.<domain>:443:127.0.0.1:<port>`) and CA. */
export interface Ingress {
  resolve: string;
  caPath: string;
}

/** An HTTPS client that reaches the apps of the simulator by their names. */
export function ingressClient(ingress: Ingress, maxSockets: number): HttpClient {
  return createHttpClient({
    resolve: parseResolve('resolve', ingress.resolve),
    caFile: ingress.caPath,
    env: {},
    maxSockets,
    timeoutMs: 10_000,
  });
}

/** GET /version of an app; the version it announces. */
export async function appVersion(client: HttpClient, host: string): Promise<string> {
  const res = await client.request({ url: `https://${host}/version` });
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${host}`);
  const body = res.body.toString('utf8');
  try {
    return String((JSON.parse(body) as { version?: unknown }).version);
  } catch {
    throw new Error(`not JSON from ${host}: ${body.slice(0, 80)}`);
  }
}

/** The version an app serves now, on a connection of its own, or `unreachable (why)`. */
export async function versionNow(ingress: Ingress, host: string): Promise<string> {
  const client = ingressClient(ingress, 1);
  try {
    return await appVersion(client, host);
  } catch (e) {
    return `unreachable (${String(e)})`;
  } finally {
    client.close();
  }
}

export class Load {
  /** The scenario under way: every request counts for it. */
  phase = 'start';
  private stopped = false;
  private loops: Promise<void>[] = [];
  private latencies: number[] = [];
  private figures = emptyFigures();
  private readonly client: HttpClient;

  constructor(
    ingress: Ingress,
    private readonly host: string,
  ) {
    this.client = ingressClient(ingress, 8);
  }

  start(concurrency = 4, pauseMs = 40): void {
    for (let i = 0; i < concurrency; i++) this.loops.push(this.loop(pauseMs));
  }

  async stop(): Promise<LoadFigures> {
    this.stopped = true;
    await Promise.all(this.loops);
    this.client.close();
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? Math.round(percentile(sorted, p)) : 0);
    return { ...this.figures, p50Ms: at(50), p99Ms: at(99) };
  }

  /** Failed requests so far, and those of one phase. */
  failuresOf(phase?: string): LoadFigures['failures'] {
    return this.figures.failures.filter((f) => phase === undefined || f.phase === phase);
  }

  /** Requests of one phase. */
  requestsOf(phase: string): number {
    return this.figures.phases.filter((p) => p.phase === phase).reduce((n, p) => n + p.requests, 0);
  }

  private phaseEntry() {
    let p = this.figures.phases.at(-1);
    if (!p || p.phase !== this.phase) {
      p = { phase: this.phase, requests: 0, failed: 0, versions: [] };
      this.figures.phases.push(p);
    }
    return p;
  }

  private async loop(pauseMs: number): Promise<void> {
    while (!this.stopped) {
      const t0 = performance.now();
      const phase = this.phaseEntry();
      try {
        const version = await appVersion(this.client, this.host);
        this.latencies.push(performance.now() - t0);
        this.figures.byVersion[version] = (this.figures.byVersion[version] ?? 0) + 1;
        if (!phase.versions.includes(version)) phase.versions.push(version);
        this.figures.samples.push({ at: Date.now(), version });
      } catch (e) {
        this.figures.samples.push({ at: Date.now() });
        this.figures.failed++;
        phase.failed++;
        this.figures.failures.push({ at: new Date().toISOString(), phase: this.phase, error: String(e) });
      }
      this.figures.requests++;
      phase.requests++;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}
