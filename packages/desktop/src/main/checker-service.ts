import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import {
  fix,
  FixCommandError,
  formatHtml,
  formatJson,
  loadProfile,
  planFixes,
  printable,
  ProfileError,
  run,
  type FixReport,
  type Profile,
  type Report,
} from '@courseware-check/checker-core';
import type { CheckRequest, FixMessage, FixPlanView, ProfileChoice, ProgressMessage } from '../shared/api.js';
import { InvalidMessage } from '../shared/validate.js';
import { planView, resultView, said, stepSaid } from './fix-view.js';

interface Run {
  controller: AbortController;
  /** The run's report once it has ended (null when it failed). */
  done: Promise<Report | null>;
  /** What a fix of one of its files needs: the files by index (as `discovered` sent them), the profile, the course language. */
  paths: string[];
  profile: Profile;
  language: 'zh' | 'en';
}

interface Fix {
  controller: AbortController;
  done: Promise<FixReport | null>;
  /** What it wrote, once it has ended: the only files `fixedFile` hands out. */
  written: Set<string>;
}

/**
 * The checker behind the window, free of Electron: the main process and the browser harness both
 * drive it, so the tests run the same code the app does. One run at a time per window is the UI's
 * business; the service keeps every run until it is forgotten.
 */
export class CheckerService {
  private readonly runs = new Map<string, Run>();
  private readonly fixes = new Map<string, Fix>();

  /** Starts a check and returns at once; `emit` receives its progress, ending with `finished` or `failed`. */
  async start(request: CheckRequest, emit: (message: ProgressMessage) => void): Promise<{ runId: string }> {
    const profile = await loadRequestedProfile(request.profile);
    const runId = newRunId();
    const controller = new AbortController();
    const paths: string[] = [];
    // The engine's run, as the command line runs it: the window shows what the report says.
    const done = run({
      paths: request.paths,
      profile,
      language: request.language,
      // The window's language: the findings' messages and the exported reports speak it (the window renders them again when it switches).
      locale: request.locale ?? 'zh',
      signal: controller.signal,
      // The window shows the picture at each timed video finding.
      evidence: { embed: true },
      // Unchanged lessons are not decoded again (the user's cache folder).
      cache: true,
      project: request.project ?? false,
      onEvent: (event) => {
        if (event.type === 'discovered') {
          paths.push(...event.paths);
          emit({ runId, type: 'discovered', paths: event.paths, rules: event.rules });
        }
        else if (event.type === 'start') emit({ runId, type: 'start', index: event.index, path: event.path });
        else if (event.type === 'file') emit({ runId, type: 'done', index: event.index, result: event.result });
      },
    }).then(
      (report) => {
        emit({ runId, type: 'finished', summary: report.summary, cancelled: report.interrupted, ...(report.projects ? { projects: report.projects } : {}) });
        return report;
      },
      (error: Error) => {
        emit({ runId, type: 'failed', message: oneLine(error.message) });
        return null;
      },
    );
    this.runs.set(runId, { controller, done, paths, profile, language: request.language });
    return { runId };
  }

  /** Cancels a check or a fix. */
  cancel(runId: string): void {
    (this.runs.get(runId) ?? this.fixes.get(runId))?.controller.abort();
  }

  /** Cancels a run or a fix and drops it and its results (its reports can no longer be asked for). */
  forget(runId: string): void {
    this.cancel(runId);
    this.runs.delete(runId);
    this.fixes.delete(runId);
  }

  /** Waits for a run or a fix to end (tests and export). */
  async settled(runId: string): Promise<void> {
    await (this.runs.get(runId) ?? this.fixes.get(runId))?.done;
  }

  /**
   * The fix plan of one file of a check (waiting for the check to end): `planFixes` on the check's
   * own findings, with its profile. Pure: nothing runs, nothing is written.
   */
  async planFix(runId: string, index: number): Promise<FixPlanView> {
    const { report, path } = await this.checkedFile(runId, index);
    const file = report.files.find((f) => f.path === path);
    if (!file) throw new InvalidMessage(`file ${index} of run ${runId} was not checked`);
    // The output folder is chosen after the plan is shown; the plan names outputs by file name only.
    const [plan] = planFixes({ ...report, files: [file] }, { outputDir: tmpdir(), profile: this.runs.get(runId)!.profile });
    return planView(runId, index, plan!);
  }

