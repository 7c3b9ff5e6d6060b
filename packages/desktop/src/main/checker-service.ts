import {
  attachEvidence,
  buildReport,
  checkTargets,
  discoverTargets,
  formatHtml,
  formatJson,
  loadProfile,
  resolveBinaries,
  type FileResult,
} from '@courseware-check/checker-core';
import type { CheckRequest, ProgressMessage } from '../shared/api.js';
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
 * business; the service keeps every run until it is exported or replaced.
 */
export class CheckerService {
  private readonly runs = new Map<string, Run>();
  private nextRun = 1;

  /** Starts a check and returns at once; `emit` receives its progress, ending with `finished` or `failed`. */
  async start(request: CheckRequest, emit: (message: ProgressMessage) => void): Promise<{ runId: string }> {
    const profile = await loadProfile(request.profile.kind === 'builtin' ? request.profile.name : request.profile.path).catch((error: Error) => {
      throw new InvalidMessage(error.message);
    });
    const runId = `run-${this.nextRun++}`;
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
        emit({ runId, type: 'failed', message: (error as Error).message });
      }
    })();
    this.runs.set(runId, run);
    return { runId };
  }

  cancel(runId: string): void {
    this.runs.get(runId)?.controller.abort();
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
