import type { FileResult, ProjectResult } from '../facts/finding.js';
import type { Report } from './report.js';

/**
 * NDJSON (REPORT.md, second edition): one JSON object a line, each file as it finishes, then one
 * summary line. For batches too large to hold, and for `jq`.
 *
 * A file line is `{"type":"file","revised":false,…}` with the shape of the JSON report's `files[]`.
 * A file whose verdict is sent again (the intro and outro rules, judged once the lessons of its
 * folder are known) gets a second line with `"revised":true`: the last line of a path is its verdict.
 * With `--project`, each project comes next as `{"type":"project",…}` (the shape of `projects[]`), judged
 * once every file is done; then the summary line, the JSON report without `files` and `projects`:
 * `{"type":"summary",…,"summary":{…}}`.
 */
export function formatNdjsonFile(result: FileResult, options: { revised?: boolean } = {}): string {
  return `${JSON.stringify({ type: 'file', revised: options.revised ?? false, ...result })}\n`;
}

export function formatNdjsonProject(project: ProjectResult): string {
  return `${JSON.stringify({ type: 'project', ...project })}\n`;
}

export function formatNdjsonSummary(report: Report): string {
  const { files: _files, projects: _projects, ...rest } = report;
  return `${JSON.stringify({ type: 'summary', ...rest })}\n`;
}

/** The lines that close a run: one a project (`--project`), then the summary. */
export function formatNdjsonEnd(report: Report): string {
  return (report.projects ?? []).map(formatNdjsonProject).join('') + formatNdjsonSummary(report);
}

/** A whole report at once: its files in order, its projects, then the summary line. */
export function formatNdjson(report: Report): string {
  return report.files.map((file) => formatNdjsonFile(file)).join('') + formatNdjsonEnd(report);
}
