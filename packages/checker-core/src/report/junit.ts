import type { Finding } from '../facts/finding.js';
import type { Report } from './report.js';

/**
 * JUnit XML as GitLab and Jenkins read it: one <testsuite> per file, one <testcase> per rule.
 * A failing error-severity rule is a <failure>; a file that cannot be read is an <error>;
 * skipped rules are <skipped>; warnings pass, with their message in <system-out>.
 */
export function formatJunit(report: Report): string {
  const suites = report.files.map((file) => {
    const name = attr(file.path);
    if (file.error) {
      const testcase = `    <testcase name="${attr(`${file.path}: read`)}" classname="${name}">\n      <error message="${attr(file.error.message)}" type="${attr(file.error.code)}">${text(`${file.path}: ${file.error.message}`)}</error>\n    </testcase>`;
      return `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n${testcase}\n  </testsuite>`;
    }
    const byRule = new Map<string, Finding[]>();
    for (const finding of file.findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
    let failures = 0;
    let skipped = 0;
    const cases = [...byRule].map(([rule, findings]) => {
      const head = `    <testcase name="${attr(rule)}" classname="${name}">`;
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
    return `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="courseware-check" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function describe(finding: Finding): string {
  const measured = typeof finding.measured === 'object' && finding.measured !== null ? JSON.stringify(finding.measured) : String(finding.measured);
  return `[${finding.status}] ${finding.message} (measured: ${measured}; expected: ${finding.expected})`;
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
