// The trading store's errors, apart from its SDK so that a run that only catches them never loads @azure/storage-blob.

import type { Designation } from './types.js';

const named = (d: Designation) => `${d.revision || "nobody ('')"} (epoch ${d.epoch})`;

/**
 * A conditional designation write lost a race: another writer changed (or created) the blob since it was read.
 * `found` is what the blob names after the lost write (read again), when that read succeeded. The run stops as for
 * a designation changed under it: nothing more is written, restarted or restored.
 */
export class DesignationConflictError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly expected: string | undefined,
    /** The other writer's designation, read after the lost write. */
    readonly found?: Designation,
    options?: ErrorOptions,
  ) {
    const other = found ? `: it now designates ${named(found)}` : '';
    super(
      (expected === undefined
        ? `The trading designation ${url} was created by another writer meanwhile (HTTP ${status})${other}; nothing was written`
        : `The trading designation ${url} changed since it was read (ETag ${expected}, HTTP ${status})${other}; nothing was written`) +
        '. This run touches nothing more (no restart, no designation write, no traffic restore): find who else ' +
        'deploys or rolls back this app, then check the designation and the lease (blue-green status)',
      options,
    );
    this.name = 'DesignationConflictError';
  }
}
