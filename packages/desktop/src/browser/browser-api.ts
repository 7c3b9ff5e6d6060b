/**
 * `CheckerApi` for a plain browser, backed by the harness server on the loopback interface: the
 * renderer runs unchanged, against the real checker-core. Installs itself only where no preload
 * has (in Electron, the preload's bridge is already there and this does nothing).
 *
 * The server answers only requests that carry its launch's token, which this page learns from its
 * own address (`/?token=…`, as the preview prints it) and sends in a header, never in a URL.
 */
import { HARNESS_HEADERS, type CheckerApi, type CheckRequest, type FixPlanView, type ProgressMessage } from '../shared/api.js';

const REFUSED = 'the preview server refused this page: open the address it printed, token and all';

function createBrowserApi(): CheckerApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const listeners = new Set<(message: ProgressMessage) => void>();
  const clientId = openEvents(token, (message) => {
    for (const listener of listeners) listener(message);
  });
  clientId.catch(() => {}); // reported by the calls that need it

  const request = async (path: string, init: RequestInit = {}, withClient = false): Promise<Response> => {
    const headers: Record<string, string> = { [HARNESS_HEADERS.token]: token };
    if (withClient) headers[HARNESS_HEADERS.client] = await clientId;
    const response = await fetch(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
    if (response.status === 403) throw new Error(REFUSED);
    if (!response.ok) {
      const value = (await response.json().catch(() => ({}))) as { error?: string };
      throw new Error(value.error ?? `HTTP ${response.status}`);
    }
    return response;
  };
  const post = async <T>(path: string, body: unknown): Promise<T> =>
    (await (await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, true)).json()) as T;

  let batches = 0;
  return {
    async pickPaths() {
      // No native picker in a browser: a path typed by hand (the harness runs on the same machine).
      const typed = window.prompt('Path of a file or folder on this machine');
      return typed ? [typed] : [];
    },
    async pathsOfDropped(files) {
      const batch = `drop-${Date.now()}-${batches++}`;
      const paths: string[] = [];
      for (const file of files) {
        const response = await request(`/api/upload?batch=${batch}&name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
        const value = (await response.json()) as { path?: string };
        if (!value.path) throw new Error('the upload returned no path');
        paths.push(value.path);
      }
      // The videos: their sidecar subtitles were uploaded beside them and are found there.
      const videos = paths.filter((p) => !/\.(srt|vtt)$/i.test(p));
      return videos.length ? videos : paths;
    },
    async pickProfile() {
      return window.prompt('Path of a JSON or YAML profile file on this machine') || null;
    },
    startCheck: (checkRequest: CheckRequest) => post<{ runId: string }>('/api/start', checkRequest),
    async cancel(runId) {
      await post('/api/cancel', { runId });
    },
    async exportReport(runId, format) {
      const response = await request('/api/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ runId, format }) }, true);
      const name = `courseware-report.${format}`;
      download(await response.blob(), name);
      return { savedTo: name };
    },
    planFix: (runId, index) => post<FixPlanView>('/api/plan-fix', { runId, index }),
    // The harness writes into a fresh folder of its own (never beside the lesson): no folder to ask for.
    startFix: (runId, index) => post<{ fixId: string; outputDir: string }>('/api/start-fix', { runId, index }),
    async openFixed(fixId, output) {
      const response = await request('/api/fixed', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ runId: fixId, output }) }, true);
      download(await response.blob(), output.split(/[\\/]/).pop() || 'fixed.mp4');
    },
    fixedFileAction: 'download',
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Offers a blob as a download under `name`. */
function download(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
}

/**
 * This page's event stream (server-sent events), read with fetch() and a streamed body rather than
 * EventSource, which cannot send the token header. Resolves to the client id of its first event;
 * the progress of this page's runs, and only theirs, follows. (No reconnection: a new launch of the
 * server has a new token, so a page whose stream ended must be opened again from the new address.)
 */
function openEvents(token: string, onMessage: (message: ProgressMessage) => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    void (async () => {
      const response = await fetch('/api/events', { headers: { [HARNESS_HEADERS.token]: token }, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(response.status === 403 ? REFUSED : `events: HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trimStart();
          }
          if (!data) continue;
          if (event === 'client') resolve((JSON.parse(data) as { clientId: string }).clientId);
          else onMessage(JSON.parse(data) as ProgressMessage);
        }
      }
      reject(new Error('the preview server closed the event stream'));
    })().catch(reject);
  });
}

if (!('checker' in window)) (window as unknown as { checker: CheckerApi }).checker = createBrowserApi();
