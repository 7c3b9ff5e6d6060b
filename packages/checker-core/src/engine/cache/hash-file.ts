import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';

const READ_BYTES = 1 << 20;

/**
 * The SHA-256 of a file's bytes, read a MiB at a time into one buffer. A read stream would allocate
 * a new buffer for every MiB: garbage that only external-memory pressure collects, so a 1 GiB lesson
 * held 40–60 MiB of dead reads while the decoding passes ran beside it.
 */
export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/**
 * Who a file is and how it was last written: the same device, inode, size and modification time
 * mean the same bytes (what `make` and `rsync` trust), so its hash need not be read again.
 */
export function fileIdentity(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}
