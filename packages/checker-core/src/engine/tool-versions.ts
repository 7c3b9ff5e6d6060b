import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { VersionMemo } from '../probe/binaries.js';
import { defaultCacheFolder } from './cache/cache-folder.js';

/** Renamed if what the file holds changes shape. */
const FILE_NAME = 'tool-versions-v1.json';

/**
 * The versions of ffmpeg and ffprobe as read before, in the cache folder (`true`: the user's), so
 * that a run starts no `-version` child: 16 ms of a quick check (`pnpm bench`). One small JSON
 * object (identity → first line of `-version`), written whole through a rename; writes are queued,
 * so that the two binaries of a first run both land.
 */
export function toolVersionMemo(folder: true | { dir: string }): VersionMemo {
  const path = join(folder === true ? defaultCacheFolder() : folder.dir, FILE_NAME);
  let writing = Promise.resolve();
  // A file that cannot be read or parsed is an empty memo: the binaries are asked, and it is written anew.
  const load = async (): Promise<Record<string, string>> => {
    let known: unknown;
    try {
      known = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      return {};
    }
    return typeof known === 'object' && known !== null && !Array.isArray(known) ? (known as Record<string, string>) : {};
  };
  // Read once for both binaries' lookups; a write reads again, to keep what another process wrote since.
  let remembered: Promise<Record<string, string>> | undefined;
  return {
    async get(identity) {
      const version = (await (remembered ??= load()))[identity];
      return typeof version === 'string' && version !== '' ? version : undefined;
    },
    set(identity, version) {
      writing = writing.catch(() => undefined).then(async () => {
        const known = await load();
        known[identity] = version;
        await mkdir(dirname(path), { recursive: true });
        const part = `${path}.${process.pid}.part`;
        await writeFile(part, JSON.stringify(known, null, 1));
        await rename(part, path);
      });
      return writing;
    },
  };
}
