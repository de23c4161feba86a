// blue-green's trading lease steps (DESIGN "One trading revision", docs/trading-lease.md): the lease check of a
// candidate before any traffic moves, the designation written first (rollback, abort), the handover with its
// escalations (tcore's handOver), the fallbacks the one recovery path carries out, the trading status and the
// fleet check. Only with a managed `trading-lease`; without it nothing here runs.
import { writeTraffic } from '../revisions/traffic-write.js';
import { describeTraffic, type TrafficEntry } from '../revisions/traffic.js';
import { DesignationChangedError, handOver, HandoverError } from '../trading/handover.js';
import { fleetCheck } from '../trading/fleet.js';
import { readTradingStatus } from '../trading/status.js';
import type { Designation, Handover, LeaseView } from '../trading/types.js';
import { heldUndesignated, holdsUndesignated } from '../deploy/trading.js';
import { managedUrl } from '../core/trading-inputs.js';
import { productionRevision } from '../revisions/traffic.js';
import type { RunContext } from './context.js';

/** The candidate must not hold the lease while the designation names another revision: the promote stops. */
export async function leaseCheck(ctx: RunContext, revision: string): Promise<void> {
  const store = ctx.store!;
  const [designation, lease] = await Promise.all([store.readDesignation(), store.readLease()]);
  ctx.designation = designation;
  ctx.trading.designation = designation;
  ctx.trading.lease = lease;
  if (holdsUndesignated(revision, lease, designation))
    throw new Error(
      `${ctx.s.command} stopped before any traffic moved: ${heldUndesignated(revision, lease, designation)}`,
    );
  ctx.note(`trading: ${revision} does not hold the lease (${leaseText(lease)})`);
}

/**
 * Writes the designation (to, epoch + 1) over what it reads, If-Match its ETag (If-None-Match * when missing),
 * unless it names `to` already (a re-run goes on without a new epoch). Resolves to the designation in force.
 */
export async function designate(ctx: RunContext, to: string): Promise<Designation> {
  const store = ctx.store!;
  const now = await store.readDesignation();
  if (now && now.revision === to) {
    ctx.designation = now;
    ctx.trading.designation = now;
    ctx.note(`trading: the designation names ${to || "''"} already (epoch ${now.epoch})`);
    return now;
  }
  // The designation this run saw last must still be there: another writer's is never written over.
  const last = ctx.designation;
  if (last && (!now || now.revision !== last.revision || now.epoch !== last.epoch))
    throw new DesignationChangedError(last, now);
  const written = await store.writeDesignation({ revision: to, epoch: (now?.epoch ?? 0) + 1 }, now?.etag);
  ctx.designatedWrite = { revision: written.revision, epoch: written.epoch, at: ctx.now() };
  ctx.designatedFrom = now?.revision;
  ctx.designation = written;
  ctx.trading.designation = written;
  ctx.tradingMoved = true;
  ctx.note(
    `trading: designated ${to || "'' (nobody)"} (epoch ${written.epoch}) over ${now ? now.revision || "''" : 'no designation'}`,
  );
  return written;
}

/** Designates `to` (unless done) and waits until it trades, with the escalations; throws HandoverError. */
export async function handover(ctx: RunContext, to: string, from: string | undefined): Promise<Handover> {
  const store = ctx.store!;
  const known = ctx.designatedFrom ?? from;
  // This run designated `to` itself before (then moved the traffic): the release wait counts from that write.
  const wrote = ctx.designatedWrite;
  const designatedAt = wrote && wrote.revision === to ? wrote.at : undefined;
  const expected = ctx.designation;
  const result = await handOver(
    {
      store,
      restart: (revision, withinMs) => ctx.aca.restartRevision(ctx.s.app, revision, withinMs),
      now: ctx.now,
      sleep: ctx.sleep,
      note: (line) => ctx.note(`trading: ${line}`),
      ...(ctx.deps.pollMs !== undefined ? { pollMs: ctx.deps.pollMs } : {}),
    },
    {
      to,
      boundMs: ctx.handoverMs,
      graceSeconds: ctx.graceSeconds,
      ...(known ? { from: known } : {}),
      ...(designatedAt !== undefined ? { designatedAt } : {}),
      ...(expected ? { expected: { revision: expected.revision, epoch: expected.epoch } } : {}),
    },
  ).catch((error: unknown) => {
    // What the handover wrote and saw stays this run's knowledge (the fallbacks start from it; the outputs say it).
    if (error instanceof HandoverError || error instanceof DesignationChangedError) {
      if (error instanceof HandoverError) {
        ctx.designation = error.designation;
        ctx.trading.designation = error.designation;
      }
      if (error.handover) ctx.trading.handover = error.handover;
    }
    throw error;
  });
  ctx.designation = result.designation;
  ctx.trading.designation = result.designation;
  ctx.trading.handover = result.handover;
  ctx.trading.lease = await store.readLease().catch(() => ctx.trading.lease);
  ctx.tradingMoved = true;
  const gap = result.handover.gapMs !== undefined ? `, gap ${result.handover.gapMs} ms` : '';
  ctx.note(`trading: ${to || "''"} trades (epoch ${result.designation.epoch}${gap})`);
  return result.handover;
}

