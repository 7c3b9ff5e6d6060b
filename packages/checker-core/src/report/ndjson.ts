import type { FileResult } from '../facts/finding.js';
import type { Report } from './report.js';

/**
 * NDJSON (REPORT.md, second edition): one JSON object a line, each file as it finishes, then one
 * summary line. For batches too large to hold, and for `jq`.
 *
 * A file line is `{"type":"file","revised":false,…}` with the shape of the JSON report's `files[]`.
 * A file whose verdict is sent again (the intro and outro rules, judged once the lessons of its
 * folder are known) gets a second line with `"revised":true`: the last line of a path is its verdict.
 * The summary line is the JSON report without `files`: `{"type":"summary",…,"summary":{…}}`.
 */
export function formatNdjsonFile(result: FileResult, options: { revised?: boolean } = {}): string {
  return `${JSON.stringify({ type: 'file', revised: options.revised ?? false, ...result })}\n`;
}

export function formatNdjsonSummary(report: Report): string {
  const { files: _files, ...rest } = report;
  return `${JSON.stringify({ type: 'summary', ...rest })}\n`;
}

/** A whole report at once: its files in order, then the summary line. */
export function formatNdjson(report: Report): string {
  return report.files.map((file) => formatNdjsonFile(file)).join('') + formatNdjsonSummary(report);
}
