// The smoke-test core: wait-ready, the checks, expect-version, the load phase and the verdict. smoke-test's
// entry, blue-green's promote gates and deploy-app's readiness proof import it. Its HTTP clients are built
// here, per run, from the run's settings (resolve, CA, sockets): they are connections, not credentials or
// Azure clients.
import { performance } from 'node:perf_hooks';
import {
  configurationHint,
  createHttpClient,
  HttpError,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from './http-client.js';
import { type ResolveEntry } from '../core/inputs.js';
import { urlOnOrigin } from '../core/request-path.js';
import { systemClock } from '../core/retry.js';
import {
  defaultCheck,
  describeStatus,
  judge,
  statusMatches,
  type Check,
  type ObservedResponse,
} from './checks.js';
import { runLoad, type LoadTarget } from './load.js';
import { createWireClient } from './wire.js';
import {
  describeReady,
  pollUntilReady,
  type PollDeps,
  type ProbeOutcome,
  type ReadyResult,
} from './ready.js';
import { buildReport, redact, type CheckResult, type SmokeReport, type VersionResult } from './summary.js';
import { checkLine, loadLine } from './messages.js';
import type { CheckSettings } from './settings.js';
import { describeSource, readVersion, sameVersion } from './version.js';

/** What one run of the core needs: the checks and how to send them, and the URL they run against. */
type SmokeRun = CheckSettings & { url: URL };

export interface SmokeDeps {
  log?: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const USER_AGENT = 'alc-deploy-smoke-test';

function pollDeps(deps: SmokeDeps): PollDeps {
  return {
    log: deps.log ?? (() => undefined),
    now: deps.now ?? (() => performance.now()),
    sleep: deps.sleep ?? systemClock.sleep,
  };
}

function requestOf(base: URL, check: Check, headers: Record<string, string>, timeoutMs: number): HttpRequest {
  return {
    url: urlOnOrigin(check.path, base),
    method: check.method,
    headers: { 'user-agent': USER_AGENT, ...headers, ...check.headers },
    body: check.body,
    timeoutMs,
  };
}

function observe(res: HttpResponse): ObservedResponse {
  return {
    status: res.status,
    headers: res.headers,
    body: res.body.toString('utf8'),
    latencyMs: res.latencyMs,
  };
}

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s).replace(/\s+/g, ' ');

export interface ReadyOptions {
  url: URL;
  /** The request that must succeed (its status expectation); default GET url expecting 2xx. */
  check?: Check;
  headers?: Record<string, string>;
  resolve?: readonly ResolveEntry[];
  caFile?: string;
  /** Deadline of one request. */
  timeoutMs?: number;
  /** How long to keep trying; at least one attempt is made. */
  deadlineMs: number;
  /** Reuse a client (its resolve and CA settings apply instead of the ones above). */
  client?: HttpClient;
  /** How long a configuration error (DNS, refused, certificate) may persist; default CONFIG_GRACE_MS. */
  configGraceMs?: number;
}

/** Polls until the first answer with the expected status, or the deadline. Never throws for HTTP trouble. */
export async function waitReady(o: ReadyOptions, deps: SmokeDeps = {}): Promise<ReadyResult> {
  const client = o.client ?? createHttpClient({ resolve: o.resolve, caFile: o.caFile, maxSockets: 2 });
  const check = o.check ?? defaultCheck(`${o.url.pathname}${o.url.search}`);
  const timeoutMs = o.timeoutMs ?? 10_000;
  const probe = async (remainingMs: number): Promise<ProbeOutcome> => {
    try {
      const res = await client.request(
        requestOf(o.url, check, o.headers ?? {}, Math.min(timeoutMs, remainingMs)),
      );
      const ok = statusMatches(check.status, res.status);
      const body = res.body.toString('utf8');
      return {
        ok,
        seen: `HTTP ${res.status}`,
        detail: `HTTP ${res.status}${body ? `: ${short(body)}` : ''}`,
      };
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError('protocol', String(e));
      const configuration = configurationHint(err);
      return {
        ok: false,
        seen: err.code ? `${err.kind} (${err.code})` : err.kind,
        detail: err.message,
        ...(configuration ? { configuration } : {}),
      };
    }
  };
  try {
    const result = await pollUntilReady(probe, o.deadlineMs, pollDeps(deps), undefined, o.configGraceMs);
    (deps.log ?? (() => undefined))(
      `wait-ready: ${describeReady(result)} (expecting ${describeStatus(check.status)})`,
    );
    return result;
  } finally {
    if (!o.client) client.close();
  }
}

async function runCheck(client: HttpClient, s: SmokeRun, check: Check): Promise<CheckResult> {
  const base = { name: check.name, method: check.method, url: `${s.url.origin}${check.path}` };
  try {
    const req = requestOf(s.url, check, s.headers, s.timeoutMs);
    base.url = String(req.url);
    const res = await client.request(req);
    const problems = judge(check, observe(res));
    return {
      ...base,
      status: res.status,
      latencyMs: Math.round(res.latencyMs * 100) / 100,
      passed: problems.length === 0,
      problems,
    };
  } catch (e) {
    return { ...base, passed: false, problems: [e instanceof Error ? e.message : String(e)] };
  }
}

async function checkVersion(client: HttpClient, s: SmokeRun, expected: string): Promise<VersionResult> {
  const probe = { ...defaultCheck(s.versionPath), status: [] };
  const base = { expected, source: describeSource(s.versionSource), url: `${s.url.origin}${s.versionPath}` };
  try {
    const req = requestOf(s.url, probe, s.headers, s.timeoutMs);
    base.url = String(req.url);
    const res = await client.request(req);
    const actual = readVersion(s.versionSource, observe(res));
    const passed = res.status >= 200 && res.status < 300 && sameVersion(expected, actual);
    const got = actual === undefined ? `no version in the ${base.source}` : `'${actual}'`;
    const problem = passed
      ? undefined
      : `expected '${expected}', got ${got} from ${base.url} (HTTP ${res.status})`;
    return { ...base, actual, passed, problem };
  } catch (e) {
    return { ...base, passed: false, problem: `${base.url}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function loadTargets(s: SmokeRun): LoadTarget[] {
  return s.checks.map((check) => ({
    name: check.name,
    request: requestOf(s.url, check, s.headers, s.timeoutMs),
    judge: (res) => judge(check, observe(res), { latency: false }),
  }));
}

/**
 * Runs the whole smoke test and returns its report (it does not throw for failed checks: see report.passed).
 */
export async function runSmoke(s: SmokeRun, deps: SmokeDeps = {}): Promise<SmokeReport> {
  const log = (line: string) => deps.log?.(redact(line, s.secrets));
  return redact(await smoke(s, { ...deps, log }), s.secrets);
}

/**
 * The first check that reads without changing anything (GET/HEAD), or a GET of the URL: wait-ready never
 * posts.
 */
export function readinessCheck(s: Pick<SmokeRun, 'checks' | 'url'>): Check {
  return (
    s.checks.find((c) => c.method === 'GET' || c.method === 'HEAD') ??
    defaultCheck(`${s.url.pathname}${s.url.search}`)
  );
}

async function smoke(s: SmokeRun, deps: SmokeDeps & { log: (line: string) => void }): Promise<SmokeReport> {
  const { log } = deps;
  const startedAt = new Date().toISOString();
  const client = createHttpClient({
    resolve: s.resolve,
    caFile: s.caFile,
    timeoutMs: s.timeoutMs,
    maxSockets: 4,
  });
  try {
    const ready =
      s.waitReadyMs > 0
        ? await waitReady(
            {
              url: s.url,
              check: s.checks[0],
              headers: s.headers,
              timeoutMs: s.timeoutMs,
              deadlineMs: s.waitReadyMs,
              client,
            },
            deps,
          )
        : undefined;
    const finish = (parts: Partial<Parameters<typeof buildReport>[0]>) =>
      buildReport({
        url: s.url.href,
        startedAt,
        finishedAt: new Date().toISOString(),
        thresholds: s.thresholds,
        checks: [],
        ...parts,
      });
    if (ready && !ready.ready)
      return finish({ ready, loadSkipped: s.load ? 'the app never became ready' : undefined });

    const checks: CheckResult[] = [];
    for (const check of s.checks) {
      const r = await runCheck(client, s, check);
      log(checkLine(r.name, r.passed ? 'passed' : r.problems.join('; '), r.status, r.latencyMs));
      checks.push(r);
    }
    const version = s.expectVersion ? await checkVersion(client, s, s.expectVersion) : undefined;
    if (version) log(`expect-version: ${version.passed ? `running ${version.actual}` : version.problem}`);
    if (!s.load) return finish({ ready, checks, version });
    if (checks.some((c) => !c.passed) || (version && !version.passed)) {
      return finish({ ready, checks, version, loadSkipped: 'a check failed' });
    }

    log(
      `load: ${s.load.rate} req/s for ${s.load.durationMs / 1000} s over ${s.load.concurrency} connections`,
    );
    const loadClient = createWireClient({
      resolve: s.resolve,
      caFile: s.caFile,
      timeoutMs: s.timeoutMs,
      maxSockets: s.load.concurrency,
    });
    try {
      const load = await runLoad(loadClient, loadTargets(s), s.load);
      log(loadLine(load.sent, load.achievedRate, load.errors, load.latency));
      return finish({ ready, checks, version, load });
    } finally {
      loadClient.close();
    }
  } finally {
    client.close();
  }
}
