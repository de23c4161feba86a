// smoke-test as a runner runs it: the core (runSmoke, which builds its own HTTP clients from the settings: no
// Azure client, no credential), then the report file; the verdict and the lines a run ends with.
import { constants as fsConstants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../core/inputs.js';
import { isInside, realPathOf } from '../core/workspace.js';
import { failureSection } from '../core/run-entry.js';
import { reportOutside, smokeFailed } from './messages.js';
import { runSmoke } from './run.js';
import type { SmokeSettings } from './settings.js';
import type { SmokeReport } from './summary.js';

/** Runs the smoke test and writes its report file. */
export async function smokeOnRunner(s: SmokeSettings, log: (line: string) => void): Promise<SmokeReport> {
  const report = await runSmoke(s, { log });
  await writeReport(s.reportPath, report, s.reportRoot);
  return report;
}

/** The run's failure when a check or threshold failed (the run itself did not throw). */
export function smokeVerdict(r: SmokeReport): string | undefined {
  return r.passed ? undefined : smokeFailed(r.url, r.failures);
}

export function smokeDone(r: SmokeReport, s: SmokeSettings): string {
  return `Smoke test of ${r.url} passed; report: ${s.reportPath}`;
}

export function smokeFailureSummary(error: unknown): string {
  return failureSection('smoke-test: ❌ failed', error);
}

/**
 * Writes the report as JSON (creating its folder) inside `root` (the workspace, or RUNNER_TEMP for the
 * default report), never through a symlink: the folder's real path must stay inside `root` and the file
 * itself is opened with O_NOFOLLOW.
 */
export async function writeReport(path: string, report: SmokeReport, root?: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  if (root !== undefined && !isInside(realPathOf(root), realPathOf(dir)))
    throw new InputError('report', path, reportOutside(root));
  const handle = await open(
    path,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | fsConstants.O_NOFOLLOW,
    0o644,
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP')
      throw new InputError('report', path, 'allowed: a report file that is not a symlink');
    throw error;
  });
  try {
    await handle.writeFile(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await handle.close();
  }
}
