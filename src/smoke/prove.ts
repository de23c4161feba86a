// The readiness proof deploy-app and blue-green give the revision lifecycle (src/revisions/lifecycle.ts): smoke's
// HTTP readiness (waitReady) on the revision URL, until 2xx or the deadline.
import type { Prove } from '../revisions/lifecycle.js';
import { describeReady } from './ready.js';
import { waitReady } from './run.js';

/** The readiness proof over the smoke-test core: polls the URL until 2xx or the deadline. */
export function proveServing(log: (line: string) => void = () => undefined): Prove {
  return async (req) => {
    const r = await waitReady(
      {
        url: req.url,
        resolve: req.resolve,
        caFile: req.caFile,
        deadlineMs: req.deadlineMs,
        timeoutMs: 10_000,
      },
      { log },
    );
    if (!r.ready) throw new Error(`${req.url.href} is ${describeReady(r)}`);
    return `${req.url.href} ${describeReady(r)}`;
  };
}
