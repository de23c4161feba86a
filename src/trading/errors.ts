// The trading store's errors, apart from its SDK so that a run that only catches them never loads @azure/storage-blob.

/** A conditional designation write lost a race: another writer changed (or created) the blob since it was read. */
export class DesignationConflictError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly expected: string | undefined,
  ) {
    super(
      expected === undefined
        ? `The trading designation ${url} was created by another writer meanwhile (HTTP ${status}); nothing was written`
        : `The trading designation ${url} changed since it was read (ETag ${expected}, HTTP ${status}); nothing was written`,
    );
    this.name = 'DesignationConflictError';
  }
}
