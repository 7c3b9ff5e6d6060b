import type { TimeRange } from './facts.js';
import type { ReportedFacts } from './reported-facts.js';

export type Severity = 'error' | 'warning';

/** Where a rule belongs, for reports and the app: the sections of the notice's annex, and the project as a whole (`--project`). */
export type Area = 'file' | 'video' | 'audio' | 'sync' | 'subtitle' | 'intro-outro' | 'project';

/** What a report says of each rule it ran (as ESLint's formatters get `rulesMeta`): no reporter imports the rules. */
export interface RuleMeta {
  area: Area;
  /** The phrase of the notice the rule comes from. */
  notice: string;
  description: string;
  severity: Severity;
}

/** Something met while walking folders and not checked, with the reason. */
export interface SkippedPath {
  path: string;
  /** Why, in English (`messageId` and `params` render it in any locale). */
  reason: string;
  messageId: string;
  params: MessageParams;
}
export type FindingStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type FileStatus = 'pass' | 'warn' | 'fail' | 'error';

export type Measured = number | string | boolean | null | Record<string, unknown>;

/** The language every message a person reads is written in (`--locale`). */
export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

/**
 * A message by id, with the numbers and names it shows: rendered per locale by the catalogue
 * (`@courseware-check/checker-core/messages`), never written as prose where it is decided.
 */
export interface MessageRef {
  messageId: string;
  params?: MessageParams;
}

/** A message's parameters: numbers, names, flags, lists of values, and messages nested in it (a list of them is joined). */
export type MessageValue = string | number | boolean | null | (string | number)[] | MessageRef | MessageRef[];
export type MessageParams = { [name: string]: MessageValue | undefined };

/**
 * One verdict of a rule, as its `check` returns it: ids and numbers, no prose. A rule returns `fail`
 * when it is not met; its configured severity decides whether that is a failure or a warning.
 */
export interface Outcome {
  status: FindingStatus;
  /** Stable id of what the finding says, e.g. `video.frame-rate/not-allowed`. */
  messageId: string;
  /** The numbers and names the message shows (JSON keeps them, so scripts never parse prose). */
  params?: MessageParams;
  measured: Measured;
  /** What the rule asks for, as a message id and its parameters; rendered into a Finding's `expected`. */
  expectedId: string;
  expectedParams?: MessageParams;
  at?: TimeRange[];
  /** Subtitle findings: the sidecar file, the 1-based cue index and the offending line. */
  subtitle?: string;
  cue?: number;
  line?: string;
}

/** An outcome in a report: the engine adds the rule's id, its severity, and the messages rendered in the run's locale. */
export interface Finding extends Outcome {
  rule: string;
  severity: Severity;
  params: MessageParams;
  /** `messageId` with `params`, in the run's locale. */
  message: string;
  /** `expectedId` with `expectedParams`, in the run's locale. */
  expected: string;
  /** A JPEG of the picture at the finding's first time, written where `--evidence DIR` asked. */
  evidence?: string;
  /** The same JPEG as a data URI, for the self-contained HTML report. */
  evidenceDataUri?: string;
}

export interface FileError {
  code: FileErrorCode;
  /** In the run's locale. */
  message: string;
  /** The message's id and parameters (`file-error/<code>`), so the app can show it in its own language. */
  messageId?: string;
  params?: MessageParams;
}

export type FileErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'empty'
  | 'unreadable'
  | 'not-media'
  | 'no-streams'
  | 'truncated'
  | 'decode-failed'
  | 'stalled'
  | 'probe-failed'
  | 'internal';

export interface FileResult {
  path: string;
  /** SHA-256 of the file's bytes, hex (REPORT.md, second edition): in a full check; with `--quick`, when `--hash` asks. */
  sha256?: string;
  status: FileStatus;
  /** The facts, less the bulk arrays (per frame, per cue, per 100 ms) that rules read. */
  facts: ReportedFacts | null;
  findings: Finding[];
  error: FileError | null;
  /** Seconds this file's check took (probe, decoding passes, rules), as the engine measured it. */
  elapsedS?: number;
  /** ISO 8601 time this file's check started. */
  startedAt?: string;
}

/**
 * A training project (`--project`, REPORT.md second edition): a folder given on the command line, its
 * lessons (the media files found under it) and the project rules' findings, shaped like a file's.
 */
export interface ProjectResult {
  /** The folder as given. */
  path: string;
  /** The lessons' paths, as `files[].path` names them. */
  lessons: string[];
  /** The sum of the lessons' durations, where known (a lesson that could not be checked adds nothing), s. */
  totalDurationS: number;
  /** The worst of its findings, as a file's. */
  status: Exclude<FileStatus, 'error'>;
  findings: Finding[];
}

/** How a finding reads to a person: a failing warning-severity rule is a warning (the engine already says `warn`; older reports may not). */
export function findingLevel(finding: Finding): FindingStatus {
  return finding.status === 'fail' && finding.severity === 'warning' ? 'warn' : finding.status;
}

/** Failures first, then warnings, passes, skips: the order every report lists findings in. */
export function findingRank(finding: Finding): number {
  return { fail: 0, warn: 1, pass: 2, skip: 3 }[findingLevel(finding)];
}

/** The worst of a file's findings (RULES.md, "Verdicts and exit codes"). */
export function fileStatusOf(findings: readonly Finding[]): Exclude<FileStatus, 'error'> {
  if (findings.some((f) => f.status === 'fail' && f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.status === 'warn' || f.status === 'fail')) return 'warn';
  return 'pass';
}
