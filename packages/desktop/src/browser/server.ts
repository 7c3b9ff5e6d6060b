/**
 * The browser harness's backend: serves the built renderer and the same `CheckerService` the
 * Electron main process runs, over HTTP on the loopback interface only. Every request goes through
 * the same validators as IPC. Used by the end-to-end tests and `pnpm --filter desktop preview`.
 *
 * Other pages and processes on the machine can reach the port, so, as Jupyter's server does:
 * - every request must name this server in `Host` (`127.0.0.1:PORT` or `localhost:PORT`: no DNS
 *   rebinding), and, when sent, `Origin` must be the server's own and `Sec-Fetch-Site` not `cross-site`;
 * - every `/api/*` request must carry the launch's random token in the `x-courseware-token` header;
 *   the page learns it only from its own address (`/?token=…`, printed at launch);
 * - a page's runs are its own: their progress goes only to its event stream, and only it may cancel
 *   or export them, or plan and start a fix of their files (run ids are random too);
 * - a fix writes into a fresh folder under the harness's own output folder, never beside the
 *   lesson; the page gets back only the files that fix wrote.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HARNESS_HEADERS, type ProgressMessage } from '../shared/api.js';
import { InvalidMessage, validateCheckRequest, validateFileIndex, validateFormat, validatePath, validateRunId } from '../shared/validate.js';
import { CheckerService } from '../main/checker-service.js';
import { CONTENT_SECURITY_POLICY } from '../main/security.js';

const GIB = 1024 ** 3;
const MAX_JSON_BYTES = 1024 * 1024;
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
/** On every response. */
const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export interface HarnessOptions {
  /** The largest single upload, in bytes (default 4 GiB). */
  maxUploadBytes?: number;
  /** All uploads together over the server's life, in bytes (default 16 GiB). */
  maxTotalUploadBytes?: number;
}

export interface Harness {
  /** The page's address with the launch's token: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** This launch's token (256 random bits, base64url), for the `x-courseware-token` header. */
  token: string;
  /** Where dropped files are stored (a fresh temporary folder, removed on close). */
  uploads: string;
  /** Where fixes write, each into a folder of its own (a fresh temporary folder, removed on close). */
  outputs: string;
  close(): Promise<void>;
}

/** One page: its event stream, and the runs it started. */
interface Client {
  stream: ServerResponse;
  runs: Set<string>;
  /** Its stream has closed. */
  gone: boolean;
}

/** An upload over a limit: 413. */
class TooLarge extends Error {}

