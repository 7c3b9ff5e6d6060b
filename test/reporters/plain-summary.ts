/**
 * Ends a run with one plain line, "N passed, N failed" (", N skipped" when any), for CI logs that are
 * read by machines. A test file that fails before its tests run (a failing beforeAll) counts as failed.
 */
interface Task {
  type: string;
  result?: { state?: string };
  tasks?: Task[];
}

export default class PlainSummaryReporter {
  onFinished(files: Task[] = [], errors: unknown[] = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const walk = (task: Task): void => {
      if (task.type === 'test') {
        const state = task.result?.state;
        if (state === 'pass') passed++;
        else if (state === 'fail') failed++;
        else skipped++;
      }
      task.tasks?.forEach(walk);
    };
    for (const file of files) {
      const before = failed;
      walk(file);
      if (file.result?.state === 'fail' && failed === before) failed++;
    }
    failed += errors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
