import { findingLevel, type FileResult, type Finding, type FindingStatus } from '../facts/finding.js';
import type { Report } from './report.js';

/**
 * JUnit XML as GitLab and Jenkins read it (the shape of Jenkins' junit-10.xsd): one <testsuite> per
 * file (and, with `--project`, per project), one <testcase> per rule. A failing error-severity rule is a <failure>; a file that cannot be
 * read is an <error>; skipped rules are <skipped>; warnings pass, with lines that say "warning" in
 * <system-out>.
 *
 * Times: a <testsuite> has the file's `time` (seconds its check took) and `timestamp` (when it
 * started). A <testcase> (a rule) has `time="0.000"`: evaluating a rule takes microseconds, and the
 * cost of a check is the shared decode that every rule reads, which is not one rule's to claim.
 */
export function formatJunit(report: Report): string {
  const suites = report.files.map((file) => {
    const name = attr(file.path);
    if (file.error) {
      // The one case of a file that cannot be read took the file's whole time.
      const testcase = `    <testcase name="${attr(`${file.path}: read`)}" classname="${name}" time="${seconds(file.elapsedS ?? 0)}">\n      <error message="${attr(file.error.message)}" type="${attr(file.error.code)}">${text(`${file.path}: ${file.error.message}`)}</error>\n    </testcase>`;
      return `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0"${timing(file)}>\n${testcase}\n  </testsuite>`;
    }
    const { cases, failures, skipped } = ruleCases(file.findings, name);
    return `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"${timing(file)}>\n${cases.join('\n')}\n  </testsuite>`;
  });
  // `--project`: a suite per project, after the files', its project rules as cases.
  for (const project of report.projects ?? []) {
    const name = attr(`project ${project.path}`);
    const { cases, failures, skipped } = ruleCases(project.findings, name);
    suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const totals = report.files.reduce(
    (sum, file) => {
      const rulesOf = new Set(file.findings.map((f) => f.rule));
      sum.tests += file.error ? 1 : rulesOf.size;
      sum.errors += file.error ? 1 : 0;
      sum.failures += new Set(file.findings.filter((f) => f.status === 'fail' && f.severity === 'error').map((f) => f.rule)).size;
      return sum;
    },
    { tests: 0, failures: 0, errors: 0 },
  );
  for (const project of report.projects ?? []) {
    totals.tests += new Set(project.findings.map((f) => f.rule)).size;
    totals.failures += new Set(project.findings.filter((f) => f.status === 'fail' && f.severity === 'error').map((f) => f.rule)).size;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="courseware-check" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** One <testcase> per rule (its findings together): failures, skips, or a pass with its lines in <system-out>. */
function ruleCases(all: readonly Finding[], classname: string): { cases: string[]; failures: number; skipped: number } {
  const byRule = new Map<string, Finding[]>();
  for (const finding of all) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  let failures = 0;
  let skipped = 0;
  const cases = [...byRule].map(([rule, findings]) => {
    const head = `    <testcase name="${attr(rule)}" classname="${classname}" time="0.000">`;
    const failing = findings.filter((f) => f.status === 'fail' && f.severity === 'error');
    const lines = findings.map(describe).join('\n');
    if (failing.length > 0) {
      failures++;
      return `${head}\n      <failure message="${attr(failing[0]!.message)}" type="${attr(rule)}">${text(lines)}</failure>\n    </testcase>`;
    }
    if (findings.every((f) => f.status === 'skip')) {
      skipped++;
      return `${head}\n      <skipped message="${attr(findings[0]!.message)}"/>\n    </testcase>`;
    }
    return `${head}\n      <system-out>${text(lines)}</system-out>\n    </testcase>`;
  });
  return { cases, failures, skipped };
}

/** What each line of a case's text starts with: a warning says so in words, for CI logs and people. */
const LEVEL_WORDS: Record<FindingStatus, string> = { fail: 'failure', warn: 'warning', pass: 'pass', skip: 'skipped' };

function describe(finding: Finding): string {
  const measured = typeof finding.measured === 'object' && finding.measured !== null ? JSON.stringify(finding.measured) : String(finding.measured);
  return `${LEVEL_WORDS[findingLevel(finding)]}: ${finding.message} (measured: ${measured}; expected: ${finding.expected})`;
}

/** ` time="…" timestamp="…"` of a file's suite, when the engine measured it. */
function timing(file: FileResult): string {
  const time = file.elapsedS === undefined ? '' : ` time="${seconds(file.elapsedS)}"`;
  const started = file.startedAt === undefined ? null : new Date(file.startedAt);
  return started && !Number.isNaN(started.getTime()) ? `${time} timestamp="${timestamp(started)}"` : time;
}

function seconds(value: number): string {
  return Math.max(0, value).toFixed(3);
}

/**
 * As Ant's XMLJUnitResultFormatter writes it, which junit-10.xsd and the stricter JUnit.xsd both
 * accept: local time to the second, no zone (`2026-11-30T14:05:09`).
 */
function timestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** XML 1.0 forbids most control characters even when escaped. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

function attr(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
