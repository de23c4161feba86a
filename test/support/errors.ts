// What a call throws, for tests that look into the error: the error itself when it is of the expected
// class; any other error is rethrown, and no error at all fails the test.
import { InputError } from '../../src/core/inputs.js';

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The error `fn` throws, which must be a `type`. */
export function errorOf<E extends Error>(type: ErrorClass<E>, fn: () => unknown): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected ${type.name} to be thrown`);
}

/** The error `promise` rejects with, which must be a `type`. */
export async function rejectionOf<E extends Error>(
  type: ErrorClass<E>,
  promise: Promise<unknown>,
): Promise<E> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a rejection with ${type.name}`);
}

/** The InputError `fn` throws. */
export const inputErrorOf = (fn: () => unknown): InputError => errorOf(InputError, fn);
