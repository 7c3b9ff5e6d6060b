import type { CheckRequest } from './api.js';

/** A message from the window that does not fit the contract; the main process rejects it. */
export class InvalidMessage extends Error {
  override name = 'InvalidMessage';
}

const MAX_PATHS = 10_000;
const MAX_PATH_LENGTH = 4096;

/** Every argument that crosses the IPC boundary is checked here, whatever the renderer claims. */
export function validateCheckRequest(value: unknown): CheckRequest {
  if (!isObject(value)) throw new InvalidMessage('a check request must be an object');
  const { paths, profile, language, locale, project } = value;
  const known = new Set(['paths', 'profile', 'language', 'locale', 'project']);
  for (const key of Object.keys(value)) if (!known.has(key)) throw new InvalidMessage(`unknown field "${key}"`);
  const request: CheckRequest = { paths: validatePaths(paths), profile: validateProfile(profile), language: validateLanguage(language) };
  if (locale !== undefined) request.locale = validateLocale(locale);
  if (project !== undefined) {
    if (typeof project !== 'boolean') throw new InvalidMessage('project must be true or false');
    request.project = project;
  }
  return request;
}

export function validatePaths(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidMessage('paths must be a non-empty list');
  if (value.length > MAX_PATHS) throw new InvalidMessage(`at most ${MAX_PATHS} paths at once`);
  return value.map((path, i) => {
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH || path.includes('\0')) {
      throw new InvalidMessage(`paths[${i}] is not a file path`);
    }
    return path;
  });
}

function validateProfile(value: unknown): CheckRequest['profile'] {
  if (!isObject(value)) throw new InvalidMessage('profile must be an object');
  if (value.kind === 'builtin' && (value.name === 'web' || value.name === 'archive')) return { kind: 'builtin', name: value.name };
  if (value.kind === 'file' && typeof value.path === 'string' && value.path.length > 0 && value.path.length <= MAX_PATH_LENGTH && !value.path.includes('\0')) {
    return { kind: 'file', path: value.path };
  }
  throw new InvalidMessage('profile must be web, archive or a profile file');
}

function validateLanguage(value: unknown): 'zh' | 'en' {
  if (value === 'zh' || value === 'en') return value;
  throw new InvalidMessage('language must be "zh" or "en"');
}

function validateLocale(value: unknown): 'zh' | 'en' {
  if (value === 'zh' || value === 'en') return value;
  throw new InvalidMessage('locale must be "zh" or "en"');
}

/** A run id as `CheckerService` makes them: `run-` and 32 lowercase hex digits (128 random bits). */
export const RUN_ID = /^run-[0-9a-f]{32}$/;

export function validateRunId(value: unknown): string {
  if (typeof value === 'string' && RUN_ID.test(value)) return value;
  throw new InvalidMessage('not a run id');
}

/** A file's index in a check run (as its `discovered` message numbers them). */
export function validateFileIndex(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_PATHS) return value;
  throw new InvalidMessage('not a file index');
}

/** One file path (a fix's output, which the service then looks up among what that fix wrote). */
export function validatePath(value: unknown): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH && !value.includes('\0')) return value;
  throw new InvalidMessage('not a file path');
}

export function validateFormat(value: unknown): 'html' | 'json' {
  if (value === 'html' || value === 'json') return value;
  throw new InvalidMessage('format must be "html" or "json"');
}

export function validatePickKind(value: unknown): 'files' | 'folder' {
  if (value === 'files' || value === 'folder') return value;
  throw new InvalidMessage('kind must be "files" or "folder"');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