  /**
   * Fixes one file of a check into `outputDir` with the check's profile and course language (the
   * engine's `fix()`: check again, measure, encode, check the output) and returns at once; `emit`
   * receives its progress, ending with `fix-finished` or `fix-failed`.
   */
  async startFix(runId: string, index: number, outputDir: string, emit: (message: FixMessage) => void): Promise<{ fixId: string }> {
    const { path } = await this.checkedFile(runId, index);
    const { profile, language } = this.runs.get(runId)!;
    const fixId = newRunId();
    const controller = new AbortController();
    const written = new Set<string>();
    const done = fix({
      paths: [path],
      outputDir,
      profile,
      language,
      // The check before is the one just shown, from the cache: the lesson is not decoded again.
      cache: true,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'check' && event.event.type === 'start') emit({ runId: fixId, type: 'fix-checking', phase: event.phase });
        else if (event.type === 'step') emit({ runId: fixId, type: 'fix-step', kind: event.step.kind, says: stepSaid(event.step.says), index: event.index, steps: event.steps });
        else if (event.type === 'progress') emit({ runId: fixId, type: 'fix-progress', fraction: event.fraction, etaS: event.etaS });
      },
    }).then(
      (report) => {
        const file = report.files.find((f) => f.path === path) ?? report.files[0];
        for (const output of [...(file?.outputs ?? []), ...(file?.subtitles ?? [])]) written.add(output);
        emit({ runId: fixId, type: 'fix-finished', result: file ? resultView(file) : null, cancelled: controller.signal.aborted });
        return report;
      },
      (error: Error) => {
        emit({ runId: fixId, type: 'fix-failed', message: error instanceof FixCommandError ? said(error.says) : { zh: oneLine(error.message), en: oneLine(error.message) } });
        return null;
      },
    );
    this.fixes.set(fixId, { controller, done, written });
    return { fixId };
  }

  /** A file that fix `fixId` wrote (its absolute path), or InvalidMessage: nothing else is handed out. */
  async fixedFile(fixId: string, output: string): Promise<string> {
    const fixed = this.fixes.get(fixId);
    await fixed?.done;
    if (!fixed?.written.has(output)) throw new InvalidMessage(`fix ${fixId} wrote no such file`);
    return output;
  }

  /** A file of a check, once the check has ended. */
  private async checkedFile(runId: string, index: number): Promise<{ report: Report; path: string }> {
    const checked = this.runs.get(runId);
    const report = await checked?.done;
    const path = checked?.paths[index];
    if (!report || path === undefined) throw new InvalidMessage(`no file ${index} in run ${runId}`);
    return { report, path };
  }

  /** The run's report as HTML or JSON text. */
  async report(runId: string, format: 'html' | 'json'): Promise<string> {
    const report = await this.runs.get(runId)?.done;
    if (!report) throw new InvalidMessage(`no report of run ${runId}`);
    return format === 'html' ? formatHtml(report) : formatJson(report);
  }
}

/**
 * The profile a request names. A profile file's path comes from the window, which may be a page
 * that is not ours: checker-core refuses a bad file in one line that names the file and the key,
 * never a word of its content (a file given by mistake may be a secret).
 */
async function loadRequestedProfile(choice: ProfileChoice): Promise<Profile> {
  try {
    return await loadProfile(choice.kind === 'builtin' ? choice.name : choice.path);
  } catch (error) {
    if (error instanceof ProfileError) throw new InvalidMessage(error.message);
    throw error;
  }
}

/** Run and fix ids: unguessable (the harness serves a run only to the page that started it, and ids are its handle). */
function newRunId(): string {
  return `run-${randomBytes(16).toString('hex')}`;
}

/** A message as one printable line, at most 300 characters. */
function oneLine(message: string): string {
  const line = printable(message.split('\n')[0] ?? '');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
