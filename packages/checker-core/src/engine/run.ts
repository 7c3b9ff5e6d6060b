import type { MessageParams, RuleMeta, SkippedPath } from '../facts/finding.js';
import type { MessageId } from '../messages/catalogues.js';
import { renderMessage } from '../messages/render.js';
import { resolveBinaries } from '../probe/binaries.js';
import { loadProfile } from '../profiles/load-profile.js';
import type { Profile } from '../profiles/profile.js';
import { buildReport, TOOL_VERSION, type Report } from '../report/report.js';
import { discover } from './discover.js';
import type { EvidenceKinds, EvidenceOptions } from './evidence.js';
import { planChecks } from './plan.js';
import { checkFile, type FileChecker } from './check-file.js';
import type { VerdictSettings } from './cache/key.js';
import { checkTargets, type FileEvent } from './pool.js';
import { judgeProjects, projectFolders } from './project.js';
import { toolVersionMemo } from './tool-versions.js';

export interface RunOptions {
  /** Files and folders to check. */
  paths: readonly string[];
  /** `web` (default), `archive`, a profile file, or a profile already loaded. */
  profile?: string | Profile;
  /** Metadata only: the rules that need decoding report `skip`. */
  quick?: boolean;
  /** The course language, for `subtitle.language` (default `zh`). */
  language?: 'zh' | 'en';
  /** The language of every message a person reads (`--locale`); the command line defaults it from LC_ALL, LC_MESSAGES, LANG. */
  locale?: 'zh' | 'en';
  /** Files checked at once (default: CPU cores). */
  jobs?: number;
  /** Stop a child process that makes no progress for this long; the file is an error (default 120 s). */
  stallTimeoutS?: number;
  /** Cancels the run: the files that finished are reported, with `interrupted: true`. */
  signal?: AbortSignal;
  /** Pictures at the timed findings: as JPEG files in `dir`, and/or as data URIs in the findings. */
  evidence?: EvidenceOptions;
  onEvent?: (event: RunEvent) => void;
  /** Each folder in `paths` is a training project: the project rules judge its lessons together once the batch is done (`projects` in the report). */
  project?: boolean;
  /** What checks each file (default: here, now); a cache or a queue of workers stands in. */
  checker?: FileChecker;
  /**
   * Keep each file's verdict in the result cache and take it from there while the file, the
   * settings and the tool are unchanged: `true` in the user's cache folder, or in `dir` (default off;
   * the command line and the app turn it on). `--quick` uses it only with `hash`.
   */
  cache?: boolean | { dir: string };
  /**
   * Remember the versions of ffmpeg and ffprobe by each binary's identity (path, inode, size, times),
   * `true` in the user's cache folder or in `dir`, so that a run starts no `-version` child (default
   * off; the command line turns it on, with `--no-cache` too: versions are not verdicts).
   */
  toolVersions?: true | { dir: string };
  /** `files[].sha256` in a `--quick` run too (a full check always hashes). */
  hash?: boolean;
}

/** One stream of what happens: what will be checked, each file as it starts and as its verdict arrives (again when it changes). */
export type RunEvent =
  | { type: 'discovered'; paths: string[]; skipped: SkippedPath[]; rules: Record<string, RuleMeta> }
  /** Something a person should know that stops nothing (the result cache was damaged and made again). */
  | { type: 'warning'; messageId: MessageId; params: MessageParams }
  | FileEvent;

/**
 * The paths hold nothing to check: a mistake in the command, not a file's failure. `messageId` and
 * `params` say it in any locale (the paths, and why each path met was left out); `message` is English.
 */
export class NothingToCheckError extends Error {
  override name = 'NothingToCheckError';
  readonly messageId: MessageId;
  readonly params: MessageParams;

