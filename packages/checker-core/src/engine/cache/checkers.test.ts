import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileResult } from '../../facts/finding.js';
import type { CheckedFile, CheckOptions } from '../check-file.js';
import type { CheckTarget } from '../discover.js';
import { cachingChecker } from './checkers.js';
import * as hashFile from './hash-file.js';
import { CacheStore } from './store.js';

// Counts the files actually read for their hash.
vi.mock('./hash-file.js', async (original) => {
  const actual = await original<typeof import('./hash-file.js')>();
  return { ...actual, sha256OfFile: vi.fn(actual.sha256OfFile) };
});

let folder: string;
let store: CacheStore;
let target: CheckTarget;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'courseware-check-checkers-'));
  ({ store } = await CacheStore.open(join(folder, 'cache')));
  const path = join(folder, 'lesson.mp4');
  await writeFile(path, 'not really a lesson, but bytes to hash');
  target = { kind: 'media', path, readPath: path, sidecars: [] };
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A checker that answers `status` and counts its calls. */
function fakeChecker(status: FileResult['status']) {
  const calls = vi.fn();
  const checker = async (t: CheckTarget): Promise<CheckedFile> => {
    calls();
    return { result: { path: t.path, status, facts: null, findings: [], error: null }, print: null };
  };
  return { checker, calls };
}

const options = {} as CheckOptions;
const hashed = vi.mocked(hashFile.sha256OfFile);

describe('the caching checker', () => {
  it('checks and hashes a new file once; the second time neither (the memo knows the unchanged file)', async () => {
    const { checker, calls } = fakeChecker('pass');
    const cached = cachingChecker(checker, { store, digest: 'settings-1', locale: 'en' });
    hashed.mockClear();
    const first = await cached(target, options);
    const second = await cached(target, options);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(hashed).toHaveBeenCalledTimes(1);
    expect(second.result).toEqual(first.result);
    expect(first.result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a touched file (new modification time, same bytes) is hashed again but not checked again', async () => {
    const { checker, calls } = fakeChecker('pass');
    const cached = cachingChecker(checker, { store, digest: 'settings-1', locale: 'en' });
    const later = new Date(Date.now() + 60_000);
    await utimes(target.readPath, later, later);
    hashed.mockClear();
    await cached(target, options);
    expect(hashed).toHaveBeenCalledTimes(1);
    expect(calls).not.toHaveBeenCalled();
  });

  it('other settings are another entry', async () => {
    const { checker, calls } = fakeChecker('pass');
    await cachingChecker(checker, { store, digest: 'settings-2', locale: 'en' })(target, options);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('an error is never kept: the next run tries the file again', async () => {
    const { checker, calls } = fakeChecker('error');
    const cached = cachingChecker(checker, { store, digest: 'settings-error', locale: 'en' });
    await cached(target, options);
    await cached(target, options);
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('a file whose check was cancelled is not kept', async () => {
    const { checker, calls } = fakeChecker('pass');
    const cached = cachingChecker(checker, { store, digest: 'settings-cancelled', locale: 'en' });
    const controller = new AbortController();
    const cancelling = async (t: CheckTarget) => {
      const checked = await checker(t);
      controller.abort();
      return checked;
    };
    await cachingChecker(cancelling, { store, digest: 'settings-cancelled', locale: 'en' })(target, { ...options, signal: controller.signal });
    await cached(target, options);
    expect(calls).toHaveBeenCalledTimes(2);
  });
});