export async function startHarness(rendererDir: string, options: HarnessOptions = {}): Promise<Harness> {
  const maxUpload = options.maxUploadBytes ?? 4 * GIB;
  const maxTotal = options.maxTotalUploadBytes ?? 16 * GIB;
  const service = new CheckerService();
  const uploads = await mkdtemp(join(tmpdir(), 'courseware-check-drops-'));
  const outputs = await mkdtemp(join(tmpdir(), 'courseware-check-fixed-'));
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = sha256(token);
  const clients = new Map<string, Client>();
  let uploaded = 0;
  let port = 0;

  /** Host names this server (no DNS rebinding); Origin, when sent, is its own; no cross-site fetch. */
  const fromHere = (request: IncomingMessage): boolean => {
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!hosts.includes(request.headers.host ?? '')) return false;
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`)) return false;
    return request.headers['sec-fetch-site'] !== 'cross-site';
  };
  const hasToken = (request: IncomingMessage): boolean => {
    const sent = request.headers[HARNESS_HEADERS.token];
    // Digests of equal length, compared in constant time: neither the token nor its length leaks.
    return typeof sent === 'string' && timingSafeEqual(sha256(sent), tokenDigest);
  };
  const clientOf = (request: IncomingMessage): Client | undefined => {
    const id = request.headers[HARNESS_HEADERS.client];
    return typeof id === 'string' ? clients.get(id) : undefined;
  };
  /** A run of this page's, or null (then 404: another page's run and no run look the same). */
  const ownRun = (request: IncomingMessage, runId: string): string | null => (clientOf(request)?.runs.has(runId) ? runId : null);

  const server: Server = createServer(async (request, response) => {
    try {
      if (!fromHere(request)) return send(response, 403, { error: 'forbidden' });
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        if (!hasToken(request)) return send(response, 403, { error: 'forbidden: this needs the token of the address the preview printed' });
        return await api(request, response, url);
      }
      // The page and its scripts need no token to load; the page reads it from its own address.
      if (request.method === 'GET') {
        const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
        if (!/^\w[\w.-]*$/.test(file)) return notFound(response);
        const body = await readFile(join(rendererDir, file)).catch(() => null);
        if (!body) return notFound(response);
        response.writeHead(200, { ...HEADERS, 'content-type': `${TYPES[file.split('.').pop()!] ?? 'application/octet-stream'}; charset=utf-8` });
        return void response.end(body);
      }
      notFound(response);
    } catch (error) {
      if (error instanceof InvalidMessage) return send(response, 400, { error: error.message });
      // Ours: a short message, no stack, nothing read from a file (the details go to this terminal).
      console.error('courseware-check preview:', error);
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
      else response.end();
    }
  });

  // A dropped file is checked as a copy in the upload folder; the window names it as it was dropped
  // (Electron's window gets the real path: the harness shows the file's own name, not the copy's).
  const uploadedPrefix = new RegExp(`${escapeRegExp(JSON.stringify(uploads + sep).slice(1, -1))}[\\w-]{1,40}${escapeRegExp(JSON.stringify(sep).slice(1, -1))}`, 'g');
  const asDropped = (json: string) => json.replace(uploadedPrefix, '');

  async function api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /api/events') {
      // Read with fetch() and a streamed body in browser-api.ts, not EventSource, so that the token
      // goes in its header like every other request's and never in a URL. The first event names
      // the page's client id, which it sends with start, cancel and export.
      const clientId = randomBytes(16).toString('hex');
      response.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      response.write(`event: client\ndata: ${JSON.stringify({ clientId })}\n\n`);
      const client: Client = { stream: response, runs: new Set(), gone: false };
      clients.set(clientId, client);
      response.on('close', () => {
        // The page is gone: so are its runs.
        client.gone = true;
        clients.delete(clientId);
        for (const runId of client.runs) service.forget(runId);
      });
      return;
    }
    if (route === 'POST /api/start') {
      const client = clientOf(request);
      if (!client) throw new InvalidMessage(`a check needs the page's client id (the first event of /api/events) in ${HARNESS_HEADERS.client}`);
      const checkRequest = validateCheckRequest(await readJson(request));
      const { runId } = await service.start(checkRequest, (message: ProgressMessage) => {
        if (!client.gone) client.stream.write(`data: ${asDropped(JSON.stringify(message))}\n\n`);
      });
      if (client.gone) service.forget(runId);
      else client.runs.add(runId);
      return send(response, 200, { runId });
    }
    if (route === 'POST /api/cancel') {
      const runId = ownRun(request, validateRunId(((await readJson(request)) as { runId?: unknown }).runId));
      if (!runId) return send(response, 404, { error: 'no such run' });
      service.cancel(runId);
      return send(response, 200, {});
    }
    if (route === 'POST /api/export') {
      const body = (await readJson(request)) as { runId?: unknown; format?: unknown };
      const format = validateFormat(body.format);
      const runId = ownRun(request, validateRunId(body.runId));
      if (!runId) return send(response, 404, { error: 'no such run' });
      const text = await service.report(runId, format);
      response.writeHead(200, { ...HEADERS, 'content-type': format === 'html' ? 'text/html; charset=utf-8' : 'application/json' });
      return void response.end(text);
    }
    if (route === 'POST /api/plan-fix') {
      const body = (await readJson(request)) as { runId?: unknown; index?: unknown };
      const index = validateFileIndex(body.index);
      const runId = ownRun(request, validateRunId(body.runId));
      if (!runId) return send(response, 404, { error: 'no such run' });
      return sendJsonText(response, asDropped(JSON.stringify(await service.planFix(runId, index))));
    }
    if (route === 'POST /api/start-fix') {
      const client = clientOf(request);
      const body = (await readJson(request)) as { runId?: unknown; index?: unknown };
      const index = validateFileIndex(body.index);
      const runId = ownRun(request, validateRunId(body.runId));
      if (!client || !runId) return send(response, 404, { error: 'no such run' });
      // No folder dialog here: each fix gets a fresh folder of the harness's own.
      const outputDir = await mkdtemp(join(outputs, 'fix-'));
      const { fixId } = await service.startFix(runId, index, outputDir, (message: ProgressMessage) => {
        if (!client.gone) client.stream.write(`data: ${asDropped(JSON.stringify(message))}\n\n`);
      });
      if (client.gone) service.forget(fixId);
      else client.runs.add(fixId);
      return send(response, 200, { fixId, outputDir });
    }
    if (route === 'POST /api/fixed') {
      // A file the page's own fix wrote, for download.
      const body = (await readJson(request)) as { runId?: unknown; output?: unknown };
      const output = validatePath(body.output);
      const fixId = ownRun(request, validateRunId(body.runId));
      if (!fixId) return send(response, 404, { error: 'no such fix' });
      const path = await service.fixedFile(fixId, output);
      const size = (await stat(path)).size;
      response.writeHead(200, { ...HEADERS, 'content-type': 'application/octet-stream', 'content-length': String(size) });
      await pipeline(createReadStream(path), response);
      return;
    }
    if (route === 'POST /api/upload') {
      // A dropped file: stored under its own name in a folder of its own, so sidecars stay beside their video.
      const name = basename(url.searchParams.get('name') ?? '');
      const batch = url.searchParams.get('batch') ?? '';
      if (!name || name === '.' || name === '..' || !/^[\w-]{1,40}$/.test(batch)) throw new InvalidMessage('an upload needs a file name and a batch id');
      const declared = Number(request.headers['content-length']);
      if (declared > maxUpload || declared > maxTotal - uploaded) return tooLarge(response);
      const folder = join(uploads, batch);
      await mkdir(folder, { recursive: true });
      const path = join(folder, name);
      let size = 0;
      try {
        await receive(request, path, (bytes) => {
          size += bytes;
          uploaded += bytes;
          return size <= maxUpload && uploaded <= maxTotal;
        });
      } catch (error) {
        // Nothing of a refused or broken upload stays, and it does not count.
        uploaded -= size;
        await rm(path, { force: true }).catch(() => {});
        await rmdir(folder).catch(() => {});
        if (error instanceof TooLarge) return tooLarge(response);
        throw error;
      }
      return send(response, 200, { path });
    }
    notFound(response);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    uploads,
    outputs,
    async close() {
      for (const client of clients.values()) {
        client.gone = true;
        for (const runId of client.runs) service.forget(runId);
        client.stream.end();
      }
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await rm(uploads, { recursive: true, force: true });
      await rm(outputs, { recursive: true, force: true });
    },
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { ...HEADERS, 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** JSON already serialised (the file names of dropped files made as they were dropped). */
function sendJsonText(response: ServerResponse, json: string): void {
  response.writeHead(200, { ...HEADERS, 'content-type': 'application/json' });
  response.end(json);
}

function notFound(response: ServerResponse): void {
  send(response, 404, { error: 'not found' });
}

function tooLarge(response: ServerResponse): void {
  // The rest of the body is read and dropped (by `receive`, or by Node once this is sent), not cut
  // off, so that the client, still sending, gets to read this answer.
  send(response, 413, { error: 'upload too large' });
}

/**
 * Streams a request's body to a new file; `accept(bytes)` counts each chunk and says whether it
 * is still within bounds (else TooLarge, and the rest of the body is read and dropped).
 */
function receive(request: IncomingMessage, path: string, accept: (bytes: number) => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const file = createWriteStream(path);
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      request.off('data', onData);
      request.resume(); // the rest is read and dropped
      file.destroy();
      file.once('close', () => reject(error));
    };
    const onData = (chunk: Buffer) => {
      if (!accept(chunk.length)) return fail(new TooLarge('upload too large'));
      if (!file.write(chunk)) {
        request.pause();
        file.once('drain', () => request.resume());
      }
    };
    request.on('data', onData);
    request.once('end', () => failed || file.end());
    request.once('close', () => request.complete || fail(new Error('upload cut off')));
    request.once('error', fail);
    file.once('error', fail);
    file.once('close', () => failed || resolve());
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end (beyond the limit, dropped) so that the client gets to read the refusal.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_JSON_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_JSON_BYTES) throw new InvalidMessage('request too large');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new InvalidMessage('the request is not JSON');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
