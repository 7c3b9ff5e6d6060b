import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile } from './hash-file.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hash-file-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Bytes from a seeded generator (xorshift32): the same file on every machine. */
function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

describe('sha256OfFile', () => {
  it('hashes a file read a MiB at a time into one buffer as the whole of its bytes', async () => {
    // Three whole reads and a short one: the reused buffer must not carry bytes from the read before.
    for (const length of [0, 1, 3 * 1024 * 1024 + 4321]) {
      const bytes = seededBytes(length, 2026 + length);
      const path = join(folder, `file-${length}.bin`);
      await writeFile(path, bytes);
      expect(await sha256OfFile(path)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('stops when its signal is aborted, and says a missing file is missing', async () => {
    const path = join(folder, 'aborted.bin');
    await writeFile(path, seededBytes(1024, 7));
    await expect(sha256OfFile(path, AbortSignal.abort())).rejects.toThrow(/abort/i);
    await expect(sha256OfFile(join(folder, 'missing.bin'))).rejects.toThrow(/ENOENT/);
  });
});
