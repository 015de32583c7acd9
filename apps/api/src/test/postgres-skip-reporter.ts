// On PostgreSQL (DATABASE_URL set) every API test runs: the tests that need a server skip on
// PGlite only. A test that skips anyway, because its condition reads the wrong thing, would turn
// the PostgreSQL pass green without running it; this reporter fails the run instead. Tests left
// out by a name filter (`-t`) are not counted, nor files not asked for (they are not collected).
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export class PostgresSkipReporter implements Reporter {
  private namePattern: RegExp | undefined;

  onInit(vitest: Vitest): void {
    this.namePattern = vitest.config.testNamePattern;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (!process.env.DATABASE_URL) return;
    const skipped: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        if (test.result().state !== 'skipped') continue;
        if (this.namePattern && !this.namePattern.test(test.fullName)) continue;
        skipped.push(`  ${testModule.relativeModuleId} > ${test.fullName}`);
      }
    }
    if (skipped.length === 0) return;
    process.stderr.write(
      `\nDATABASE_URL is set, yet ${skipped.length} test(s) skipped: every API test must run on ` +
        `PostgreSQL (see CONTRIBUTING.md, Tests).\n${skipped.join('\n')}\n\n`,
    );
    process.exitCode = 1;
  }
}
