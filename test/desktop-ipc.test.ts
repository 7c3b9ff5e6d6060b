import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../packages/desktop/src/shared/api.js';
import { InvalidMessage, validateCheckRequest, validateFormat, validateRunId } from '../packages/desktop/src/shared/validate.js';
import { isTrustedSender } from '../packages/desktop/src/main/security.js';
import { CheckerService } from '../packages/desktop/src/main/checker-service.js';
import { REPO_ROOT } from './helpers/cli.js';

const SAMPLES = join(REPO_ROOT, 'sample-media');
const valid = { paths: [SAMPLES], profile: { kind: 'builtin', name: 'web' }, language: 'zh' };

describe('IPC arguments are validated whatever the renderer sends', () => {
  it('accepts a well-formed request', () => {
    expect(validateCheckRequest(valid)).toEqual(valid);
    expect(validateCheckRequest({ ...valid, profile: { kind: 'file', path: '/tmp/p.yaml' } }).profile).toEqual({ kind: 'file', path: '/tmp/p.yaml' });
  });

  it.each([
    ['not an object', 'paths'],
    ['an extra field', { ...valid, shell: 'rm -rf /' }],
    ['paths not a list', { ...valid, paths: SAMPLES }],
    ['no paths', { ...valid, paths: [] }],
    ['a path that is not a string', { ...valid, paths: [42] }],
    ['a path with a NUL byte', { ...valid, paths: ['a\0b'] }],
    ['too many paths', { ...valid, paths: new Array(10_001).fill('a.mp4') }],
    ['an unknown built-in profile', { ...valid, profile: { kind: 'builtin', name: 'broadcast' } }],
    ['a profile file that is not a path', { ...valid, profile: { kind: 'file', path: { toString: 1 } } }],
    ['an unknown course language', { ...valid, language: 'fr' }],
    ['an unknown locale', { ...valid, locale: 'fr' }],
    ['an array for the request', [valid]],
  ])('refuses %s', (_what, request) => {
    expect(() => validateCheckRequest(request)).toThrow(InvalidMessage);
  });

  it('refuses run ids and formats that are not ours', () => {
    const id = `run-${'0123456789abcdef'.repeat(2)}`;
    expect(validateRunId(id)).toBe(id);
    for (const bad of ['run-x', 'run-3', '../run-1', 3, null, 'run-1; rm', `${id}0`, id.slice(0, -1), id.toUpperCase(), `run-${'g'.repeat(32)}`, `${id}\n`]) {
      expect(() => validateRunId(bad)).toThrow(InvalidMessage);
    }
    expect(() => validateFormat('pdf')).toThrow(InvalidMessage);
  });

  it('trusts only the window the main process created, showing the app page', () => {
    expect(isTrustedSender({ senderId: 7, frameUrl: 'app://courseware-check/index.html' }, 7)).toBe(true);
    expect(isTrustedSender({ senderId: 8, frameUrl: 'app://courseware-check/index.html' }, 7)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frameUrl: 'https://example.com/' }, 7)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frameUrl: null }, 7)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frameUrl: 'app://courseware-check/index.html' }, null)).toBe(false);
  });
});

