// The traffic write: one PATCH carrying the whole list, read back (writeTraffic), and the lost-update protocol
// over it (updateTraffic), on the client's patchTraffic. Its loops are retry's (src/core/retry.ts): re-planning
// while ARM reports another operation on the app (bounded by busyWaitMs over the whole update) inside re-planning
// while another writer changes the list (bounded by `attempts`, randomised pauses).
import type { ContainerApp } from '@azure/arm-appcontainers';
import { isBusy, type Aca } from '../azure/aca.js';
import { retry, systemClock, type Clock } from '../core/retry.js';
import { contendedMessage, readBackMessage } from './messages.js';
import {
  assertValidTraffic,
  describeTraffic,
  normalizeTraffic,
  sameTraffic,
  trafficOf,
  type Traffic,
  type TrafficEntry,
} from './traffic.js';

/** Traffic read back after a write differs from what was written. */
export class TrafficReadBackError extends Error {
  override name = 'TrafficReadBackError';
}

/** Another writer kept changing the traffic list: this run's change could not be made without undoing theirs. */
export class TrafficContendedError extends Error {
  override name = 'TrafficContendedError';
}

/**
 * One PATCH carrying the whole traffic list (labels live only there); the app the operation ends with must
 * carry the same list (the read-back). Returns the traffic read back. Without retryBusy a 409 (another operation
 * in progress) is thrown: the caller re-plans on the list that operation leaves.
 */
export async function writeTraffic(
  aca: Pick<Aca, 'patchTraffic' | 'log'>,
  app: ContainerApp & { name: string },
  traffic: Traffic,
  { retryBusy = true }: { retryBusy?: boolean } = {},
): Promise<TrafficEntry[]> {
  assertValidTraffic(traffic);
  aca.log(`PATCH ${app.name} traffic [${describeTraffic(traffic)}]`);
  const read = await aca.patchTraffic(app, normalizeTraffic(traffic), { retryBusy });
  const back = read ? trafficOf(read) : [];
  if (!sameTraffic(back, traffic))
    throw new TrafficReadBackError(
      readBackMessage(app.name, describeTraffic(back), describeTraffic(traffic)),
    );
  return back;
}

/** `[blue=app--v1@100, ...]` as the app routes now, for an error after a failed write; never throws. */
export function liveTrafficText(aca: Pick<Aca, 'getApp'>, app: string): Promise<string> {
  return aca.getApp(app).then(
    (a) => (a ? `[${describeTraffic(trafficOf(a))}]` : 'unknown (the app could not be read)'),
    (e: unknown) => `unknown (reading the app failed: ${(e as Error).message})`,
  );
}

export interface TrafficUpdateOptions {
  /** Attempts when the list changed under this run (read back differs, or changed right after). Default 8. */
  attempts?: number;
  /** How long to keep re-planning while ARM reports another operation on the app in progress. Default 5 min. */
  busyWaitMs?: number;
  /**
   * Base of the randomised pause between attempts, and the settle between the end of this run's write and the final
   * check. Default 500.
   */
  delayMs?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface TrafficUpdate {
  /** The list the plan was last made from. */
  before: TrafficEntry[];
  /** The list in force when the update returned (this run's change in it). */
  after: TrafficEntry[];
  /** Whether this run wrote (false: the list already carried the change). */
  written: boolean;
  attempts: number;
}

/**
 * Lost-update protection for a traffic write. ACA has no ETag/If-Match on container apps (the REST spec and
 * @azure/arm-appcontainers carry neither an etag nor an ifMatch parameter), so this is read-compare-write: read
 * the list, plan this run's change on it (`plan` must be idempotent and touch only this run's entries), write
 * the whole list, read it back, and read it again after a short settle; whenever the list is not what was
 * planned (another run wrote in between) or ARM reports another operation in progress, re-read and re-plan on
 * the fresh list. A body planned from an older list is never re-sent. Bounded: `attempts` changes, `busyWaitMs`.
 */
export async function updateTraffic(
  aca: Pick<Aca, 'getApp' | 'patchTraffic' | 'log'>,
  appName: string,
  plan: (live: TrafficEntry[], app: ContainerApp) => TrafficEntry[],
  o: TrafficUpdateOptions = {},
): Promise<TrafficUpdate> {
  const attempts = o.attempts ?? 8;
  const settleMs = o.delayMs ?? 500;
  const log = o.log ?? (() => undefined);
  const clock: Clock = { now: o.now ?? systemClock.now, sleep: o.sleep ?? systemClock.sleep };
  const busyUntil = clock.now() + (o.busyWaitMs ?? 5 * 60_000);
  const read = async () => {
    const app = await aca.getApp(appName);
    if (!app) throw new Error(`Container app '${appName}' was not found`);
    return app;
  };
  let reads = 0;
  let written = false;
  /** One read, plan, write and settled check; TrafficReadBackError when the list changed under this run. */
  const once = async (): Promise<TrafficUpdate> => {
    reads += 1;
    const app = await read();
    const before = trafficOf(app);
    const planned = plan(before, app);
    if (sameTraffic(planned, before)) return { before, after: before, written, attempts: reads };
    await writeTraffic(aca, { ...app, name: appName }, planned, { retryBusy: false });
    written = true;
    // While this write's operation runs, another run's write is refused with 409 and that run re-plans. A run
    // that read the list during the operation (GET answers the list from before it) may land its write just after
    // it ends: look again a settle after the end, not after the send, so that write is seen however long the
    // operation took.
    await clock.sleep(settleMs);
    const again = await read();
    const now = trafficOf(again);
    if (sameTraffic(plan(now, again), now)) return { before, after: now, written, attempts: reads };
    throw new TrafficReadBackError(
      `Traffic of ${appName} changed right after this run wrote it: [${describeTraffic(now)}]`,
    );
  };
  // ARM busy: re-plan after its operation, until busyUntil (one deadline over the whole update).
  const unbusy = () =>
    retry(
      once,
      { delay: { firstMs: settleMs }, deadlineMs: busyUntil - clock.now(), retryOn: isBusy },
      clock,
      () => log(`traffic of ${appName}: another operation on the app is in progress; re-planning after it`),
    );
  let changes = 0;
  try {
    return await retry(
      ({ attempt }) => {
        changes = attempt;
        return unbusy();
      },
      {
        attempts,
        delay: { firstMs: settleMs, jitter: 1 },
        retryOn: (e) => e instanceof TrafficReadBackError,
      },
      clock,
      (e) =>
        log(`traffic of ${appName} changed under this run (${e.message}); re-planning on the fresh list`),
    );
  } catch (error) {
    if (!(error instanceof TrafficReadBackError)) throw error;
    throw new TrafficContendedError(contendedMessage(appName, changes, error.message), { cause: error });
  }
}
