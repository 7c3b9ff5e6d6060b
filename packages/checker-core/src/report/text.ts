import { findingRank, type FileResult } from '../facts/finding.js';
import { formatClock, formatMeasured } from '../facts/units.js';
import { describeFacts } from '../facts/describe-facts.js';
import { printable } from '../facts/printable.js';
import type { Report } from './report.js';

export interface TextOptions {
  /** ANSI colours, for a terminal. */
  color?: boolean;
  /** List passing rules one per line instead of one summary line. */
  verbose?: boolean;
}

/** What a person reads in a terminal: per file, failures first, then a summary line. */
export function formatText(report: Report, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const out: string[] = [];
  for (const file of report.files) out.push(...formatFile(file, paint, options.verbose ?? false), '');
  for (const { path, reason } of report.skipped) out.push(`${paint.dim('SKIP')}  ${printable(path)}: ${printable(reason)}`);
  if (report.skipped.length > 0) out.push('');
  const { summary } = report;
  const parts = [
    paint.green(`${summary.pass} passed`),
    paint.yellow(`${summary.warn} with warnings`),
    paint.red(`${summary.fail} failed`),
    paint.magenta(`${summary.error} could not be checked`),
  ];
  if (report.interrupted) out.push(paint.magenta('Interrupted: the files above finished; the rest were not checked.'));
  out.push(`${summary.files} file(s): ${parts.join(', ')} — profile ${printable(report.profile)}${report.options.quick ? ', quick' : ''}`);
  out.push(paint.dim(`${report.tool.ffmpeg}; ${report.tool.ffprobe}`));
  return `${out.join('\n')}\n`;
}


function formatFile(file: FileResult, paint: Painter, verbose: boolean): string[] {
  const label = { pass: paint.green('PASS'), warn: paint.yellow('WARN'), fail: paint.red('FAIL'), error: paint.magenta('ERROR') }[file.status];
  const path = printable(file.path);
  if (file.error) return [`${label}  ${path}: ${printable(file.error.message)}`];
  const lines = [`${label}  ${paint.bold(path)}`];
  if (file.facts) lines.push(paint.dim(`      ${printable(describeFacts(file.facts))}`));
  const sorted = [...file.findings].sort((a, b) => findingRank(a) - findingRank(b));
  const passed = sorted.filter((f) => f.status === 'pass');
  const skipped = sorted.filter((f) => f.status === 'skip');
  for (const finding of sorted) {
    if (finding.status === 'pass' || finding.status === 'skip') continue;
    const mark = findingRank(finding) === 0 ? paint.red('  ✗ error  ') : paint.yellow('  ! warning');
    const where = finding.at?.length ? ` @ ${finding.at.slice(0, 3).map((r) => formatClock(r.start)).join(', ')}${finding.at.length > 3 ? ` (+${finding.at.length - 3})` : ''}` : '';
    lines.push(`${mark} ${finding.rule}${where}: ${printable(finding.message)}`);
    if (finding.line !== undefined) lines.push(paint.dim(`              “${printable(finding.line)}”`));
    else lines.push(paint.dim(`              measured ${printable(formatMeasured(finding.measured))}; expected ${finding.expected}`));
  }
  if (verbose) {
    for (const finding of passed) lines.push(`${paint.green('  ✓ pass   ')} ${finding.rule}: ${printable(finding.message)}`);
  } else if (passed.length > 0) {
    lines.push(`${paint.green('  ✓')} ${passed.length} passed: ${[...new Set(passed.map((f) => f.rule))].join(', ')}`);
  }
  if (skipped.length > 0) {
    const reasons = new Map<string, string[]>();
    for (const f of skipped) reasons.set(f.message, [...(reasons.get(f.message) ?? []), f.rule]);
    for (const [reason, ids] of reasons) lines.push(paint.dim(`  - ${ids.length} skipped (${printable(reason)}): ${ids.join(', ')}`));
  }
  return lines;
}

type Painter = Record<'red' | 'green' | 'yellow' | 'magenta' | 'dim' | 'bold', (text: string) => string>;

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), magenta: wrap(35, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
