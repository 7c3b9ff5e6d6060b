/**
 * `CheckerApi` for a plain browser, backed by the harness server on the loopback interface: the
 * renderer runs unchanged, against the real checker-core. Installs itself only where no preload
 * has (in Electron, the preload's bridge is already there and this does nothing).
 */
import type { CheckerApi, CheckRequest, ProgressMessage } from '../shared/api.js';

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const value = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(value.error ?? `HTTP ${response.status}`);
  return value;
}

function createBrowserApi(): CheckerApi {
  const listeners = new Set<(message: ProgressMessage) => void>();
  const events = new EventSource('/api/events');
  events.onmessage = (event) => {
    const message = JSON.parse(event.data as string) as ProgressMessage;
    for (const listener of listeners) listener(message);
  };
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
        const response = await fetch(`/api/upload?batch=${batch}&name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
        const value = (await response.json()) as { path?: string; error?: string };
        if (!response.ok || !value.path) throw new Error(value.error ?? `HTTP ${response.status}`);
        paths.push(value.path);
      }
      // The videos: their sidecar subtitles were uploaded beside them and are found there.
      const videos = paths.filter((p) => !/\.(srt|vtt)$/i.test(p));
      return videos.length ? videos : paths;
    },
    async pickProfile() {
      return window.prompt('Path of a JSON or YAML profile file on this machine') || null;
    },
    startCheck: (request: CheckRequest) => post('/api/start', request),
    async cancel(runId) {
      await post('/api/cancel', { runId });
    },
    async exportReport(runId, format) {
      const response = await fetch('/api/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ runId, format }) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const name = `courseware-report.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      return { savedTo: name };
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

if (!('checker' in window)) (window as unknown as { checker: CheckerApi }).checker = createBrowserApi();
