import { randomBytes } from 'node:crypto';
import { formatHtml, formatJson, loadProfile, printable, ProfileError, run, type Profile, type Report } from '@courseware-check/checker-core';
import type { CheckRequest, ProfileChoice, ProgressMessage } from '../shared/api.js';
import { InvalidMessage } from '../shared/validate.js';

interface Run {
  controller: AbortController;
  /** The run's report once it has ended (null when it failed). */
  done: Promise<Report | null>;
}

/**
 * The checker behind the window, free of Electron: the main process and the browser harness both
 * drive it, so the tests run the same code the app does. One run at a time per window is the UI's
 * business; the service keeps every run until it is forgotten.
 */
export class CheckerService {
  private readonly runs = new Map<string, Run>();

  /** Starts a check and returns at once; `emit` receives its progress, ending with `finished` or `failed`. */
  async start(request: CheckRequest, emit: (message: ProgressMessage) => void): Promise<{ runId: string }> {
    const profile = await loadRequestedProfile(request.profile);
    // Unguessable: the harness serves a run only to the page that started it, and ids are its handle.
    const runId = `run-${randomBytes(16).toString('hex')}`;
    const controller = new AbortController();
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
      onEvent: (event) => {
        if (event.type === 'discovered') emit({ runId, type: 'discovered', paths: event.paths, rules: event.rules });
        else if (event.type === 'start') emit({ runId, type: 'start', index: event.index, path: event.path });
        else if (event.type === 'file') emit({ runId, type: 'done', index: event.index, result: event.result });
      },
    }).then(
      (report) => {
        emit({ runId, type: 'finished', summary: report.summary, cancelled: report.interrupted });
        return report;
      },
      (error: Error) => {
        emit({ runId, type: 'failed', message: oneLine(error.message) });
        return null;
      },
    );
    this.runs.set(runId, { controller, done });
    return { runId };
  }

  cancel(runId: string): void {
    this.runs.get(runId)?.controller.abort();
  }

  /** Cancels a run and drops it and its results (its reports can no longer be asked for). */
  forget(runId: string): void {
    this.cancel(runId);
    this.runs.delete(runId);
  }

  /** Waits for a run to end (tests and export). */
  async settled(runId: string): Promise<void> {
    await this.runs.get(runId)?.done;
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

/** A message as one printable line, at most 300 characters. */
function oneLine(message: string): string {
  const line = printable(message.split('\n')[0] ?? '');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
