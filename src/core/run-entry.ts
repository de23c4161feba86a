// The shell every action entry runs in (runEntry): settings -> run -> outputs -> summary, the summary on failure
// too, and one `::error::` line and exit code 1 on any failure.
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

/**
 * Appends Markdown to the job summary. A runner that offers no summary file (GITHUB_STEP_SUMMARY unset, e.g. the
 * entry run by hand) gets none, and the step does not fail for it: the summary reports work, it is not the work.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown).write();
}

/** The job summary's section for a failed run: the title, then the error as the `::error::` line gives it. */
export function failureSection(title: string, error: unknown): string {
  return `## ${title}\n\n${describeError(error)}\n`;
}

/** What a feature's run on the runner logs to: @actions/core in a step. */
export interface RunnerLog {
  info(line: string): void;
  /** Step debug logging (shown with ACTIONS_STEP_DEBUG): the name of each step as it starts. */
  debug(line: string): void;
  /** Hides a secret (e.g. a registry token) in the job log. */
  setSecret(secret: string): void;
}

/** A run reported elsewhere (GitHub): started before the run, then succeeded or failed. */
export interface RunReport<R> {
  started?(): Promise<void>;
  succeeded(result: R): Promise<void>;
  failed(why: string): Promise<void>;
}

/** One action entry: settings -> run -> outputs -> summary; on failure the failure's summary (and outputs). */
export interface Entry<S, R> {
  /** Reads and checks every input; an error here fails the step before anything runs (no summary). */
  settings: () => S;
  /** Reporting of the run, once the settings are valid (undefined: none). */
  report?: (settings: S) => RunReport<R> | undefined;
  run: (settings: S) => Promise<R>;
  outputs: (result: R, settings: S) => Record<string, string>;
  summary: (result: R, settings: S) => string;
  /** Why a run that returned still fails the step, after its outputs and summary (undefined: it passed). */
  verdict?: (result: R, settings: S) => string | undefined;
  /** The step's last log line when it succeeds. */
  done?: (result: R, settings: S) => string;
  failureSummary: (error: unknown, settings: S) => string;
  /** What a failed run still outputs (e.g. what it measured). */
  failureOutputs?: (error: unknown, settings: S) => Record<string, string>;
}

/** What an entry does to the runner: @actions/core in a step, a recorder in a test. */
export interface EntryRunner {
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  info(line: string): void;
  summary(markdown: string): Promise<void>;
}

export const actionsRunner: EntryRunner = {
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  info: (line) => core.info(line),
  summary: writeSummary,
};

/** The shell every entry runs in: any error fails the step with exactly one `::error::` line. */
export async function runEntry<S, R>(entry: Entry<S, R>, runner: EntryRunner = actionsRunner): Promise<void> {
  const output = (values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) runner.setOutput(name, value);
  };
  try {
    const settings = entry.settings();
    const report = entry.report?.(settings);
    await report?.started?.();
    let result: R;
    try {
      result = await entry.run(settings);
    } catch (error) {
      await runner.summary(entry.failureSummary(error, settings));
      await report?.failed(describeError(error));
      output(entry.failureOutputs?.(error, settings) ?? {});
      throw error;
    }
    await report?.succeeded(result);
    output(entry.outputs(result, settings));
    await runner.summary(entry.summary(result, settings));
    const failed = entry.verdict?.(result, settings);
    if (failed) throw new Error(failed);
    if (entry.done) runner.info(entry.done(result, settings));
  } catch (error) {
    runner.setFailed(describeError(error));
  }
}
