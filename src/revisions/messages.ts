// The long messages of the revision rules and operations, built from their values (out of the control flow).
// Imports nothing: traffic lists come described (describeTraffic), so every module here may use it.

/** A traffic write whose read-back differs from what was written. */
export function readBackMessage(app: string, back: string, written: string): string {
  return `Traffic of ${app} read back as [${back}] after writing [${written}]`;
}

/** updateTraffic gave up: the list changed under this run at each of `changes` attempts. */
export function contendedMessage(app: string, changes: number, last: string): string {
  return (
    `The traffic of ${app} kept changing while this run wrote its change (${changes} attempts, ` +
    `another run or a manual change each time): ${last}`
  );
}

/** No blue or green label at 100: a split the slots cannot be read from. */
export function noProductionSlotMessage(traffic: string): string {
  return (
    `No blue or green label carries 100% [${traffic}]: a stepped promotion is unfinished or traffic was ` +
    `split by hand; finish it (promote with the candidate label) or roll back with an explicit label`
  );
}

/** A first blue-green deploy into an app whose weight rides on revisions without a slot label. */
export function notUnderBlueGreenMessage(carriers: string): string {
  return (
    `Traffic is not under blue-green: [${carriers}] carries weight without a blue or green label; ` +
    `label the production revision 'blue' first`
  );
}

export function deployIntoProductionMessage(target: string, revision: string, candidate: string): string {
  return (
    `Label '${target}' carries production (100% on ${revision}); ` +
    `deploy into the candidate slot '${candidate}'`
  );
}

export function alreadyProductionMessage(revision: string, label: string): string {
  return (
    `${revision} is already production (label '${label}'); ` +
    `production and candidate cannot be the same revision`
  );
}

export function noSecondSlotMessage(candidate: string, production: string, traffic: string): string {
  return (
    `Moving traffic needs both labels '${candidate}' and '${production}' [${traffic}]: ` +
    `there is no second revision to move traffic between`
  );
}

export function sameRevisionMessage(candidate: string, production: string, revision: string): string {
  return (
    `Labels '${candidate}' and '${production}' point at the same revision ${revision}; ` +
    `there is nothing to move`
  );
}

export function weightOutsideSlotsMessage(outside: string): string {
  return `Weight outside the blue and green labels [${outside}]; the blue-green model cannot move it`;
}

/** planRollback onto a slot newer than production (newerThanProduction). */
export function newerThanProductionMessage(label: string, revision: string | undefined): string {
  return (
    `Slot '${label}' (${revision}) is newer than production: it is an unpromoted candidate or was already ` +
    `rolled back from; use abort, or name the slot explicitly`
  );
}

/** A container at the restart limit during the wait (after `Revision <name> `). */
export function crashLoopingMessage(
  kind: string,
  container: string,
  restarts: number,
  limit: number,
): string {
  return (
    `is crash-looping: ${kind} ${container} restarted ${restarts} times while this run waited ` +
    `(the limit is ${limit})`
  );
}

/** Trouble that outlasted the probes' grace window (after `Revision <name> `). */
export function pastGraceMessage(what: string, graceMs: number): string {
  return (
    `stayed ${what} past its grace window of ${Math.round(graceMs / 1000)} s ` +
    `(from its probes: initialDelaySeconds + periodSeconds x failureThreshold)`
  );
}
