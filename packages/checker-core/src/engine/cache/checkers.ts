import { stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import type { FileResult, Locale } from '../../facts/finding.js';
import type { FileChecker } from '../check-file.js';
import type { CheckTarget } from '../discover.js';
import { decodeEntry, encodeEntry } from './entry.js';
import { fileIdentity, sha256OfFile } from './hash-file.js';
import { entryKey, type TargetContent } from './key.js';
import type { CacheStore } from './store.js';

/**
 * Files hashed at once, whatever the batch's width: a queue sends every file at once, and ten thousand
 * reads at a time would thrash the disk and hold a megabyte of buffer each.
 */
const hashing = pLimit(2);

function limitedSha256(path: string, signal?: AbortSignal): Promise<string> {
  return hashing(() => sha256OfFile(path, signal));
}

/**
 * Adds `sha256` to each verdict, the file hashed while it is checked (no cache: the bytes are read
 * twice at once, and the operating system's page cache serves the slower reader). A file that cannot
 * be hashed gets none; the check says why it cannot be read.
 */
export function hashingChecker(inner: FileChecker): FileChecker {
  return async (target, options) => {
    const [checked, sha256] = await Promise.all([inner(target, options), limitedSha256(target.readPath, options.signal).catch(() => undefined)]);
    return sha256 ? { ...checked, result: withSha256(checked.result, sha256) } : checked;
  };
}

export interface CacheContext {
  store: CacheStore;
  /** settingsDigest() of this run. */
  digest: string;
  locale: Locale;
}

/**
 * Looks each file up in the result cache before checking it: the file's hash (from the memo when its
 * device, inode, size and modification time are unchanged), its sidecars' and the run's settings make
 * the key. A hit costs a stat and a read; a miss is checked by `inner` (here, or by a queue's workers)
 * and kept as soon as it finishes, so an interrupted run resumes where it stopped. Errors (perhaps
 * passing: a stalled decode, a file still being copied) and files cut short are never kept.
 */
export function cachingChecker(inner: FileChecker, cache: CacheContext): FileChecker {
  return async (target, options) => {
    const content = await contentOf(target, cache.store, options.signal).catch(() => null);
    // A file or sidecar that cannot be read: checked (the checker names the cause), not kept.
    if (!content) return hashingChecker(inner)(target, options);
    const key = entryKey(cache.digest, target, content);
    const stored = cache.store.getResult(key);
    const hit = stored && decodeEntry(stored, cache.locale);
    if (hit) return { ...hit, result: withSha256(hit.result, content.sha256) };
    const checked = await inner(target, options);
    if (checked.result.status !== 'error' && !options.signal?.aborted && (await unchanged(target, content))) {
      // Encoded now, before the batch adds timings and evidence to the result; a full disk only costs the cache.
      await cache.store.putResult(key, encodeEntry(checked)).catch(() => undefined);
    }
    return { ...checked, result: withSha256(checked.result, content.sha256) };
  };
}

/** A target's content, and the identity of the file it was read from. */
type Content = TargetContent & { identity: string };

async function contentOf(target: CheckTarget, store: CacheStore, signal?: AbortSignal): Promise<Content> {
  const { sha256, identity } = await memoizedSha256(target.readPath, store, signal);
  const sidecars = [];
  for (const sidecar of target.sidecars) sidecars.push({ path: sidecar.path, sha256: (await memoizedSha256(sidecar.readPath, store, signal)).sha256 });
  return { sha256, sidecars, identity };
}

async function memoizedSha256(path: string, store: CacheStore, signal?: AbortSignal): Promise<{ sha256: string; identity: string }> {
  const identity = fileIdentity(await stat(path));
  const known = store.getHash(identity);
  if (known) return { sha256: known, identity };
  const sha256 = await limitedSha256(path, signal);
  // Unchanged while it was read? Otherwise the hash is of bytes half old, half new: not remembered.
  if (fileIdentity(await stat(path)) === identity) await store.putHash(identity, sha256).catch(() => undefined);
  return { sha256, identity };
}

/** The file was not rewritten while it was checked: the verdict is of the bytes the key names. */
async function unchanged(target: CheckTarget, content: Content): Promise<boolean> {
  const info = await stat(target.readPath).catch(() => null);
  return info !== null && fileIdentity(info) === content.identity;
}

/** The hash right after the path, where a person reading the JSON looks for it. */
function withSha256(result: FileResult, sha256: string): FileResult {
  const { path, sha256: _old, ...rest } = result;
  return { path, sha256, ...rest };
}
