// The one recovery path of a blue-green run: what failed decides (recoveryOf in plan.ts, pure) whether the
// run stops, keeps the traffic, retires what it prepared, reports a failed housekeeping or restores the
// traffic; this module carries that out and resolves to the error the run fails with.
import type { Aca } from '../azure/aca.js';
import { liveTrafficText, writeTraffic } from '../revisions/traffic-write.js';
import { describeTraffic, productionRevision, type TrafficEntry } from '../revisions/traffic.js';
import { AnalysisFailedError, TrafficChangedError, type RunContext } from './context.js';
import {
  housekeepingFailed,
  restoreFailed,
  retiredAgain,
  trafficRestored,
  watchRolledBack,
} from './messages.js';
import { recoveryOf, trafficSetCommand } from './plan.js';
import type { BlueGreenSettings } from './settings.js';
import { designate, handover, tradingBack, tradingNobody } from './trading.js';
import { DesignationChangedError } from '../trading/handover.js';
import { DesignationConflictError } from '../trading/errors.js';

/** Another writer changed the designation under this run: it touches nothing more. */
const designationChanged = (error: unknown) =>
  error instanceof DesignationChangedError || error instanceof DesignationConflictError;

/** The one recovery path of a run: what failed decides stop, keep, retire, housekeeping or restore. */
export async function recoverRun(ctx: RunContext, error: unknown): Promise<unknown> {
  const { s, aca, note } = ctx;
  const recovery = recoveryOf({
    plan: ctx.plan!,
    moved: ctx.moved,
    failing: ctx.failing,
    changed: error instanceof TrafficChangedError || designationChanged(error),
    watchFailed: error instanceof AnalysisFailedError && error.watch,
    finished: ctx.finished,
    handedOver: ctx.tradingMoved,
  });
  switch (recovery.kind) {
    case 'stop':
    case 'keep':
      return error;
    case 'retire':
      return retirePrepared(aca, s.app, ctx.prepared, error, note);
    case 'housekeeping':
      // A deactivation after the traffic reached its target failed (the old production after a finished
      // promotion, a torn-down preview's revisions): the traffic stays as written (every gate passed).
      // Writing the earlier list back could send traffic to a revision whose deactivation half happened.
      return new Error(housekeepingFailed(s.command, ctx.current, recovery.revisions, messageOf(error)), {
        cause: error,
      });
    case 'trading-back': {
      const to = ctx.failing?.kind === 'handover' ? ctx.failing.to : undefined;
      return tradingBack(ctx, error, recovery.revision, recovery.to, to);
    }
    case 'trading-nobody':
      return tradingNobody(ctx, error);
    case 'restore': {
      const why = messageOf(error);
      const restore = recovery.to;
      // Trading moved with this run: the restore's revision is designated first, the traffic follows at once,
      // then the handover is waited for (failing that, nobody trades).
      if (recovery.trading) {
        try {
          await designate(ctx, recovery.trading);
        } catch (designateError) {
          return new Error(
            `${s.command} failed: ${why}; designating ${recovery.trading} to trade again failed too: ` +
              `${messageOf(designateError)}; the traffic was not restored [${describeTraffic(ctx.current)}]`,
            { cause: error },
          );
        }
      }
      try {
        const back = await writeTraffic(aca, ctx.named, restore);
        note(`${recovery.watch ? 'rolled back' : 'restored'} traffic [${describeTraffic(back)}]`);
      } catch (restoreError) {
        return failedRestore(s, aca, restore, why, restoreError);
      }
      const message = recovery.watch
        ? watchRolledBack(s.command, productionRevision(restore, ctx.named.latestRevisionName), restore, why)
        : trafficRestored(s.command, restore, why);
      if (recovery.trading) {
        ctx.current = restore;
        try {
          await handover(ctx, recovery.trading, undefined);
        } catch (handoverError) {
          if (designationChanged(handoverError))
            return new Error(`${message}; then ${messageOf(handoverError)}`, { cause: error });
          return tradingNobody(ctx, handoverError, message);
        }
      }
      return new Error(message, { cause: error });
    }
  }
}

const messageOf = (error: unknown) => (error as Error).message;

/** The restore itself failed: the error says what the app serves now and how to put the earlier list back. */
async function failedRestore(
  s: BlueGreenSettings,
  aca: Aca,
  before: readonly TrafficEntry[],
  why: string,
  restoreError: unknown,
): Promise<Error> {
  const now = await liveTrafficText(aca, s.app);
  const byHand = trafficSetCommand(s.app, s.resourceGroup, before);
  return new Error(restoreFailed(s.command, why, before, messageOf(restoreError), now, byHand), {
    cause: restoreError,
  });
}

/** A failure before any traffic moved: what this run activated or created is deactivated again. */
async function retirePrepared(
  aca: Aca,
  app: string,
  prepared: readonly string[],
  error: unknown,
  note: (line: string) => void,
): Promise<unknown> {
  const retired: string[] = [];
  for (const r of prepared) {
    try {
      await aca.deactivate(app, r);
      retired.push(r);
    } catch (e) {
      note(`could not deactivate ${r}: ${messageOf(e)}`);
    }
  }
  if (retired.length === 0) return error;
  note(`deactivated ${retired.join(', ')} again`);
  return new Error(retiredAgain(messageOf(error), retired), { cause: error });
}