describe('the checker service behind the window (real checker-core)', () => {
  it('checks the sample lessons, reporting progress file by file', async () => {
    const service = new CheckerService();
    const messages: ProgressMessage[] = [];
    const { runId } = await service.start(validateCheckRequest(valid), (m) => messages.push(m));
    await service.settled(runId);
    const discovered = messages.find((m) => m.type === 'discovered');
    expect(discovered && discovered.type === 'discovered' && discovered.paths.length).toBe(5);
    const done = messages.filter((m): m is Extract<ProgressMessage, { type: 'done' }> => m.type === 'done');
    // Every file once, and again for each whose verdict changed when the folder's shared intros were found.
    expect(new Set(done.map((m) => m.index)).size).toBe(5);
    expect(done.length).toBeLessThanOrEqual(10);
    const phone = done.find((m) => m.result.path.endsWith('lesson-02-phone.mp4'))!.result;
    expect(phone.findings.find((f) => f.rule === 'video.frame-rate')).toMatchObject({ status: 'fail', measured: 30 });
    expect(messages.at(-1)).toMatchObject({ type: 'finished', cancelled: false, summary: { files: 5, fail: 4, warn: 1 } });
    // The flash in lesson 05 comes with the picture of it, for the window to show.
    const glitch = done.find((m) => m.result.path.endsWith('lesson-05-edit-glitch.mp4'))!.result;
    expect(glitch.findings.find((f) => f.rule === 'video.flash')!.evidenceDataUri).toMatch(/^data:image\/jpeg;base64,/);
    const json = JSON.parse(await service.report(runId, 'json'));
    expect(json.summary).toEqual({ files: 5, pass: 0, warn: 1, fail: 4, error: 0 });
    expect(await service.report(runId, 'html')).toContain('lesson-02-phone.mp4');
  });

  it('stops when cancelled, and says so', async () => {
    const service = new CheckerService();
    const messages: ProgressMessage[] = [];
    const { runId } = await service.start(validateCheckRequest(valid), (m) => messages.push(m));
    service.cancel(runId);
    await service.settled(runId);
    expect(messages.at(-1)).toMatchObject({ type: 'finished', cancelled: true });
    expect(messages.filter((m) => m.type === 'done').length).toBeLessThan(5);
  });

  it('refuses a profile file that does not exist, with its reason', async () => {
    const service = new CheckerService();
    await expect(service.start(validateCheckRequest({ ...valid, profile: { kind: 'file', path: '/nonexistent.yaml' } }), () => {})).rejects.toThrow(/no such file/);
  });

  it('refuses a profile file that is not one without quoting it', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const folder = await mkdtemp(join(tmpdir(), 'ipc-profile-'));
    try {
      const service = new CheckerService();
      for (const [name, text] of [['a.yaml', 'SECRET=LINE/ipc: [\n'], ['b.json', 'SECRET=LINE/ipc'], ['c.yaml', 'SECRET=LINE/ipc: 1\n']] as const) {
        const path = join(folder, name);
        await writeFile(path, text);
        const error = await service.start(validateCheckRequest({ ...valid, profile: { kind: 'file', path } }), () => {}).then(() => null, (e: Error) => e);
        expect(error).toBeInstanceOf(InvalidMessage);
        expect(error!.message).toMatch(new RegExp(`^profile ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (not valid|unknown key <not shown)`));
        expect(error!.message).not.toContain('SECRET');
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('names runs with 128 random bits, each run its own', async () => {
    const service = new CheckerService();
    const ids = await Promise.all([1, 2, 3].map(async () => (await service.start(validateCheckRequest({ ...valid, paths: ['/nonexistent-courseware'] }), () => {})).runId));
    for (const id of ids) {
      expect(validateRunId(id)).toBe(id);
      service.forget(id);
    }
    expect(new Set(ids).size).toBe(3);
    await expect(service.report(ids[0]!, 'json')).rejects.toThrow(InvalidMessage);
  });
});

describe('the Electron bundles', () => {
  it('build, with a preload that loads nothing but electron and a main that bundles the checker', async () => {
    const { execa } = await import('execa');
    const { readFile } = await import('node:fs/promises');
    const desktop = join(REPO_ROOT, 'packages/desktop');
    await execa('node', ['build.mjs'], { cwd: desktop });
    const preload = await readFile(join(desktop, 'dist/preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("checker"');
    const main = await readFile(join(desktop, 'dist/main.mjs'), 'utf8');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
    expect(main).toContain('nodeIntegration: false');
    expect(main).not.toMatch(/from ["']@courseware-check\/checker-core["']/); // bundled in, TypeScript sources and all
  });
});
