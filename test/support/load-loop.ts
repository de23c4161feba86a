// A load loop for fault tests: a few workers request URLs through the simulator's ingress, back to back,
// until stopped, and keep every request that failed (no answer, or a status of 400 or more) with the revision
// that answered. No jest import here.
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpClient } from '../../src/smoke/http-client.js';
import { REVISION_HEADER } from '../../sim/ingress.js';

export interface LoadFailure {
  url: string;
  /** The status, or the error of a request that got no answer. */
  what: string;
  revision?: string;
  at: number;
}

export interface LoadLoop {
  /** Stops the workers; resolves with the requests sent and those that failed. */
  stop(): Promise<{ sent: number; failures: LoadFailure[] }>;
}

export function startLoad(
  http: HttpClient,
  urls: readonly string[],
  o: { workers?: number; pauseMs?: number } = {},
): LoadLoop {
  let running = true;
  let sent = 0;
  const failures: LoadFailure[] = [];
  const worker = async (w: number) => {
    for (let i = w; running; i++) {
      const url = urls[i % urls.length];
      sent++;
      try {
        const res = await http.request({ url, timeoutMs: 10_000 });
        if (res.status >= 400)
          failures.push({
            url,
            what: `${res.status} ${res.body.toString('utf8').trim().slice(0, 120)}`,
            revision: res.headers[REVISION_HEADER] as string | undefined,
            at: Date.now(),
          });
      } catch (e) {
        failures.push({ url, what: (e as Error).message, at: Date.now() });
      }
      await sleep(o.pauseMs ?? 2);
    }
  };
  const done = urls.length ? Promise.all(Array.from({ length: o.workers ?? 2 }, (_, w) => worker(w))) : [];
  return {
    async stop() {
      running = false;
      await done;
      return { sent, failures };
    },
  };
}