const messageOf = (e: unknown) => (e as Error).message;

/** What a failed handover saw, in words (a HandoverError says its bound, the release and the last lease). */
export function seenText(error: unknown): string {
  if (error instanceof HandoverError) return error.message;
  return messageOf(error);
}

/** The lease as one phrase: its state, holder, revision, epoch and holder state. */
export function leaseText(lease: LeaseView | undefined): string {
  if (!lease) return 'unknown';
  if (!lease.leased) return `not leased (${lease.leaseState})`;
  const code = lease.code !== undefined ? ` code ${lease.code}` : '';
  return (
    `leased by ${lease.holder ?? '?'} of ${lease.revision ?? '?'}, epoch ${lease.epoch ?? '?'}, ` +
    `${lease.state ?? 'no state'}${code}${lease.since ? ` since ${lease.since}` : ''}`
  );
}

/**
 * A promote's handover did not complete: designate `revision` (A) again, restore the traffic to where the
 * promote started, wait until A trades (the same bound, the same escalations), and fail saying what was seen.
 */
export async function tradingBack(
  ctx: RunContext,
  error: unknown,
  revision: string,
  traffic: TrafficEntry[],
  to = ctx.designation?.revision,
): Promise<Error> {
  const why = seenText(error);
  const steps: string[] = [];
  try {
    const d = await designate(ctx, revision);
    steps.push(`designated ${revision} again (epoch ${d.epoch})`);
    ctx.current = await writeTraffic(ctx.aca, ctx.named, traffic);
    steps.push(`restored the traffic [${describeTraffic(ctx.current)}]`);
    ctx.note(`restored traffic [${describeTraffic(ctx.current)}]`);
    await handover(ctx, revision, to);
    steps.push(`${revision} trades again`);
    return new Error(
      `${ctx.s.command}: the trading handover to ${to} did not complete: ${why}; ${steps.join(', ')}`,
      { cause: error },
    );
  } catch (fallbackError) {
    return new Error(
      `${ctx.s.command}: the trading handover to ${to} did not complete: ${why}; then ` +
        `${steps.length ? `${steps.join(', ')}, but ` : ''}going back to ${revision} failed too: ` +
        `${seenText(fallbackError)}. Check the lease and the designation (blue-green status) before anything else`,
      { cause: error },
    );
  }
}

/**
 * A rollback's (or an abort's, or a failed watch's) handover did not complete: designate nobody (''), keep the
 * traffic on the target, wait for the release, and fail loudly: nobody trades until a person decides.
 */
export async function tradingNobody(ctx: RunContext, error: unknown, before?: string): Promise<Error> {
  const why = seenText(error);
  const target = ctx.designation?.revision;
  let done: string;
  try {
    const d = await designate(ctx, '');
    done = `the designation is now '' (epoch ${d.epoch}): NOBODY TRADES`;
    try {
      await handover(ctx, '', target);
      done += '; the lease is released';
    } catch (releaseError) {
      done += `; the lease was not released either: ${seenText(releaseError)}`;
    }
  } catch (designateError) {
    done = `designating nobody FAILED too (${messageOf(designateError)}): the designation still names ${target}`;
  }
  return new Error(
    `${before ? `${before}; then ` : ''}` +
      `${ctx.s.command}: the trading handover to ${target} did not complete: ${why}; ${done}. ` +
      `The traffic stays on [${describeTraffic(ctx.current)}]. Nobody trades until a person decides: check the ` +
      `agents of ${target}, then run the ${ctx.s.command} again (it designates ${target} anew)`,
    { cause: error },
  );
}

/** The designation and the lease as they are (status, and every run's summary). */
export async function readStatus(ctx: RunContext): Promise<void> {
  const status = await readTradingStatus(ctx.store!);
  ctx.designation = status.designation;
  ctx.trading.designation = status.designation;
  ctx.trading.lease = status.lease;
}

/**
 * The fleet check: every active revision accounted for, production on the promoted digest, no other active
 * revision trading live unfenced; a deviation fails the run with what was found.
 */
export async function checkFleet(ctx: RunContext): Promise<void> {
  const { s, aca } = ctx;
  const revisions = await aca.listRevisions(s.app);
  const traffic = ctx.current;
  const production =
    ctx.designation?.revision || productionRevision(traffic, ctx.latest?.latestRevisionName) || '';
  const image = revisions.find((r) => r.name === production)?.template?.containers?.[0]?.image;
  const promotedImage =
    s.command === 'status'
      ? undefined
      : (ctx.revisions.find((r) => r.name === production)?.template?.containers?.[0]?.image ?? image);
  const keptLabels = [...new Set(traffic.map((e) => e.label).filter((l): l is string => !!l))];
  const leaseUrl = managedUrl(s.trading.lease);
  const found = fleetCheck({
    revisions,
    traffic,
    production,
    ...(promotedImage ? { promotedImage } : {}),
    keptLabels,
    ...(leaseUrl ? { leaseUrl } : {}),
  });
  ctx.trading.fleet = found;
  if (found.length)
    throw new Error(`${s.command}: the fleet check found ${found.length} deviation(s): ${found.join('; ')}`);
  ctx.note(`fleet check: ${revisions.length} revision(s), every active one accounted for`);
}
