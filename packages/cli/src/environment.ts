/** What the environment decides when the command line does not: the locale and colours. */

export type Locale = 'zh' | 'en';

/**
 * The default `--locale`: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
 * (POSIX's order); a value starting with `zh` (`zh_CN.UTF-8`, `zh_TW`, `zh`) gives Chinese, anything
 * else (`en_US.UTF-8`, `C`, `POSIX`, nothing) English.
 */
export function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * Whether to paint with ANSI colours, in this order:
 * 1. `--color` / `--no-color` given (no-color.org: a per-run argument overrides the environment).
 * 2. `NO_COLOR` set and not empty: never.
 * 3. `FORCE_COLOR` set: colours unless it is `0` or `false` (as Node and supports-color read it),
 *    even when the stream is not a terminal (CI logs that render colour).
 * 4. Otherwise colours on a terminal, unless `TERM=dumb`.
 */
export function useColor(options: { flag: boolean | undefined; env: NodeJS.ProcessEnv; isTTY: boolean }): boolean {
  const { flag, env, isTTY } = options;
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.trim().toLowerCase());
  return isTTY && env.TERM !== 'dumb';
}
