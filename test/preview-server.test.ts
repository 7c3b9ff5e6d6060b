import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../packages/desktop/src/browser/server.js';
import type { ProgressMessage } from '../packages/desktop/src/shared/api.js';
import { REPO_ROOT } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound } from './helpers/media.js';

const RUN_ID = /^run-[0-9a-f]{32}$/;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Call {
  method?: string;
  path?: string;
  /** Sent as is; `host` defaults to the server's own `127.0.0.1:PORT`. */
  headers?: Record<string, string>;
  /** A whole body (sent with its length), or chunks (sent chunked, one after another). */
  body?: string | Buffer | Buffer[];
}

/** One real HTTP request over loopback (http.request: fetch cannot set Host), on a fresh connection. */
function call(port: number, { method = 'GET', path = '/', headers = {}, body }: Call = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    // A request that is answered with a stream (or not at all) fails here rather than hanging.
    request.setTimeout(15_000, () => request.destroy(new Error(`${method} ${path}: no complete answer in 15 s`)));
    if (Array.isArray(body)) {
      void (async () => {
        for (const chunk of body) {
          request.write(chunk);
          await new Promise((r) => setTimeout(r, 20));
        }
        request.end();
      })();
    } else request.end(body);
  });
}

/** A page's event stream: its client id (the first event) and the progress messages that follow. */
interface Stream {
  clientId: string;
  messages: ProgressMessage[];
  /** Resolves with the run's last message (finished or failed). */
  ended(runId: string): Promise<ProgressMessage>;
  close(): void;
}

function openStream(port: number, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const messages: ProgressMessage[] = [];
    const waiting: (() => void)[] = [];
    let response: IncomingMessage | undefined;
    const request = httpRequest({ host: '127.0.0.1', port, path: '/api/events', agent: false, headers: { host: `127.0.0.1:${port}`, 'x-courseware-token': token } }, (res) => {
      response = res;
      if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data === undefined) continue;
          if (event === 'client') {
            const { clientId } = JSON.parse(data) as { clientId: string };
            resolve({
              clientId,
              messages,
              ended: (runId) =>
                new Promise((done) => {
                  const check = () => {
                    const last = messages.find((m) => m.runId === runId && (m.type === 'finished' || m.type === 'failed'));
                    if (last) done(last);
                    else waiting.push(check);
                  };
                  check();
                }),
              close: () => request.destroy(),
            });
          } else {
            messages.push(JSON.parse(data) as ProgressMessage);
            waiting.splice(0).forEach((check) => check());
          }
        }
      });
    });
    request.on('error', (error) => (response ? undefined : reject(error)));
    request.end();
  });
}

let renderer: string;
let lesson: string;
/** A lesson no run has checked before the cancel test: a verdict from the result cache would end before the cancel. */
let uncheckedLesson: string;
let harness: Harness;
let port: number;
const token = () => ({ 'x-courseware-token': harness.token });
/** A JSON POST to the harness with the token; `headers` add to (or override) it. */
const post = (path: string, value: unknown, headers: Record<string, string> = {}) =>
  call(port, { method: 'POST', path, body: JSON.stringify(value), headers: { ...token(), 'content-type': 'application/json', ...headers } });
/** As the page whose stream has this client id. */
const as = (client: string | undefined): Record<string, string> => (client ? { 'x-courseware-client': client } : {});
const checkOf = (paths: string[], profile: unknown = { kind: 'builtin', name: 'web' }) => ({ paths, profile, language: 'zh' });

beforeAll(async () => {
  // A renderer folder of our own: the static rules are the server's, whatever the build holds.
  renderer = await mkdtemp(join(tmpdir(), 'preview-renderer-'));
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>preview page</title><script src="app.js"></script>');
  await writeFile(join(renderer, 'app.js'), 'console.log("app");');
  lesson = await makeMedia('preview-lesson.mp4', [...testPicture({ size: '320x240', durationS: 2 }), ...testSound({ durationS: 2 }), ...H264, ...AAC]);
  uncheckedLesson = await makeMedia('preview-lesson-unchecked.mp4', [...testPicture({ size: '320x240', durationS: 3 }), ...testSound({ durationS: 3 }), ...H264, ...AAC]);
  harness = await startHarness(renderer);
  port = Number(new URL(harness.url).port);
});

