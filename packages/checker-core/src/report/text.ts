import { findingRank, type FileResult, type Finding, type Locale, type ProjectResult } from '../facts/finding.js';
import { formatClock } from '../facts/units.js';
import { describeFacts } from '../facts/describe-facts.js';
import { printable } from '../facts/printable.js';
import { fileErrorMessage, findingExpected, findingMessage, skippedReason } from '../messages/localize.js';
import type { Report } from './report.js';

export interface TextOptions {
  /** ANSI colours, for a terminal. */
  color?: boolean;
  /** List passing rules one per line instead of one summary line. */
  verbose?: boolean;
}

/** The report's own words, per locale (the findings' messages come from the catalogues). */
const TEXT = {
  en: {
    label: { pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR' },
    skipLabel: 'SKIP',
    error: '  ✗ error  ',
    warning: '  ! warning',
    pass: '  ✓ pass   ',
    colon: ': ',
    expected: (text: string) => `expected ${text}`,
    passed: (n: number, ids: string) => `${n} passed: ${ids}`,
    skipped: (n: number, reason: string, ids: string) => `${n} skipped (${reason}): ${ids}`,
    more: (n: number) => ` (+${n})`,
    interrupted: 'Interrupted: the files above finished; the rest were not checked.',
    summary: (s: Report['summary']) => [`${s.pass} passed`, `${s.warn} with warnings`, `${s.fail} failed`, `${s.error} could not be checked`],
    files: (n: number, parts: string) => `${n} file(s): ${parts}`,
    join: ', ',
    profile: (name: string, quick: boolean) => ` — profile ${name}${quick ? ', quick' : ''}`,
    project: (path: string, lessons: number, total: string) => `project ${path}: ${lessons} lesson(s), ${total} in all`,
  },
  zh: {
    label: { pass: '通过', warn: '警告', fail: '不通过', error: '无法检查' },
    skipLabel: '跳过',
    error: '  ✗ 不通过 ',
    warning: '  ! 警告   ',
    pass: '  ✓ 通过   ',
    colon: '：',
    expected: (text: string) => `要求：${text}`,
    passed: (n: number, ids: string) => `${n} 项通过：${ids}`,
    skipped: (n: number, reason: string, ids: string) => `${n} 项跳过（${reason}）：${ids}`,
    more: (n: number) => `（另 ${n} 处）`,
    interrupted: '已中断：上面的文件已检查完，其余的没有检查。',
    summary: (s: Report['summary']) => [`${s.pass} 个通过`, `${s.warn} 个有警告`, `${s.fail} 个不通过`, `${s.error} 个无法检查`],
    files: (n: number, parts: string) => `共 ${n} 个文件：${parts}`,
    join: '，',
    profile: (name: string, quick: boolean) => ` — 规范 ${name}${quick ? '，快速模式' : ''}`,
    project: (path: string, lessons: number, total: string) => `项目 ${path}：${lessons} 个课程，共 ${total}`,
  },
} satisfies Record<Locale, unknown>;

type Words = (typeof TEXT)['en'];

/** What a person reads in a terminal, in the report's locale: per file, failures first, then a summary line. */
export function formatText(report: Report, options: TextOptions = {}): string {
  const locale = report.options.locale ?? 'en';
  const t: Words = TEXT[locale];
  const paint = painter(options.color ?? false);
  const out: string[] = [];
  for (const file of report.files) out.push(...formatFile(file, paint, options.verbose ?? false, locale), '');
  for (const skipped of report.skipped) out.push(`${paint.dim(t.skipLabel)}  ${printable(skipped.path)}: ${printable(skippedReason(skipped, locale))}`);
  if (report.skipped.length > 0) out.push('');
  // `--project`: each project after the files, judged on all of its lessons.
  for (const project of report.projects ?? []) out.push(...formatProject(project, paint, options.verbose ?? false, locale), '');
  const { summary } = report;
  const [passed, warned, failed, errored] = t.summary(summary);
  const parts = [paint.green(passed!), paint.yellow(warned!), paint.red(failed!), paint.magenta(errored!)];
  if (report.interrupted) out.push(paint.magenta(t.interrupted));
  out.push(`${t.files(summary.files, parts.join(t.join))}${t.profile(printable(report.profile), report.options.quick)}`);
  out.push(paint.dim(`${report.tool.ffmpeg}; ${report.tool.ffprobe}`));
  return `${out.join('\n')}\n`;
}

function formatFile(file: FileResult, paint: Painter, verbose: boolean, locale: Locale): string[] {
  const t: Words = TEXT[locale];
  const label = { pass: paint.green(t.label.pass), warn: paint.yellow(t.label.warn), fail: paint.red(t.label.fail), error: paint.magenta(t.label.error) }[file.status];
  const path = printable(file.path);
  if (file.error) return [`${label}  ${path}${t.colon}${printable(fileErrorMessage(file.error, locale))}`];
  const lines = [`${label}  ${paint.bold(path)}`];
  if (file.facts) lines.push(paint.dim(`      ${printable(describeFacts(file.facts, locale))}`));
  return [...lines, ...findingLines(file.findings, paint, verbose, locale)];
}

function formatProject(project: ProjectResult, paint: Painter, verbose: boolean, locale: Locale): string[] {
  const t: Words = TEXT[locale];
  const label = { pass: paint.green(t.label.pass), warn: paint.yellow(t.label.warn), fail: paint.red(t.label.fail) }[project.status];
  const head = t.project(printable(project.path), project.lessons.length, formatClock(project.totalDurationS));
  return [`${label}  ${paint.bold(head)}`, ...findingLines(project.findings, paint, verbose, locale)];
}

/** A file's or a project's findings: failures, then warnings, each with what is expected; then the passes and skips in brief. */
function findingLines(findings: readonly Finding[], paint: Painter, verbose: boolean, locale: Locale): string[] {
  const t: Words = TEXT[locale];
  const lines: string[] = [];
  const sorted = [...findings].sort((a, b) => findingRank(a) - findingRank(b));
  const passed = sorted.filter((f) => f.status === 'pass');
  const skipped = sorted.filter((f) => f.status === 'skip');
  for (const finding of sorted) {
    if (finding.status === 'pass' || finding.status === 'skip') continue;
    const mark = findingRank(finding) === 0 ? paint.red(t.error) : paint.yellow(t.warning);
    const where = finding.at?.length ? ` @ ${finding.at.slice(0, 3).map((r) => formatClock(r.start)).join(', ')}${finding.at.length > 3 ? t.more(finding.at.length - 3) : ''}` : '';
    lines.push(`${mark} ${finding.rule}${where}${t.colon}${printable(findingMessage(finding, locale))}`);
    if (finding.line !== undefined) lines.push(paint.dim(`              “${printable(finding.line)}”`));
    // What was measured is in the message, in words; the raw measurement is in the JSON report.
    else lines.push(paint.dim(`              ${t.expected(printable(findingExpected(finding, locale)))}`));
  }
  if (verbose) {
    for (const finding of passed) lines.push(`${paint.green(t.pass)} ${finding.rule}${t.colon}${printable(findingMessage(finding, locale))}`);
  } else if (passed.length > 0) {
    lines.push(`${paint.green('  ✓')} ${t.passed(passed.length, [...new Set(passed.map((f) => f.rule))].join(', '))}`);
  }
  if (skipped.length > 0) {
    const reasons = new Map<string, string[]>();
    for (const f of skipped) {
      const reason = findingMessage(f, locale);
      reasons.set(reason, [...(reasons.get(reason) ?? []), f.rule]);
    }
    for (const [reason, ids] of reasons) lines.push(paint.dim(`  - ${t.skipped(ids.length, printable(reason), ids.join(', '))}`));
  }
  return lines;
}

type Painter = Record<'red' | 'green' | 'yellow' | 'magenta' | 'dim' | 'bold', (text: string) => string>;

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), magenta: wrap(35, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