  constructor(paths: readonly string[], skipped: readonly SkippedPath[]) {
    const messageId: MessageId = skipped.length === 0 ? 'run/nothing-to-check' : 'run/nothing-to-check-skipped';
    const params: MessageParams = {
      paths: [...paths],
      skipped: skipped.map((s) => ({ messageId: 'run/skipped-path', params: { path: s.path, reason: { messageId: s.messageId, params: s.params } } })),
    };
    super(renderMessage('en', messageId, params));
    this.messageId = messageId;
    this.params = params;
  }
}

/**
 * A whole check: profile → discover → check each file (with its evidence) → judge what a folder's
 * lessons share → Report. The command line, the desktop app and any other caller run this and keep
 * only their arguments, printing and exit codes, so that they cannot disagree.
 */
export async function run(options: RunOptions): Promise<Report> {
  const profile = typeof options.profile === 'object' ? options.profile : await loadProfile(options.profile ?? 'web');
  const { targets, skipped } = await discover(options.paths);
  // A project's lessons are its media files (a subtitle file checked on its own is not a lesson).
  const lessonPaths = new Set(targets.filter((t) => t.kind === 'media').map((t) => t.path));
  if (targets.length === 0) throw new NothingToCheckError(options.paths, skipped);
  const rules = rulesMetaOf(profile);
  options.onEvent?.({ type: 'discovered', paths: targets.map((t) => t.path), skipped, rules });
  const quick = options.quick ?? false;
  const language = options.language ?? 'zh';
  // Findings carry ids and parameters; their messages are rendered in this locale (the library's default: English).
  const locale = options.locale ?? 'en';
  const binaries = await resolveBinaries(options.toolVersions && toolVersionMemo(options.toolVersions));
  const checker = await checkerOf(options, { toolVersion: TOOL_VERSION, ffmpeg: binaries.ffmpeg.version, ffprobe: binaries.ffprobe.version, profile, quick, language }, locale);
  const kinds: EvidenceKinds = new Map(profile.settings.flatMap(({ rule }) => (rule.evidence ? [[rule.id, rule.evidence] as const] : [])));
  const files = await checkTargets(targets, {
    profile,
    plan: planChecks(profile, quick),
    context: { language, locale },
    jobs: options.jobs,
    signal: options.signal,
    stallTimeoutS: options.stallTimeoutS,
    evidence: options.evidence && !quick ? { ...options.evidence, kinds } : undefined,
    onEvent: options.onEvent,
    checker,
  });
  // A project is judged on all its lessons: a run stopped before the end judges none (its totals would mislead).
  const interrupted = options.signal?.aborted ?? false;
  const projects = options.project && !interrupted
    ? judgeProjects(await projectFolders(options.paths), files.filter((f) => lessonPaths.has(f.path)), profile, { language, locale }, quick)
    : undefined;
  return buildReport(files, {
    projects,
    profile: profile.name,
    versions: { ffmpeg: binaries.ffmpeg.version, ffprobe: binaries.ffprobe.version },
    quick,
    language,
    locale,
    rules,
    skipped,
    interrupted: options.signal?.aborted ?? false,
  });
}

/**
 * What checks each file: the given checker (default: here), hashed when the run hashes (a full check,
 * or `hash`), through the result cache when it is on. `--quick` without `hash` loads none of it.
 */
async function checkerOf(options: RunOptions, settings: Omit<VerdictSettings, 'code'>, locale: 'zh' | 'en'): Promise<FileChecker> {
  const checker = options.checker ?? checkFile;
  if (settings.quick && !options.hash) return checker;
  const { hashedChecker } = await import('./cache/index.js');
  const onWarning = (messageId: MessageId, params: MessageParams) => options.onEvent?.({ type: 'warning', messageId, params });
  return hashedChecker(checker, { cache: options.cache, settings, locale, onWarning });
}

/** What the report says of each rule of the profile (its formatters and the app read this, not the rules). */
export function rulesMetaOf(profile: Profile): Record<string, RuleMeta> {
  return Object.fromEntries(profile.settings.map(({ rule, severity }) => [rule.id, { area: rule.area, notice: rule.notice, description: rule.description, severity }]));
}