afterAll(async () => {
  await harness?.close();
  if (renderer) await rm(renderer, { recursive: true, force: true });
});

describe('the preview server answers only requests that carry its launch’s token', () => {
  it('prints an address with a random base64url token of at least 128 bits, different per launch', async () => {
    const url = new URL(harness.url);
    expect(`${url.origin}/`).toBe(`http://127.0.0.1:${port}/`);
    expect(url.searchParams.get('token')).toBe(harness.token);
    expect(harness.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(harness.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const other = await startHarness(renderer);
    try {
      expect(other.token).not.toBe(harness.token);
    } finally {
      await other.close();
    }
  });

  it('refuses every /api/* request without the token or with a wrong one (403), and does nothing', async () => {
    const wrong: Record<string, string>[] = [{}, { 'x-courseware-token': 'wrong' }, { 'x-courseware-token': `${harness.token}x` }, { 'x-courseware-token': harness.token.slice(0, -1) }, { authorization: `Bearer ${harness.token}` }];
    const stream = await openStream(port, harness.token);
    try {
      for (const headers of wrong) {
        const asClient = { ...headers, 'x-courseware-client': stream.clientId, 'content-type': 'application/json' };
        expect((await call(port, { path: '/api/events', headers })).status).toBe(403);
        expect((await call(port, { method: 'POST', path: '/api/start', headers: asClient, body: JSON.stringify(checkOf([lesson])) })).status).toBe(403);
        expect((await call(port, { method: 'POST', path: '/api/cancel', headers: asClient, body: JSON.stringify({ runId: `run-${'0'.repeat(32)}` }) })).status).toBe(403);
        expect((await call(port, { method: 'POST', path: '/api/export', headers: asClient, body: JSON.stringify({ runId: `run-${'0'.repeat(32)}`, format: 'json' }) })).status).toBe(403);
        expect((await call(port, { method: 'POST', path: '/api/upload?batch=refused&name=a.mp4', headers, body: 'x' })).status).toBe(403);
        // The token in the query is no token for the API.
        expect((await call(port, { path: `/api/events?token=${harness.token}`, headers })).status).toBe(403);
      }
      expect(existsSync(join(harness.uploads, 'refused'))).toBe(false);
      expect(stream.messages).toEqual([]); // nothing was started
    } finally {
      stream.close();
    }
  });

  it('answers each API endpoint with the right token', async () => {
    const stream = await openStream(port, harness.token);
    try {
      expect(stream.clientId).toMatch(/^[0-9a-f]{32}$/);
      const start = await post('/api/start', checkOf([lesson]), as(stream.clientId));
      expect(start.status).toBe(200);
      const { runId } = JSON.parse(start.body) as { runId: string };
      expect(runId).toMatch(RUN_ID);
      const exported = await post('/api/export', { runId, format: 'json' }, as(stream.clientId));
      expect(exported.status).toBe(200);
      expect(JSON.parse(exported.body).summary.files).toBe(1);
      expect((await stream.ended(runId)).type).toBe('finished');
      const cancel = await post('/api/cancel', { runId }, as(stream.clientId));
      expect(cancel.status).toBe(200);
      const upload = await call(port, { method: 'POST', path: '/api/upload?batch=ok1&name=lesson.mp4', headers: token(), body: 'abc' });
      expect(upload.status).toBe(200);
      expect(JSON.parse(upload.body).path).toBe(join(harness.uploads, 'ok1', 'lesson.mp4'));
      expect(await readdir(join(harness.uploads, 'ok1'))).toEqual(['lesson.mp4']);
    } finally {
      stream.close();
    }
  });
});

describe('the preview server answers only its own address and origin', () => {
  const page = (headers: Record<string, string> = {}) => call(port, { path: '/', headers });

  it('refuses a foreign Host (DNS rebinding, another port), even with the token, for the page and the API', async () => {
    for (const host of ['evil.example:' + port, `127.0.0.1:${port + 1}`, `localhost:${port + 1}`, '127.0.0.1', 'localhost', `[::1]:${port}`, `127.0.0.1:${port}.evil.example`]) {
      expect((await page({ host })).status).toBe(403);
      expect((await call(port, { path: '/app.js', headers: { host } })).status).toBe(403);
      expect((await call(port, { path: '/api/events', headers: { ...token(), host } })).status).toBe(403);
      expect((await post('/api/start', checkOf([lesson]), { host })).status).toBe(403);
      expect((await post('/api/export', { runId: `run-${'0'.repeat(32)}`, format: 'json' }, { host })).status).toBe(403);
    }
    expect((await page({ host: `localhost:${port}` })).status).toBe(200);
    expect((await page()).status).toBe(200);
  });

  it('refuses a foreign Origin and cross-site requests; no Origin, or its own, is fine', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `http://localhost:${port + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      expect((await page({ origin })).status).toBe(403);
      expect((await call(port, { method: 'POST', path: '/api/upload?batch=origin&name=a.srt', headers: { ...token(), origin }, body: 'x' })).status).toBe(403);
    }
    expect((await call(port, { method: 'POST', path: '/api/upload?batch=origin&name=a.srt', headers: { ...token(), 'sec-fetch-site': 'cross-site' }, body: 'x' })).status).toBe(403);
    expect((await page({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(existsSync(join(harness.uploads, 'origin'))).toBe(false);
    const allowed: Record<string, string>[] = [{}, { origin: `http://127.0.0.1:${port}` }, { origin: `http://localhost:${port}`, host: `localhost:${port}` }, { 'sec-fetch-site': 'same-origin' }];
    for (const headers of allowed) {
      expect((await call(port, { method: 'POST', path: '/api/upload?batch=origin&name=a.srt', headers: { ...token(), ...headers }, body: 'x' })).status).toBe(200);
    }
  });

  it('serves the page without the token, under its CSP, no referrer, no sniffing, no caching', async () => {
    for (const reply of [await page(), await page({ 'x-courseware-token': 'wrong' }), await call(port, { path: '/?token=wrong' }), await call(port, { path: '/app.js' })]) {
      expect(reply.status).toBe(200);
      expect(reply.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'/);
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.body).not.toContain(harness.token);
    }
    expect((await page()).body).toContain('<title>preview page</title>');
    expect((await call(port, { path: '/..%2Fpackage.json' })).status).toBe(404);
  });
});

describe('each page sees and handles only its own runs', () => {
  it('gives runs random ids, and another page none of their events, cancel or export', async () => {
    const a = await openStream(port, harness.token);
    const b = await openStream(port, harness.token);
    try {
      expect(a.clientId).not.toBe(b.clientId);
      const first = JSON.parse((await post('/api/start', checkOf([lesson]), as(a.clientId))).body).runId as string;
      // B cannot cancel A's run, nor export it: the same 404 as a run that never was.
      const never = await post('/api/export', { runId: `run-${randomBytes(16).toString('hex')}`, format: 'json' }, as(b.clientId));
      expect(never).toMatchObject({ status: 404 });
      for (const client of [b.clientId, undefined, 'f'.repeat(32)]) {
        const cancel = await post('/api/cancel', { runId: first }, as(client));
        expect(cancel.status).toBe(404);
        expect(cancel.body).toBe(never.body);
        const exported = await post('/api/export', { runId: first, format: 'json' }, as(client));
        expect(exported.status).toBe(404);
        expect(exported.body).toBe(never.body);
        expect(exported.body).not.toContain('preview-lesson');
      }
      expect(await a.ended(first)).toMatchObject({ type: 'finished', cancelled: false, summary: { files: 1 } });
      const second = JSON.parse((await post('/api/start', checkOf([uncheckedLesson]), as(a.clientId))).body).runId as string;
      expect(first).toMatch(RUN_ID);
      expect(second).toMatch(RUN_ID);
      expect(second).not.toBe(first);
      expect((await post('/api/cancel', { runId: second }, as(a.clientId))).status).toBe(200);
      expect(await a.ended(second)).toMatchObject({ type: 'finished', cancelled: true });
      expect(a.messages.some((m) => m.runId === first && m.type === 'done')).toBe(true);
      // B's stream carried nothing of A's runs (nothing at all: B started none).
      await new Promise((r) => setTimeout(r, 200));
      expect(b.messages).toEqual([]);
      // Starting needs a page's stream.
      expect((await post('/api/start', checkOf([lesson]))).status).toBe(400);
      expect((await post('/api/start', checkOf([lesson]), as('f'.repeat(32)))).status).toBe(400);
    } finally {
      a.close();
      b.close();
    }
  });

  it('forgets a page’s runs when its stream closes', async () => {
    const a = await openStream(port, harness.token);
    const start = await post('/api/start', checkOf([lesson]), as(a.clientId));
    const { runId } = JSON.parse(start.body) as { runId: string };
    expect(await a.ended(runId)).toMatchObject({ type: 'finished' });
    a.close();
    await new Promise((r) => setTimeout(r, 200));
    const exported = await post('/api/export', { runId, format: 'json' }, as(a.clientId));
    expect(exported.status).toBe(404);
  });
});

describe('uploads are bounded', () => {
  let small: Harness;
  let smallPort: number;
  const upload = (batch: string, body: string | Buffer | Buffer[]) =>
    call(smallPort, { method: 'POST', path: `/api/upload?batch=${batch}&name=clip.mp4`, headers: { 'x-courseware-token': small.token }, body });

  beforeAll(async () => {
    small = await startHarness(renderer, { maxUploadBytes: 1000, maxTotalUploadBytes: 2500 });
    smallPort = Number(new URL(small.url).port);
  });
  afterAll(async () => small?.close());

  it('refuses a file over the limit with 413, whether its length is declared or streamed, and keeps none of it', async () => {
    const declared = await upload('big1', Buffer.alloc(1001, 1));
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: 'upload too large' });
    const streamed = await upload('big2', [Buffer.alloc(400, 1), Buffer.alloc(400, 1), Buffer.alloc(400, 1)]);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toEqual({ error: 'upload too large' });
    expect(await readdir(small.uploads)).toEqual([]);
    // At the limit, it is taken, streamed or not.
    expect((await upload('fits1', Buffer.alloc(1000, 2))).status).toBe(200);
    expect((await upload('fits2', [Buffer.alloc(500, 2), Buffer.alloc(500, 2)])).status).toBe(200);
    expect((await readdir(small.uploads)).sort()).toEqual(['fits1', 'fits2']);
  });

  it('refuses uploads beyond the total with 413; refused ones do not count', async () => {
    // 2000 of 2500 taken by the test above.
    expect((await upload('total1', Buffer.alloc(501, 3))).status).toBe(413);
    expect((await upload('total2', [Buffer.alloc(300, 3), Buffer.alloc(300, 3)])).status).toBe(413);
    expect((await readdir(small.uploads)).sort()).toEqual(['fits1', 'fits2']);
    expect((await upload('total3', Buffer.alloc(500, 3))).status).toBe(200);
    expect((await upload('total4', Buffer.alloc(1, 3))).status).toBe(413);
  });

  it('removes the upload folder on close', async () => {
    const other = await startHarness(renderer);
    const otherPort = Number(new URL(other.url).port);
    expect((await call(otherPort, { method: 'POST', path: '/api/upload?batch=b&name=x.srt', headers: { 'x-courseware-token': other.token }, body: 'x' })).status).toBe(200);
    expect(existsSync(join(other.uploads, 'b', 'x.srt'))).toBe(true);
    await other.close();
    expect(existsSync(other.uploads)).toBe(false);
  });
});

