import packageJson from '../../package.json' with { type: 'json' };
import type { FileResult, FileStatus, Locale, ProjectResult, RuleMeta, SkippedPath } from '../facts/finding.js';

const { version } = packageJson;

export const TOOL_NAME = 'courseware-check';
export const TOOL_VERSION = version;
export const SCHEMA_VERSION = 1;

/** The JSON report of REPORT.md; every formatter reads this one shape. */
export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string; ffmpeg: string; ffprobe: string };
  profile: string;
  /** ISO 8601 time the report was made. */
  createdAt: string;
  /** `locale`: the language every message in the report is written in (`--locale`); older reports lack it (English). */
  options: { quick: boolean; language: 'zh' | 'en'; locale?: Locale };
  /** Each rule of the profile: its area, notice text, description and severity. */
  rules: Record<string, RuleMeta>;
  files: FileResult[];
  /** `--project` only (absent otherwise): each folder given, as a training project, with its lessons and the project rules' findings. */
  projects?: ProjectResult[];
  /** What was met while walking folders and not checked, with the reason (links out of the folder, unreadable folders). */
  skipped: SkippedPath[];
  /** The run was stopped (Ctrl-C, SIGTERM) before every file was checked: `files` holds those that finished. */
  interrupted: boolean;
  summary: Summary;
}

export type Summary = { files: number } & Record<FileStatus, number>;

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, pass: 0, warn: 0, fail: 0, error: 0 };
  for (const file of files) summary[file.status]++;
  return summary;
}

export interface ReportContext {
  profile: string;
  /** The first line of each binary's `-version`. */
  versions: { ffmpeg: string; ffprobe: string };
  quick: boolean;
  language: 'zh' | 'en';
  /** The language of the messages (default `en`). */
  locale?: Locale;
  rules: Record<string, RuleMeta>;
  now?: Date;
  skipped?: SkippedPath[];
  interrupted?: boolean;
  /** `--project`: the projects judged (left out of the report when undefined). */
  projects?: ProjectResult[];
}

export function buildReport(files: FileResult[], context: ReportContext): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, ...context.versions },
    profile: context.profile,
    createdAt: (context.now ?? new Date()).toISOString(),
    options: { quick: context.quick, language: context.language, locale: context.locale ?? 'en' },
    rules: context.rules,
    files,
    ...(context.projects ? { projects: context.projects } : {}),
    skipped: context.skipped ?? [],
    interrupted: context.interrupted ?? false,
    summary: summarize(files),
  };
}

/** Exit code of REPORT.md: 1 when any file failed or could not be checked, or a project failed (project findings count like a file's). */
export function exitCodeOf(report: Report): 0 | 1 {
  const projectFailed = report.projects?.some((project) => project.status === 'fail') ?? false;
  return report.summary.fail > 0 || report.summary.error > 0 || projectFailed ? 1 : 0;
}
