import { lstat } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import type { PathInput } from './arguments.js';
import type { Locale } from './environment.js';
import { say } from './words.js';

/**
 * Turns what was given into the paths to check, in order, each once:
 * - `-`: the paths read from standard input, one a line (`find … | courseware-check -`), or
 *   separated by NUL characters (`find … -print0`); blank lines are ignored; taken literally.
 * - a path that exists: itself, even when its name looks like a glob (`lesson [1].mp4`).
 * - a glob (`'lessons/*.mp4'`, `'**\/*.mov'`): expanded here, the same on every OS, so a quoted
 *   pattern works where no shell expands it (Windows). Hidden names match only when the pattern
 *   names them. Folders it matches are walked like folders named.
 * - anything else, a glob matching nothing included: kept, and reported like a missing path.
 */
export async function expandInputs(inputs: readonly PathInput[], locale: Locale = 'en', readStdin: () => Promise<string> = () => readStandardInput(locale)): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    if (input.kind === 'stdin') paths.push(...splitPathList(await readStdin()));
    else paths.push(...(await expandPath(input.value)));
  }
  return [...new Set(paths)];
}

/** One path a line (or NUL-separated); a line's end (`\n`, `\r\n`) is not part of the path; blank lines are dropped. */
export function splitPathList(text: string): string[] {
  const entries = text.includes('\0') ? text.split('\0') : text.split(/\r?\n/);
  return entries.filter((entry) => entry.trim() !== '');
}

/** Without one of these (picomatch's glob syntax), a path is no glob: the glob library (25 ms to load here) stays unloaded. */
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

async function expandPath(value: string): Promise<string[]> {
  if (!GLOB_CHARACTERS.test(value)) return [value];
  const { glob, isDynamicPattern } = await import('tinyglobby');
  if (!isDynamicPattern(value, { caseSensitiveMatch: true }) || (await lstat(value).then(() => true, () => false))) return [value];
  // A glob's separator is `/`; on Windows, where `\` separates folders, a pattern may be written with either.
  const pattern = process.platform === 'win32' ? value.replaceAll('\\', '/') : value;
  const matches = await glob([pattern], { expandDirectories: false, onlyFiles: false, absolute: isAbsolute(value) });
  if (matches.length === 0) return [value];
  // A match shown as the OS spells paths, without the trailing separator of a folder; sorted, since a walk's order is not stable.
  const shown = matches.map((match) => normalize(match).replace(/(.)[\\/]+$/, '$1'));
  return shown.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function readStandardInput(locale: Locale): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`courseware-check: ${say(locale, 'cli/stdin-prompt')}\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
