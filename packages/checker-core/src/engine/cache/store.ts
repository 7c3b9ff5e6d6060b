import { mkdir, open as openFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';

/**
 * The cache on disk: an LMDB environment (the `lmdb` package, its binary inside the package). LMDB
 * writes copy-on-write and switches to a new root in one step, so a crash mid-write leaves the last
 * committed state and never half an entry; several processes may read and write it at once.
 */
export class CacheStore {
  private constructor(
    private readonly root: RootDatabase,
    private readonly results: Database<Buffer, string>,
    private readonly hashes: Database<string, string>,
  ) {}

  /** What was kept under a key, or undefined; a read that fails is a miss, never an error. */
  getResult(key: string): Buffer | undefined {
    try {
      return this.results.getBinary(key);
    } catch {
      return undefined;
    }
  }

  /** Resolves when the entry is committed (and so survives a crash of this process). */
  async putResult(key: string, value: Buffer): Promise<void> {
    await this.results.put(key, value);
  }

  getHash(identity: string): string | undefined {
    try {
      return this.hashes.get(identity);
    } catch {
      return undefined;
    }
  }

  async putHash(identity: string, sha256: string): Promise<void> {
    await this.hashes.put(identity, sha256);
  }

  /** Opens the store in `folder` (made if missing). A store that is not LMDB's any more is moved aside and a new one made. */
  static async open(folder: string): Promise<{ store: CacheStore; movedAside: string | null }> {
    await mkdir(folder, { recursive: true });
    const path = join(folder, STORE_NAME);
    let movedAside: string | null = null;
    if (!(await looksLikeLmdb(path))) {
      movedAside = `${path}.broken-${Date.now()}`;
      await rename(path, movedAside);
    }
    try {
      return { store: CacheStore.openAt(path), movedAside };
    } catch (error) {
      if (movedAside) throw error;
      movedAside = `${path}.broken-${Date.now()}`;
      await rename(path, movedAside);
      return { store: CacheStore.openAt(path), movedAside };
    }
  }

  private static openAt(path: string): CacheStore {
    const root = open({ path, maxDbs: 4 });
    return new CacheStore(root, root.openDB<Buffer, string>('results', { encoding: 'binary' }), root.openDB<string, string>('hashes', { encoding: 'string' }));
  }
}

/** The folder inside the cache folder: a new layout gets a new name, and the old one is simply not read. */
const STORE_NAME = 'results-v1';
const LMDB_MAGIC = 0xbeefc0de;
/** Where an LMDB meta page's magic number sits (after the 16-byte page header and 8 bytes of it). */
const MAGIC_OFFSET = 24;
const PAGE_SIZES = [4096, 8192, 16384, 32768, 65536];

/**
 * LMDB trusts its file: a damaged one crashes the process instead of failing. So before opening,
 * both meta pages must carry LMDB's magic number (a missing store is fine: it is made).
 */
async function looksLikeLmdb(path: string): Promise<boolean> {
  let file;
  try {
    file = await openFile(join(path, 'data.mdb'), 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    const head = Buffer.alloc(PAGE_SIZES.at(-1)! + MAGIC_OFFSET + 4);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const magicAt = (offset: number) => offset + 4 <= bytesRead && head.readUInt32LE(offset) === LMDB_MAGIC;
    return magicAt(MAGIC_OFFSET) && PAGE_SIZES.some((size) => magicAt(size + MAGIC_OFFSET));
  } finally {
    await file.close();
  }
}
