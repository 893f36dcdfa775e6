/**
 * What each runner's JSON report under test-results/ says, as the counts scripts/test-all.ts sums: passed,
 * failed, skipped and notes that name what a bare number would hide (a file failing outside any test, a flaky
 * Playwright test, an error outside any test).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}

export const zero = (...notes: string[]): Counts => ({ passed: 0, failed: 0, skipped: 0, notes });
export const crashed = (note: string): Counts => ({ passed: 0, failed: 1, skipped: 0, notes: [note] });

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Folds the exit code into the counts: a non-zero exit must show up as at least one failure. */
export function settle(counts: Counts | undefined, exitCode: number, runner: string): Counts {
  if (!counts) {
    if (exitCode === 0) return zero(`${runner} wrote no report`);
    return crashed(`${runner} exited with code ${exitCode} without a report: counted as 1 failure`);
  }
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.notes.push(
      `${runner} exited with code ${exitCode} but no test failed: counted as 1 failure (see its output)`,
    );
  }
  return counts;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ status: string }>;
  }>;
}

export function vitestCounts(file: string, root: string): Counts | undefined {
  const report = readJson(file) as VitestJson | undefined;
  if (!report || typeof report.numPassedTests !== 'number') return undefined;
  const counts: Counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    notes: [],
  };
  // A file that fails to import, or whose beforeAll/afterAll throws, fails without a failed test.
  for (const file of report.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
      counts.failed += 1;
      counts.notes.push(`${path.relative(root, file.name)} failed outside any test: counted as 1 failure`);
    }
  }
  return counts;
}

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: Array<{ title: string; file: string; line: number; tests?: Array<{ status?: string }> }>;
}

interface PlaywrightJson extends PlaywrightSuite {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: Array<{ message?: string }>;
}

/** `file:line title` of every spec with a test in `status`, so the summary names what wavered, not only how many. */
function specsWithStatus(suite: PlaywrightSuite, status: string): string[] {
  const own = (suite.specs ?? [])
    .filter((spec) => spec.tests?.some((t) => t.status === status))
    .map((spec) => `${spec.file}:${spec.line} ${spec.title}`);
  return own.concat((suite.suites ?? []).flatMap((child) => specsWithStatus(child, status)));
}

export function playwrightCounts(file: string): Counts | undefined {
  const report = readJson(file) as PlaywrightJson | undefined;
  if (!report?.stats) return undefined;
  const { expected, unexpected, flaky, skipped } = report.stats;
  // Flaky = failed first, passed on retry (CI only): it passed.
  const counts: Counts = { passed: expected + flaky, failed: unexpected, skipped, notes: [] };
  if (flaky > 0) {
    counts.notes.push(`${flaky} flaky test(s) passed on retry:`);
    for (const name of specsWithStatus(report, 'flaky')) counts.notes.push(`  ${name}`);
  }
  // Global errors: web server failed to start, globalSetup threw, a spec file failed to load.
  for (const error of report.errors ?? []) {
    counts.failed += 1;
    counts.notes.push(`error outside any test: ${(error.message ?? '').split('\n')[0]}`);
  }
  return counts;
}
