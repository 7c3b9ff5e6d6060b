import { randomBytes } from 'node:crypto';
import {
  attachEvidence,
  buildReport,
  checkTargets,
  discoverTargets,
  formatHtml,
  formatJson,
  loadProfile,
  printable,
  ProfileError,
  resolveBinaries,
  type FileResult,
  type Profile,
} from '@courseware-check/checker-core';
import type { CheckRequest, ProfileChoice, ProgressMessage } from '../shared/api.js';
import { InvalidMessage } from '../shared/validate.js';

interface Run {
  controller: AbortController;
  request: CheckRequest;
  profileName: string;
  results: FileResult[];
  done: Promise<void>;
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
    const run: Run = { controller, request, profileName: profile.name, results: [], done: Promise.resolve() };
    run.done = (async () => {
      try {
        const targets = await discoverTargets(request.paths);
        emit({ runId, type: 'discovered', paths: targets.map((t) => t.path) });
        const results = await checkTargets(targets, {
          profile,
          language: request.language,
          signal: controller.signal,
          onProgress: (event) => {
            if (event.type === 'start') emit({ runId, type: 'start', index: event.index, path: event.path });
          },
          onResult: async (index, result) => {
            // The window shows the picture at each timed video finding.
            await attachEvidence([result], { embed: true });
            emit({ runId, type: 'done', index, result });
          },
        });
        run.results = results;
        emit({ runId, type: 'finished', summary: buildReport(results, this.reportContext(run, await resolveBinaries())).summary, cancelled: controller.signal.aborted });
      } catch (error) {
        emit({ runId, type: 'failed', message: oneLine((error as Error).message) });
      }
    })();
    this.runs.set(runId, run);
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
    const run = this.runs.get(runId);
    if (!run) throw new InvalidMessage(`no run ${runId}`);
    await run.done;
    const report = buildReport(run.results, this.reportContext(run, await resolveBinaries()));
    return format === 'html' ? formatHtml(report) : formatJson(report);
  }

  private reportContext(run: Run, binaries: Awaited<ReturnType<typeof resolveBinaries>>) {
    return { profile: run.profileName, binaries, quick: false, language: run.request.language };
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
