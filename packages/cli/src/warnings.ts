import { findingLevel, type Finding, type Report } from '@courseware-check/checker-core';

/**
 * Warnings as `--max-warnings` counts them: in each file, each rule's verdict (its first finding; the
 * findings after it with the same id are details, such as one per subtitle cue) when it is a warning,
 * i.e. a warning-severity rule not met, in each file and each project (`--project`). Files that fail or could not be checked count their own
 * warnings too; skipped rules and passes count nothing.
 */
export function countWarnings(report: Report): number {
  let count = 0;
  // A project's warnings (`--project`) count like a file's.
  for (const file of [...report.files, ...(report.projects ?? [])]) {
    const verdicts = new Map<string, Finding>();
    for (const finding of file.findings) if (!verdicts.has(finding.rule)) verdicts.set(finding.rule, finding);
    for (const finding of verdicts.values()) if (findingLevel(finding) === 'warn') count++;
  }
  return count;
}
