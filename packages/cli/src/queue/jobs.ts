import { hostname } from 'node:os';
import { resolve } from 'node:path';
import {
  resolveBinaries,
  rulesById,
  TOOL_VERSION,
  type CheckedFile,
  type CheckTarget,
  type FileResult,
  type Locale,
  type MessageParams,
  type Profile,
  type Severity,
} from '@courseware-check/checker-core';
import { renderMessage, type MessageId } from '@courseware-check/checker-core/messages';

/** The one queue every worker serves; a run's jobs are told apart by the run id in their job ids. */
export const QUEUE_NAME = 'courseware-check';

/** The shape of a job and of its outcome: a worker refuses a job of another format. */
export const JOB_FORMAT = 1;

/** What must be equal on the submitter and on a worker for a verdict not to depend on the machine. */
export interface Versions {
  tool: string;
  ffmpeg: string;
  ffprobe: string;
}

/** A profile as data: the enabled rules by id, with their severities and options (rules are code). */
export interface ProfileData {
  name: string;
  rules: { id: string; severity: Severity; options: Profile['settings'][number]['options'] }[];
}

/** One file to check, as a job's data (JSON). */
export interface CheckJob {
  format: typeof JOB_FORMAT;
  runId: string;
  /** The report's path (as given) and absolute paths to read, the same on every worker (shared storage). */
  target: CheckTarget;
  profile: ProfileData;
  quick: boolean;
  context: { language: 'zh' | 'en'; locale: Locale };
  stallTimeoutS: number | undefined;
  /** The submitter's versions: a worker whose versions differ refuses the job. */
  versions: Versions;
}

/** What a worker returns for a job. */
export interface JobOutcome {
  format: typeof JOB_FORMAT;
  worker: { host: string; versions: Versions };
  /** The CheckedFile in tagged JSON (see `encodeChecked`). */
  checked: string;
}

let versions: Promise<Versions> | undefined;

/** This machine's tool, ffmpeg and ffprobe versions (what every report names). */
export function localVersions(): Promise<Versions> {
  versions ??= resolveBinaries().then(({ ffmpeg, ffprobe }) => ({ tool: TOOL_VERSION, ffmpeg: ffmpeg.version, ffprobe: ffprobe.version }));
  return versions;
}

/** The first version that differs, as each side names it (`ffprobe version 4.0.2-static`), for a one-line refusal; null when all are equal. */
export function versionDifference(mine: Versions, theirs: Versions): { mine: string; theirs: string } | null {
  if (mine.tool !== theirs.tool) return { mine: `courseware-check ${mine.tool}`, theirs: `courseware-check ${theirs.tool}` };
  for (const name of ['ffmpeg', 'ffprobe'] as const) if (mine[name] !== theirs[name]) return { mine: mine[name], theirs: theirs[name] };
  return null;
}

/** A job or an outcome of another shape, said as a version difference. */
export function formatDifference(mine: number, theirs: number): { mine: string; theirs: string } | null {
  return mine === theirs ? null : { mine: `job format ${mine}`, theirs: `job format ${theirs}` };
}

export function profileData(profile: Profile): ProfileData {
  return { name: profile.name, rules: profile.settings.map(({ rule, severity, options }) => ({ id: rule.id, severity, options })) };
}

/** The profile again, from this worker's rules (the versions were compared first: the ids are known). */
export function profileFrom(data: ProfileData): Profile {
  return {
    name: data.name,
    settings: data.rules.map(({ id, severity, options }) => {
      const rule = rulesById.get(id);
      if (!rule) throw new Error(`unknown rule ${id}`);
      return { rule, severity, options };
    }),
  };
}

/** A target with absolute read paths: a worker's current folder is not the submitter's. */
export function absoluteTarget(target: CheckTarget): CheckTarget {
  return { ...target, readPath: resolve(target.readPath), sidecars: target.sidecars.map((s) => ({ ...s, readPath: resolve(s.readPath) })) };
}

/**
 * JSON that keeps what plain JSON loses in a CheckedFile: the sound print's Float32Arrays and
 * non-finite numbers (a silent track's −Infinity dB), so that a worker's verdict reads exactly as a
 * local one. Hand-written: a dozen lines; v8.serialize would tie workers to one Node version.
 */
export function encodeChecked(checked: CheckedFile): string {
  return JSON.stringify(checked, function (_key, value: unknown) {
    if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
    if (value instanceof Float32Array) return { $float32: Array.from(value, (v) => (Number.isFinite(v) ? v : String(v))) };
    if (value instanceof Float64Array) return { $float64: Array.from(value, (v) => (Number.isFinite(v) ? v : String(v))) };
    return value;
  });
}

export function decodeChecked(text: string): CheckedFile {
  const number = (v: number | string) => (typeof v === 'number' ? v : Number(v));
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as { $number?: string; $float32?: (number | string)[]; $float64?: (number | string)[] };
      if (tagged.$number !== undefined) return Number(tagged.$number);
      if (tagged.$float32) return Float32Array.from(tagged.$float32, number);
      if (tagged.$float64) return Float64Array.from(tagged.$float64, number);
    }
    return value;
  }) as CheckedFile;
}

/** This worker's name in messages. */
export function workerHost(): string {
  return hostname();
}

/** A file the queue could not check (a worker refused it, could not see it, or the job failed): status `error`, one line. */
export function queueErrorResult(path: string, code: 'unreadable' | 'not-found' | 'internal', messageId: MessageId, params: MessageParams, locale: Locale): FileResult {
  return { path, status: 'error', facts: null, findings: [], error: { code, message: renderMessage(locale, messageId, params), messageId, params } };
}
