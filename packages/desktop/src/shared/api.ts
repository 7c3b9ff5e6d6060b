/**
 * The one contract between the window and the checker: IPC channel names, message shapes, and the
 * `CheckerApi` the preload exposes (and the browser harness implements over a loopback server).
 * This file is imported by main, preload, renderer and tests; it holds types and constants only.
 */
import type { FileResult, RuleMeta, Summary } from '@courseware-check/checker-core';

export const CHANNELS = {
  startCheck: 'checker:start-check',
  cancel: 'checker:cancel',
  pickPaths: 'checker:pick-paths',
  pickProfile: 'checker:pick-profile',
  exportReport: 'checker:export-report',
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
}

export type ProgressMessage =
  | { runId: string; type: 'discovered'; paths: string[]; rules: Record<string, RuleMeta> }
  | { runId: string; type: 'start'; index: number; path: string }
  /** A file's verdict; sent again when it changes (what a folder's lessons share is judged last). */
  | { runId: string; type: 'done'; index: number; result: FileResult }
  | { runId: string; type: 'finished'; summary: Summary; cancelled: boolean }
  | { runId: string; type: 'failed'; message: string };

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
  /** Subscribes to progress; returns the unsubscribe function. */
  onProgress(listener: (message: ProgressMessage) => void): () => void;
}

declare global {
  interface Window {
    checker: CheckerApi;
  }
}
