import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Document, ErrorCode, YAMLError } from 'yaml';
import { ProfileError } from './profile-error.js';
import { printable } from '../facts/printable.js';
import { describeValue, quoteKey } from './profile-words.js';

/** Largest profile file read; a profile is a few hundred bytes. */
export const MAX_PROFILE_BYTES = 1024 * 1024;

/** Deepest nesting accepted: a profile is four levels deep (rules → id → options → value). */
const MAX_DEPTH = 32;

/** Largest number of alias expansions in a YAML profile (a "billion laughs" file stops here). */
const MAX_ALIAS_COUNT = 100;

/** Plain data: objects without a prototype, so no key (`__proto__` included) means anything but itself. */
export type ProfileData = null | boolean | number | string | ProfileData[] | { [key: string]: ProfileData } | Date | Uint8Array;

/**
 * Reads a profile file and parses it (`.json` as JSON, anything else as YAML) into plain data whose
 * objects have no prototype. Refuses before reading anything that is not a regular file (a FIFO
 * would block, `/dev/zero` never ends) or is larger than `MAX_PROFILE_BYTES`. Every failure is a
 * one-line `ProfileError` that quotes none of the file's text.
 */
export async function readProfileFile(path: string, notFound: string): Promise<ProfileData> {
  const fail = (message: string) => new ProfileError(`profile ${printable(path)}: ${message}`);
  const text = await readText(path, notFound, fail);
  // JSON is read by the YAML parser too (JSON is YAML 1.2 with the JSON schema): one parser, whose
  // error codes are put into words; Node's JSON.parse quotes the text in its messages.
  // The YAML parser (20 ms to load) is loaded only for a profile file, never for the built-in profiles.
  const yaml = await import('yaml');
  return parseStructured(yaml, text, fail, extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML');
}

type Yaml = typeof import('yaml');

async function readText(path: string, notFound: string, fail: (message: string) => ProfileError): Promise<string> {
  // stat first: opening a FIFO or a device can block or act on the device.
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw fail(cannotRead(error, notFound));
  }
  checkRegular(info, fail);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: should the path become a FIFO between stat and open, open does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fail(cannotRead(error, notFound));
  }
  try {
    const opened = await handle.stat();
    checkRegular(opened, fail);
    if (opened.size > MAX_PROFILE_BYTES) throw fail(tooLarge(`${opened.size} bytes`));
    const buffer = Buffer.alloc(MAX_PROFILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_PROFILE_BYTES) throw fail(tooLarge(`more than ${MAX_PROFILE_BYTES} bytes`));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw fail('not UTF-8 text');
    }
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    throw fail(cannotRead(error, notFound));
  } finally {
    await handle.close();
  }
}

function tooLarge(size: string): string {
  return `too large for a profile (${size}; at most ${MAX_PROFILE_BYTES})`;
}

function checkRegular(info: Stats, fail: (message: string) => ProfileError): void {
  if (info.isFile()) return;
  const kind = info.isDirectory()
    ? 'a folder'
    : info.isFIFO()
      ? 'a FIFO'
      : info.isCharacterDevice()
        ? 'a character device'
        : info.isBlockDevice()
          ? 'a block device'
          : info.isSocket()
            ? 'a socket'
            : null;
  throw fail(kind ? `not a regular file (${kind})` : 'not a regular file');
}

const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'not a regular file (a folder)',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function cannotRead(error: unknown, notFound: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFound;
  if (code === 'EISDIR') return READ_ERRORS[code]!;
  return `cannot read (${READ_ERRORS[code] ?? printable(code)})`;
}

// ---- YAML ----

