import envPaths from 'env-paths';

/** Tests and administrators put the cache elsewhere with this variable. */
export const CACHE_DIR_VARIABLE = 'COURSEWARE_CHECK_CACHE_DIR';

/**
 * The user's cache folder for courseware-check, never beside the media: `COURSEWARE_CHECK_CACHE_DIR`,
 * else the platform's (`$XDG_CACHE_HOME/courseware-check` or `~/.cache/courseware-check` on Linux,
 * `~/Library/Caches/courseware-check` on macOS, `%LOCALAPPDATA%\courseware-check\Cache` on Windows).
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env[CACHE_DIR_VARIABLE] || envPaths('courseware-check', { suffix: '' }).cache;
}
