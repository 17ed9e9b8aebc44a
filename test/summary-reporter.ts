/**
 * The closing line of `npm test`: `N passed, N failed` (and `, N skipped` when any), printed after
 * vitest's own report so that it is the very last line, for CI logs and scripts that read only that.
 *
 * Failures are counted where vitest found them, not only in tests: a file that fails to load, or a
 * beforeAll/afterAll that throws, counts as one failed (its tests may never have run), and so does each
 * error thrown outside any test. A run that vitest calls failed or interrupted never ends with
 * "0 failed"; tests still pending when it stopped count as failed, since they did not pass.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
}

export function summarize(
  modules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): RunSummary {
  const summary: RunSummary = { passed: 0, failed: 0, skipped: 0 };
  for (const module of modules) {
    const failedBefore = summary.failed;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed++;
      else if (state === 'skipped') summary.skipped++;
      else summary.failed++;
    }
    for (const holder of [module, ...module.children.allSuites()]) {
      if (holder.errors().length > 0) summary.failed++;
    }
    if (module.state() === 'failed' && summary.failed === failedBefore) summary.failed++;
  }
  summary.failed += unhandledErrors.length;
  if (reason !== 'passed' && summary.failed === 0) summary.failed = 1;
  return summary;
}

export function summaryLine({ passed, failed, skipped }: RunSummary): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    process.stdout.write(`${summaryLine(summarize(modules, unhandledErrors, reason))}\n`);
  }
}
