import type { ReportedFacts } from './report-facts.js';
import type { FileResult, Finding } from '../finding.js';
import { formatBitrate, formatBytes, formatClock, formatFps } from '../units.js';
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
  const { summary } = report;
  const parts = [
    paint.green(`${summary.pass} passed`),
    paint.yellow(`${summary.warn} with warnings`),
    paint.red(`${summary.fail} failed`),
    paint.magenta(`${summary.error} could not be checked`),
  ];
  out.push(`${summary.files} file(s): ${parts.join(', ')} — profile ${report.profile}${report.options.quick ? ', quick' : ''}`);
  out.push(paint.dim(`${report.tool.ffmpeg}; ${report.tool.ffprobe}`));
  return `${out.join('\n')}\n`;
}

const ORDER = (finding: Finding) =>
  finding.status === 'fail' && finding.severity === 'error' ? 0 : finding.status === 'fail' || finding.status === 'warn' ? 1 : finding.status === 'skip' ? 3 : 2;

function formatFile(file: FileResult, paint: Painter, verbose: boolean): string[] {
  const label = { pass: paint.green('PASS'), warn: paint.yellow('WARN'), fail: paint.red('FAIL'), error: paint.magenta('ERROR') }[file.status];
  if (file.error) return [`${label}  ${file.path}: ${file.error.message}`];
  const lines = [`${label}  ${paint.bold(file.path)}`];
  if (file.facts) lines.push(paint.dim(`      ${describeFacts(file.facts)}`));
  const sorted = [...file.findings].sort((a, b) => ORDER(a) - ORDER(b));
  const passed = sorted.filter((f) => f.status === 'pass');
  const skipped = sorted.filter((f) => f.status === 'skip');
  for (const finding of sorted) {
    if (finding.status === 'pass' || finding.status === 'skip') continue;
    const mark = ORDER(finding) === 0 ? paint.red('  ✗ error  ') : paint.yellow('  ! warning');
    const where = finding.at?.length ? ` @ ${finding.at.slice(0, 3).map((r) => formatClock(r.start)).join(', ')}${finding.at.length > 3 ? ` (+${finding.at.length - 3})` : ''}` : '';
    lines.push(`${mark} ${finding.rule}${where}: ${finding.message}`);
    if (finding.line !== undefined) lines.push(paint.dim(`              “${finding.line}”`));
    else lines.push(paint.dim(`              measured ${showMeasured(finding)}; expected ${finding.expected}`));
  }
  if (verbose) {
    for (const finding of passed) lines.push(`${paint.green('  ✓ pass   ')} ${finding.rule}: ${finding.message}`);
  } else if (passed.length > 0) {
    lines.push(`${paint.green('  ✓')} ${passed.length} passed: ${[...new Set(passed.map((f) => f.rule))].join(', ')}`);
  }
  if (skipped.length > 0) {
    const reasons = new Map<string, string[]>();
    for (const f of skipped) reasons.set(f.message, [...(reasons.get(f.message) ?? []), f.rule]);
    for (const [reason, ids] of reasons) lines.push(paint.dim(`  - ${ids.length} skipped (${reason}): ${ids.join(', ')}`));
  }
  return lines;
}

export function describeFacts(facts: ReportedFacts): string {
  const parts: string[] = [formatBytes(facts.sizeBytes)];
  if (facts.durationS !== null) parts.push(formatClock(facts.durationS));
  const { video, audio } = facts;
  if (video) {
    const fps = video.timing.nominalFps === null ? '' : ` ${formatFps(video.timing.nominalFps)}`;
    const rate = video.measuredBitrateBps === null ? '' : ` ${formatBitrate(video.measuredBitrateBps)}`;
    parts.push(`${video.codec} ${video.displayWidth}×${video.displayHeight}${fps}${rate}`);
  }
  if (audio) {
    const rate = audio.measuredBitrateBps === null ? '' : ` ${formatBitrate(audio.measuredBitrateBps)}`;
    parts.push(`${audio.codec} ${audio.sampleRateHz / 1000} kHz ${audio.channels}ch${rate}`);
  }
  return parts.join(' · ');
}

function showMeasured(finding: Finding): string {
  const { measured } = finding;
  if (measured === null) return '—';
  if (typeof measured === 'object') return Object.entries(measured).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return String(measured);
}

type Painter = Record<'red' | 'green' | 'yellow' | 'magenta' | 'dim' | 'bold', (text: string) => string>;

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), magenta: wrap(35, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