/** Words for the YAML parser's error codes; its own messages quote the text and are never shown. */
const YAML_PROBLEMS: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'a key appears twice in one mapping',
  MULTIPLE_DOCS: 'more than one document',
  TAB_AS_INDENT: 'a tab used as indentation',
  BAD_INDENT: 'bad indentation',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  TAG_RESOLVE_FAILED: 'unknown tag',
  BAD_DIRECTIVE: 'unknown directive',
  BAD_DQ_ESCAPE: 'invalid escape in a double-quoted string',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MULTILINE_IMPLICIT_KEY: 'a key spread over several lines',
  BLOCK_AS_IMPLICIT_KEY: 'a block used as a key',
  RESOURCE_EXHAUSTION: 'nested too deeply',
  BAD_ALIAS: 'bad alias',
  ALIAS_PROPS: 'an alias with a tag or anchor',
  MULTIPLE_ANCHORS: 'more than one anchor on a node',
  MULTIPLE_TAGS: 'more than one tag on a node',
  UNEXPECTED_TOKEN: 'unexpected text',
  BAD_SCALAR_START: 'a value starts with a reserved character',
  BLOCK_IN_FLOW: 'a block inside brackets',
  BAD_COLLECTION_TYPE: 'a tag that does not fit the collection',
  NON_STRING_KEY: 'a key that is not a string',
};

function parseStructured(yaml: Yaml, text: string, fail: (message: string) => ProfileError, language: 'YAML' | 'JSON'): ProfileData {
  const { parseDocument } = yaml;
  // logLevel 'error': warnings are collected in doc.warnings, never printed (no process.emitWarning,
  // no YAMLWarning object on stderr); they are refused below like errors.
  const doc = parseDocument(text, { logLevel: 'error', uniqueKeys: true, prettyErrors: true, ...(language === 'JSON' ? { schema: 'json' } : {}) });
  const problem: YAMLError | undefined = doc.errors[0] ?? doc.warnings[0];
  const yamlProblem = (at: { line: number; col: number } | undefined, words: string | undefined) =>
    `not valid ${language}${at ? ` (line ${at.line}, column ${at.col})` : ''}${words ? `: ${words}` : ''}`;
  if (problem) {
    // The JSON schema reports a missing value or unquoted text as a tag it cannot resolve.
    const words = language === 'JSON' && problem.code === 'TAG_RESOLVE_FAILED' ? 'a value JSON does not allow (missing, or text without quotes)' : YAML_PROBLEMS[problem.code];
    throw fail(yamlProblem(problem.linePos?.[0], words));
  }
  let value: unknown;
  try {
    value = doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // An alias to no anchor, or too many aliases: the library's message names the alias, so it is not shown.
    if (/excessive alias count/i.test((error as Error | undefined)?.message ?? '')) throw fail(yamlProblem(undefined, 'too many aliases'));
    throw fail(yamlProblem(unresolvedAliasAt(yaml, doc, text), 'an alias (*name) to no anchor (&name) before it'));
  }
  return toData(value, fail, 0, []);
}

/** Where the first alias that names no anchor defined before it is. */
function unresolvedAliasAt(yaml: Yaml, doc: Document, text: string): { line: number; col: number } | undefined {
  const { isAlias, isCollection, isScalar, visit } = yaml;
  const anchors = new Set<string>();
  let offset: number | undefined;
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.add(node.anchor);
    if (isAlias(node) && !anchors.has(node.source)) {
      offset = node.range?.[0];
      return visit.BREAK;
    }
    return undefined;
  });
  return offset === undefined ? undefined : lineAndColumn(text, offset);
}

/**
 * Parsed values into `ProfileData`: maps become objects without a prototype, whose keys are
 * strings (a number, true or null key becomes its text; a list or mapping as a key is refused).
 */
function toData(value: unknown, fail: (message: string) => ProfileError, depth: number, path: string[]): ProfileData {
  if (depth > MAX_DEPTH) throw fail(`nested more than ${MAX_DEPTH} levels deep`);
  if (value instanceof Map) {
    const out: Record<string, ProfileData> = Object.create(null);
    for (const [rawKey, item] of value) {
      if (rawKey !== null && typeof rawKey === 'object') throw fail(`${where(path)}a key is ${describeValue(rawKey)}, not a name`);
      const key = String(rawKey);
      if (Object.hasOwn(out, key)) throw fail(`${where(path)}key ${quoteKey(key)} appears twice`);
      out[key] = toData(item, fail, depth + 1, [...path, key]);
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((item, index) => toData(item, fail, depth + 1, [...path, String(index)]));
  if (value === undefined) return null;
  return value as ProfileData;
}

function where(path: string[]): string {
  return path.length === 0 ? '' : `${path.map(quoteKey).join(' → ')}: `;
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}