describe('errors say what went wrong without quoting files', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'preview-profiles-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it.each([
    ['invalid YAML', 'secret.yaml', (secret: string) => `${secret}: [\nmore: text\n`, /: not valid YAML/],
    ['a JSON body of arbitrary text', 'secret.json', (secret: string) => `${secret} and more text\n`, /: not valid JSON/],
    ['a shadow-like line', 'shadow.yml', (secret: string) => `root:$6$${secret}:19000:0:99999:7:::\n`, /: unknown key <not shown: \d+ characters, not a name>/],
    ['an unknown key', 'key.yaml', (secret: string) => `${secret}: 1\n`, /: unknown key <not shown: \d+ characters, not a name> \(allowed: name, description, extends, rules\)$/],
    ['an unknown rule', 'rule.json', (secret: string) => JSON.stringify({ rules: { [secret]: 'off' } }), /: unknown rule <not shown: \d+ characters, not a name>/],
    ['a bad option value', 'option.json', (secret: string) => JSON.stringify({ rules: { 'video.bitrate': { options: { minBps: secret } } } }), /: video\.bitrate options\.minBps must be a finite number, not a string$/],
    ['a bad extends', 'extends.yaml', (secret: string) => `extends: ${secret}\n`, /: extends names no built-in profile/],
  ])('refuses a profile file with %s, naming the file but not its content', async (_what, name, content, cause) => {
    // Shaped like a secret, not like a key name (a key name of up to 40 characters may be quoted).
    const secret = `SECRET=LINE/${randomBytes(6).toString('hex')}`;
    const path = join(folder, name);
    await writeFile(path, content(secret));
    const stream = await openStream(port, harness.token);
    try {
      const reply = await post('/api/start', checkOf([lesson], { kind: 'file', path }), as(stream.clientId));
      expect(reply.status).toBe(400);
      const { error } = JSON.parse(reply.body) as { error: string };
      expect(error.startsWith(`profile ${path}: `)).toBe(true);
      expect(error).toMatch(cause);
      expect(error).not.toContain('SECRET');
      expect(reply.body).not.toContain(secret.slice(-12));
    } finally {
      stream.close();
    }
  });

  it('says a profile path that is no file is none, and a missing one missing', async () => {
    const stream = await openStream(port, harness.token);
    try {
      const start = async (path: string) => {
        const reply = await post('/api/start', checkOf([lesson], { kind: 'file', path }), as(stream.clientId));
        return { status: reply.status, error: (JSON.parse(reply.body) as { error: string }).error };
      };
      expect(await start(folder)).toEqual({ status: 400, error: `profile ${folder}: not a regular file (a folder)` });
      expect(await start(join(folder, 'missing.yaml'))).toEqual({ status: 400, error: `profile ${join(folder, 'missing.yaml')}: no such file, and not a built-in profile (web, archive)` });
    } finally {
      stream.close();
    }
  });

  it('answers an internal error with a short message: no stack, no path, no system error', async () => {
    // A folder where the upload's file should go: writing it fails inside the server.
    await mkdir(join(harness.uploads, 'clash', 'clip.mp4'), { recursive: true });
    const reply = await call(port, { method: 'POST', path: '/api/upload?batch=clash&name=clip.mp4', headers: token(), body: 'x' });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ error: 'internal error' });
  });
});

