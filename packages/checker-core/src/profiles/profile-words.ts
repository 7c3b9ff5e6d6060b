/**
 * How profile messages speak of what a profile file holds. A message may name a key, never a value:
 * a file given as a profile by mistake may be a secret (`/etc/shadow`), and its text must not reach
 * a terminal or a log. Values are described by their kind ("a string", "a list"); only numbers,
 * booleans and null, which say nothing beyond themselves, are shown.
 */

import { printable } from '../facts/printable.js';

/** Longest key shown in a message, in characters; a longer one is cut with "…". */
export const MAX_KEY_CHARS = 40;

/** Letters, digits, ".", "_", "-" and inner spaces: a rule id, an option or a misspelling of one. */
const NAME = /^[\p{L}\p{N}._-]+(?: [\p{L}\p{N}._-]+)*$/u;

/** Whether a key may be shown: it looks like a name, not like a line of some other file. */
export function isShowableKey(key: string): boolean {
  return NAME.test(key);
}

/**
 * A key as a message shows it: in double quotes, cut to `MAX_KEY_CHARS` characters and escaped; or,
 * when it does not look like a name (`root:$6$…:19000:0:99999:7::`), only its length, in angle brackets.
 */
export function quoteKey(key: string): string {
  if (!isShowableKey(key)) return `<not shown: ${[...key].length} characters, not a name>`;
  const chars = [...key];
  const cut = chars.length > MAX_KEY_CHARS ? `${chars.slice(0, MAX_KEY_CHARS - 1).join('')}…` : key;
  return `"${printable(cut)}"`;
}

/** What a value is, in words, without its content: `NaN`, `null`, `true`, `-1`, `a string`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'bigint') return 'a whole number too large to read';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Set) return 'a set';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}
