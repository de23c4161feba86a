// The pure decisions of the ACA client: which ARM refusal is another operation in progress.
import { describe, expect, it } from '@jest/globals';
import { isBusy } from '../../../src/azure/aca.js';

describe('isBusy', () => {
  it.each([
    [{ statusCode: 409, code: 'ContainerAppOperationInProgress' }, true],
    [{ statusCode: 409, code: 'Conflict' }, true],
    [{ statusCode: 409 }, true],
    [{ statusCode: 409, code: 'ContainerAppDuplicateLabel' }, false],
    [{ statusCode: 400, code: 'ContainerAppOperationInProgress' }, false],
    [new Error('x'), false],
  ])('%j: %s', (error, expected) => {
    expect(isBusy(error)).toBe(expected);
  });
});
