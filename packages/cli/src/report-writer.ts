import {
  findingLevel,
  formatHtml,
  formatJson,
  formatJunit,
  formatNdjsonEnd,
  formatNdjsonFile,
  formatText,
  SCHEMA_VERSION,
  summarize,
  TOOL_NAME,
  TOOL_VERSION,
  type FileResult,
  type Report,
  type RuleMeta,
} from '@courseware-check/checker-core';
import type { CheckArguments } from './arguments.js';
import type { Locale } from './environment.js';
import { say } from './words.js';

/** Writes the report in the format asked for: as each file finishes where the format streams, else at the end. */
export interface ReportWriter {
  /** The run's rules, from its `discovered` event (the text of a file may name them). */
  discovered: (rules: Record<string, RuleMeta>) => void;
  /** A file's verdict, as it arrives; `revised` when it is sent again (a folder's shared intro judged). */
  file: (result: FileResult, revised: boolean) => void;
  /** The whole run's report, at the end (after Ctrl-C too: the files that finished). */
  finish: (report: Report) => void;
}

type Settings = Pick<CheckArguments, 'format' | 'quick' | 'language' | 'locale' | 'color' | 'verbose' | 'quiet' | 'output'>;

/**
 * - `text` on standard output streams: each file's block as soon as its verdict arrives (in the
 *   order files finish), then the skipped paths and the summary. A file whose verdict is sent again
 *   is printed again, its first line marked "(revised …)"; the last block of a file is its verdict.
 *   Written to a file (`--output`), text is written once at the end, in the order given, each file
 *   once: a file is read afterwards, not watched.
 * - `ndjson` streams, to standard output or to the file: a line per file as it finishes, a line again
 *   for a revised file (`"revised":true`), and the summary line at the end.
 * - `json`, `junit`, `html` are one document each: written at the end.
 */
export function createReportWriter(settings: Settings, write: (text: string) => void): ReportWriter {
  if (settings.format === 'ndjson') {
    return {
      discovered: () => {},
      file: (result, revised) => write(formatNdjsonFile(result, { revised })),
      // The projects (`--project`), judged once every file is done, then the summary.
      finish: (report) => write(formatNdjsonEnd(report)),
    };
  }
  if (settings.format !== 'text') {
    const format = { json: formatJson, junit: formatJunit, html: formatHtml }[settings.format];
    return { discovered: () => {}, file: () => {}, finish: (report) => write(format(report)) };
  }
  const textOptions = { color: settings.color, verbose: settings.verbose };
  const shown = (report: Report): Report => (settings.quiet ? quietReport(report) : report);
  if (settings.output) return { discovered: () => {}, file: () => {}, finish: (report) => write(formatText(shown(report), textOptions)) };
  let rules: Record<string, RuleMeta> = {};
  const printed = new Set<string>();
  return {
    discovered: (meta) => {
      rules = meta;
    },
    file(result, revised) {
      const visible = settings.quiet ? quietFile(result) : result;
      // Quiet: a file that no longer fails once revised is shown again only if it was shown before.
      const file = visible ?? (revised && printed.has(result.path) ? { ...result, findings: [] } : null);
      if (!file) return;
      printed.add(result.path);
      const block = textBlock(file, shell(rules, settings), textOptions);
      write(revised ? markRevised(block, settings.locale) : block);
    },
    finish: (report) => write(formatText({ ...shown(report), files: [] }, textOptions)),
  };
}

/**
 * One file's block of the text report: the text of a report of that file alone, less the text of the
 * same report without it (the skipped paths, summary and versions). So the block is exactly what the
 * whole report prints for the file, whatever text.ts makes of it, and the two never drift apart.
 */
function textBlock(file: FileResult, shell: Report, options: { color: boolean; verbose: boolean }): string {
  const withFile = formatText({ ...shell, files: [file] }, options);
  const tail = formatText(shell, options);
  return withFile.endsWith(tail) ? withFile.slice(0, withFile.length - tail.length) : withFile;
}

/** A report with no files, for formatting one file's block: what is known before the run ends. */
function shell(rules: Record<string, RuleMeta>, settings: Settings): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, ffmpeg: '', ffprobe: '' },
    profile: '',
    createdAt: new Date().toISOString(),
    // `locale` is for the message catalogue (REPORT.md, second edition), when text.ts reads it.
    options: { quick: settings.quick, language: settings.language, locale: settings.locale } as Report['options'],
    rules,
    files: [],
    skipped: [],
    interrupted: false,
    summary: summarize([]),
  };
}

/** The block again, its first line marked as a new verdict of a file printed before: `(revised: …)`. */
function markRevised(block: string, locale: Locale): string {
  const note = say(locale, 'cli/revised');
  const end = block.indexOf('\n');
  return end === -1 ? `${block} ${note}` : `${block.slice(0, end)} ${note}${block.slice(end)}`;
}

/** `--quiet`: a file that fails or could not be checked, with its failing rules only; null for any other. */
export function quietFile(file: FileResult): FileResult | null {
  if (file.status !== 'fail' && file.status !== 'error') return null;
  return { ...file, findings: file.findings.filter((finding) => findingLevel(finding) === 'fail') };
}

/** `--quiet` for a whole report: its failing files (and projects), no skipped paths; the summary still counts every file. */
export function quietReport(report: Report): Report {
  const projects = report.projects?.flatMap((project) => (project.status === 'fail' ? [{ ...project, findings: project.findings.filter((f) => findingLevel(f) === 'fail') }] : []));
  return { ...report, files: report.files.flatMap((file) => quietFile(file) ?? []), ...(projects ? { projects } : {}), skipped: [] };
}
