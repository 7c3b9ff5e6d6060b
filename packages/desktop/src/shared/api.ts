/**
 * The one contract between the window and the checker: IPC channel names, message shapes, and the
 * `CheckerApi` the preload exposes (and the browser harness implements over a loopback server).
 * This file is imported by main, preload, renderer and tests; it holds types and constants only.
 */
import type { FileResult, FindingStatus, FixOutcome, FixPlanOutcome, FixStepKind, ProjectResult, RuleFixStatus, RuleMeta, Summary } from '@courseware-check/checker-core';

export const CHANNELS = {
  startCheck: 'checker:start-check',
  cancel: 'checker:cancel',
  pickPaths: 'checker:pick-paths',
  pickProfile: 'checker:pick-profile',
  exportReport: 'checker:export-report',
  planFix: 'checker:plan-fix',
  startFix: 'checker:start-fix',
  openFixed: 'checker:open-fixed',
  progress: 'checker:progress',
} as const;

/**
 * The browser harness's request headers (`src/browser/`): every `/api/*` request carries the
 * launch's token; start, cancel and export also name the page's event stream (its client id).
 */
export const HARNESS_HEADERS = {
  token: 'x-courseware-token',
  client: 'x-courseware-client',
} as const;

export type ProfileChoice = { kind: 'builtin'; name: 'web' | 'archive' } | { kind: 'file'; path: string };

export interface CheckRequest {
  paths: string[];
  profile: ProfileChoice;
  /** The course language, for subtitle.language. */
  language: 'zh' | 'en';
  /** The language of the messages and of the exported reports (the window's language; default zh). */
  locale?: 'zh' | 'en';
  /** Each folder given is a training project (`--project`): its lessons are judged together too. */
  project?: boolean;
}

export type ProgressMessage =
  | { runId: string; type: 'discovered'; paths: string[]; rules: Record<string, RuleMeta> }
  | { runId: string; type: 'start'; index: number; path: string }
  /** A file's verdict; sent again when it changes (what a folder's lessons share is judged last). */
  | { runId: string; type: 'done'; index: number; result: FileResult }
  /** `projects`: with `project` asked, each folder given as a training project, judged on its lessons. */
  | { runId: string; type: 'finished'; summary: Summary; cancelled: boolean; projects?: ProjectResult[] }
  | { runId: string; type: 'failed'; message: string }
  | FixMessage;

/**
 * A sentence of the fixer's in both of the window's languages. The fixer's catalogue lives in the
 * core's engine, which the sandboxed page cannot load: the main process renders each sentence in
 * both, and the window shows the one of its language (and switches without asking again).
 */
export type Said = Record<'zh' | 'en', string>;

/** What the fixer will do about one rule a file does not meet (from `planFixes`). */
export interface FixRuleView {
  rule: string;
  status: RuleFixStatus;
  says: Said;
  warnings: Said[];
  /** The rule's verdict before the fix, and what was measured (as the reports print it). */
  before: { status: FindingStatus; measured: string };
  /** After a fix: its verdict on each output. */
  after: { output: string; status: FindingStatus; measured: string }[];
  /** A fixed rule that every output meets now; null for the rules that were not fixed, or before the fix. */
  passes: boolean | null;
}

/** The plan for one file of a check, before anything runs. */
export interface FixPlanView {
  /** The check run, and the file's index in it. */
  runId: string;
  index: number;
  path: string;
  outcome: FixPlanOutcome;
  /** Why a file has no fix at all. */
  reason: Said | null;
  rules: FixRuleView[];
  /** What will run, in order (measuring passes, then the encodes). */
  steps: { kind: FixStepKind; says: Said }[];
  warnings: Said[];
}

/** A fix's outcome: per rule before → after, as the command line prints it. */
export interface FixResultView {
  path: string;
  outcome: FixOutcome;
  says: Said;
  rules: FixRuleView[];
  /** The lessons and subtitle files written (absolute paths). */
  outputs: string[];
  subtitles: string[];
  /** Rules that passed before and fail in an output. */
  regressed: string[];
}

/** A fix's progress; `runId` is the fix's own id (`startFix`'s `fixId`). */
export type FixMessage =
  /** Checking the original again, or the fixed file. */
  | { runId: string; type: 'fix-checking'; phase: 'before' | 'after' }
  | { runId: string; type: 'fix-step'; kind: FixStepKind; says: Said; index: number; steps: number }
  /** How far the running step has come (0–1), and the seconds it has left (null while unknown). */
  | { runId: string; type: 'fix-progress'; fraction: number; etaS: number | null }
  | { runId: string; type: 'fix-finished'; result: FixResultView | null; cancelled: boolean }
  | { runId: string; type: 'fix-failed'; message: Said };

export interface CheckerApi {
  /** Native file or folder picker; [] when cancelled. */
  pickPaths(kind: 'files' | 'folder'): Promise<string[]>;
  /** Paths of files dropped on the window (Electron: their real paths; the browser harness uploads them). */
  pathsOfDropped(files: File[]): Promise<string[]>;
  /** A JSON or YAML profile file, or null when cancelled. */
  pickProfile(): Promise<string | null>;
  /** Starts a check; progress arrives through `onProgress`. */
  startCheck(request: CheckRequest): Promise<{ runId: string }>;
  cancel(runId: string): Promise<void>;
  /** Saves the run's report; the path it was saved to, or null when the user cancelled. */
  exportReport(runId: string, format: 'html' | 'json'): Promise<{ savedTo: string | null }>;
  /** The fix plan of a file of a finished check (`index` as in its `discovered` message): nothing runs. */
  planFix(runId: string, index: number): Promise<FixPlanView>;
  /**
   * Asks where to write (Electron: a folder dialog; the browser harness: a fresh folder under its own
   * output folder), then fixes the file; progress arrives through `onProgress` as `fix-*` messages.
   * Null when the user cancelled the dialog. `cancel(fixId)` stops it.
   */
  startFix(runId: string, index: number): Promise<{ fixId: string; outputDir: string } | null>;
  /** A file a fix wrote: Electron shows it in its folder, the browser harness downloads it. */
  openFixed(fixId: string, output: string): Promise<void>;
  /** What `openFixed` does here, for the button's label. */
  readonly fixedFileAction: 'show' | 'download';
  /** Subscribes to progress; returns the unsubscribe function. */
  onProgress(listener: (message: ProgressMessage) => void): () => void;
}

declare global {
  interface Window {
    checker: CheckerApi;
  }
}
