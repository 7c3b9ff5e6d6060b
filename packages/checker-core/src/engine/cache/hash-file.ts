import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';

/** The SHA-256 of a file's bytes, read as a stream (a lesson of 1 GiB never sits in memory). */
export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Who a file is and how it was last written: the same device, inode, size and modification time
 * mean the same bytes (what `make` and `rsync` trust), so its hash need not be read again.
 */
export function fileIdentity(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}