describe('pnpm --filter desktop preview', () => {
  /** Runs the preview as its script does, reads the two lines it prints, and stops it with `signal`. */
  async function runAndStop(signal: 'SIGTERM' | 'SIGINT') {
    const child = execa('node', ['--conditions=@courseware-check/source', '--import', 'tsx', 'packages/desktop/src/browser/preview.ts'], { cwd: REPO_ROOT, reject: false });
    let printed = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        if (printed.split('\n').length > 2) resolve();
      });
      void child.then((result) => reject(new Error(`the preview ended early: ${result.stderr}`)));
    });
    const url = /^courseware-check preview at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)) \(Ctrl-C to stop\)$/m.exec(printed);
    const uploads = /^dropped files are kept in (.+) until it stops$/m.exec(printed)?.[1];
    expect(url).not.toBeNull();
    expect(uploads).toBeDefined();
    const [, , portText, printedToken] = url!;
    const previewPort = Number(portText);
    // The printed token opens the API; the upload lands in the printed folder.
    expect((await call(previewPort, { path: '/api/events?token=x', headers: { 'x-courseware-token': 'x' } })).status).toBe(403);
    const stream = await openStream(previewPort, printedToken!);
    expect(stream.clientId).toMatch(/^[0-9a-f]{32}$/);
    const upload = await call(previewPort, { method: 'POST', path: '/api/upload?batch=b&name=x.srt', headers: { 'x-courseware-token': printedToken! }, body: 'x' });
    expect(JSON.parse(upload.body).path).toBe(join(uploads!, 'b', 'x.srt'));
    expect(existsSync(join(uploads!, 'b', 'x.srt'))).toBe(true);
    child.kill(signal);
    const result = await child;
    stream.close();
    return { result, uploads: uploads! };
  }

  it('removes its upload folder and exits 143 on SIGTERM', async () => {
    const { result, uploads } = await runAndStop('SIGTERM');
    expect(result.exitCode).toBe(143);
    expect(existsSync(uploads)).toBe(false);
  });

  it('removes its upload folder and exits 130 on SIGINT', async () => {
    const { result, uploads } = await runAndStop('SIGINT');
    expect(result.exitCode).toBe(130);
    expect(existsSync(uploads)).toBe(false);
  });
});
