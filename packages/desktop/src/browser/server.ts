/**
 * The browser harness's backend: serves the built renderer and the same `CheckerService` the
 * Electron main process runs, over HTTP on the loopback interface only. Every request goes through
 * the same validators as IPC. Used by the end-to-end tests and `pnpm --filter desktop preview`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ProgressMessage } from '../shared/api.js';
import { InvalidMessage, validateCheckRequest, validateFormat, validateRunId } from '../shared/validate.js';
import { CheckerService } from '../main/checker-service.js';
import { CONTENT_SECURITY_POLICY } from '../main/security.js';

const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };

export interface Harness {
  url: string;
  /** Where dropped files are stored (a fresh temporary folder, removed on close). */
  uploads: string;
  close(): Promise<void>;
}

export async function startHarness(rendererDir: string): Promise<Harness> {
  const service = new CheckerService();
  const uploads = await mkdtemp(join(tmpdir(), 'courseware-check-drops-'));
  const listeners = new Set<ServerResponse>();
  const broadcast = (message: ProgressMessage) => {
    for (const response of listeners) response.write(`data: ${JSON.stringify(message)}\n\n`);
  };
  let uploadCount = 0;

  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method === 'GET' && url.pathname === '/api/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
        return;
      }
      if (request.method === 'POST' && url.pathname === '/api/start') return json(response, await service.start(validateCheckRequest(await readJson(request)), broadcast));
      if (request.method === 'POST' && url.pathname === '/api/cancel') {
        service.cancel(validateRunId((await readJson(request) as { runId?: unknown }).runId));
        return json(response, {});
      }
      if (request.method === 'POST' && url.pathname === '/api/export') {
        const body = (await readJson(request)) as { runId?: unknown; format?: unknown };
        const format = validateFormat(body.format);
        const text = await service.report(validateRunId(body.runId), format);
        response.writeHead(200, { 'content-type': format === 'html' ? 'text/html; charset=utf-8' : 'application/json' });
        return void response.end(text);
      }
      if (request.method === 'POST' && url.pathname === '/api/upload') {
        // A dropped file: stored under its own name in a folder of its own, so sidecars stay beside their video.
        const name = basename(url.searchParams.get('name') ?? '');
        const batch = url.searchParams.get('batch') ?? '';
        if (!name || name === '.' || name === '..' || !/^[\w-]{1,40}$/.test(batch)) throw new InvalidMessage('an upload needs a file name and a batch id');
        const folder = join(uploads, batch);
        await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
        const path = join(folder, name);
        await writeFile(path, await readBody(request, MAX_UPLOAD_BYTES));
        uploadCount++;
        return json(response, { path });
      }
      if (request.method === 'GET') {
        const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
        if (!/^[\w.-]+$/.test(file)) return notFound(response);
        const body = await readFile(join(rendererDir, file)).catch(() => null);
        if (!body) return notFound(response);
        response.writeHead(200, { 'content-type': `${TYPES[file.split('.').pop()!] ?? 'application/octet-stream'}; charset=utf-8`, 'content-security-policy': CONTENT_SECURITY_POLICY });
        return void response.end(body);
      }
      notFound(response);
    } catch (error) {
      const status = error instanceof InvalidMessage || error instanceof SyntaxError ? 400 : 500;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: (error as Error).message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    uploads,
    async close() {
      for (const response of listeners) response.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(uploads, { recursive: true, force: true });
      void uploadCount;
    },
  };
}

function json(response: ServerResponse, value: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new InvalidMessage('upload too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  return JSON.parse((await readBody(request, 1024 * 1024)).toString('utf8'));
}
