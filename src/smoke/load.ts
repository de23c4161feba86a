// The load phase: open-loop requests at a fixed rate (each request leaves at most SEND_SLACK_MS before its
// scheduled time, and after it only by the event loop's own delay, whether or not earlier ones have
// answered), over at most `concurrency` connections: kept connections of the client it is given (the smoke
// run's: the lean client in ./wire.ts).
import { performance } from 'node:perf_hooks';
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from './http-client.js';
import { histogram, summarize, type Bucket, type LatencySummary } from './stats.js';

export interface LoadOptions {
  durationMs: number;
  /** Requests per second. */
  rate: number;
  /** Connections (requests beyond wait for a free connection, inside their deadline). */
  concurrency: number;
}

/** One request of the load: what to send and how to judge its answer (problems; empty = passed). */
export interface LoadTarget {
  name: string;
  request: HttpRequest;
  judge(res: HttpResponse): string[];
}

export interface LoadSample {
  target: string;
  /** Milliseconds after the start at which the request was due. */
  dueMs: number;
  /** How late it actually left, ms. */
  lagMs: number;
  /** Undefined for requests that got no answer at all (refused, reset, TLS). */
  latencyMs?: number;
  status?: number;
  /** The first problem, or the error kind; undefined when passed. */
  problem?: string;
}

export interface LoadResult {
  asked: LoadOptions;
  sent: number;
  answered: number;
  errors: number;
  errorRate: number;
  /** Requests sent per second over the sending window. */
  achievedRate: number;
  /** Largest delay between a request's due time and its departure, ms. */
  maxLagMs: number;
  elapsedMs: number;
  latency: LatencySummary;
  histogram: Bucket[];
  /** Count of each distinct problem (status, error kind...). */
  problems: Record<string, number>;
}

/** How many requests a phase sends: rate x duration, at least one. */
export function plannedRequests(o: Pick<LoadOptions, 'rate' | 'durationMs'>): number {
  return Math.max(1, Math.round((o.rate * o.durationMs) / 1000));
}

/** The due time (ms after start) of request i. */
export function dueTime(i: number, rate: number): number {
  return (i * 1000) / rate;
}

/** Short name of a problem for counting: `HTTP 503`, `timeout`, `reset`... */
export function problemKey(problem: string): string {
  const status = /^status (\d+)/.exec(problem);
  return status ? `HTTP ${status[1]}` : problem.replace(/\s*:.*$/, '').slice(0, 60);
}

/** Builds the result from the samples. Pure. */
export function summarizeLoad(
  asked: LoadOptions,
  samples: readonly LoadSample[],
  elapsedMs: number,
): LoadResult {
  const errors = samples.filter((s) => s.problem !== undefined);
  const problems: Record<string, number> = {};
  for (const s of errors) problems[problemKey(s.problem!)] = (problems[problemKey(s.problem!)] ?? 0) + 1;
  const latencies = samples.map((s) => s.latencyMs).filter((l): l is number => l !== undefined);
  const lastDue = samples.reduce((m, s) => Math.max(m, s.dueMs + s.lagMs), 0);
  const window = lastDue + 1000 / asked.rate;
  return {
    asked,
    sent: samples.length,
    answered: samples.filter((s) => s.status !== undefined).length,
    errors: errors.length,
    errorRate: samples.length ? errors.length / samples.length : NaN,
    achievedRate: samples.length ? Math.round((samples.length / (window / 1000)) * 100) / 100 : 0,
    maxLagMs: Math.round(samples.reduce((m, s) => Math.max(m, s.lagMs), 0) * 100) / 100,
    elapsedMs: Math.round(elapsedMs),
    latency: summarize(latencies),
    histogram: histogram(latencies),
    problems,
  };
}

/** The sample of an answered request. */
function answered(target: LoadTarget, dueMs: number, lagMs: number, res: HttpResponse): LoadSample {
  return {
    target: target.name,
    dueMs,
    lagMs,
    latencyMs: res.latencyMs,
    status: res.status,
    problem: target.judge(res)[0],
  };
}

/** The sample of a request that got no HTTP answer. */
function failed(target: LoadTarget, dueMs: number, lagMs: number, e: unknown): LoadSample {
  const err = e instanceof HttpError ? e : new HttpError('protocol', String(e));
  // A timeout is a latency the user waited through; a refused or reset connection has none.
  const latencyMs = err.kind === 'timeout' ? err.latencyMs : undefined;
  return {
    target: target.name,
    dueMs,
    lagMs,
    latencyMs,
    problem: err.code ? `${err.kind} (${err.code})` : err.kind,
  };
}

/**
 * How early a request may leave, ms. Every wake-up (an answer arriving, or the timer) sends all requests due
 * within this window, and the timer is set for the due time of the first request left unsent and never moved,
 * so that most requests leave on a wake-up an answer caused or share one with a neighbour instead of needing
 * their own (each wake-up of an idle process costs more CPU than the request; a timer moved later still wakes
 * the process at its first time, for nothing).
 */
export const SEND_SLACK_MS = 5;

/** A target whose URL is parsed once for the whole phase rather than once per request. */
function parsedOnce(target: LoadTarget): LoadTarget {
  const { url } = target.request;
  return typeof url === 'string' ? { ...target, request: { ...target.request, url: new URL(url) } } : target;
}

/**
 * Sends plannedRequests() requests, request i due at i/rate seconds, cycling through the targets; onSample
 * sees each. The smoke run gives it a wire client (./wire.ts) with `concurrency` kept connections.
 */
export function runLoad(
  client: HttpClient,
  targets: readonly LoadTarget[],
  asked: LoadOptions,
  onSample: (sample: LoadSample) => void = () => undefined,
): Promise<LoadResult> {
  const total = plannedRequests(asked);
  const ready = targets.map(parsedOnce);
  const samples = new Array<LoadSample>(total);
  return new Promise<LoadResult>((resolve, reject) => {
    const start = performance.now();
    let next = 0;
    let done = 0;
    let timer: NodeJS.Timeout | undefined;
    const record = (i: number, sample: LoadSample) => {
      samples[i] = sample;
      done += 1;
      try {
        onSample(sample);
        if (done === total) resolve(summarizeLoad(asked, samples, performance.now() - start));
        else send();
      } catch (e) {
        clearTimeout(timer);
        reject(e);
      }
    };
    const fire = (i: number, now: number) => {
      const target = ready[i % ready.length];
      const due = dueTime(i, asked.rate);
      const lag = now - due;
      client.request(target.request).then(
        (res) => record(i, answered(target, due, lag, res)),
        (e: unknown) => record(i, failed(target, due, lag, e)),
      );
    };
    /**
     * Sends every request due by now + SEND_SLACK_MS; the timer covers the first one left, if none is set
     * yet.
     */
    const send = () => {
      const now = performance.now() - start;
      for (; next < total && dueTime(next, asked.rate) <= now + SEND_SLACK_MS; next += 1) fire(next, now);
      if (next < total && timer === undefined)
        timer = setTimeout(tick, dueTime(next, asked.rate) - now + SEND_SLACK_MS);
    };
    const tick = () => {
      timer = undefined;
      send();
    };
    send();
  });
}
