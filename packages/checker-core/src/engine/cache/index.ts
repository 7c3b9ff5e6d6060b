import type { Locale, MessageParams } from '../../facts/finding.js';
import type { MessageId } from '../../messages/catalogues.js';
import type { FileChecker } from '../check-file.js';
import { defaultCacheFolder } from './cache-folder.js';
import { cachingChecker, hashingChecker } from './checkers.js';
import { codeStamp, settingsDigest, type VerdictSettings } from './key.js';
import type { CacheStore } from './store.js';

export { defaultCacheFolder, CACHE_DIR_VARIABLE } from './cache-folder.js';

export interface CacheChoice {
  /** Keep verdicts in the result cache: `true` in the user's cache folder, or in `dir`. */
  cache: boolean | { dir: string } | undefined;
  settings: Omit<VerdictSettings, 'code'>;
  locale: Locale;
  /** Said once, in the run's events: the cache was damaged and made again, or cannot be used. */
  onWarning: (messageId: MessageId, params: MessageParams) => void;
}

/** One store a folder per process (the desktop app runs many checks). */
const stores = new Map<string, Promise<{ store: CacheStore; movedAside: string | null }>>();

/**
 * The checker of a run that hashes its files: through the result cache when it is on, else hashing
 * beside the check. The cache is a convenience: one that cannot be opened is a warning, and the run
 * checks every file.
 */
export async function hashedChecker(inner: FileChecker, choice: CacheChoice): Promise<FileChecker> {
  if (!choice.cache) return hashingChecker(inner);
  const folder = typeof choice.cache === 'object' ? choice.cache.dir : defaultCacheFolder();
  let opened = stores.get(folder);
  const first = !opened;
  // LMDB loads only when the cache is on: its native module and 16 MiB read buffer cost 12 MiB of memory.
  if (!opened) stores.set(folder, (opened = import('./store.js').then(({ CacheStore }) => CacheStore.open(folder))));
  try {
    const { store, movedAside } = await opened;
    if (first && movedAside) choice.onWarning('run/cache-rebuilt', { folder, path: movedAside });
    const digest = settingsDigest({ ...choice.settings, code: await codeStamp() });
    return cachingChecker(inner, { store, digest, locale: choice.locale });
  } catch (error) {
    stores.delete(folder);
    choice.onWarning('run/cache-unavailable', { folder, detail: (error as Error).message.split('\n')[0] ?? '' });
    return hashingChecker(inner);
  }
}
