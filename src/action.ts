// The shell every action entry runs in: one `::error::` line and exit code 1 on any failure.
import * as core from '@actions/core';
import { InputError, type InputSource, withEnvironmentFallbacks } from './inputs.js';

/** Inputs as the runner passes them to this step; an empty Azure connection input reads its environment variable. */
export const actionInputs: InputSource = withEnvironmentFallbacks((name) => core.getInput(name));

/** Text of an error for the `::error::` line: the message, and the Azure error code when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof InputError) {
    const variable = actionInputs.origin?.(error.input);
    return variable
      ? `${error.message} (the input is empty: the value is the environment variable ${variable})`
      : error.message;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const status = (error as { statusCode?: unknown }).statusCode;
    const tags = [
      typeof code === 'string' ? code : undefined,
      typeof status === 'number' ? `HTTP ${status}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    return tags ? `${error.message} (${tags})` : error.message;
  }
  return String(error);
}

/** Runs an action's body; any error fails the step with exactly one `::error::` line. */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    core.setFailed(describeError(error));
  }
}

/**
 * Appends Markdown to the job summary. A runner that offers no summary file (GITHUB_STEP_SUMMARY unset, e.g. the
 * entry run by hand) gets none, and the step does not fail for it: the summary reports work, it is not the work.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown).write();
}

/** Awaits `work`; when it fails, the job summary says so under `title` before the error fails the step. */
export async function withFailureSummary<T>(title: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    await writeSummary(`## ${title}\n\n${describeError(error)}\n`);
    throw error;
  }
}
